"""Fault suite: two gunicorn instances, PostgreSQL and Redis behind proxies we control.

`make faults` (not part of `make test`). Loopback only; bounded in requests and
time (about four minutes). What it does:

1. Creates the PostgreSQL database `wc_faults` afresh (migrate, load_demo) and
   uses Redis DB 6 (FAULTS_REDIS_DB); collects static files into a temporary folder.
2. Starts two TCP proxies (asyncio, in this process) in front of PostgreSQL and
   Redis, with modes pass / refuse / stall / slow, and two gunicorn instances
   (2 workers each, each with its own control socket) that reach both only
   through the proxies.
3. Runs a steady load: public pages, and contributions (open the form, "type"
   for a few seconds, send), from distinct simulated clients.
4. For each fault (PostgreSQL and Redis: refuse, stall, slow; then a graceful
   HUP of both instances under load): a few seconds of normal service, the
   fault for FAULT_SECONDS, then normal service again while it measures how
   long each instance takes to answer normally.
5. Checks every contribution against the database and prints a table: requests,
   errors by status, public 500s, slowest response, contributions saved / kept
   on the page (text shown back) / lost, duplicates, seconds to recover.

Targets: 0 lost submissions, no response slower than the documented budget
(gunicorn.conf.py: 9 s) + 1 s, 0 public 500s, recovery under 5 s.

Environment: FAULTS_PG_URL (server, default postgres://postgres@127.0.0.1:5432),
FAULTS_REDIS_URL (default redis://127.0.0.1:6379), FAULTS_REDIS_DB (6),
FAULTS_PORTS (first of the ports used, default 8150: proxies 8150-8151,
instances 8160-8161), FAULT_SECONDS (10), FAULTS_CONCURRENCY (8).
"""

import asyncio
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

PG_SERVER = os.environ.get("FAULTS_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
REDIS_SERVER = os.environ.get("FAULTS_REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
REDIS_DB = int(os.environ.get("FAULTS_REDIS_DB", "6"))
FIRST_PORT = int(os.environ.get("FAULTS_PORTS", "8150"))
FAULT_SECONDS = float(os.environ.get("FAULT_SECONDS", "10"))
CONCURRENCY = int(os.environ.get("FAULTS_CONCURRENCY", "8"))
DATABASE_NAME = "wc_faults"
BUDGET_SECONDS = 9.0  # gunicorn.conf.py: connect 3 s + statement 5 s + client grace 1 s
PUBLIC_PAGES = ["/", "/crisis/", "/support/", "/drugs/", "/articles/", "/disclaimer/", "/tapering/"]
REQUEST_TIMEOUT = 40.0
MAX_REQUESTS = 20_000  # a hard bound on the whole run

PG_PROXY_PORT, REDIS_PROXY_PORT = FIRST_PORT, FIRST_PORT + 1
INSTANCE_PORTS = [FIRST_PORT + 10, FIRST_PORT + 11]


# --- the proxies ---


class Proxy:
    """A TCP proxy whose mode can be switched while connections are open.

    pass: forward. refuse: stop listening and drop every open connection (the
    server is down). stall: keep connections open but forward nothing, and accept
    new ones without connecting them (a partition: the client hears nothing).
    slow: add `delay` seconds to every chunk sent to the server (each round trip).
    """

    def __init__(self, name: str, listen_port: int, target_host: str, target_port: int, delay: float = 0.2):
        self.name, self.listen_port = name, listen_port
        self.target = (target_host, target_port)
        self.delay = delay
        self.mode = "pass"
        self.server: asyncio.base_events.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()
        self.flowing = asyncio.Event()
        self.flowing.set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(
            self._handle, "127.0.0.1", self.listen_port, reuse_address=True
        )

    async def set_mode(self, mode: str) -> None:
        previous, self.mode = self.mode, mode
        if mode == "stall":
            self.flowing.clear()
        else:
            self.flowing.set()
        if mode == "refuse":
            if self.server is not None:
                self.server.close()
                self.server = None
            for writer in list(self.writers):
                writer.transport.abort()
            self.writers.clear()
        elif previous == "refuse":
            await self.start()

    async def _handle(self, client_reader, client_writer) -> None:
        self.writers.add(client_writer)
        try:
            await self.flowing.wait()  # a partition: never connected through
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.transport.abort()
            self.writers.discard(client_writer)
            return
        self.writers.add(server_writer)
        await asyncio.gather(
            self._pipe(client_reader, server_writer, upstream=True),
            self._pipe(server_reader, client_writer, upstream=False),
            return_exceptions=True,
        )
        for writer in (client_writer, server_writer):
            self.writers.discard(writer)
            writer.transport.abort()

    async def _pipe(self, reader, writer, *, upstream: bool) -> None:
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                await self.flowing.wait()
                if upstream and self.mode == "slow":
                    await asyncio.sleep(self.delay)
                writer.write(data)
                await writer.drain()
        finally:
            writer.transport.abort()


class ProxyThread:
    def __init__(self, proxies: list[Proxy]):
        self.proxies = {proxy.name: proxy for proxy in proxies}
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()
        for proxy in self.proxies.values():
            asyncio.run_coroutine_threadsafe(proxy.start(), self.loop).result(5)

    def set_mode(self, name: str, mode: str) -> None:
        asyncio.run_coroutine_threadsafe(self.proxies[name].set_mode(mode), self.loop).result(5)


# --- the site ---


def site_env(database_url: str, redis_url: str, static_root: str) -> dict:
    return {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "SENTRY_"))
        },
        "DJANGO_SETTINGS_MODULE": "withdrawal_site.settings",
        "DJANGO_SECRET_KEY": "faults-only-secret-key",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        # Each simulated person sends its own X-Forwarded-For, so the rate limit
        # (per client) treats them as the different people they stand for.
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_STATIC_ROOT": static_root,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_LOG_FORMAT": "json",
    }


def prepare_database(workdir: Path, static_root: str) -> None:
    import psycopg2

    server = urllib.parse.urlsplit(PG_SERVER)
    admin = psycopg2.connect(
        host=server.hostname, port=server.port or 5432, user=server.username or "postgres", dbname="postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    admin.close()
    env = site_env(f"{PG_SERVER}/{DATABASE_NAME}", "", static_root)
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_demo"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=PROJECT_ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=open(workdir / "setup.log", "a"),  # noqa: SIM115
            timeout=300,
        )


@dataclass
class Instance:
    name: str
    port: int
    process: subprocess.Popen | None = None


def start_instances(workdir: Path, static_root: str) -> list[Instance]:
    env = site_env(
        f"postgres://postgres@127.0.0.1:{PG_PROXY_PORT}/{DATABASE_NAME}",
        f"redis://127.0.0.1:{REDIS_PROXY_PORT}/{REDIS_DB}",
        static_root,
    )
    instances = []
    for name, port in zip("ab", INSTANCE_PORTS, strict=True):
        instance_env = {
            **env,
            "BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_CONTROL_SOCKET": str(workdir / f"{name}.ctl"),
            "GUNICORN_ACCESS_LOG": str(workdir / f"access-{name}.log"),
        }
        process = subprocess.Popen(
            [GUNICORN, "withdrawal_site.wsgi:application", "--config", "gunicorn.conf.py"],
            cwd=PROJECT_ROOT,
            env=instance_env,
            stdout=open(workdir / f"gunicorn-{name}.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        instances.append(Instance(name, port, process))
    deadline = time.monotonic() + 60
    for instance in instances:
        while time.monotonic() < deadline:
            if request(instance.port, "GET", "/healthz").status == 200:
                break
            time.sleep(0.3)
        else:
            raise SystemExit(
                f"instance {instance.name} did not start; see {workdir}/gunicorn-{instance.name}.log"
            )
    return instances


def stop_instances(instances: list[Instance]) -> None:
    for instance in instances:
        if instance.process and instance.process.poll() is None:
            instance.process.send_signal(signal.SIGTERM)
    for instance in instances:
        if instance.process:
            try:
                instance.process.wait(40)
            except subprocess.TimeoutExpired:
                instance.process.kill()


# --- requests ---


@dataclass
class Response:
    status: int  # 0: no answer (connection error or client timeout)
    body: str = ""
    headers: dict = field(default_factory=dict)
    seconds: float = 0.0


def request(port: int, method: str, path: str, *, body: str = "", headers: dict | None = None) -> Response:
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request(method, path, body=body.encode() or None, headers=headers or {})
        reply = connection.getresponse()
        text = reply.read().decode("utf-8", "replace")
        headers = {k.lower(): v for k, v in reply.getheaders()}
        headers["set-cookie"] = "; ".join(reply.msg.get_all("Set-Cookie") or [])
        return Response(reply.status, text, headers, time.monotonic() - started)
    except (OSError, http.client.HTTPException):
        return Response(0, seconds=time.monotonic() - started)
    finally:
        connection.close()


@dataclass
class Record:
    phase: str
    kind: str  # "page" or "contribution"
    status: int
    seconds: float
    started: float
    marker: str = ""
    outcome: str = ""  # contributions: saved / kept / dropped


class Load:
    def __init__(self, instances: list[Instance]):
        self.instances = instances
        self.records: list[Record] = []
        self.lock = threading.Lock()
        self.phase = "warm-up"
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        self.count = 0

    def record(self, record: Record) -> None:
        with self.lock:
            self.records.append(record)
            self.count += 1
            if self.count >= MAX_REQUESTS:
                self.stop.set()

    def start(self) -> None:
        for index in range(CONCURRENCY):
            target = self._contributor if index % 4 == 0 else self._reader
            thread = threading.Thread(target=target, args=(index,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(REQUEST_TIMEOUT + 10)

    def _reader(self, index: int) -> None:
        rng = random.Random(index)
        while not self.stop.is_set():
            instance = rng.choice(self.instances)
            phase, started = self.phase, time.monotonic()
            reply = request(instance.port, "GET", rng.choice(PUBLIC_PAGES))
            self.record(Record(phase, "page", reply.status, reply.seconds, started))
            time.sleep(0.05)

    def _contributor(self, index: int) -> None:
        rng = random.Random(1000 + index)
        while not self.stop.is_set():
            instance = rng.choice(self.instances)
            client_ip = f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
            self._contribute(instance, client_ip)

    def _contribute(self, instance: Instance, client_ip: str) -> None:
        headers = {"X-Forwarded-For": client_ip}
        phase, started = self.phase, time.monotonic()
        form = request(instance.port, "GET", "/contribute/tip/", headers=headers)
        self.record(Record(phase, "page", form.status, form.seconds, started))
        if form.status != 200:
            time.sleep(0.5)
            return
        fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.body))
        cookie = form.headers.get("set-cookie", "")
        # The cookie is __Host-csrftoken with production settings (plain csrftoken in debug).
        csrf_cookie = re.search(r"((?:__Host-)?csrftoken)=([^;]+)", cookie)
        marker = f"fault-{uuid.uuid4().hex[:12]}"
        data = {
            "csrfmiddlewaretoken": fields.get("csrfmiddlewaretoken", ""),
            "started": fields.get("started", ""),
            "title": f"Small steps {marker}",
            "body": f"Writing down how I slept helped me see progress. {marker}",
            "pseudonym": "",
            "email": "",
            "agree_terms": "on",
            "website_url_confirm": "",
        }
        time.sleep(3.3)  # a person takes longer than MIN_FILL_SECONDS
        phase, started = self.phase, time.monotonic()
        post_headers = {
            **headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{csrf_cookie.group(1)}={csrf_cookie.group(2)}" if csrf_cookie else "",
        }
        reply = request(
            instance.port, "POST", "/contribute/tip/", body=urllib.parse.urlencode(data), headers=post_headers
        )
        if reply.status in (302, 303) and "/contribute/status/" in reply.headers.get("location", ""):
            outcome = "saved"
        elif marker in reply.body:
            outcome = "kept"  # the page shows their text back: nothing typed is lost
        else:
            outcome = "dropped"
        self.record(Record(phase, "contribution", reply.status, reply.seconds, started, marker, outcome))


# --- measuring recovery ---


def healthy(instance: Instance, fault: str) -> bool:
    if fault.startswith("redis"):
        reply = request(instance.port, "GET", "/healthz")
        return reply.status == 200 and '"cache": "ok"' in reply.body
    reply = request(instance.port, "GET", "/support/")
    return reply.status == 200


def seconds_to_recover(instances: list[Instance], fault: str, limit: float = 15.0) -> float | None:
    started = time.monotonic()
    pending = set(range(len(instances)))
    while pending and time.monotonic() - started < limit:
        for index in list(pending):
            if healthy(instances[index], fault):
                pending.discard(index)
        if pending:
            time.sleep(0.1)
    return None if pending else time.monotonic() - started


# --- the run ---

FAULTS = [
    ("baseline", None, None),
    ("postgresql refuse", "pg", "refuse"),
    ("postgresql stall", "pg", "stall"),
    ("postgresql slow +200 ms", "pg", "slow"),
    ("redis refuse", "redis", "refuse"),
    ("redis stall", "redis", "stall"),
    ("redis slow +200 ms", "redis", "slow"),
    ("graceful restart (HUP)", "hup", None),
]


def stored_markers() -> Counter:
    import psycopg2

    server = urllib.parse.urlsplit(PG_SERVER)
    db = psycopg2.connect(
        host=server.hostname,
        port=server.port or 5432,
        user=server.username or "postgres",
        dbname=DATABASE_NAME,
    )
    try:
        with db.cursor() as cursor:
            cursor.execute(
                "SELECT data->>'title' FROM moderation_submission WHERE data->>'title' LIKE '%%fault-%%'"
            )
            titles = [row[0] for row in cursor.fetchall()]
    finally:
        db.close()
    return Counter(re.search(r"fault-[0-9a-f]{12}", title).group(0) for title in titles)


def summarise(records: list[Record], recoveries: dict, stored: Counter) -> list[list[str]]:
    by_phase: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_phase[record.phase].append(record)
    rows = []
    for name, _target, _mode in FAULTS:
        phase = by_phase.get(name, [])
        statuses = Counter(r.status for r in phase if not 200 <= r.status < 400)
        errors = " ".join(f"{status or 'none'}:{count}" for status, count in sorted(statuses.items())) or "-"
        public_500 = sum(1 for r in phase if r.kind == "page" and r.status >= 500 and r.status != 503)
        contributions = [r for r in phase if r.kind == "contribution"]
        saved = [r for r in contributions if r.outcome == "saved"]
        kept = [r for r in contributions if r.outcome == "kept"]
        # Lost: told it was saved but not in the queue, or the text was dropped and it is not stored.
        lost = sum(1 for r in saved if stored[r.marker] == 0) + sum(
            1 for r in contributions if r.outcome == "dropped" and stored[r.marker] == 0
        )
        duplicates = sum(1 for r in contributions if stored[r.marker] > 1)
        # Saved, but the person was shown a failure without their text or status link.
        told_failed = sum(1 for r in contributions if r.outcome == "dropped" and stored[r.marker] > 0)
        slowest = max((r.seconds for r in phase), default=0.0)
        recovery = recoveries.get(name)
        rows.append(
            [
                name,
                str(len(phase)),
                errors,
                str(public_500),
                f"{slowest:.2f}",
                f"{len(saved)}/{len(kept)}/{len(contributions) - len(saved) - len(kept)}",
                str(lost),
                str(told_failed),
                str(duplicates),
                "-" if name in ("baseline",) else ("n/a" if recovery is None else f"{recovery:.2f}"),
            ]
        )
    return rows


def print_table(rows: list[list[str]]) -> str:
    header = [
        "fault",
        "requests",
        "errors by status",
        "public 500s",
        "slowest s",
        "contrib saved/kept/dropped",
        "lost",
        "saved, told failed",
        "dupes",
        "recover s",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def meets_targets(row: list[str]) -> bool:
    _name, _requests, _errors, public_500, slowest, _contrib, lost, _told_failed, duplicates, recovery = row
    recovered = recovery == "-" or (recovery != "n/a" and float(recovery) < 5)
    return (
        public_500 == "0"
        and lost == "0"
        and duplicates == "0"
        and float(slowest) <= BUDGET_SECONDS + 1
        and recovered
    )


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="wc-faults-"))
    static_root = str(workdir / "static")
    print(f"Fault suite: logs in {workdir}", flush=True)
    pg = urllib.parse.urlsplit(PG_SERVER)
    redis_target = urllib.parse.urlsplit(REDIS_SERVER)
    proxies = ProxyThread(
        [
            Proxy("pg", PG_PROXY_PORT, pg.hostname or "127.0.0.1", pg.port or 5432),
            Proxy("redis", REDIS_PROXY_PORT, redis_target.hostname or "127.0.0.1", redis_target.port or 6379),
        ]
    )
    import redis

    redis.Redis(host=redis_target.hostname, port=redis_target.port or 6379, db=REDIS_DB).flushdb()
    print("Preparing wc_faults (migrate, load_demo, collectstatic)...", flush=True)
    prepare_database(workdir, static_root)
    proxies.start()
    instances = start_instances(workdir, static_root)
    print(f"Two instances up on ports {INSTANCE_PORTS}, 2 workers each; load x{CONCURRENCY}.", flush=True)
    load = Load(instances)
    recoveries: dict[str, float | None] = {}
    try:
        load.start()
        time.sleep(4)
        for name, target, mode in FAULTS:
            load.phase = name
            print(f"  {name} ...", flush=True)
            if target is None:
                time.sleep(FAULT_SECONDS)
                continue
            if target == "hup":
                for instance in instances:
                    instance.process.send_signal(signal.SIGHUP)
                time.sleep(FAULT_SECONDS)
                recoveries[name] = seconds_to_recover(instances, name)
                continue
            time.sleep(2)
            proxies.set_mode(target, mode)
            time.sleep(FAULT_SECONDS)
            proxies.set_mode(target, "pass")
            recoveries[name] = seconds_to_recover(instances, "redis" if target == "redis" else "pg")
            time.sleep(3)  # requests started during the fault still count here
        load.phase = "cool-down"
        time.sleep(4)
    finally:
        load.finish()
        stop_instances(instances)
    time.sleep(1)
    stored = stored_markers()
    rows = summarise(load.records, recoveries, stored)
    table = print_table(rows)
    print()
    print(table)
    print(
        f"\nTargets: no response over {BUDGET_SECONDS + 1:.0f} s, 0 lost, 0 public 500s, recovery < 5 s."
        f"\nContributions: saved = status link given; kept = an error page showing the text back; "
        f"dropped = neither. Lost = not in the queue although saved, or dropped; "
        f"saved, told failed = dropped although it is in the queue."
    )
    (PROJECT_ROOT / "faults" / "latest.md").write_text(table + "\n")
    (workdir / "records.json").write_text(json.dumps([r.__dict__ for r in load.records]))
    with contextlib.suppress(OSError):
        shutil.rmtree(static_root)
    failed = [row[0] for row in rows if not meets_targets(row)]
    if failed:
        print("Rows that miss a target: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
