"""Counting requests per client in the shared cache.

With REDIS_URL set the cache is Redis, so a limit holds across every gunicorn
worker and app server; a per-process cache would let each worker count alone.
Client addresses are never stored: only a keyed hash of them.
"""

import hashlib
import hmac
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The last entry is the one our own proxy added; earlier ones are
            # whatever the client chose to send.
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_hash(request: HttpRequest) -> str:
    """A keyed hash of the client address: enough to count, useless to identify."""
    key = settings.CLIENT_HASH_KEY.encode()
    return hmac.new(key, client_address(request).encode(), hashlib.sha256).hexdigest()


def _cache_key(scope: str, identity: str) -> str:
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def is_limited(*, scope: str, identity: str, limit: int) -> bool:
    """True once `identity` has used up `limit` hits in the current window."""
    return (cache.get(_cache_key(scope, identity)) or 0) >= limit


def record_hit(*, scope: str, identity: str, window_seconds: int) -> int:
    """Count one hit in a fixed window; returns the count so far."""
    key = _cache_key(scope, identity)
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window_seconds)
        return 1


def reset(*, scope: str, identity: str) -> None:
    cache.delete(_cache_key(scope, identity))


# Counting before acting -------------------------------------------------------
#
# `is_limited` followed later by `record_hit` is check-then-act: thirty
# concurrent requests all pass the check before any is counted. A slot is
# instead taken atomically (add + incr, which Redis runs as single commands)
# before the work, and given back when the work is refused or fails, so only
# what was actually done stays counted.


@dataclass(frozen=True)
class Slot:
    scope: str
    identity: str
    allowed: bool
    # False when the shared cache could not be reached and nothing was counted.
    checked: bool = True

    def release(self) -> None:
        """Give the slot back (the work failed); best effort, never raises."""
        if not (self.allowed and self.checked):
            return
        try:
            cache.decr(_cache_key(self.scope, self.identity))
        except Exception:
            logger.warning("Could not give back a rate-limit slot for %s", self.scope)


def take_slot(*, scope: str, identity: str, limit: int, window_seconds: int) -> Slot:
    """Count one hit now; allowed while the count stays within `limit`.

    If the shared cache is down the hit cannot be counted: the slot is allowed
    but marked unchecked, and the caller decides what that means (contributions
    are accepted with a note for the editors; see the README).
    """
    try:
        count = record_hit(scope=scope, identity=identity, window_seconds=window_seconds)
    except Exception as error:
        logger.warning(
            "Rate limit for %s not checked: the cache is unavailable (%s)", scope, type(error).__name__
        )
        return Slot(scope, identity, allowed=True, checked=False)
    if count > limit:
        refused = Slot(scope, identity, allowed=False)
        try:
            cache.decr(_cache_key(scope, identity))  # a refusal does not count
        except Exception:
            logger.warning("Could not uncount a refused hit for %s", scope)
        return refused
    return Slot(scope, identity, allowed=True)
