"""A Redis cache the site can live without.

The shared cache holds copies (disclaimers, cached texts) and counters (rate
limits, sign-in throttling). When Redis fails, a copy can always be rebuilt from
the database, so reads miss and writes are skipped: the page is served. A
counter cannot be guessed, so `add()` and `incr()` (and `decr()`) raise
`CacheUnavailableError`, and the caller (withdrawal_site/ratelimit.py) decides what
failing safe means for the person in front of it.

After a failure Redis is not asked again for `RETRY_AFTER` seconds (default 2):
with Redis black-holed, every call would otherwise wait out the socket timeout,
and a page with five cached texts would take five times as long. The outage is
logged once when it starts and once when it ends, not once per request; the
state is per process and per Redis location. A key this process could not delete
or overwrite during the outage may still hold its old value in Redis, so it is
deleted before anything else once Redis answers again.
"""

import logging
import threading
import time
from dataclasses import dataclass, field

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class CacheUnavailableError(RedisConnectionError):
    """The shared cache could not be reached (or is being skipped after a failure).

    A subclass of redis's ConnectionError, so code that catches RedisError or
    ConnectionError catches it too.
    """


@dataclass
class _Health:
    down_since: float | None = None  # monotonic time of the first failure of this outage
    retry_at: float = 0.0
    failures: int = 0
    # Keys this process failed to delete or overwrite during the outage: Redis may still
    # hold their old values (a disclaimer edited meanwhile), so they are deleted on recovery.
    stale_keys: set = field(default_factory=set)


MAX_STALE_KEYS = 10_000


_health: dict[str, _Health] = {}
_health_lock = threading.Lock()


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)
        self.retry_after = float(params.get("RETRY_AFTER", 2))
        with _health_lock:
            self._health = _health.setdefault(self._location, _Health())

    # --- outage bookkeeping ---

    def is_down(self) -> bool:
        """True while an outage is known and its retry pause has not passed."""
        return self._health.down_since is not None and time.monotonic() < self._health.retry_at

    def _before_call(self) -> None:
        if self.is_down():
            raise CacheUnavailableError("shared cache skipped after a recent failure")

    def _failed(self, error: Exception) -> None:
        now = time.monotonic()
        with _health_lock:
            health = self._health
            first = health.down_since is None
            if first:
                health.down_since = now
            health.failures += 1
            health.retry_at = now + self.retry_after
        if first:
            logger.error(
                "Shared cache unreachable (%s: %s); serving without it, retrying every %g s",
                type(error).__name__,
                error,
                self.retry_after,
                extra={"event": "cache.down", "cache_location": _safe_location(self._location)},
            )

    def _remember_stale(self, keys) -> None:
        with _health_lock:
            stale = self._health.stale_keys
            for key in keys:
                if len(stale) < MAX_STALE_KEYS:
                    stale.add(key)

    def _succeeded(self) -> None:
        if self._health.down_since is None:
            return
        with _health_lock:
            health = self._health
            if health.down_since is None:
                return
            seconds = time.monotonic() - health.down_since
            failures = health.failures
            health.down_since, health.failures, health.retry_at = None, 0, 0.0
        logger.warning(
            "Shared cache reachable again after %.1f s (%d failed calls)",
            seconds,
            failures,
            extra={"event": "cache.recovered", "outage_seconds": round(seconds, 1)},
        )

    def _flush_stale(self) -> None:
        """First thing once Redis answers again: drop what may have gone stale meanwhile."""
        with _health_lock:
            stale, self._health.stale_keys = list(self._health.stale_keys), set()
        if not stale:
            return
        try:
            self._cache.delete_many(stale)
        except RedisError:
            self._remember_stale(stale)
            raise

    def _call(self, method, *args, **kwargs):
        """Run a RedisCache method; CacheUnavailableError on any Redis failure."""
        self._before_call()
        try:
            if self._health.down_since is not None:
                self._flush_stale()
            result = method(*args, **kwargs)
        except RedisError as error:
            self._failed(error)
            raise CacheUnavailableError(str(error)) from error
        self._succeeded()
        return result

    def _soft(self, fallback, method, *args, **kwargs):
        try:
            return self._call(method, *args, **kwargs)
        except CacheUnavailableError:
            return fallback

    def ping(self) -> bool:
        """Whether Redis answers now (ignores the retry pause; for /healthz)."""
        try:
            result = bool(self._cache.get_client(write=True).ping())
        except RedisError as error:
            self._failed(error)
            return False
        self._succeeded()
        return result

    # --- reads miss, writes are skipped ---

    def get(self, key, default=None, version=None):
        return self._soft(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._soft({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._soft(False, super().has_key, key, version)

    def _soft_write(self, fallback, keys, method, *args):
        try:
            return self._call(method, *args)
        except CacheUnavailableError:
            self._remember_stale(self.make_and_validate_key(key, version=args[-1]) for key in keys)
            return fallback

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._soft_write(None, [key], super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that failed to be stored.
        return self._soft_write(list(data), list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._soft_write(False, [key], super().delete, key, version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        self._soft_write(None, keys, super().delete_many, keys, version)

    def clear(self):
        return self._soft(False, super().clear)

    def get_or_set(self, key, default, timeout=DEFAULT_TIMEOUT, version=None):
        # BaseCache's version goes through add(), which raises; a copy is rebuilt instead.
        value = self.get(key, version=version)
        if value is None:
            value = default() if callable(default) else default
            if value is not None:
                self.set(key, value, timeout=timeout, version=version)
        return value

    # --- counters raise: the caller decides ---

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, key, delta, version)


def _safe_location(location: str) -> str:
    """The Redis URL without its password."""
    if "@" in location:
        scheme, _, rest = location.partition("://")
        return f"{scheme}://[redacted]@{rest.rpartition('@')[2]}"
    return location


def cache_health(alias: str = "default") -> str:
    """'ok', 'down', or 'local' (a per-process cache that cannot fail) for /healthz."""
    from django.core.cache import caches

    cache = caches[alias]
    if isinstance(cache, FailSoftRedisCache):
        return "ok" if cache.ping() else "down"
    return "local"
