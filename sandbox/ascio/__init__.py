# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio AWS v2 sandbox: a SOAP 1.1 service on 127.0.0.1 that behaves like the WCF original.

Run ``python -m sandbox.ascio --help``; see docs/sandbox-ascio.md.

It imports nothing from the collection (plugins/): it is a judge of the client,
not a mirror.

Modules: schema (the contract and the served WSDL, read from docs/reference/),
soap (envelopes, WCF dispatch by SOAPAction, DataContract-style reading/writing), hosts (name
and IP checks), state (accounts, sessions, domains), seed (YAML seed),
orders (validation and the change of each order type), processing (order
lifecycle and poll queue), operations (the SOAP operations), journal,
server (HTTP).
"""
