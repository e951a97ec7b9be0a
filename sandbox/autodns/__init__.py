# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS sandbox: a stand-in for the InterNetX AutoDNS JSON API (``/v1``).

Start it with ``python -m sandbox.autodns``; see ``docs/sandbox-autodns.md``.
Modules: ``dates`` (timestamps), ``envelope`` (response envelope and errors),
``validate`` (input checks), ``query`` (``_search`` filters), ``seed`` (YAML
seed), ``state`` (objects, jobs, poll queue), ``routes`` (URL table),
``server`` (HTTP, auth, rate limit, journal).
"""
