"""Where a request really came from, and warnings about deployments that weaken the limits.

Rate limits and sign-in throttling count per client. Behind N reverse proxies
the client is the Nth address from the right of X-Forwarded-For: each proxy
appends the address it received the request from, and everything further left
is whatever the client chose to send. `DJANGO_BEHIND_PROXY` gives N (0: no
proxy; the address is the socket's).
"""

import logging
import os
import shlex
import sys
from collections.abc import Mapping, Sequence

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http import HttpRequest

logger = logging.getLogger(__name__)

ALL_ADDRESSES = {"0.0.0.0", "::", "[::]", ""}


def trusted_proxy_count() -> int:
    return int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)


def client_address(request: HttpRequest) -> str:
    """The address of the client as the outermost trusted proxy saw it."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = trusted_proxy_count()
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        # Fewer hops than proxies: the request did not come through all of
        # them, so nothing in the header can be trusted.
        return remote
    return hops[-proxies]


class TrustedProxyMiddleware:
    """Puts the real client address in REMOTE_ADDR and X-Forwarded-For before anything reads them.

    Code that takes the last X-Forwarded-For entry (withdrawal_site.ratelimit)
    then gets the right address for any number of proxies, and a client cannot
    choose its own by sending the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if trusted_proxy_count() > 0:
            address = client_address(request)
            request.META["REMOTE_ADDR"] = address
            request.META["HTTP_X_FORWARDED_FOR"] = address
        return self.get_response(request)


def _server_options(environ: Mapping[str, str], argv: Sequence[str]) -> dict[str, str]:
    """Workers and bind address from the gunicorn command line, GUNICORN_CMD_ARGS or the Makefile's env."""
    options: dict[str, str] = {}
    words = [*shlex.split(environ.get("GUNICORN_CMD_ARGS", "")), *argv]
    for index, word in enumerate(words):
        for flag, key in (("--workers", "workers"), ("-w", "workers"), ("--bind", "bind"), ("-b", "bind")):
            if word == flag and index + 1 < len(words):
                options[key] = words[index + 1]
            elif word.startswith(flag + "="):
                options[key] = word.split("=", 1)[1]
    if "workers" not in options and environ.get("WEB_CONCURRENCY"):
        options["workers"] = environ["WEB_CONCURRENCY"]
    if "bind" not in options and environ.get("BIND"):
        options["bind"] = environ["BIND"]
    return options


def _binds_all_addresses(bind: str) -> bool:
    """Whether a gunicorn --bind value ("0.0.0.0:8000", "[::]:80", "unix:/run/wc.sock") listens everywhere."""
    if bind.startswith(("unix:", "fd://")):
        return False
    if bind.startswith("["):
        host = bind[: bind.find("]") + 1]
    else:
        host = bind.rsplit(":", 1)[0] if ":" in bind else bind
    return host in ALL_ADDRESSES


def deployment_warnings(
    *, environ: Mapping[str, str], argv: Sequence[str], redis_url: str, proxies: int
) -> list[tuple[str, str]]:
    """(id, message) for each risky combination this process can see."""
    options = _server_options(environ, argv)
    warnings = []
    try:
        workers = int(options.get("workers", "1"))
    except ValueError:
        workers = 1
    if workers > 1 and not redis_url:
        warnings.append(
            (
                "withdrawal_site.W001",
                f"{workers} workers run without REDIS_URL: each keeps its own rate-limit and sign-in "
                "counts, so every limit is multiplied by the number of workers. Set REDIS_URL.",
            )
        )
    bind = options.get("bind", "")
    if proxies > 0 and bind and _binds_all_addresses(bind):
        warnings.append(
            (
                "withdrawal_site.W002",
                f"DJANGO_BEHIND_PROXY is on but the app listens on all addresses ({bind}): anyone who "
                "reaches it directly can forge X-Forwarded-For and dodge the per-client limits. Bind to "
                "the proxy's network only, or firewall the port.",
            )
        )
    return warnings


def current_deployment_warnings() -> list[tuple[str, str]]:
    return deployment_warnings(
        environ=os.environ,
        argv=sys.argv,
        redis_url=getattr(settings, "REDIS_URL", ""),
        proxies=trusted_proxy_count(),
    )


@register(Tags.security)
def check_deployment(app_configs=None, **kwargs) -> list[Warning]:
    return [Warning(message, id=check_id) for check_id, message in current_deployment_warnings()]


def log_deployment_warnings() -> None:
    """At start-up (gunicorn runs no system checks), say the same in the log."""
    for check_id, message in current_deployment_warnings():
        logger.warning("%s: %s", check_id, message)
