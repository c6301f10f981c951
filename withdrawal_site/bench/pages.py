"""Page benchmark: every main page type, cached and uncached, beside a static file.

Starts two gunicorn servers with production settings on the benchmark
database and Redis (one with the page cache, one without), writes a static
file of the pages' median size into STATIC_ROOT so the same gunicorn and
whitenoise serve it, warms up, then drives each URL with wrk at 16
connections and prints requests/s, p50, p99 and the ratio to the static file.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CONNECTIONS = 16
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Result:
    label: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def page_urls() -> list[tuple[str, str]]:
    """One real URL per main page type, taken from the loaded database."""
    from articles.models import Article
    from charities.models import Organization
    from resources.models import Drug

    drug = Drug.objects.published().order_by("name").first()
    article = Article.objects.published().first()
    listing = Organization.objects.filter(slug__startswith="bench-").order_by("pk").first()
    planner = (
        "/tapering/planner/?start_dose=20&cut_percent=10&days_per_step=28&stop_below=1"
        "&start_date=2026-01-01&liquid_mg=2&liquid_ml=1&acknowledged=on"
    )
    return [
        ("home", "/"),
        ("drug list", "/drugs/"),
        ("drug page", f"/drugs/{drug.slug}/"),
        ("article list", "/articles/"),
        ("article", f"/articles/{article.slug}/"),
        ("directory, filtered", "/support/?country=GB&type=charity"),
        ("listing", f"/support/{listing.slug}/"),
        ("tips", "/tips/"),
        ("search", "/search/?q=sleep"),
        ("planner, results", planner),
    ]


def _milliseconds(text: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s)", text)
    return float(match.group(1)) * UNITS[match.group(2)]


def run_wrk(url: str, *, seconds: int, label: str) -> Result:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors_match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return Result(label, rps, p50, p99, int(errors_match.group(1)) if errors_match else 0)


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
        return response.read()


def _wait_until_up(base: str, process: subprocess.Popen) -> None:
    for _ in range(120):
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited; see its output above")
        try:
            _fetch(base + "/healthz")
            return
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not start")


def start_gunicorn(*, port: int, page_cache: bool, static_root: Path, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_LOG_LEVEL": "WARNING",
        "PAGE_CACHE_ENABLED": "1" if page_cache else "0",
        "GUNICORN_ACCESS_LOG": "off",  # measure the pages, not a log line per request
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    return subprocess.Popen(
        [
            gunicorn,
            "withdrawal_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        env=env,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def print_table(rows: list[tuple[str, Result, Result]], static: Result, write) -> None:
    write(
        f"static file ({static.label}): {static.requests_per_second:.0f} req/s, "
        f"p50 {static.p50_ms:.1f} ms, p99 {static.p99_ms:.1f} ms"
    )
    write("")
    write("| page | cached req/s | p50 ms | p99 ms | ratio to static | uncached req/s | p50 ms | p99 ms |")
    write("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, cached, uncached in rows:
        flag = " (errors!)" if cached.errors or uncached.errors else ""
        write(
            f"| {label}{flag} | {cached.requests_per_second:.0f} | {cached.p50_ms:.1f} | {cached.p99_ms:.1f} "
            f"| {cached.requests_per_second / static.requests_per_second:.2f} "
            f"| {uncached.requests_per_second:.0f} | {uncached.p50_ms:.1f} | {uncached.p99_ms:.1f} |"
        )


def run(*, seconds: int, ports: tuple[int, int], workers: int, write) -> None:
    from django.conf import settings
    from django.core.management import call_command

    if not shutil.which("wrk"):
        raise RuntimeError("wrk is missing: apt-get install wrk (make bench installs it)")
    urls = page_urls()
    static_root = Path(tempfile.mkdtemp(prefix="wc-bench-static-"))
    settings.STATIC_ROOT = static_root
    call_command("collectstatic", "--noinput", verbosity=0)
    cached_port, uncached_port = ports
    servers = []
    try:
        uncached = start_gunicorn(
            port=uncached_port, page_cache=False, static_root=static_root, workers=workers
        )
        servers.append(uncached)
        uncached_base = f"http://127.0.0.1:{uncached_port}"
        _wait_until_up(uncached_base, uncached)
        sizes = [len(_fetch(uncached_base + path)) for _, path in urls]
        median_size = int(statistics.median(sizes))
        (static_root / "bench").mkdir(exist_ok=True)
        (static_root / "bench" / "page-sized.html").write_bytes(b"x" * median_size)
        write(f"page sizes {min(sizes)}-{max(sizes)} bytes; static file {median_size} bytes")

        cached = start_gunicorn(port=cached_port, page_cache=True, static_root=static_root, workers=workers)
        servers.append(cached)
        cached_base = f"http://127.0.0.1:{cached_port}"
        _wait_until_up(cached_base, cached)

        static_url = cached_base + "/static/bench/page-sized.html"
        for base in (cached_base, uncached_base):
            for _, path in urls:
                for _ in range(3):
                    _fetch(base + path)
        _fetch(static_url)
        run_wrk(static_url, seconds=2, label="warm-up")
        static = run_wrk(static_url, seconds=seconds, label=f"{median_size} bytes")

        rows = []
        for label, path in urls:
            cached_result = run_wrk(cached_base + path, seconds=seconds, label=label)
            uncached_result = run_wrk(uncached_base + path, seconds=seconds, label=label)
            rows.append((label, cached_result, uncached_result))
            write(f"  measured {label}")
        write("")
        print_table(rows, static, write)
    finally:
        for server in servers:
            stop(server)
        shutil.rmtree(static_root, ignore_errors=True)
