# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later


class ModuleDocFragment:

    # The domain a task is about (core/validation.domain_name).
    DOCUMENTATION = r'''
options:
  name:
    description: The domain name. Internationalised names are converted to punycode.
    type: str
    required: true
    aliases: [domain]
'''
