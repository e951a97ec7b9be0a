# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Timestamps in the AutoDNS format: ``2018-09-26T14:54:03.000+0200``."""
import datetime
import re

UTC = datetime.timezone.utc

_DATE_RE = re.compile(
    r'^(\d{4})-(\d{2})-(\d{2})'
    r'(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?'
    r'\s*(Z|[+-]\d{2}:?\d{2})?$')


def now():
    return datetime.datetime.now(UTC)


def parse(value):
    """Parse an AutoDNS date or date-time; return (datetime, date_only).

    Accepts ``YYYY-MM-DD``, ``YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|+HHMM|+HH:MM]``.
    A value without a zone is read as UTC. Raises ValueError if unreadable.
    """
    if isinstance(value, datetime.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)), False
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=UTC), True
    if not isinstance(value, str):
        raise ValueError('not a date: %r' % (value,))
    m = _DATE_RE.match(value.strip())
    if not m:
        raise ValueError('not a date: %r' % (value,))
    year, month, day, hour, minute, second, frac, zone = m.groups()
    date_only = hour is None
    tz = UTC
    if zone and zone != 'Z':
        sign = -1 if zone[0] == '-' else 1
        digits = zone[1:].replace(':', '')
        tz = datetime.timezone(sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    micro = int((frac or '0').ljust(6, '0'))
    dt = datetime.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                           int(second or 0), micro, tzinfo=tz)
    return dt, date_only


def fmt(dt):
    """Format like the AutoDNS examples, keeping the value's own UTC offset."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.strftime('%Y-%m-%dT%H:%M:%S.') + '%03d' % (dt.microsecond // 1000) + dt.strftime('%z')


def add_period(dt, period, unit):
    """Move ``dt`` by a TimePeriod (YEAR or MONTH); 29 Feb becomes 28 Feb."""
    months = period * (12 if unit == 'YEAR' else 1)
    total = dt.month - 1 + months
    year, month = dt.year + total // 12, total % 12 + 1
    day = dt.day
    while True:
        try:
            return dt.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1
