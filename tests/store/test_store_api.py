"""The Python API: eventwire.open(db) with queries returning pandas and polars DataFrames."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import polars as pl
import pytest
from storekit import actor, analysis, event

import eventwire
from eventwire.errors import EventwireError


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "api.duckdb"
    usa, rus = actor("USAGOV", "Washington"), actor("RUSGOV", "Moscow")
    with eventwire.open(path, read_only=False) as ew:
        ew.write(analysis("p1", [event("042", usa, rus, "2024-05-06"), event("111", usa, rus, "2024-05-07")]))
        ew.write(analysis("p2", [event("042", usa, rus, "2024-05-06")], source="Wire B"))
    return path


def test_api_open_events_as_pandas_by_default(db: Path) -> None:
    with eventwire.open(db) as ew:
        df = ew.events()
    assert isinstance(df, pd.DataFrame)
    assert list(df["code"]) == ["042", "111"]
    assert list(df["num_articles"]) == [2, 1]


def test_api_open_queries_as_polars(db: Path) -> None:
    with eventwire.open(db) as ew:
        events = ew.events(dyad="USA-RUS", code="11", as_="polars")
        dyads = ew.dyads(as_="polars")
        timeline = ew.timeline(dyad="USA-RUS", by="day", as_="polars")
    assert isinstance(events, pl.DataFrame) and events["code"].to_list() == ["111"]
    assert dyads.row(0, named=True)["events"] == 2
    assert timeline["cooperation"].to_list() == [1, 0] and timeline["conflict"].to_list() == [0, 1]


def test_api_open_records_arrow_mentions_and_sql(db: Path) -> None:
    with eventwire.open(db) as ew:
        assert ew.events(as_="records")[0]["code"] == "042"
        assert ew.events(as_="arrow").num_rows == 2
        assert len(ew.mentions()) == 3
        assert ew.sql("SELECT count(*) AS n FROM articles WHERE source = ?", ["Wire B"], as_="records")[0]["n"] == 1
        assert ew.article("p1")["title"] == "Title p1"
        assert len(ew.table("mentions")) == 3


def test_api_open_is_read_only_by_default(db: Path) -> None:
    with eventwire.open(db) as ew, pytest.raises(EventwireError) as info:
        ew.write(analysis("p3", []))
    assert "read-only" in str(info.value)


def test_api_open_bad_filter_is_an_eventwire_error(db: Path) -> None:
    with eventwire.open(db) as ew, pytest.raises(EventwireError):
        ew.events(dyad="nonsense")


def test_api_open_missing_store_is_an_eventwire_error(tmp_path: Path) -> None:
    with pytest.raises(EventwireError):
        eventwire.open(tmp_path / "none.duckdb")
