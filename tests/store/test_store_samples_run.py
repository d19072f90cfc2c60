"""End to end on the bundled samples: `eventwire run`, the GDELT export read back by DuckDB, and a
second run that changes nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store
from eventwire.store.gdelt import columns, duckdb_columns

runner = CliRunner()


def _tables(db: Path) -> dict[str, list[str]]:
    with Store(db, read_only=True) as s:
        return {t: sorted(map(repr, s.table(t))) for t in
                ("articles", "actors", "event_mentions", "events", "quotes", "places", "entities", "duplicates")}


@pytest.mark.slow
def test_store_samples_run_gdelt_export_loads_and_second_run_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "samples.duckdb"
    first = runner.invoke(app, ["run", "--db", str(db)])
    assert first.exit_code == 0, first.output
    out = tmp_path / "events.tsv"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(out)])
    assert res.exit_code == 0, res.output

    with duckdb.connect() as con:
        rel = con.sql("SELECT * FROM read_csv(?, delim = '\t', header = false, quote = '', escape = '', columns = ?)",
                      params=[str(out), duckdb_columns("events")])
        names, types = rel.columns, [str(t) for t in rel.types]
        rows = rel.to_arrow_table().to_pylist()
    assert len(names) == 61
    assert names == [c.name for c in columns("events")]
    assert types == [c.duckdb_type for c in columns("events")]
    with Store(db, read_only=True) as s:
        n_events = s.stats()["events"]
        ids = {e["global_id"] for e in s.events(limit=None)}
    assert n_events > 0
    assert len(rows) == n_events  # one row per aggregated event
    assert {r["GLOBALEVENTID"] for r in rows} == ids
    assert all(r["EventRootCode"] == r["EventCode"][:2] and r["QuadClass"] in (1, 2, 3, 4) for r in rows)
    assert all(r["SQLDATE"] is not None and r["NumArticles"] >= 1 and r["AvgTone"] is not None for r in rows)

    before = _tables(db)
    second = runner.invoke(app, ["run", "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert _tables(db) == before
    again = tmp_path / "again.tsv"
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(again)]).exit_code == 0
    assert again.read_bytes() == out.read_bytes()
