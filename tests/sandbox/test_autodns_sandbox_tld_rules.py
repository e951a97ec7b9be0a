# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AutoDNS sandbox judges owner changes and status updates by docs/reference/autodns-tld-rules.json."""
import textwrap
import time

import pytest
import requests

from sandbox.launcher import Sandbox

AUTHINFO_BE = 'Qm1WJbL3DqyABCbx'
SEED = textwrap.dedent('''\
    accounts: [{user: demo, password: demo-password, context: 4}]
    contacts:
      - {id: 100, type: PERSON, fname: John, lname: Doe, organization: Example, address: ["Street 1"],
         pcode: "12345", city: Berlin, country: DE, email: john@example.com, phone: "+49.301234567"}
      - {id: 101, type: ROLE, fname: Host, lname: Master, organization: Example, address: ["Street 1"],
         pcode: "12345", city: Berlin, country: DE, email: hostmaster@example.com, phone: "+49.301234568"}
      - {id: 102, type: PERSON, fname: Erika, lname: Mustermann, organization: Example GmbH,
         address: ["Musterweg 2"], pcode: "54321", city: Hamburg, country: DE, email: erika@example.org,
         phone: "+49.401234567"}
    domains:
      - {name: example.com, ownerc: 100, adminc: 100, techc: 101, nameServers: [{name: a.ns14.net}, {name: b.ns14.net}]}
      - {name: example.de, ownerc: 100, adminc: 100, techc: 101, nameServers: [{name: a.ns14.net}, {name: b.ns14.net}]}
      - {name: example.be, ownerc: 100, adminc: 100, techc: 101, nameServers: [{name: a.ns14.net}, {name: b.ns14.net}],
         authinfo: "%s"}
''' % AUTHINFO_BE)


@pytest.fixture
def client(tmp_path):
    seed = tmp_path / 'seed.yml'
    seed.write_text(SEED)
    with Sandbox('autodns', seed=str(seed), extra_args=['--job-delay', '0.1', '--rate-limit', '0']) as box:
        session = requests.Session()
        session.auth = ('demo', 'demo-password')
        session.headers.update({'X-Domainrobot-Context': '4', 'User-Agent': 'tld-rules-tests'})
        session.base = box.url
        yield session


def call(client, method, path, body=None):
    response = client.request(method, client.base + path, json=body, timeout=10)
    return response.status_code, response.json()


def refused(answer, notice):
    status, body = answer
    assert status == 400 and body['status']['type'] == 'ERROR', body
    assert body['messages'][0]['notice'] == notice, body
    return body['status']['text']


def done(client, answer):
    status, body = answer
    assert status == 200 and body['status']['type'] == 'NOTIFY', body
    job_id = body['data'][0]['id']
    for _poll in range(50):
        job = call(client, 'GET', '/job/%d' % job_id)[1]['data'][0]['job']
        if job['status'] != 'RUNNING':
            assert job['status'] == 'SUCCESS', job
            return job
        time.sleep(0.05)
    raise AssertionError('job %s still running' % job_id)


def owner(client, name):
    return call(client, 'GET', '/domain/' + name)[1]['data'][0]['ownerc']


def test_gtld_owner_change_is_a_domain_update_with_the_owners_consent(client):
    refused(call(client, 'PUT', '/domain/example.com', {'ownerc': {'id': 102}}), 'OWNER_CONSENT_REQUIRED')
    done(client, call(client, 'PUT', '/domain/example.com', {'ownerc': {'id': 102}, 'confirmOwnerConsent': True}))
    assert owner(client, 'example.com') == {'id': 102}
    # the _ownerChange route is documented for gTLDs too; the trade is not
    done(client, call(client, 'PUT', '/domain/example.com/_ownerChange', {'ownerc': {'id': 100}, 'confirmOwnerConsent': True}))
    text = refused(call(client, 'POST', '/domain/_trade', {'name': 'example.com', 'ownerc': {'id': 102},
                                                           'confirmOwnerConsent': True}), 'TRADE_NOT_SUPPORTED')
    assert '.com' in text and owner(client, 'example.com') == {'id': 100}


def test_be_owner_change_is_a_trade_with_the_authinfo(client):
    assert '_trade' in refused(call(client, 'PUT', '/domain/example.be', {'ownerc': {'id': 102}}),
                               'OWNER_CHANGE_REQUIRES_TRADE')
    refused(call(client, 'PUT', '/domain/example.be/_ownerChange', {'ownerc': {'id': 102}}), 'OWNER_CHANGE_NOT_SUPPORTED')
    trade = {'name': 'example.be', 'ownerc': {'id': 102}}
    refused(call(client, 'POST', '/domain/_trade', trade), 'AUTHINFO_REQUIRED')
    refused(call(client, 'POST', '/domain/_trade', dict(trade, authinfo='wrong-code-1234')), 'AUTHINFO_WRONG')
    assert owner(client, 'example.be') == {'id': 100}
    assert done(client, call(client, 'POST', '/domain/_trade', dict(trade, authinfo=AUTHINFO_BE)))['action'] == 'OWNERCHANGE'
    assert owner(client, 'example.be') == {'id': 102}


def test_cctld_owner_change_by_update_needs_no_consent(client):
    done(client, call(client, 'PUT', '/domain/example.de', {'ownerc': {'id': 102}}))
    assert owner(client, 'example.de') == {'id': 102}


def test_status_update_only_for_gtlds(client):
    text = refused(call(client, 'PUT', '/domain/example.de/_statusUpdate', {'registryStatus': 'LOCK'}),
                   'STATUS_UPDATE_NOT_SUPPORTED')
    assert '.de' in text and 'only possible for gTLDs' in text
    refused(call(client, 'PUT', '/domain/example.be/_statusUpdate', {'registryStatus': 'LOCK'}), 'STATUS_UPDATE_NOT_SUPPORTED')
    done(client, call(client, 'PUT', '/domain/example.com/_statusUpdate', {'registryStatus': 'LOCK'}))
    assert call(client, 'GET', '/domain/example.com')[1]['data'][0]['registryStatus'] == 'LOCK'
