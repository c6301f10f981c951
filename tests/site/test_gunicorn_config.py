"""gunicorn.conf.py: timeouts that fit the dependency budgets, own control sockets, a redacted access log."""

import datetime
import runpy
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from withdrawal_site.gunicorn_logging import RedactingLogger

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def load_config(monkeypatch, **env) -> dict:
    for name in ("GUNICORN_CONTROL_SOCKET", "GUNICORN_TIMEOUT", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_worker_timeout_is_above_the_worst_dependency_budget(monkeypatch, settings):
    config = load_config(monkeypatch)
    # A request meeting a stalled database: connect, one statement plus the client grace,
    # then the outage page. The worker must never be killed before that answer.
    budget = settings.DATABASE_CONNECT_TIMEOUT + settings.DATABASE_STATEMENT_TIMEOUT + 1
    assert config["timeout"] >= 2 * budget
    assert config["graceful_timeout"] >= budget
    assert config["logger_class"] == "withdrawal_site.gunicorn_logging.RedactingLogger"


def test_each_instance_can_have_its_own_control_socket(monkeypatch):
    assert (
        load_config(monkeypatch, GUNICORN_CONTROL_SOCKET="/tmp/wc-a.ctl")["control_socket"] == "/tmp/wc-a.ctl"
    )
    assert load_config(monkeypatch, GUNICORN_CONTROL_SOCKET="off")["control_socket_disable"] is True
    # The option name is gunicorn's own (a typo would be silently ignored by runpy).
    assert "control_socket" in Config().settings and "control_socket_disable" in Config().settings


def access_line(monkeypatch, capsys, *, path: str, query: str = "", referer: str = "-") -> str:
    config = load_config(monkeypatch)
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("access_log_format", config["access_log_format"])
    logger = RedactingLogger(cfg)
    raw_uri = path + (f"?{query}" if query else "")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": raw_uri,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": referer,
        "HTTP_USER_AGENT": "test",
        "REMOTE_ADDR": "203.0.113.9",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[("REFERER", referer)])
    logger.access(response, request, environ, datetime.timedelta(milliseconds=12))
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("path", "query", "referer", "secret"),
    [
        ("/contribute/status/Zx9-secretRef_42/", "", "-", "Zx9-secretRef_42"),
        ("/contribute/status/Zx9-secretRef_42/withdraw/", "", "-", "Zx9-secretRef_42"),
        ("/journal/jr-secret-abc/entries/2/", "key=jr-secret-abc", "-", "jr-secret-abc"),
        ("/es/journal/jr-secret-abc/", "", "-", "jr-secret-abc"),
        ("/about/", "", "https://site.example/contribute/status/Zx9-secretRef_42/", "Zx9-secretRef_42"),
    ],
)
def test_access_log_never_holds_a_status_reference_or_journal_secret(
    monkeypatch, capsys, path, query, referer, secret
):
    line = access_line(monkeypatch, capsys, path=path, query=query, referer=referer)
    assert line, "nothing was logged"
    assert secret not in line
    assert "[redacted]" in line
    assert "203.0.113.9" not in line  # no client address in the default format


def test_access_log_keeps_ordinary_paths(monkeypatch, capsys):
    line = access_line(monkeypatch, capsys, path="/resources/drugs/", query="page=2")
    assert "GET /resources/drugs/?page=2 HTTP/1.1" in line
    assert " 200 " in line
    assert "GET /journal/new/from-file/ HTTP/1.1" in access_line(
        monkeypatch, capsys, path="/journal/new/from-file/"
    )


def test_a_hup_stops_old_workers_only_once_the_new_ones_have_loaded_the_app(monkeypatch, tmp_path):
    config = load_config(monkeypatch)
    monkeypatch.setattr(config["tempfile"], "gettempdir", lambda: str(tmp_path))
    calls = []

    class Arbiter:
        pid = 4242
        worker_age = 2
        cfg = SimpleNamespace(graceful_timeout=5)
        WORKERS = {101: SimpleNamespace(age=1), 102: SimpleNamespace(age=2)}

        def manage_workers(self):  # stops the oldest workers beyond the count
            calls.append(sorted(self.WORKERS))

        def reap_workers(self):
            pass

    arbiter = Arbiter()
    config["on_reload"](arbiter)
    # gunicorn then spawns the new workers, which take a moment to load the app...
    arbiter.WORKERS.update({201: SimpleNamespace(age=3), 202: SimpleNamespace(age=4)})
    for pid in (201, 202):
        worker = SimpleNamespace(pid=pid, ppid=4242, log=SimpleNamespace(exception=print))
        threading.Timer(0.3, config["post_worker_init"], args=[worker]).start()
    started = time.monotonic()
    arbiter.manage_workers()
    # ...and only then are the old ones stopped (once; later calls are the usual method).
    assert time.monotonic() - started >= 0.3
    assert calls == [[101, 102, 201, 202]]
    arbiter.manage_workers()
    assert len(calls) == 2
