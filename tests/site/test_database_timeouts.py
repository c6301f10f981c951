"""A slow or silent PostgreSQL costs a request a bounded time.

Refusals need no help; a slow statement is cut by the server's statement_timeout;
a silent socket (a partition) by the client-side deadline in withdrawal_site/db.py.
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg2
import pytest
from django.db import OperationalError, connection

PROJECT_ROOT = Path(__file__).resolve().parents[2]

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL timeouts; run with DATABASE_URL=postgres://..."
)


@pytest.fixture(autouse=True)
def _no_connect_pause_leaks_out(monkeypatch):
    from withdrawal_site import db

    monkeypatch.setattr(db, "_skip_connecting_until", 0.0)
    yield
    db._skip_connecting_until = 0.0


def settings_in_a_new_process(argv0: str, command: str, **env) -> str:
    code = (
        f"import sys; sys.argv = [{argv0!r}, {command!r}]; import django; django.setup(); "
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['OPTIONS'].get('connect_timeout'), d['OPTIONS'].get('options'))"
    )
    full_env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "x",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/wc_nowhere",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_web_requests_get_a_3_s_connect_and_5_s_statement_timeout():
    assert settings_in_a_new_process("gunicorn", "") == "3 -c statement_timeout=5000"


def test_management_commands_get_a_longer_statement_timeout():
    assert settings_in_a_new_process("manage.py", "migrate") == "3 -c statement_timeout=300000"
    assert (
        settings_in_a_new_process("manage.py", "import_directory", DATABASE_COMMAND_STATEMENT_TIMEOUT="0")
        == "3 -c statement_timeout=0"
    )


def test_timeouts_are_configurable():
    assert (
        settings_in_a_new_process(
            "gunicorn", "", DATABASE_CONNECT_TIMEOUT="2", DATABASE_STATEMENT_TIMEOUT="1.5"
        )
        == "2 -c statement_timeout=1500"
    )


@pytest.fixture
def silent_server():
    """Accepts TCP connections and never says a word: a partitioned database."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []
    stop = threading.Event()

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


@on_postgresql
@pytest.mark.postgres
def test_connecting_to_a_silent_database_gives_up_after_the_connect_timeout(silent_server, settings):
    settings.DATABASE_CONNECT_TIMEOUT = 1
    started = time.monotonic()
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(host="127.0.0.1", port=silent_server, user="postgres", dbname="postgres")
    assert 0.9 < time.monotonic() - started < 2


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db
def test_a_slow_statement_is_cut_by_the_statement_timeout():
    started = time.monotonic()
    with pytest.raises(OperationalError), connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(30)")
    assert time.monotonic() - started < 6.5


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db
def test_the_client_gives_up_on_a_silent_server_a_second_after_the_statement_timeout(settings):
    # The server's own timeout would answer first; with a 30 s server timeout and a
    # 1 s client setting, only the client-side deadline can stop this wait.
    settings.DATABASE_STATEMENT_TIMEOUT = 1
    raw = psycopg2.connect(**connection.get_connection_params())
    cursor = raw.cursor()
    cursor.execute("SET statement_timeout = 30000")
    started = time.monotonic()
    with pytest.raises(psycopg2.OperationalError, match="client-side deadline"):
        cursor.execute("SELECT pg_sleep(10)")
    assert 1.9 < time.monotonic() - started < 3
    assert raw.closed


@on_postgresql
@pytest.mark.postgres
def test_after_a_timeout_new_connections_fail_at_once_for_a_short_pause(silent_server, settings):
    settings.DATABASE_CONNECT_TIMEOUT = 1
    settings.DATABASE_RETRY_AFTER = 0.5
    with pytest.raises(psycopg2.OperationalError, match="client-side deadline"):
        psycopg2.connect(host="127.0.0.1", port=silent_server, user="postgres", dbname="postgres")
    started = time.monotonic()
    with pytest.raises(psycopg2.OperationalError, match="client-side pause"):
        psycopg2.connect(**connection.get_connection_params())  # even the healthy server: skipped
    assert time.monotonic() - started < 0.2
    time.sleep(0.6)
    psycopg2.connect(**connection.get_connection_params()).close()  # the pause is over
