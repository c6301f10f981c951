"""Scrubbing secrets and personal data out of anything we log or report.

A status reference (/contribute/status/<reference>/) and a journal's private link
(/journal/<secret>...) are capabilities: whoever has one can read or withdraw the
thing behind it. Log files, log shippers and error reporters are read by more
people, for longer, than the site itself, so none of them may ever hold one. The
same goes for email addresses. One module so the access log, the application logs
and Sentry all scrub the same way.
"""

import re
from typing import Any

REDACTED = "[redacted]"

# A status reference is the path segment after the prefix; what follows it
# (withdraw/) is kept, since it says which page was asked for. Everything after
# /journal/ goes, since a journal link may carry its secret in any segment. The
# query string of such a path is dropped whole: it may carry the secret too.
_STATUS_PATH = re.compile(
    r"(?P<prefix>/(?:[a-z]{2}(?:-[a-z]+)?/)?contribute/status/)[^/?#\s\"']+"
    r"(?P<rest>[^?#\s\"']*)(?:\?[^#\s\"']*)?",
    re.IGNORECASE,
)
# /journal/new/... (starting a journal) holds no secret and is kept.
_JOURNAL_PATH = re.compile(
    r"(?P<prefix>/(?:[a-z]{2}(?:-[a-z]+)?/)?journal/)(?!new(?:[/?#\s\"']|$))[^\s\"']+", re.IGNORECASE
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Query parameters that carry a secret wherever they appear.
_SECRET_PARAMS = re.compile(
    r"(?P<name>(?:^|[?&;])(?:reference|secret|token|key)=)[^&;#\s\"']*", re.IGNORECASE
)


def redact(text: str) -> str:
    """The text with every status reference, journal secret and email address replaced."""
    if not text:
        return text
    text = _STATUS_PATH.sub(lambda m: f"{m['prefix']}{REDACTED}{m['rest']}", text)
    text = _JOURNAL_PATH.sub(lambda m: f"{m['prefix']}{REDACTED}", text)
    text = _SECRET_PARAMS.sub(lambda m: f"{m['name']}{REDACTED}", text)
    return _EMAIL.sub(REDACTED, text)


def redact_value(value: Any, *, depth: int = 0) -> Any:
    """Strings redacted; lists, tuples and dicts redacted inside (bounded depth)."""
    if isinstance(value, str):
        return redact(value)
    if depth > 8:
        return value
    if isinstance(value, dict):
        return {key: redact_value(item, depth=depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(redact_value(item, depth=depth + 1) for item in value)
    return value
