# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The longest contact field values this registrar accepts, checked before anything is sent.

Data from docs/reference/contact-limits.json "autodns" (RFC 5733 bounds; the AutoDNS OpenAPI description has no maxLength);
tests/unit/test_contact_limits.py keeps the two equal.
"""

# Per address line, and at most ADDRESS_LINES lines.
ADDRESS_LINES = 3
MAX_LENGTHS = {
    'first_name': 255,
    'last_name': 255,
    'organization': 255,
    'address': 255,
    'city': 255,
    'state': 255,
    'postal_code': 16,
    'country': 2,
    'email': 254,
    'phone': 17,
    'fax': 17,
}
