"""`eventwire alerts`: the table, `--json` lines, the options, and coded errors for bad values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alertkit import turning_store, week
from typer.testing import CliRunner

from eventwire.alerts import alerts
from eventwire.cli import app
from eventwire.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return turning_store(tmp_path_factory.mktemp("alerts-cli") / "turns.duckdb")


def _lines(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.startswith("{")]


def test_cli_alerts_json_lines_are_the_library_alerts(db: Path) -> None:
    res = runner.invoke(app, ["alerts", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    got = _lines(res.output)
    with Store(db, read_only=True) as store:
        assert got == [a.to_dict() for a in alerts(store)]
    assert {(a["source"], a["target"], a["kind"]) for a in got} == {("USA", "RUS", "escalation"),
                                                                    ("ISR", "LBN", "de-escalation")}
    for a in got:
        assert {"source", "target", "kind", "start", "baseline", "recent", "score", "events"} <= set(a)


def test_cli_alerts_table(db: Path) -> None:
    res = runner.invoke(app, ["alerts", "--db", str(db)], env={"COLUMNS": "200"})  # no wrapped cells
    assert res.exit_code == 0, res.output
    assert "2 alerts (by week, country level)" in res.output
    assert "escalation" in res.output and "de-escalation" in res.output
    assert week(10).isoformat() in res.output or week(9).isoformat() in res.output


def test_cli_alerts_options(db: Path) -> None:
    res = runner.invoke(app, ["alerts", "--db", str(db), "--json", "--level", "actor", "--both-ways",
                              "--since", week(8).isoformat(), "--by", "week"])
    assert res.exit_code == 0, res.output
    got = _lines(res.output)
    # Both ways, the dyads are named in alphabetical order.
    assert {(a["source"], a["target"], a["kind"]) for a in got} == {("RUSGOV", "USAGOV", "escalation"),
                                                                    ("ISRMIL", "LBNGOV", "de-escalation")}
    assert all(a["both_ways"] and a["level"] == "actor" for a in got)
    late = runner.invoke(app, ["alerts", "--db", str(db), "--json", "--since", week(12).isoformat()])
    assert late.exit_code == 0 and _lines(late.output) == []


def test_cli_alerts_empty_store(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    res = runner.invoke(app, ["alerts", "--db", str(db), "--json"])
    assert res.exit_code == 0 and res.output.strip() == ""
    table = runner.invoke(app, ["alerts", "--db", str(db)])
    assert table.exit_code == 0 and "0 alerts" in table.output


@pytest.mark.parametrize(("args", "code"), [(["--since", "2025-13-01"], "E041"), (["--since", "soon"], "E041"),
                                            (["--by", "year"], "E041"), (["--level", "planet"], "E041")])
def test_cli_alerts_bad_values_are_coded_usage_errors(db: Path, args: list[str], code: str) -> None:
    res = runner.invoke(app, ["alerts", "--db", str(db), *args])
    assert res.exit_code == 2
    assert code in res.output


def test_cli_alerts_missing_store_is_a_usage_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["alerts", "--db", str(tmp_path / "nope.duckdb")])
    assert res.exit_code == 2 and "no store" in res.output
