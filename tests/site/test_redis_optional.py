"""Redis is optional at run time: pages serve without it, counters say they failed.

Two Redis locations: a closed port (127.0.0.1:1, refused at once) and the real
Redis (DB 5 by default, WC_TEST_REDIS_URL) with its client made to fail.
"""

import logging
import os
import time

import pytest
import redis
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCacheClient
from django.urls import reverse
from pytest_django.asserts import assertContains

from withdrawal_site import cache as fail_soft
from withdrawal_site.cache import CacheUnavailableError, FailSoftRedisCache

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:1/0"
LIVE_REDIS = os.environ.get("WC_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def redis_settings(location: str, retry_after: float = 2) -> dict:
    return {
        "default": {
            "BACKEND": "withdrawal_site.cache.FailSoftRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "wc-test",
            "RETRY_AFTER": retry_after,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture(autouse=True)
def _fresh_outage_state():
    for health in fail_soft._health.values():
        health.down_since, health.failures, health.retry_at = None, 0, 0.0
    yield
    for health in fail_soft._health.values():
        health.down_since, health.failures, health.retry_at = None, 0, 0.0


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_settings(CLOSED_PORT)
    from django.core.cache import caches

    assert isinstance(caches["default"], FailSoftRedisCache)
    return cache


@pytest.fixture
def live_redis(settings):
    try:
        redis.Redis.from_url(LIVE_REDIS, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("WC_REQUIRE_REDIS") == "1":
            pytest.fail(f"Redis is not reachable at {LIVE_REDIS} and WC_REQUIRE_REDIS=1")
        pytest.skip(f"Redis is not reachable at {LIVE_REDIS}")
    settings.CACHES = redis_settings(LIVE_REDIS, retry_after=0.05)
    cache.clear()
    yield cache
    cache.clear()


def test_reads_miss_and_writes_are_skipped_when_redis_is_down(redis_down):
    assert cache.get("anything", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("a") is False
    cache.set("a", 1)
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    cache.delete("a")
    cache.delete_many(["a", "b"])
    cache.clear()
    assert cache.get_or_set("c", lambda: 3) == 3


def test_counters_raise_so_the_rate_limiter_can_decide(redis_down):
    with pytest.raises(CacheUnavailableError):
        cache.add("counter", 1)
    with pytest.raises(CacheUnavailableError):  # skipped during the retry pause: raises at once
        cache.incr("counter")
    # Callers that catch redis's own errors catch it too.
    assert issubclass(CacheUnavailableError, redis.exceptions.ConnectionError)


def test_a_black_holed_redis_costs_one_timeout_then_is_skipped(redis_down):
    started = time.monotonic()
    for _ in range(20):
        cache.get("k")
    assert time.monotonic() - started < 1.0


def test_pages_with_cached_texts_serve_from_the_database_when_redis_is_down(redis_down, client):
    for url in (reverse("home"), reverse("charities:list"), reverse("disclaimers:detail")):
        response = client.get(url)
        assert response.status_code == 200, url
    # A cached text (the directory disclaimer) comes from the database instead.
    assertContains(client.get(reverse("charities:list")), "disclaimer")


def test_healthz_reports_the_cache_as_degraded_but_stays_200(redis_down, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "down"}


def test_healthz_with_redis_up(live_redis, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_the_outage_is_logged_once_not_per_request(redis_down, client, caplog, settings):
    settings.CACHES["default"]["RETRY_AFTER"] = 0  # every call tries Redis again
    settings.CACHES = dict(settings.CACHES)
    with caplog.at_level(logging.WARNING, logger="withdrawal_site.cache"):
        for _ in range(5):
            assert client.get(reverse("charities:list")).status_code == 200
    outage = [r for r in caplog.records if r.name == "withdrawal_site.cache"]
    assert len(outage) == 1
    assert "Shared cache unreachable" in outage[0].getMessage()


def test_real_redis_works_fails_soft_and_logs_its_recovery(live_redis, monkeypatch, caplog):
    cache.set("text", "cached copy")
    assert cache.get("text") == "cached copy"
    assert cache.add("count", 1) is True
    assert cache.incr("count") == 2

    def broken(*args, **kwargs):
        raise redis.exceptions.TimeoutError("Timeout reading from socket")

    with caplog.at_level(logging.WARNING, logger="withdrawal_site.cache"):
        monkeypatch.setattr(RedisCacheClient, "get", broken)
        monkeypatch.setattr(RedisCacheClient, "incr", broken)
        assert cache.get("text", "from the database") == "from the database"
        assert cache.get("text", "from the database") == "from the database"
        with pytest.raises(CacheUnavailableError):
            cache.incr("count")
        monkeypatch.undo()
        time.sleep(0.1)  # past RETRY_AFTER
        assert cache.get("text") == "cached copy"
        assert cache.incr("count") == 3
    messages = [r.getMessage() for r in caplog.records if r.name == "withdrawal_site.cache"]
    assert len(messages) == 2
    assert messages[0].startswith("Shared cache unreachable")
    assert messages[1].startswith("Shared cache reachable again")


def test_settings_give_redis_sub_second_timeouts(monkeypatch):
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings; "
        "c = settings.CACHES['default']; print(c['BACKEND']); "
        "print(c['OPTIONS']['socket_connect_timeout'], c['OPTIONS']['socket_timeout'])"
    )
    env = {**os.environ, "REDIS_URL": CLOSED_PORT, "DJANGO_SECRET_KEY": "x"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    backend, timeouts = out.stdout.splitlines()
    assert backend == "withdrawal_site.cache.FailSoftRedisCache"
    connect, read = (float(x) for x in timeouts.split())
    assert 0 < connect < 1 and 0 < read < 1


def test_backend_location_password_is_not_logged():
    assert fail_soft._safe_location("redis://:hunter2@cache:6379/0") == "redis://[redacted]@cache:6379/0"
    assert isinstance(FailSoftRedisCache, type)


def test_disclaimers_come_from_the_database_even_with_a_plain_redis_backend_down(settings, client):
    # Not the fail-soft backend: a cache that raises on every read and write.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CLOSED_PORT,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    from django.template import Context, Template

    html = Template('{% load disclaimers %}{% disclaimer "tapering" %}').render(Context())
    assert "About tapering information" in html


def test_a_text_edited_while_redis_was_down_is_not_served_stale_afterwards(live_redis, monkeypatch):
    from withdrawal_site.disclaimers.models import Disclaimer, get_disclaimer

    assert get_disclaimer("tapering").summary  # cached in Redis now
    disclaimer = Disclaimer.objects.get(key="tapering", language="en")

    def broken(*args, **kwargs):
        raise redis.exceptions.ConnectionError("Connection refused")

    monkeypatch.setattr(RedisCacheClient, "delete", broken)
    monkeypatch.setattr(RedisCacheClient, "get", broken)
    disclaimer.summary = "Edited by an admin during the outage."
    disclaimer.save()  # the cache delete fails: Redis still holds the old text
    assert get_disclaimer("tapering").summary == "Edited by an admin during the outage."  # from the database
    monkeypatch.undo()
    time.sleep(0.1)  # past RETRY_AFTER: Redis answers again
    assert get_disclaimer("tapering").summary == "Edited by an admin during the outage."
