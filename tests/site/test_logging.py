"""Structured logs and error reports, with no personal data in them."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from withdrawal_site.observability import (
    RedactingJsonFormatter,
    RedactingTextFormatter,
    logging_config,
    scrub_event,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def log_through(formatter: logging.Formatter, logger_name: str, message: str, *args, **kwargs) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        logger.warning(message, *args, **kwargs)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    return stream.getvalue()


def test_json_logs_carry_the_security_events_extra_fields():
    line = log_through(
        RedactingJsonFormatter(),
        "withdrawal_site.security",
        "Sign-in throttled",
        extra={"event": "login.throttled", "client": "3f9a1c", "attempts": 6},
    )
    record = json.loads(line)
    assert record["message"] == "Sign-in throttled"
    assert record["logger"] == "withdrawal_site.security"
    assert record["level"] == "WARNING"
    assert record["event"] == "login.throttled"
    assert record["client"] == "3f9a1c"
    assert record["attempts"] == 6
    assert "time" in record


@pytest.mark.parametrize("formatter", [RedactingJsonFormatter(), RedactingTextFormatter()])
def test_logs_never_hold_status_references_journal_secrets_or_emails(formatter):
    line = log_through(
        formatter,
        "django.request",
        "Not Found: %s (from %s)",
        "/contribute/status/Ref-Secret-77/",
        "person@example.org",
        extra={"path": "/journal/jsecret-9/entries/", "contact": "other@example.com"},
    )
    for secret in ("Ref-Secret-77", "person@example.org", "jsecret-9", "other@example.com"):
        assert secret not in line
    assert "/contribute/status/[redacted]/" in line


def test_a_traceback_is_redacted_too():
    try:
        raise ValueError("no submission /contribute/status/Ref-Secret-77/ for person@example.org")
    except ValueError:
        line = log_through(RedactingJsonFormatter(), "x", "failed", exc_info=True)
    assert "Ref-Secret-77" not in line and "person@example.org" not in line
    assert "ValueError" in json.loads(line)["exc_info"]


def test_the_log_format_is_chosen_by_environment():
    assert logging_config(log_format="json", level="INFO")["handlers"]["console"]["formatter"] == "json"
    assert logging_config(log_format="", level="INFO")["handlers"]["console"]["formatter"] == "text"


def run_site_process(code: str, **env) -> subprocess.CompletedProcess:
    full_env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SENTRY_"))},
        "DJANGO_SETTINGS_MODULE": "withdrawal_site.settings",
        "DJANGO_SECRET_KEY": "test-only",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_django_request_warnings_in_json_hold_no_secret():
    code = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client().get('/journal/jsecret-abc/?key=jsecret-abc').status_code)"
    )
    result = run_site_process(code, DJANGO_LOG_FORMAT="json", DJANGO_DEBUG="1")
    assert result.stdout.strip() == "404", result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    not_found = [line for line in lines if line["logger"] == "django.request"]
    assert not_found, result.stderr
    assert "jsecret-abc" not in result.stderr
    assert not_found[0]["status_code"] == 404
    # The journal's own filter drops the request object from the record; the formatter
    # redacts it when it is there. Either way no secret reaches the log.
    assert not_found[0]["request"] in ("", "GET /journal/[redacted]")


def test_sentry_is_off_without_a_dsn_and_private_with_one():
    code = (
        "import django; django.setup(); import sentry_sdk; c = sentry_sdk.get_client(); "
        "print(c.is_active()); o = c.options; "
        "c.is_active() and print(o['send_default_pii'], o['include_local_variables'], "
        "o['max_request_body_size'], o['before_send'].__name__)"
    )
    off = run_site_process(code)
    assert off.returncode == 0, off.stderr
    assert off.stdout.splitlines()[0] == "False"
    on = run_site_process(code, SENTRY_DSN="http://public@127.0.0.1:9/1")
    assert on.returncode == 0, on.stderr
    assert on.stdout.splitlines() == ["True", "False False never scrub_event"]


def test_sentry_events_are_scrubbed():
    event = {
        "message": "Submission failed for person@example.org",
        "request": {
            "url": "https://site.example/contribute/status/Ref-Secret-77/withdraw/",
            "query_string": "key=jsecret-1",
            "data": {"body": "what the person typed"},
            "cookies": {"sessionid": "abc"},
            "headers": {"Referer": "https://site.example/journal/jsecret-1/", "Cookie": "sessionid=abc"},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
        },
        "user": {"id": "7", "email": "person@example.org", "ip_address": "203.0.113.9"},
        "breadcrumbs": {"values": [{"message": "GET /contribute/status/Ref-Secret-77/"}]},
        "exception": {"values": [{"value": "no journal /journal/jsecret-1/"}]},
    }
    text = json.dumps(scrub_event(event))
    for secret in (
        "person@example.org",
        "Ref-Secret-77",
        "jsecret-1",
        "what the person typed",
        "sessionid=abc",
    ):
        assert secret not in text
    assert "203.0.113.9" not in text
    assert "/contribute/status/[redacted]/withdraw/" in text
