"""Versioned schema migrations: numbered SQL files under ``store/migrations/``.

``NNN_name.sql`` files run in order, each in its own transaction together with the row that records
it in ``schema_version``, so a store is always at one whole version. A store made before versions
existed (the walking skeleton's tables, no ``schema_version``) is at version 1: migration 001 is that
schema with ``IF NOT EXISTS`` and so is a no-op there. Never edit a released migration; add one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import duckdb

from ..errors import Errors, EventwireError
from .rows import first

_NAME = re.compile(r"^(\d{3})_(\w+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with the package, in version order."""
    folder = resources.files("eventwire.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda x: x.version)
    return found


def latest_version() -> int:
    """The schema version this eventwire writes."""
    return migrations()[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version a store is at: 0 when empty, 1 for a store made before versions existed."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if "schema_version" in tables:
        row = first(con.execute("SELECT max(version) FROM schema_version"))
        return int(row[0]) if row and row[0] is not None else 0
    return 1 if "articles" in tables else 0


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> list[int]:
    """Bring a writable store to the latest version; the versions applied (empty when up to date)."""
    current = current_version(con)
    if current > latest_version():
        raise EventwireError(Errors.E040, path=path,
                             cause=f"its schema is version {current}, newer than this eventwire ({latest_version()});"
                                   " upgrade eventwire")
    con.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied TIMESTAMP NOT NULL)")
    applied = []
    for mig in migrations():
        done = first(con.execute("SELECT 1 FROM schema_version WHERE version = ?", [mig.version]))
        if done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(mig.sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                        [mig.version, mig.name, datetime.now(UTC).replace(tzinfo=None)])
            con.execute("COMMIT")
        except duckdb.Error as err:
            con.execute("ROLLBACK")
            raise EventwireError(Errors.E040, path=path, cause=f"migration {mig.version:03d}_{mig.name} failed: {err}") from err
        if mig.version > current:
            applied.append(mig.version)
    return applied


def check_readable(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """A read-only store must already be at the latest version: it cannot be migrated."""
    current = current_version(con)
    if current != latest_version():
        fix = ("open it once writable (any `eventwire run --db ...`) to upgrade it" if current < latest_version()
               else "upgrade eventwire")
        raise EventwireError(Errors.E040, path=path, cause=f"its schema is version {current}, this eventwire reads "
                                                           f"version {latest_version()}; {fix}")
