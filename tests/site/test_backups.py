"""Backups that restore: demo content in, backup, restore into an empty database, all of it back.

The commands run as an operator runs them (manage.py in a new process, DATABASE_URL
naming the database), against databases of their own, so the test database and
its transaction are not involved.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# What must come back, checked by name on top of the table-by-table comparison.
PUBLISHED_ARTICLES = "SELECT count(*) FROM articles_article WHERE status = 'published'"
QUEUED_SUBMISSIONS = "SELECT count(*) FROM moderation_submission WHERE status = 'pending'"
AUDIT_LOG = "SELECT count(*) FROM moderation_auditlogentry"


def manage(*args: str, database_url: str) -> str:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "withdrawal_site.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_SECRET_KEY": "test-only",
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def backup_path(output: str) -> Path:
    line = next(line for line in output.splitlines() if line.startswith("Backup written: "))
    return Path(line.removeprefix("Backup written: ").rsplit(" (", 1)[0])


def sqlite_tables(path: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(str(path))
    try:
        names = [
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {name: sorted(map(repr, db.execute(f'SELECT * FROM "{name}"'))) for name in names}
    finally:
        db.close()


def sqlite_count(path: Path, query: str) -> int:
    db = sqlite3.connect(str(path))
    try:
        return db.execute(query).fetchone()[0]
    finally:
        db.close()


def test_sqlite_backup_restores_every_object_submission_and_audit_entry(tmp_path):
    source = tmp_path / "site.sqlite3"
    source_url = f"sqlite:///{source}"
    manage("migrate", "--noinput", "-v", "0", database_url=source_url)
    manage("load_demo", database_url=source_url)
    assert sqlite_count(source, PUBLISHED_ARTICLES) > 0
    assert sqlite_count(source, QUEUED_SUBMISSIONS) > 0
    assert sqlite_count(source, AUDIT_LOG) > 0

    output = manage("backup_database", "--output-dir", str(tmp_path / "backups"), database_url=source_url)
    dump = backup_path(output)
    assert dump.parent == tmp_path / "backups" and dump.suffix == ".sqlite3"
    assert oct(dump.stat().st_mode & 0o777) == "0o600"

    restored = tmp_path / "restored.sqlite3"
    manage("restore_database", str(dump), database_url=f"sqlite:///{restored}")

    before, after = sqlite_tables(source), sqlite_tables(restored)
    before.pop("django_session"), after.pop("django_session")
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table
    for query in (PUBLISHED_ARTICLES, QUEUED_SUBMISSIONS, AUDIT_LOG):
        assert sqlite_count(restored, query) == sqlite_count(source, query) > 0


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    source_url = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    manage("migrate", "--noinput", "-v", "0", database_url=source_url)
    dump = backup_path(manage("backup_database", "--output-dir", str(tmp_path), database_url=source_url))
    with pytest.raises(AssertionError, match="is not empty"):
        manage("restore_database", str(dump), database_url=source_url)


# --- PostgreSQL ---


def pg_server_url() -> str:
    settings_dict = connection.settings_dict
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{user}{password}@{host}:{port}"


def pg_run(database_url: str, sql: str, *, autocommit: bool = True):
    import psycopg2

    parts = urlsplit(database_url)
    db = psycopg2.connect(
        host=parts.hostname,
        port=parts.port,
        user=parts.username,
        password=parts.password,
        dbname=parts.path.lstrip("/"),
    )
    db.autocommit = autocommit
    try:
        with db.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else None
    finally:
        db.close()


def pg_tables(database_url: str) -> dict[str, list[str]]:
    names = [
        row[0]
        for row in pg_run(
            database_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        )
    ]
    return {name: sorted(map(repr, pg_run(database_url, f'SELECT * FROM "{name}"'))) for name in names}


@pytest.fixture
def pg_databases():
    if connection.vendor != "postgresql":
        pytest.skip("the pg_dump path needs PostgreSQL; run with DATABASE_URL=postgres://...")
    server = pg_server_url()
    base = connection.settings_dict["NAME"]
    names = [f"{base}_backup_source", f"{base}_backup_restored"]
    for name in names:
        pg_run(f"{server}/postgres", f'DROP DATABASE IF EXISTS "{name}"')
        pg_run(f"{server}/postgres", f'CREATE DATABASE "{name}"')
    yield [f"{server}/{name}" for name in names]
    for name in names:
        pg_run(f"{server}/postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_postgresql_backup_restores_every_object_submission_and_audit_entry(tmp_path, pg_databases):
    source_url, restored_url = pg_databases
    manage("migrate", "--noinput", "-v", "0", database_url=source_url)
    manage("load_demo", database_url=source_url)
    # Whatever extensions the search needs are in the source; add pg_trgm in any
    # case, so the restore has one to create first.
    pg_run(source_url, "CREATE EXTENSION IF NOT EXISTS pg_trgm")

    dump = backup_path(manage("backup_database", "--output-dir", str(tmp_path), database_url=source_url))
    assert dump.suffix == ".dump"
    assert dump.read_bytes()[:5] == b"PGDMP"  # custom format

    output = manage("restore_database", str(dump), database_url=restored_url)
    assert "pg_trgm" in output

    before, after = pg_tables(source_url), pg_tables(restored_url)
    before.pop("django_session"), after.pop("django_session")
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table
    for query in (PUBLISHED_ARTICLES, QUEUED_SUBMISSIONS, AUDIT_LOG):
        assert pg_run(restored_url, query) == pg_run(source_url, query) != [(0,)]
    # The restored site works: Django sees no migration left to apply.
    assert "[ ]" not in manage("showmigrations", database_url=restored_url)
