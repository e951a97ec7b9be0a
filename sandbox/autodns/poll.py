# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""GET /poll's ``data[0]`` in the two shapes the sources show.

``spec`` (default): the swagger's ``PollMessage`` {id, owner, job (a ``Job``: id, status,
action, ...), stid, messages [``Message``], created, object (``ResponseObject`` {type, value,
data})}; it has no ``status`` of its own, the outcome is in ``job.status`` and ``messages``.
The object type is written ``Domain`` and carries the domain in ``object.data``, as
help.internetx.com's polling examples show (https://help.internetx.com/x/owBHB).

``seed004``: ``{"summary": n, "message": {id, job {id, domain, ...}, stid, object, status}}``
as seed 004 (AutoDNS renewal workflow, PollInfo example) shows it.

The store queues messages in the seed 004 form (state.Store._queue_poll); ``spec_message``
derives the swagger form from it.
"""
import copy

POLL_SHAPES = ('spec', 'seed004')


def spec_message(message):
    job = dict((k, v) for k, v in message['job'].items() if k != 'domain')
    obj = message.get('object') or {}
    status = message.get('status') or {}
    result_object = {'type': 'Domain', 'value': obj.get('value')}
    if message['job'].get('domain'):
        result_object['data'] = copy.deepcopy(message['job']['domain'])
    messages = [{'code': status.get('code'), 'text': status.get('text'), 'status': status.get('type'),
                 'objects': [copy.deepcopy(obj)] if obj else []}]
    messages += copy.deepcopy(message.get('messages') or [])
    return {'id': message['id'], 'owner': copy.deepcopy(message['owner']), 'job': copy.deepcopy(job),
            'stid': message['stid'], 'messages': messages, 'created': message['created'],
            'object': result_object}


def poll_data(shape, head, waiting):
    """``data`` of a GET /poll answer whose head message is ``head`` (``waiting`` queued)."""
    if shape == 'seed004':
        return [{'summary': waiting, 'message': head}]
    return [spec_message(head)]
