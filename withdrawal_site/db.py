"""A client-side deadline on every PostgreSQL round trip.

`connect_timeout` and `statement_timeout` (settings.DATABASES) cover a database
that refuses or is slow. They do not cover a network partition: a server that
never receives the query cannot time it out, and a socket that is open but
silent makes libpq wait forever, taking the gunicorn worker with it. psycopg2
lets a wait callback do the waiting; this one gives up after the connect timeout
(while connecting) or the statement timeout plus a second (for a query, so the
server's own timeout, with its clear error, normally fires first). Giving up
closes the connection; Django then sees an OperationalError and the outage page
or the caller's own handling takes over.

After such a timeout this process does not try to connect again for
DATABASE_RETRY_AFTER seconds (default 2): during a partition every attempt would
cost a request the whole connect timeout, and with two workers an instance would
answer almost nothing. Connections fail at once instead, as if refused, so pages
answer the calm 503 page within milliseconds until the pause is over.
"""

import select
import time

import psycopg2
from psycopg2 import extensions

# psycopg2's statuses while a connection is being set up: SETUP when the wait starts,
# CONNECTING (internal, 20) while it polls.
_CONNECTING = {extensions.STATUS_SETUP, 20}
GRACE_SECONDS = 1.0

_skip_connecting_until = 0.0  # monotonic time; per process


def _deadline_seconds(connection) -> float | None:
    from django.conf import settings

    if connection.status in _CONNECTING:
        seconds = settings.DATABASE_CONNECT_TIMEOUT
    else:
        statement = settings.DATABASE_STATEMENT_TIMEOUT
        seconds = statement + GRACE_SECONDS if statement else 0
    return seconds or None


def _pause_connecting() -> None:
    from django.conf import settings

    global _skip_connecting_until
    _skip_connecting_until = time.monotonic() + float(getattr(settings, "DATABASE_RETRY_AFTER", 2))


def wait_with_deadline(connection) -> None:
    if connection.status in _CONNECTING and time.monotonic() < _skip_connecting_until:
        raise psycopg2.OperationalError("database skipped after a recent timeout (client-side pause)")
    deadline_seconds = _deadline_seconds(connection)
    deadline = time.monotonic() + deadline_seconds if deadline_seconds else None
    while True:
        state = connection.poll()
        if state == extensions.POLL_OK:
            return
        remaining = None if deadline is None else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            _pause_connecting()
            raise psycopg2.OperationalError(
                f"no answer from the database within {deadline_seconds:g} s (client-side deadline)"
            )
        if state == extensions.POLL_READ:
            select.select([connection.fileno()], [], [], remaining)
        elif state == extensions.POLL_WRITE:
            select.select([], [connection.fileno()], [], remaining)
        else:
            raise psycopg2.OperationalError(f"bad state from poll: {state}")


def install_client_deadline() -> None:
    extensions.set_wait_callback(wait_with_deadline)
