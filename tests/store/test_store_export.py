"""Exports: JSON Lines, CSV and Parquet for every table; the GDELT 2.0 event and mentions tables."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from storekit import actor, analysis, event

from eventwire.errors import EventwireError
from eventwire.store import PUBLIC_TABLES, Store
from eventwire.store.export import export_table
from eventwire.store.gdelt import columns, duckdb_columns, split_actor_code
from sharedkit import shared_or_skip


def read_gdelt(path: Path, table: str = "events") -> tuple[list[tuple[str, str]], list[dict]]:
    """Load a GDELT export the way a user would: DuckDB read_csv with the 61 (or 16) names and types."""
    with duckdb.connect() as con:
        rel = con.sql("SELECT * FROM read_csv(?, delim = '\t', header = false, quote = '', escape = '', columns = ?)",
                      params=[str(path), duckdb_columns(table)])
        desc = [(c, str(t)) for c, t in zip(rel.columns, rel.types, strict=True)]
        rows = rel.to_arrow_table().to_pylist()
    return desc, rows


@pytest.mark.parametrize("table", [*PUBLIC_TABLES, "mentions"])
def test_store_export_every_table_in_every_plain_format(known_store: Store, tmp_path: Path, table: str) -> None:
    expected = len(known_store.table(table))
    n_jsonl = export_table(known_store, table, "jsonl", tmp_path / "t.jsonl")
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert n_jsonl == len(lines) == expected
    assert all(isinstance(json.loads(ln), dict) for ln in lines)
    n_csv = export_table(known_store, table, "csv", tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert n_csv == len(rows) == expected
    n_pq = export_table(known_store, table, "parquet", tmp_path / "t.parquet")
    assert n_pq == pq.read_table(tmp_path / "t.parquet").num_rows == expected


def test_store_export_events_jsonl_carries_the_counts(known_store: Store, tmp_path: Path) -> None:
    export_table(known_store, "events", "jsonl", tmp_path / "e.jsonl")
    rows = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    meeting = next(r for r in rows if r["code"] == "042")
    assert (meeting["num_articles"], meeting["num_sources"], meeting["date"]) == (2, 2, "2024-05-06")


def test_store_export_parquet_needs_a_file_and_unknowns_are_refused(known_store: Store) -> None:
    with pytest.raises(EventwireError):
        export_table(known_store, "events", "parquet", None)
    with pytest.raises(EventwireError) as info:
        export_table(known_store, "secrets", "csv", None)
    assert info.value.code == "E051"
    with pytest.raises(EventwireError) as info:
        export_table(known_store, "events", "xlsx", None)
    assert info.value.code == "E050"
    with pytest.raises(EventwireError):
        export_table(known_store, "quotes", "gdelt", None)


def test_store_export_gdelt_columns_match_the_reference() -> None:
    ref = shared_or_skip("reference", "GDELT2_event_columns.csv")
    with ref.open(encoding="utf-8") as f:
        documented = [(r["tableId"], r["dataType"]) for r in csv.DictReader(f)]
    assert [(c.name, c.gdelt_type) for c in columns("events")] == documented
    assert len(documented) == 61
    ref_m = shared_or_skip("reference", "GDELT2_mentions_columns.tsv")
    with ref_m.open(encoding="utf-8") as f:
        documented_m = [r["tableId"] for r in csv.DictReader(f, delimiter="\t")]
    assert [c.name for c in columns("mentions")] == documented_m


def test_store_export_gdelt_loads_in_duckdb_one_row_per_event(known_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export_table(known_store, "events", "gdelt", out) == 6
    desc, rows = read_gdelt(out)
    assert [name for name, _ in desc] == [c.name for c in columns("events")]
    assert [typ for _, typ in desc] == [c.duckdb_type for c in columns("events")]
    assert len(rows) == len(known_store.table("events"))
    meeting = next(r for r in rows if r["EventCode"] == "042")
    assert meeting["SQLDATE"] == 20240506 and meeting["MonthYear"] == 202405 and meeting["Year"] == 2024
    assert (meeting["Actor1Code"], meeting["Actor1CountryCode"], meeting["Actor1Type1Code"]) == ("USAGOV", "USA", "GOV")
    assert (meeting["Actor2Code"], meeting["Actor2Name"]) == ("RUSGOV", "THE KREMLIN")
    assert (meeting["EventBaseCode"], meeting["EventRootCode"], meeting["QuadClass"]) == ("042", "04", 1)
    assert meeting["GoldsteinScale"] == pytest.approx(1.9)
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (2, 2, 2)
    assert meeting["AvgTone"] == pytest.approx(1.0)  # mean of -2 and 4
    assert (meeting["ActionGeo_Type"], meeting["ActionGeo_CountryCode"], meeting["ActionGeo_FullName"]) == (
        4, "SZ", "Geneva, Switzerland")
    assert meeting["ActionGeo_Lat"] == pytest.approx(46.2)
    assert meeting["Actor1Geo_FullName"] == meeting["ActionGeo_FullName"]
    assert len(str(meeting["DATEADDED"])) == 14
    assert meeting["SOURCEURL"] == "https://wire-a.example/1"
    assert meeting["IsRootEvent"] == 1
    agreement = next(r for r in rows if r["EventCode"] == "057")
    assert agreement["ActionGeo_Type"] is None and agreement["SOURCEURL"].startswith("eventwire:")


def test_store_export_gdelt_modality_filter(known_store: Store, tmp_path: Path) -> None:
    n = export_table(known_store, "events", "gdelt", tmp_path / "a.tsv", modality="asserted")
    assert n == 5  # the hypothetical 036 left out
    with pytest.raises(EventwireError):
        export_table(known_store, "events", "gdelt", tmp_path / "b.tsv", modality="perhaps")


def test_store_export_gdelt_fields_never_break_the_format(store: Store, tmp_path: Path) -> None:
    tricky = actor("USAGOV", 'The "new"\tadministration\nin Washington')
    store.write(analysis("t", [event("042", tricky, actor("RUSGOV"))]))
    export_table(store, "events", "gdelt", tmp_path / "t.tsv")
    _, rows = read_gdelt(tmp_path / "t.tsv")
    assert rows[0]["Actor1Name"] == 'THE "NEW" ADMINISTRATION IN WASHINGTON'


def test_store_export_gdelt_mentions_reconcile_with_num_articles(store: Store, tmp_path: Path) -> None:
    store.write(analysis("orig", [event("042", actor("USAGOV"), actor("RUSGOV"), span=(0, 30))],
                         url="https://a.example/1"))
    store.write(analysis("copy", [], source="Wire B", status="skipped", reason="duplicate of orig", duplicate_of="orig"))
    assert export_table(store, "mentions", "gdelt", tmp_path / "m.tsv") == 2
    desc, rows = read_gdelt(tmp_path / "m.tsv", "mentions")
    assert [d[0] for d in desc] == [c.name for c in columns("mentions")]
    (ev,) = store.events()
    assert {r["GLOBALEVENTID"] for r in rows} == {ev["global_id"]}
    own = next(r for r in rows if r["InRawText"] == 1)
    assert (own["MentionType"], own["MentionIdentifier"], own["ActionCharOffset"]) == (1, "https://a.example/1", 5)
    copy = next(r for r in rows if r["InRawText"] == 0)
    assert (copy["MentionType"], copy["MentionIdentifier"], copy["ActionCharOffset"]) == (2, "eventwire:copy", None)


def test_store_export_split_actor_code_into_gdelt_parts() -> None:
    assert split_actor_code("USAGOV", "USA", "GOV") == {"country": "USA", "knowngroup": "", "types": "GOV"}
    assert split_actor_code("IGOUNO", None, None) == {"country": "", "knowngroup": "UNO", "types": "IGO"}
    assert split_actor_code("RUSMILREB", "RUS", None)["types"] == "MIL,REB"
    assert split_actor_code(None, None, None) == {"country": "", "knowngroup": "", "types": ""}
