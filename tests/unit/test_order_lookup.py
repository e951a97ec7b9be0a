"""Reading an order or job by id (order_info): a malformed answer is an error, never data."""
import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.adapter import AutoDNSAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import NotFound
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError


class Answers(object):
    """A client that answers GET /job/{id} with a fixed envelope (or 404) and records the paths."""

    def __init__(self, envelope=None):
        self.envelope = envelope
        self.paths = []

    def get(self, path):
        self.paths.append(path)
        if self.envelope is None:
            raise NotFound('404', 'Job not found.')
        return self.envelope


def adapter(envelope=None):
    return AutoDNSAdapter({}, client=Answers(envelope))


def test_a_job_is_read_with_its_domain_and_status():
    registrar = adapter({'status': {'type': 'SUCCESS'}, 'data': [
        {'job': {'id': 4295611341, 'status': 'FAILED', 'action': 'RENEW', 'subStatus': None},
         'object': {'type': 'domain', 'value': 'example.com'}}]})
    job = registrar.order('4295611341')
    assert registrar.client.paths == ['/job/4295611341']
    assert (job.id, job.operation, job.domain, job.status, job.done, job.failed) == (
        '4295611341', 'RENEW', 'example.com', 'FAILED', True, True)
    assert job.message == 'job 4295611341 ended FAILED'


def test_an_unknown_job_is_none():
    assert adapter(None).order('999') is None


@pytest.mark.parametrize('envelope', [{'data': []}, {'data': [{'job': {'id': 1}}]}, {'data': ['text']}])
def test_an_answer_without_the_job_and_its_status_is_an_error(envelope):
    with pytest.raises(RegistrarError, match='answered without the job and its status'):
        adapter(envelope).order('1')


def test_a_job_id_that_is_not_a_number_fails_before_any_request():
    registrar = adapter({'data': []})
    with pytest.raises(InputError, match='an AutoDNS job id is a number'):
        registrar.order('../domain/example.com')
    assert registrar.client.paths == []
