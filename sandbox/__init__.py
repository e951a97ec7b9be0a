"""Stand-ins for the two registrars: real HTTP servers on 127.0.0.1.

Each sandbox does only what the registrar's public documentation says the real
service does, so that playbooks tested here behave the same against the real one.
"""
