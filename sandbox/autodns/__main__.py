# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""``python -m sandbox.autodns``: run the AutoDNS sandbox until SIGTERM/SIGINT (or the end of stdin: sandbox/lifetime.py).

Prints exactly one line ``READY http://<host>:<port>/v1`` on stdout once
listening; everything else goes to stderr.
"""
import argparse
import errno
import signal
import sys
import threading

from .. import lifetime
from .poll import POLL_SHAPES
from .seed import SeedError, generate, load
from .server import Server
from .spec import IGNORE, REFUSE, Spec


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog='python -m sandbox.autodns', description=__doc__)
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=0, help='0 picks a free port')
    parser.add_argument('--seed', help='YAML seed file (docs/sandbox-autodns.md)')
    parser.add_argument('--journal', help='append one JSON line per request to this file')
    parser.add_argument('--job-delay', type=float, default=1.0,
                        help='seconds until an asynchronous job finishes (default 1.0)')
    parser.add_argument('--rate-limit', type=int, default=3,
                        help='requests per second per client IP (default 3; 0 disables)')
    parser.add_argument('--user', help='account user (default demo)')
    parser.add_argument('--password', help='account password (default demo-password)')
    parser.add_argument('--context', type=int, help='account context (default 4)')
    parser.add_argument('--poll-shape', choices=POLL_SHAPES, default=POLL_SHAPES[0],
                        help='GET /poll data[0]: "spec" (the swagger PollMessage, default) or "seed004" '
                             '({summary, message} as seed 004 shows)')
    parser.add_argument('--undeclared-properties', choices=(REFUSE, IGNORE), default=REFUSE,
                        help='body properties the swagger does not declare: refuse (default) or ignore')
    parser.add_argument('--latency', type=float, default=0.0,
                        help='seconds to wait before answering each request (benchmarks; default 0)')
    parser.add_argument('--generate', type=int, default=0, metavar='N',
                        help='add N generated domains bench-00001.com ... (shared contacts and name servers, '
                             'varied autorenew and expiry) on top of the seed')
    parser.add_argument(lifetime.OPTION, action='store_true', help=lifetime.HELP)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    default = {'user': args.user or 'demo', 'password': args.password or 'demo-password',
               'context': args.context if args.context is not None else 4}
    given = any(x is not None for x in (args.user, args.password, args.context))
    try:
        store = load(args.seed, default, default if given else None, job_delay=args.job_delay)
        with store.lock:
            generate(store, args.generate)
    except (OSError, SeedError) as exc:
        sys.stderr.write('autodns-sandbox: cannot load seed: %s\n' % exc)
        return 2
    store.poll_shape = args.poll_shape
    try:
        server = Server((args.host, args.port), store, args.rate_limit, args.journal,
                        Spec.load(undeclared=args.undeclared_properties), latency=args.latency)
    except OSError as error:
        # A start-up problem the user can fix, said plainly (no traceback).
        if error.errno == errno.EADDRINUSE:
            sys.stderr.write('autodns-sandbox: port %d on %s is in use: stop what listens there, or choose another '
                             'port with --port (0 picks a free one)\n' % (args.port, args.host))
        else:
            sys.stderr.write('autodns-sandbox: cannot listen on %s:%d: %s\n' % (args.host, args.port, error.strerror or error))
        return 2
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        # Set from another thread: the handler runs in the main thread, which may hold the Event's
        # own lock inside stop.wait() below, and Event.set() there would wait for it forever.
        signal.signal(sig, lambda *_: threading.Thread(target=stop.set, daemon=True).start())
    if args.stop_with_stdin:
        lifetime.stop_at_end_of_stdin(stop.set)
    thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05}, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    sys.stderr.write('autodns-sandbox: %d domains, %d contacts, job delay %.2fs, rate limit %s, latency %.3fs\n' % (
        len(store.domains), len(store.contacts), args.job_delay, args.rate_limit or 'off', args.latency))
    sys.stdout.write('READY http://%s:%d%s\n' % (host, port, '/v1'))
    sys.stdout.flush()
    while not stop.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    sys.stderr.write('autodns-sandbox: stopped\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
