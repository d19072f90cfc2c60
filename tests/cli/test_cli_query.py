"""`eventwire events`, `dyads`, `timeline` and `export` on a store built by hand (no spaCy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.models import ActorRef, Analysis, Article, Event, Place
from eventwire.store import Store

runner = CliRunner()


def _ev(code: str, quad: int, gold: float, src: str, tgt: str, day: str, modality: str = "asserted",
        place: Place | None = None) -> Event:
    return Event(code=code, name=f"code {code}", root=code[:2], quad_class=quad, goldstein=gold,
                 source=ActorRef(text=src, code=src, country=src[:3]), target=ActorRef(text=tgt, code=tgt, country=tgt[:3]),
                 modality=modality, sentence="s", span=(0, 10), rule="r", date=day, place=place)  # type: ignore[arg-type]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    paris = Place(name="Paris", country="FRA", lat=48.86, lon=2.35, kind="city")
    with Store(path) as s:
        s.write(Analysis(Article(id="c1", text="x", published="2024-05-06", source="A"), tone=-1.0, events=[
            _ev("042", 1, 1.9, "USAGOV", "RUSGOV", "2024-05-06", place=paris),
            _ev("111", 3, -2.0, "USAGOV", "RUSGOV", "2024-05-08"),
            _ev("036", 1, 4.0, "USAGOV", "RUSGOV", "2024-05-08", modality="hypothetical"),
            _ev("190", 4, -10.0, "RUSMIL", "UKRMIL", "2024-05-14"),
        ]))
    return path


def _jsonl(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.startswith("{")]


def test_cli_query_events_filters_as_json_lines(db: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(db), "--dyad", "USA-RUS", "--json"])
    assert res.exit_code == 0, res.output
    assert [r["code"] for r in _jsonl(res.stdout)] == ["042", "111", "036"]
    res = runner.invoke(app, ["events", "--db", str(db), "--quad-class", "3", "--quad-class", "4", "--json"])
    assert [r["code"] for r in _jsonl(res.stdout)] == ["111", "190"]
    res = runner.invoke(app, ["events", "--db", str(db), "--modality", "asserted", "--place", "paris", "--json"])
    rows = _jsonl(res.stdout)
    assert [r["code"] for r in rows] == ["042"] and rows[0]["date"] == "2024-05-06" and rows[0]["num_articles"] == 1
    res = runner.invoke(app, ["events", "--db", str(db), "--code", "19", "--since", "2024-05-10", "--json"])
    assert [r["code"] for r in _jsonl(res.stdout)] == ["190"]


def test_cli_query_events_table_output(db: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(db), "--actor", "UKR"])
    assert res.exit_code == 0
    assert "1 events" in res.stdout and "190" in res.stdout


def test_cli_query_bad_filter_is_usage_error(db: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(db), "--dyad", "USA"])
    assert res.exit_code == 2
    assert "E041" in res.output
    res = runner.invoke(app, ["timeline", "--db", str(db), "--by", "fortnight"])
    assert res.exit_code == 2


def test_cli_query_missing_store_is_usage_error(tmp_path: Path) -> None:
    for cmd in ("events", "dyads", "timeline", "export"):
        res = runner.invoke(app, [cmd, "--db", str(tmp_path / "none.duckdb")])
        assert res.exit_code == 2, cmd
        assert "no store" in res.output


def test_cli_query_dyads_counts_asserted_events(db: Path) -> None:
    res = runner.invoke(app, ["dyads", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    rows = _jsonl(res.stdout)
    assert [(r["source"], r["target"], r["events"], r["cooperation"], r["conflict"]) for r in rows] == [
        ("USA", "RUS", 2, 1, 1), ("RUS", "UKR", 1, 0, 1)]
    assert rows[0]["goldstein_mean"] == pytest.approx(-0.05)
    res = runner.invoke(app, ["dyads", "--db", str(db), "--modality", "all", "--level", "code", "--json"])
    top = _jsonl(res.stdout)[0]
    assert (top["source"], top["target"], top["events"]) == ("USAGOV", "RUSGOV", 3)  # the hypothetical counts too
    table = runner.invoke(app, ["dyads", "--db", str(db)])
    assert "USA" in table.stdout and "RUS" in table.stdout


def test_cli_query_timeline_by_day_and_week(db: Path) -> None:
    res = runner.invoke(app, ["timeline", "--db", str(db), "--dyad", "USA-RUS", "--by", "day", "--json"])
    assert res.exit_code == 0, res.output
    rows = _jsonl(res.stdout)
    assert [(r["period"], r["events"], r["cooperation"], r["conflict"]) for r in rows] == [
        ("2024-05-06", 1, 1, 0), ("2024-05-07", 0, 0, 0), ("2024-05-08", 1, 0, 1)]
    res = runner.invoke(app, ["timeline", "--db", str(db), "--by", "week", "--json"])
    assert [(r["period"], r["events"]) for r in _jsonl(res.stdout)] == [("2024-05-06", 2), ("2024-05-13", 1)]
    table = runner.invoke(app, ["timeline", "--db", str(db), "--dyad", "USA-RUS"])
    assert "2024-05-08" in table.stdout


def test_cli_query_export_gdelt_and_plain(db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt"])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stdout.splitlines() if ln and not ln.startswith("exported")]
    assert len(lines) == 4 and all(len(ln.split("\t")) == 61 for ln in lines)
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--table", "mentions"])
    assert all(len(ln.split("\t")) == 16 for ln in res.stdout.splitlines() if "\t" in ln)
    out = tmp_path / "places.csv"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--table", "places", "--out", str(out)])
    assert res.exit_code == 0
    assert out.read_text().splitlines()[0].startswith("article_id,n,name")
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "xml"])
    assert res.exit_code == 2
