# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later


class ModuleDocFragment:

    # Connection options common to every module of the collection.
    DOCUMENTATION = r'''
options:
  provider:
    description:
      - The registrar that holds the domain.
      - V(ascio) is Ascio Web Service v2 (SOAP); V(autodns) is the InterNetX AutoDNS JSON API.
      - Usually set once with C(module_defaults) for C(group/domainops.registrar.registrar).
      - If not set, the environment variable E(DOMAINOPS_PROVIDER) is used. It is never guessed from
        which credentials are set. When neither names a provider the task fails before any request.
    type: str
    choices: [ascio, autodns]
  username:
    description:
      - The Ascio account name, or the AutoDNS user.
      - If not set, the environment variable E(ASCIO_ACCOUNT) (Ascio) or E(AUTODNS_USER) (AutoDNS) is used.
    type: str
    aliases: [account, user]
  password:
    description:
      - The password of the account.
      - If not set, the environment variable E(ASCIO_PASSWORD) or E(AUTODNS_PASSWORD) is used.
    type: str
  context:
    description:
      - The AutoDNS context, sent in the C(X-Domainrobot-Context) header. Required for AutoDNS; ignored for Ascio.
      - If not set, the environment variable E(AUTODNS_CONTEXT) is used.
    type: int
  environment:
    description:
      - Which system of the registrar to use when O(api_url) is not given.
      - V(live) is production. V(demo) and V(ote) both mean the registrar's test system
        (AutoDNS demo C(https://api.demo.autodns.com/v1), Ascio OTE C(aws.demo.ascio.com)).
    type: str
    default: live
    choices: [live, demo, ote]
  api_url:
    description:
      - An explicit URL that overrides O(environment), for example a sandbox.
      - For AutoDNS the base URL of the JSON API (such as C(https://api.autodns.com/v1)).
      - For Ascio the SOAP endpoint (such as C(https://aws.ascio.com/2012/01/01/AscioService.svc)).
      - If not set, the environment variable E(ASCIO_URL) or E(AUTODNS_URL) is used.
    type: str
  wsdl:
    description:
      - Ascio only. Where the WSDL describing the service comes from.
      - V(bundled) uses the copy of the Ascio v2 WSDL and schema shipped in this collection (no download).
      - V(ote) or V(live) downloads Ascio's own WSDL from the test or production system; any other value is a WSDL URL.
      - The SOAP calls always go to O(api_url) (or the endpoint of O(environment)), whatever the WSDL's own address.
    type: str
    default: bundled
  validate_certs:
    description:
      - Whether to verify the registrar's TLS certificate. Only turn this off for a test system you trust.
    type: bool
    default: true
  timeout:
    description:
      - Timeout in seconds for each HTTP request to the registrar (more than 0).
    type: int
    default: 30
notes:
  - "The modules talk to the registrar from the host they run on; run them on the controller
    (C(delegate_to: localhost) or C(hosts: localhost)). They need the Python libraries
    C(requests) (AutoDNS) and C(zeep) (Ascio) there."
  - Set the connection once for all modules with C(module_defaults) and the action group
    C(group/domainops.registrar.registrar).
  - AutoDNS allows 3 requests per second per IP address; the modules keep to that, also across
    tasks running at the same time on one controller, and retry reads answered with HTTP 429.
requirements:
  - requests >= 2.28 (AutoDNS)
  - zeep >= 4.2 (Ascio)
'''

    # Options of the modules that send orders or tasks and may wait for them.
    WAIT = r'''
options:
  wait:
    description:
      - Wait until every order (Ascio) or job (AutoDNS) the task sent has finished, and report
        its final status. A failed order or job fails the task.
      - With V(false) the task returns once it has sent every order or job that does not need an
        earlier one to end first (such as changes after registering the domain or releasing its
        update lock, or a lock set after other changes); those are reported as C(not sent). The
        ids can be read later with M(domainops.registrar.order_info).
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait for each order or job (more than 0), from when it was sent. The
        status of every running order or job of the task is read together, after 1 s, then after
        pauses 1.2 times longer each, at most 30 s apart.
      - When it is exceeded the task fails; the order or job keeps running at the registrar, and
        the next run waits on it instead of sending it again.
    type: int
    default: 300
'''

    # Modules that send orders or tasks: the gate over what they may cost or destroy (core/consequences.py).
    ALLOW = r'''
options:
  allow:
    description:
      - The kinds of operation this task may send. Every planned operation is marked, in
        C(operations) and in check mode, as C(billable) (the registrar charges for it, as for register,
        transfer, renew, restore, trade, an Ascio C(Owner_Change)) and C(irreversible) (a delete now,
        a change of holder), with C(locks_transfer_days) when it starts a transfer lock (60 days
        after a gTLD change of registrant, ICANN Transfer Policy) and C(price) when known.
      - When given, a plan holding an operation of a kind not listed fails the task before
        anything is sent, in check mode too; V([]) allows neither. A CI gate such as "this merge
        request would spend money" runs C(--check) with O(allow=[irreversible]) or O(allow=[]).
      - Not given (the default), everything is allowed.
    type: list
    elements: str
    choices: [billable, irreversible]
'''
