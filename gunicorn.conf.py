"""gunicorn settings for production (`make serve-prod` and the Dockerfile).

Every value can be overridden by its environment variable or on the command line.

Timeouts, and why `timeout` is 30 s. A request that meets a stalled dependency is
cut off by the dependency's own timeout, not by gunicorn:
  PostgreSQL connect 3 s (DATABASE_CONNECT_TIMEOUT), each statement 5 s
  (DATABASE_STATEMENT_TIMEOUT, enforced by the server and, for a partition where the
  server never hears us, by the client one second later); Redis connect and read
  0.5 s each (REDIS_TIMEOUT) and then skipped for a few seconds; SMTP 5 s
  (EMAIL_TIMEOUT). So a page that meets one stalled dependency answers (the calm
  503 page, or the page without the cache) within about 3 + 6 = 9 s.
The worker timeout (30 s) is only a backstop for a request stuck elsewhere: well
above those budgets, so gunicorn never kills a worker that is about to answer, and
low enough that a truly stuck worker is replaced. graceful_timeout gives requests
in flight the same time to finish on HUP or TERM.
"""

import os
import tempfile
import time
from pathlib import Path

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# gunicorn 27 puts every instance on a host on one control socket
# (~/.gunicorn/gunicorn.ctl), so a second instance takes over the first one's.
# Give each instance its own path (or GUNICORN_CONTROL_SOCKET=off for none).
_control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
if _control_socket.lower() in {"off", "none", "0"}:
    control_socket_disable = True
elif _control_socket:
    control_socket = _control_socket

# Access log on stdout, with status references and journal secrets redacted
# (withdrawal_site/gunicorn_logging.py) and no client address. GUNICORN_ACCESS_LOG=off
# turns it off (the page benchmark does, so it measures pages, not logging).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
if accesslog.lower() in {"off", "none", "0", ""}:
    accesslog = None
logger_class = "withdrawal_site.gunicorn_logging.RedactingLogger"
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'

# --- A HUP that never leaves the instance without a ready worker ---
# On HUP gunicorn starts new workers and at once stops the old ones, although a new
# worker needs seconds to import Django: requests wait in the backlog meanwhile
# (measured: 10 s under load). Here each worker says when it has loaded the app,
# and the old workers are stopped only once every new one has (or after
# graceful_timeout, whichever comes first).


def _ready_dir(master_pid: int) -> Path:
    return Path(tempfile.gettempdir()) / f"wc-gunicorn-ready-{master_pid}"


def _warm_up(worker) -> None:
    """Do the first request's one-off work (URLs, templates, catalogues) before serving."""
    try:
        from django.template.loader import get_template
        from django.urls import get_resolver
        from django.utils import translation

        get_resolver().url_patterns  # noqa: B018  (imports every app's URLs)
        for name in (
            "base.html",
            "standalone.html",
            "home.html",
            "charities/crisis.html",
            "503.html",
            "404.html",
        ):
            get_template(name)
        for language in ("en", "es", "pl"):
            with translation.override(language):
                translation.gettext("Withdrawal Commons")
    except Exception:  # a warm-up failure must not stop the worker from serving
        worker.log.exception("Worker warm-up failed")


def post_worker_init(worker):
    _warm_up(worker)
    directory = _ready_dir(worker.ppid)
    directory.mkdir(mode=0o700, exist_ok=True)
    (directory / str(worker.pid)).touch()


def worker_exit(server, worker):
    (_ready_dir(server.pid) / str(worker.pid)).unlink(missing_ok=True)


def on_reload(arbiter):
    age_before = arbiter.worker_age

    def manage_workers_once_the_new_ones_are_ready():
        del arbiter.manage_workers  # back to the class's own method
        directory = _ready_dir(arbiter.pid)
        deadline = time.monotonic() + arbiter.cfg.graceful_timeout
        while time.monotonic() < deadline:
            new = [pid for pid, worker in arbiter.WORKERS.items() if worker.age > age_before]
            if new and all((directory / str(pid)).exists() for pid in new):
                break
            arbiter.reap_workers()
            time.sleep(0.1)
        arbiter.manage_workers()

    arbiter.manage_workers = manage_workers_once_the_new_ones_are_ready
