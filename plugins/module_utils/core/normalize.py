# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Normalisation both registrars' answers and the declared state share: text, host names, contact fields.

Reading a registrar's answer (adapters) and comparing it with the declared state (planner) must use
the same forms, or a domain that is in the declared state would look different and be ordered again.
"""


def text(value):
    """A registrar's text value stripped; None for a missing or blank one."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def host_name(value):
    """A domain or name server host name as compared: lower case, without the root's trailing dot."""
    return str(value).strip().lower().rstrip('.')


def contact_field(field_name, value):
    """A contact field's value as compared: address lines without blanks, e-mail lower case,
    country upper case, other text stripped; None stays None (not declared / not known)."""
    if value is None:
        return None
    if field_name == 'address':
        return tuple(line.strip() for line in value if line and line.strip())
    value = str(value).strip()
    if field_name == 'email':
        return value.lower()
    if field_name == 'country':
        return value.upper()
    return value
