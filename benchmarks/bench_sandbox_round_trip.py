# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Per-request cost of the sandboxes' HTTP answers: one send without Nagle vs headers and body in two sends.

Prints figures, asserts nothing. Both variants run in this process, against the same in-process
sandbox, over one keep-alive connection each (as zeep and requests use them):
    .venv/bin/python benchmarks/bench_sandbox_round_trip.py [requests]
The baseline is the sandboxes' earlier answer writing: BaseHTTPRequestHandler's unbuffered wfile
(end_headers() sends the headers, then the body goes in a second send) with Nagle's algorithm on,
which makes each answer wait for the client's delayed ACK.
"""
import os
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import requests  # noqa: E402

from sandbox.ascio import seed as ascio_seed  # noqa: E402
from sandbox.ascio.journal import Journal  # noqa: E402
from sandbox.ascio.operations import Service  # noqa: E402
from sandbox.ascio.processing import Engine  # noqa: E402
from sandbox.ascio.server import SandboxServer  # noqa: E402
from sandbox.ascio.state import Store  # noqa: E402
from sandbox.autodns.seed import load as autodns_load  # noqa: E402
from sandbox.autodns.server import Server as AutodnsServer  # noqa: E402

LOGIN = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>'
         '<LogIn xmlns="http://www.ascio.com/2007/01"><session><Account>demo</Account>'
         '<Password>demo-password</Password></session></LogIn></s:Body></s:Envelope>')
LOGIN_HEADERS = {'Content-Type': 'text/xml; charset=utf-8',
                 'SOAPAction': '"http://www.ascio.com/2007/01/ISessionService/LogIn"'}
AUTODNS_HEADERS = {'X-Domainrobot-Context': '4', 'User-Agent': 'bench_sandbox_round_trip'}


def two_sends(handler_class):
    """The handler as it answered before: unbuffered writes, Nagle on."""
    return type('TwoSends' + handler_class.__name__, (handler_class,), {'disable_nagle_algorithm': False, 'wbufsize': 0})


def ascio_server():
    store = Store(session_timeout=1200.0)
    ascio_seed.load(store, os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml'))
    return SandboxServer(('127.0.0.1', 0), Service(store, Engine(store, 1.0)), Journal(None))


def autodns_server():
    account = {'user': 'demo', 'password': 'demo-password', 'context': 4}
    store = autodns_load(os.path.join(ROOT, 'sandbox', 'seeds', 'autodns.yml'), account, None, job_delay=1.0)
    return AutodnsServer(('127.0.0.1', 0), store, 0, None)


def per_request(server, handler_class, call, count):
    server.RequestHandlerClass = handler_class
    thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05}, daemon=True)
    thread.start()
    try:
        session = requests.Session()
        host, port = server.server_address[:2]
        call(session, 'http://%s:%d' % (host, port))  # connect once; the loop reuses the connection
        start = time.perf_counter()
        for _index in range(count):
            call(session, 'http://%s:%d' % (host, port))
        return (time.perf_counter() - start) / count
    finally:
        server.shutdown()
        thread.join()


def ascio_call(session, base):
    session.post(base + '/2012/01/01/AscioService.svc', data=LOGIN, headers=LOGIN_HEADERS).raise_for_status()


def autodns_call(session, base):
    session.get(base + '/v1/domain/example.com', auth=('demo', 'demo-password'), headers=AUTODNS_HEADERS).raise_for_status()


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    print('%-8s %9s %16s %16s %7s' % ('sandbox', 'requests', 'two sends (ms)', 'one send (ms)', 'ratio'))
    for name, make, call in (('ascio', ascio_server, ascio_call), ('autodns', autodns_server, autodns_call)):
        before_server, after_server = make(), make()
        handler = before_server.RequestHandlerClass
        before = per_request(before_server, two_sends(handler), call, count)
        after = per_request(after_server, handler, call, count)
        print('%-8s %9d %16.1f %16.1f %6.1fx' % (name, count, before * 1000, after * 1000, before / after))
        before_server.server_close()
        after_server.server_close()


if __name__ == '__main__':
    main()
