# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the core knows about a registrar: its description, owned by the registrar's package.

Each registrar package defines one ``PROVIDER`` (``<registrar>/provider.py``); connection.py
loops over them and never names a registrar. Modelled on community.dns, where each DNS
provider's package describes itself (``_hosttech/api.py``) and the shared code only reads that.
"""
from dataclasses import dataclass, field

# The environments a task can name, and the endpoint each selects: 'ote' is Ascio's name for its
# test system, 'demo' AutoDNS's; either selects the registrar's test system.
ENVIRONMENTS = {'live': 'live', 'demo': 'demo', 'ote': 'demo'}


@dataclass(frozen=True)
class Capabilities:
    """What a registrar can do, and the limits its interface sets."""
    #: Planner aspects (core/aspects.py) it can change; planning anything else fails before sending.
    aspects: tuple = ()
    #: Contact roles it holds.
    contact_roles: tuple = ()
    #: Most name servers a domain can carry (None: no limit known).
    max_nameservers: int = None
    #: {field: longest value} of contact fields, and the most address lines (None: no limit known).
    contact_max_lengths: dict = field(default_factory=dict)
    contact_address_lines: int = None
    #: Most digits after the decimal point of a price it takes in an order (0: whole amounts only;
    #: None: no limit known).
    price_decimals: int = None


@dataclass(frozen=True)
class ProviderDescription:
    """One registrar as the connection options and the task flow see it.

    ``endpoints`` maps ``live``/``demo`` to the API URL; ``environment_fallbacks`` maps a connection
    option to the environment variable that supplies it when the task does not; ``required_options``
    must be set one way or the other; ``task_options`` are the registrar-only task options its adapter
    honours (they travel with the DesiredDomain, not with the connection); ``prepare`` finishes the
    resolved settings (raising InputError); ``adapter_factory(settings)`` builds its adapter.
    """
    name: str
    endpoints: dict
    environment_fallbacks: dict
    required_options: tuple
    adapter_factory: object
    capabilities: Capabilities = field(default_factory=Capabilities)
    task_options: tuple = ()
    #: Connection options that hold a URL (checked to be http(s)).
    url_options: tuple = ('api_url',)
    prepare: object = None

    def endpoint(self, environment):
        return self.endpoints[ENVIRONMENTS[environment]]
