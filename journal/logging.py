"""Keeps journal link secrets out of every log line.

Django logs the path of a failed request ("Not Found: /journal/<secret>/"), and
runserver logs every request line. The path of a journal page carries its secret,
so anything that looks like a journal path loses everything after `/journal/`.
"""

import logging
import re

REDACTED = "/journal/[redacted]"
# Anything after /journal/ except the public start page.
_JOURNAL_PATH = re.compile(r"/journal/(?!new/(?:[\s?\"']|$))[^\s?\"']*")


def redact(text: str) -> str:
    return _JOURNAL_PATH.sub(REDACTED, text)


def _redact_value(value):
    if isinstance(value, str):
        if value.startswith("/journal/") and not value.startswith("/journal/new/"):
            # A path argument (request.path is decoded, so it may hold spaces): all of it goes.
            return REDACTED
        return redact(value)
    return value


class RedactJournalLinks(logging.Filter):
    """A logging filter that rewrites the message and its arguments; it never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_value(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _redact_value(value) for key, value in record.args.items()}
        request = getattr(record, "request", None)
        if request is not None and "/journal/" in getattr(request, "path", ""):
            # Handlers such as AdminEmailHandler print the request; give them none.
            record.request = None
        return True
