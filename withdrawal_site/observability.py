"""Logs an operator can ship and errors they can be told about, with no personal data.

Every formatted log line (text or JSON, message, extra fields and traceback alike)
goes through withdrawal_site.redaction, so a status reference, a journal secret or
an email address never reaches a log file. Sentry (optional, SENTRY_DSN) gets the
same scrubbing in before_send, and is configured not to collect what it would
otherwise: request bodies (the text someone typed), cookies, local variables,
client addresses.
"""

import logging
from typing import Any

from pythonjsonlogger.json import JsonFormatter

from withdrawal_site.redaction import REDACTED, redact, redact_value

# Attributes Django puts on records that are objects, not data: replaced by a
# short safe description before formatting.
_OBJECT_ATTRIBUTES = ("request",)


def _describe_request(request: Any) -> str:
    method = getattr(request, "method", "")
    path = getattr(request, "path", "")
    return redact(f"{method} {path}".strip())


class RedactingTextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class RedactingJsonFormatter(JsonFormatter):
    """One JSON object a line: time, level, logger, message, and every `extra` field.

    Security events (logger "withdrawal_site.security") pass their details as
    `extra`; they appear as top-level keys.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s")
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("json_default", str)
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data: dict, record: logging.LogRecord, message_dict: dict) -> None:
        super().add_fields(log_data, record, message_dict)
        for name in _OBJECT_ATTRIBUTES:
            if name in log_data:
                log_data[name] = _describe_request(log_data[name])

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def logging_config(*, log_format: str, level: str) -> dict:
    formatter = "json" if log_format.strip().lower() == "json" else "text"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "text": {
                "()": "withdrawal_site.observability.RedactingTextFormatter",
                "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            },
            "json": {"()": "withdrawal_site.observability.RedactingJsonFormatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": formatter}},
        "root": {"handlers": ["console"], "level": level},
        # Django's own handlers (the debug console, runserver's request lines) print
        # paths unredacted: these loggers use ours instead.
        "loggers": {
            "django": {"handlers": ["console"], "level": level, "propagate": False},
            "django.server": {"handlers": ["console"], "level": level, "propagate": False},
        },
    }


# --- Sentry ---

_DROPPED_REQUEST_FIELDS = ("data", "cookies", "env")
_DROPPED_HEADERS = {"cookie", "authorization", "x-forwarded-for", "x-real-ip", "forwarded"}


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """before_send: no body, cookie, address, email, status reference or journal secret leaves."""
    request = event.get("request")
    if isinstance(request, dict):
        for field in _DROPPED_REQUEST_FIELDS:
            request.pop(field, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                name: (REDACTED if name.lower() in _DROPPED_HEADERS else value)
                for name, value in headers.items()
            }
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {key: value for key, value in user.items() if key == "id"}
    return redact_value(event)


def scrub_breadcrumb(crumb: dict, hint: dict | None = None) -> dict:
    return redact_value(crumb)


def init_sentry(*, dsn: str, environment: str = "", release: str = "") -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=release or None,
        send_default_pii=False,
        include_local_variables=False,  # locals hold what people typed
        max_request_body_size="never",
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        traces_sample_rate=0,
        integrations=[DjangoIntegration()],
    )
