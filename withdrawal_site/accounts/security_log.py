"""Security events, one structured record each, on the `withdrawal_site.security` logger.

Operators ship these (the JSON formatter is configured in LOGGING) to notice
password guessing, second-factor trouble and privilege changes. A record names
who and what, never a secret: no passwords, no one-time codes, no contributor
emails, and the client only as the same keyed hash the rate limits use.
"""

import logging

from django.http import HttpRequest

from withdrawal_site import ratelimit

logger = logging.getLogger("withdrawal_site.security")

# Keys a caller may add; anything else is dropped so a careless call cannot leak.
ALLOWED_FIELDS = frozenset(
    {"user_id", "target_user_id", "actor_id", "changed", "groups", "permissions", "action", "reason", "path"}
)
USERNAME_MAX = 150


def _client(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    try:
        return ratelimit.client_hash(request)
    except Exception:  # a security log must never break the request it describes
        return ""


def log_event(
    event: str, *, request: HttpRequest | None = None, username: str | None = None, **fields
) -> None:
    """Emit one security event; `username` is cut to the model's length (a typed one may be anything)."""
    extra = {key: value for key, value in fields.items() if key in ALLOWED_FIELDS}
    extra["event"] = event
    extra["client"] = _client(request)
    if username is not None:
        extra["username"] = str(username)[:USERNAME_MAX]
    level = (
        logging.WARNING
        if event.endswith(("_failed", "_throttled", "_refused", "_targeted"))
        else logging.INFO
    )
    logger.log(level, event, extra=extra)
