import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_security_headers_on_a_real_response(client):
    response = client.get(reverse("home"), secure=True)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "nonce" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_pages_make_no_third_party_requests(client):
    html = client.get(reverse("home")).content.decode()
    for marker in ('src="http', 'src="//', 'href="//', "@import", "fonts.googleapis", "cdn"):
        assert marker not in html
    # No inline script or style anywhere: the CSP would block them.
    assert "<script" not in html
    assert "style=" not in html


def test_session_and_csrf_cookies_are_secure_http_only_and_host_prefixed(client, editor, settings):
    # Production settings (DEBUG off) name both cookies with the __Host- prefix:
    # Secure, Path=/ and no Domain, so a sibling subdomain cannot plant them.
    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert settings.CSRF_COOKIE_NAME == "__Host-csrftoken"
    assert settings.SESSION_COOKIE_DOMAIN is None and settings.CSRF_COOKIE_DOMAIN is None
    response = client.get(reverse("accounts:login"), secure=True)
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"] and csrf["path"] == "/" and not csrf["domain"]
    response = client.post(
        reverse("accounts:login"),
        {"username": "editor", "password": "a-long-test-password-123"},
        secure=True,
    )
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["path"] == "/" and not session["domain"]


def _settings_process(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=PROJECT_ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "withdrawal_site.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_start_up_refuses_a_missing_secret_key_when_debug_is_off():
    result = _settings_process({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_a_secret_key():
    result = _settings_process({"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


PUBLIC_PATHS = [
    "/",
    "/about/",
    "/privacy/",
    "/healthz",
    "/robots.txt",
    "/sitemap.xml",
    "/search/?q=taper",
    "/articles/",
    "/feeds/articles/",
    "/crisis/",
    "/support/",
    "/drugs/",
    "/tapering/",
    "/tapering/planner/",
    "/tips/",
    "/experiences/",
    "/resources/",
    "/reference/benzodiazepine-equivalents/",
    "/contribute/",
    "/contribute/tip/",
    "/accounts/login/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_head_works_wherever_get_does(client, path):
    get = client.get(path)
    head = client.head(path)
    assert get.status_code < 400, path
    assert head.status_code == get.status_code, path
    assert head.content == b""


def test_head_works_on_staff_pages_too(editor_client):
    for path in ("/moderation/", "/admin/"):
        assert editor_client.head(path).status_code == editor_client.get(path).status_code == 200


def test_check_deploy_passes_with_production_settings():
    """The same command as .ci/run: production settings raise no warning at all."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WEB_CONCURRENCY"))}
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "withdrawal_site.settings",
        "DJANGO_SECRET_KEY": "a-production-like-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "withdrawal-commons.example",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_HOST_USER": "ci",
        "EMAIL_HOST_PASSWORD": "ci",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
