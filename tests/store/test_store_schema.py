"""Versioned migrations: a new store, a reopened one, a store from before versions, and refusals."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from storekit import actor, analysis, event

from eventwire.errors import EventwireError
from eventwire.store import Store
from eventwire.store.migrate import latest_version, migrations


def _versions(path: Path) -> list[int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]


def test_store_schema_migrations_are_numbered_in_order() -> None:
    found = [m.version for m in migrations()]
    assert found == list(range(1, len(found) + 1))
    assert latest_version() == found[-1] >= 2


def test_store_schema_new_store_has_every_table_and_index(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    Store(db).close()
    assert _versions(db) == list(range(1, latest_version() + 1))
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        indexes = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert {"articles", "actors", "event_mentions", "events", "quotes", "places", "entities", "duplicates",
            "schema_version"} <= tables
    assert {"mentions_fingerprint", "mentions_article", "events_date", "events_source", "events_target",
            "events_code", "duplicates_original"} <= indexes


def test_store_schema_reopening_applies_nothing_and_keeps_data(tmp_path: Path) -> None:
    db = tmp_path / "re.duckdb"
    with Store(db) as s:
        s.write(analysis("a", [event("042", actor("USAGOV"), actor("RUSGOV"))]))
    with Store(db) as s:
        assert len(s.events()) == 1
    assert _versions(db) == list(range(1, latest_version() + 1))


def test_store_schema_upgrades_a_store_made_before_versions(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(migrations()[0].sql)  # the walking skeleton's tables, no schema_version
        con.execute("INSERT INTO articles (id, status, published, source, text) VALUES"
                    " ('old1', 'ok', '2024-03-05', 'Wire', 'Lead.\n\nMore.'), ('old2', 'ok', '2024-03-05', 'Other', 'x')")
        for n, art in enumerate(("old1", "old2")):
            con.execute("INSERT INTO events (id, article_id, code, root, quad_class, goldstein, source_code, target_code,"
                        " modality, date, span_start, span_end, rule) VALUES"
                        " (?, ?, '042', '04', 1, 1.9, 'USAGOV', 'RUSGOV', 'asserted', '2024-03-05', 0, 10, 'r')",
                        [f"e{n}", art])
    with Store(db) as s:
        assert len(s.table("event_mentions")) == 2
        (ev,) = s.events()
        assert (ev["code"], ev["num_articles"], ev["num_sources"]) == ("042", 2, 2)
        assert {a["source_key"] for a in s.table("articles")} == {"wire", "other"}
    assert _versions(db) == list(range(1, latest_version() + 1))


def test_store_schema_read_only_old_store_says_how_to_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(migrations()[0].sql)
    with pytest.raises(EventwireError) as info:
        Store(db, read_only=True)
    assert info.value.code == "E040" and "version 1" in str(info.value) and "eventwire run" in str(info.value)


def test_store_schema_newer_store_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.duckdb"
    Store(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO schema_version VALUES (999, 'future', now()::TIMESTAMP)")
    with pytest.raises(EventwireError) as info:
        Store(db)
    assert "newer" in str(info.value)


def test_store_schema_missing_read_only_store_is_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as info:
        Store(tmp_path / "absent.duckdb", read_only=True)
    assert info.value.code == "E040"


def test_store_schema_from_connection_reads_with_the_same_queries(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store(db) as s:
        s.write(analysis("a", [event("042", actor("USAGOV"), actor("RUSGOV"))]))
    con = duckdb.connect(str(db), read_only=True)
    s = Store.from_connection(con, str(db))
    assert len(s.dyads()) == 1
    s.close()


def test_store_schema_keeps_the_charset_an_article_was_decoded_from(tmp_path: Path) -> None:
    a = analysis("latin", [])
    a.article.encoding = "cp1252"
    with Store(tmp_path / "ew.duckdb") as store:
        store.write(a)
        store.write(analysis("given-as-text", []))
        got = {r["id"]: r["encoding"] for r in store.articles(limit=None)}
    assert got == {"latin": "cp1252", "given-as-text": None}
