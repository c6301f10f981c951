"""Counting requests per client in the shared cache.

With REDIS_URL set the cache is Redis, so a limit holds across every gunicorn
worker and app server; a per-process cache would let each worker count alone.
Client addresses are never stored: only a keyed hash of them.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


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
