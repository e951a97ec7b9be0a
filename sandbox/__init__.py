# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Stand-ins for the two registrars: real HTTP servers on 127.0.0.1.

Each sandbox does only what the registrar's public documentation says the real
service does, so that playbooks tested here behave the same against the real one.
"""
