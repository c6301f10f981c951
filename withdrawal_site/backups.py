"""Backups that restore: one file per run, restorable into an empty database.

PostgreSQL: `pg_dump --format=custom` (compressed, restorable table by table) and
`pg_restore --no-owner --no-privileges`, with the extensions the dump needs
(pg_trgm, unaccent) created first, so a restore by a role that does not own them
works. SQLite: the online backup API, which copies a consistent snapshot while the
site keeps running (copying the file could catch a write half done).

The README's "Backups and restore" section is the procedure; these functions are
its two commands (`make backup`, `make restore FILE=...`).
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

POSTGRESQL = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


class BackupError(Exception):
    """Something a person running the command must fix; the message says what."""


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _pg_env(database: dict) -> dict:
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return env


def _pg_args(database: dict) -> list[str]:
    args = []
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    return args


def _run(command: list[str], *, env: dict | None = None) -> str:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools are needed)")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
    return result.stdout


def backup(*, database: dict, directory: Path) -> Path:
    """Write a timestamped backup of `database` into `directory`; the path written."""
    directory.mkdir(parents=True, exist_ok=True)
    name = Path(str(database["NAME"])).stem if database["ENGINE"] == SQLITE else str(database["NAME"])
    if database["ENGINE"] == POSTGRESQL:
        target = directory / f"{name}-{_timestamp()}.dump"
        partial = target.with_suffix(".dump.partial")
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--file",
                str(partial),
                *_pg_args(database),
                str(database["NAME"]),
            ],
            env=_pg_env(database),
        )
    elif database["ENGINE"] == SQLITE:
        target = directory / f"{name}-{_timestamp()}.sqlite3"
        partial = target.with_suffix(".sqlite3.partial")
        source = sqlite3.connect(str(database["NAME"]))
        copy = sqlite3.connect(str(partial))
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
    else:
        raise BackupError(f"no backup method for {database['ENGINE']}")
    partial.chmod(0o600)  # a backup holds everything the database holds
    partial.rename(target)  # a half-written file never carries a final name
    return target


def _pg_is_empty(database: dict) -> bool:
    query = (
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S', 'p')"
    )
    output = _run(
        ["psql", "--no-psqlrc", "-tA", *_pg_args(database), "-d", str(database["NAME"]), "-c", query],
        env=_pg_env(database),
    )
    return output.strip() == "0"


def _extensions_in(dump: Path) -> list[str]:
    listing = _run(["pg_restore", "--list", str(dump)])
    names = []
    for line in listing.splitlines():
        parts = line.split()
        # "215; 3079 16385 EXTENSION - pg_trgm " (not the COMMENT lines)
        if len(parts) >= 6 and parts[3] == "EXTENSION" and not line.lstrip().startswith(";"):
            names.append(parts[5])
    return names


def restore(*, database: dict, dump: Path) -> list[str]:
    """Restore `dump` into the empty `database`; the extensions created for it."""
    if not dump.is_file():
        raise BackupError(f"no backup file at {dump}")
    if database["ENGINE"] == POSTGRESQL:
        if not _pg_is_empty(database):
            raise BackupError(
                f"database {database['NAME']} is not empty; restore into a new, empty database "
                "(createdb NAME) and point DATABASE_URL at it"
            )
        extensions = _extensions_in(dump)
        for extension in extensions:
            _run(
                [
                    "psql",
                    "--no-psqlrc",
                    "-v",
                    "ON_ERROR_STOP=1",
                    *_pg_args(database),
                    "-d",
                    str(database["NAME"]),
                    "-c",
                    f'CREATE EXTENSION IF NOT EXISTS "{extension}"',
                ],
                env=_pg_env(database),
            )
        # The extensions (and their COMMENTs, which only their owner may set) are
        # made above, so the dump's own entries for them are left out.
        listing = [
            line
            for line in _run(["pg_restore", "--list", str(dump)]).splitlines()
            if not (" EXTENSION " in line and not line.lstrip().startswith(";"))
        ]
        with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as handle:
            handle.write("\n".join(listing) + "\n")
        try:
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    "--use-list",
                    handle.name,
                    *_pg_args(database),
                    "--dbname",
                    str(database["NAME"]),
                    str(dump),
                ],
                env=_pg_env(database),
            )
        finally:
            os.unlink(handle.name)
        return extensions
    if database["ENGINE"] == SQLITE:
        target = Path(str(database["NAME"]))
        if target.exists() and target.stat().st_size > 0:
            check = sqlite3.connect(str(target))
            try:
                tables = check.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[
                    0
                ]
            finally:
                check.close()
            if tables:
                raise BackupError(f"{target} is not empty; move it away or restore to a new path")
        source = sqlite3.connect(str(dump))
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return []
    raise BackupError(f"no restore method for {database['ENGINE']}")
