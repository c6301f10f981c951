"""DJANGO_BEHIND_PROXY counts trusted proxies; start-up warns about deployments that weaken the limits."""

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from withdrawal_site import ratelimit
from withdrawal_site.security import client_address, deployment_warnings

pytestmark = pytest.mark.django_db

FORGED_CHAIN = "6.6.6.6, 203.0.113.5, 10.0.0.2"  # forged by the client, then two proxies appended


def request_with(forwarded: str, remote: str = "10.0.0.3"):
    return RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)


@pytest.mark.parametrize(
    ("proxies", "expected"),
    [(0, "10.0.0.3"), (1, "10.0.0.2"), (2, "203.0.113.5"), (3, "6.6.6.6"), (4, "10.0.0.3")],
)
def test_the_client_is_the_nth_address_from_the_right(settings, proxies, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(request_with(FORGED_CHAIN)) == expected


def test_through_two_proxies_the_rate_limit_hash_follows_the_real_client_not_the_forged_one(client, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    seen = []
    from withdrawal_site.security import TrustedProxyMiddleware

    def view(request):
        seen.append((ratelimit.client_address(request), ratelimit.client_hash(request)))
        return None

    middleware = TrustedProxyMiddleware(view)
    middleware(request_with("1.1.1.1, 203.0.113.5, 10.0.0.2"))
    middleware(request_with("2.2.2.2, 203.0.113.5, 10.0.0.9"))
    assert seen[0][0] == seen[1][0] == "203.0.113.5"
    assert seen[0][1] == seen[1][1]


def test_the_setting_takes_a_number_and_the_old_on_off_words():
    import os
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"
    )
    results = {}
    for value in ("", "0", "off", "on", "true", "1", "2", "nonsense"):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "withdrawal_site.settings", "DJANGO_DEBUG": "1"}
        env["DJANGO_BEHIND_PROXY"] = value
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        )
        results[value] = result.stdout.strip() if result.returncode == 0 else "error"
    assert results == {
        "": "0",
        "0": "0",
        "off": "0",
        "on": "1",
        "true": "1",
        "1": "1",
        "2": "2",
        "nonsense": "error",
    }


@pytest.mark.parametrize(
    ("environ", "argv", "redis", "ids"),
    [
        ({"WEB_CONCURRENCY": "3"}, [], "", ["withdrawal_site.W001"]),
        ({"WEB_CONCURRENCY": "3"}, [], "redis://r:6379/0", []),
        ({}, ["gunicorn", "app", "--workers", "4"], "", ["withdrawal_site.W001"]),
        ({"GUNICORN_CMD_ARGS": "-w 2"}, [], "", ["withdrawal_site.W001"]),
        ({}, ["gunicorn", "app", "--workers=1"], "", []),
        ({"WEB_CONCURRENCY": "x"}, [], "", []),
    ],
)
def test_several_workers_without_redis_warn(environ, argv, redis, ids):
    found = [
        check_id
        for check_id, _message in deployment_warnings(environ=environ, argv=argv, redis_url=redis, proxies=0)
    ]
    assert found == ids


@pytest.mark.parametrize(
    ("bind", "proxies", "warns"),
    [
        ("0.0.0.0:8000", 1, True),
        ("[::]:8000", 2, True),
        ("0.0.0.0:8000", 0, False),
        ("127.0.0.1:8000", 1, False),
        ("10.1.2.3:8000", 1, False),
        ("unix:/run/wc.sock", 1, False),
    ],
)
def test_trusting_a_proxy_while_listening_everywhere_warns(bind, proxies, warns):
    found = deployment_warnings(
        environ={}, argv=["gunicorn", "app", "--bind", bind], redis_url="x", proxies=proxies
    )
    assert bool(found) is warns
    assert all(check_id == "withdrawal_site.W002" for check_id, _message in found)


def test_the_warnings_are_a_system_check_and_a_start_up_log_line(monkeypatch, caplog):
    from django.core.management.base import SystemCheckError

    from withdrawal_site.security import log_deployment_warnings

    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    with pytest.raises(SystemCheckError, match="W001"):
        call_command("check", "--fail-level", "WARNING")
    log_deployment_warnings()
    assert any("withdrawal_site.W001" in record.getMessage() for record in caplog.records)
