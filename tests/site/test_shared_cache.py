"""Rate limits hold across processes when REDIS_URL is set.

Each gunicorn worker is its own process: a limit counted in per-process
memory would let every worker count alone. These tests run two separate
Python processes against a real Redis and check they share one count.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("WC_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

WORKER = """
import django
django.setup()
from django.conf import settings
from django.core.cache import cache
from withdrawal_site import ratelimit
if {clear}:
    cache.clear()
print(settings.CACHES["default"]["BACKEND"])
print(ratelimit.record_hit(scope="contribute", identity="client-a", window_seconds=60))
print(ratelimit.is_limited(scope="contribute", identity="client-a", limit=2))
"""


def run_worker(*, clear: bool, redis_url: str = REDIS_URL) -> list[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "withdrawal_site.settings",
        "DJANGO_SECRET_KEY": "test-only",
        "REDIS_URL": redis_url,
    }
    result = subprocess.run(
        [sys.executable, "-c", WORKER.format(clear=clear)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def redis_is_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def live_redis():
    if not redis_is_reachable():
        message = f"Redis is not reachable at {REDIS_URL}"
        if os.environ.get("WC_REQUIRE_REDIS") == "1":
            pytest.fail(message + " and WC_REQUIRE_REDIS=1")
        pytest.skip(message + "; start redis-server to run the cross-process tests")


def test_redis_url_selects_the_shared_redis_cache(live_redis):
    backend, _count, _limited = run_worker(clear=True)
    assert backend == "withdrawal_site.cache.FailSoftRedisCache"


def test_two_worker_processes_share_one_rate_limit_count(live_redis):
    first = run_worker(clear=True)
    second = run_worker(clear=False)
    assert first[1:] == ["1", "False"]
    assert second[1:] == ["2", "True"]  # the second process sees the first one's hit
