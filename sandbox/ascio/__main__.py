# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""python -m sandbox.ascio --host 127.0.0.1 --port 0 [--seed FILE] [--journal FILE] [--order-delay S]
                          [--latency S] [--generate N] [--order-paging page_number|record_offset]
                          [--empty-queue-code 200|201]

Prints exactly one line ``READY <service URL>`` on stdout once listening;
everything else goes to stderr.  Stops cleanly on SIGTERM or Ctrl-C (and, with
--stop-with-stdin, at the end of stdin: sandbox/lifetime.py).
"""
import argparse
import errno
import signal
import sys
import threading

from .. import lifetime
from . import seed
from .journal import Journal
from .operations import EMPTY_QUEUE, PAGING, Service
from .processing import Engine
from .server import SandboxServer
from .state import Store


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog='python -m sandbox.ascio',
                                     description='Ascio AWS v2 sandbox (SOAP 1.1 on 127.0.0.1)')
    parser.add_argument('--host', default='127.0.0.1', help='address to listen on (default 127.0.0.1)')
    parser.add_argument('--port', type=int, default=8444, help='port; 0 picks a free one (default 8444)')
    parser.add_argument('--seed', help='YAML seed file (accounts, domains, ...)')
    parser.add_argument('--journal', help='append one JSON line per SOAP call to this file')
    parser.add_argument('--order-delay', type=float, default=1.0,
                        help='seconds from Received to Completed for every order (default 1.0)')
    parser.add_argument('--latency', type=float, default=0.0,
                        help='seconds to wait before answering each request, as a distant service would (benchmarks; default 0)')
    parser.add_argument('--generate', type=int, default=0, metavar='N',
                        help='add N generated domains bench-00001.com ... (shared contacts and name servers, varied '
                             'autorenew, locks and expiry) to the first account, on top of the seed (default 0)')
    parser.add_argument('--session-timeout', type=float, default=1200.0,
                        help='idle seconds after which a session id expires (default 1200)')
    parser.add_argument('--order-paging', choices=sorted(PAGING['readings']), default=PAGING['sandbox_default'],
                        help="how SearchOrder reads PageIndex: page_number or record_offset, the two readings of public "
                             "clients (docs/reference/ascio-rules.json bulk_reads.search_order.paging; default %(default)s)")
    parser.add_argument('--empty-queue-code', type=int, choices=EMPTY_QUEUE['codes'], default=EMPTY_QUEUE['sandbox_default'],
                        help='the ResultCode of PollMessage on an empty queue, 200 or 201: public clients read both '
                             '(docs/reference/ascio-rules.json empty_queue; default %(default)s)')
    parser.add_argument(lifetime.OPTION, action='store_true', help=lifetime.HELP)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    store = Store(session_timeout=args.session_timeout)
    try:
        seed.load(store, args.seed)
        seed.generate(store, args.generate)
    except (OSError, seed.SeedError) as error:
        sys.stderr.write('ascio-sandbox: bad seed: %s\n' % error)
        return 2
    engine = Engine(store, args.order_delay)
    journal = Journal(args.journal)
    try:
        server = SandboxServer((args.host, args.port), Service(store, engine, args.order_paging, args.empty_queue_code), journal, latency=args.latency)
    except OSError as error:
        # A start-up problem the user can fix, said plainly (no traceback).
        if error.errno == errno.EADDRINUSE:
            sys.stderr.write('ascio-sandbox: port %d on %s is in use: stop what listens there, or choose another '
                             'port with --port (0 picks a free one)\n' % (args.port, args.host))
        else:
            sys.stderr.write('ascio-sandbox: cannot listen on %s:%d: %s\n' % (args.host, args.port, error.strerror or error))
        journal.close()
        return 2

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.stop_with_stdin:
        lifetime.stop_at_end_of_stdin(lambda: stop(None, None))
    engine.start()
    sys.stderr.write('ascio-sandbox: %d account(s), %d domain(s), order delay %.2fs, latency %.3fs\n' % (
        len(store.accounts), sum(len(a.domains) for a in store.accounts.values()), engine.delay, server.latency))
    sys.stdout.write('READY %s\n' % server.url)
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        engine.stop()
        server.server_close()
        journal.close()
        sys.stderr.write('ascio-sandbox: stopped\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
