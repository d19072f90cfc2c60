"""`eventwire actors` and the `--dictionary` option."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.models import Actor, Analysis, Article

runner = CliRunner()


def _store(path: Path) -> None:
    from eventwire.store import Store

    with Store(path) as store:
        for n in range(2):
            art = Article(id=f"a{n}", text=f"Text {n} about Zorbat Quell and Minister Ana Roca.",
                          published=f"2020-01-0{n + 1}")
            store.write(Analysis(art, actors=[
                Actor(name="Zorbat Quell", kind="person", mentions=[(14, 26)]),
                Actor(name="Ana Roca", code="PRTGOV", country="PRT", sector="GOV", kind="person", rule="title",
                      mentions=[(31, 45)]),
            ]))


def test_cli_actors_lists_known_learnt_and_uncoded(tmp_path: Path) -> None:
    _store(tmp_path / "s.duckdb")
    res = runner.invoke(app, ["actors", "--db", str(tmp_path / "s.duckdb"), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    by_list = {(r["list"], r["name"]) for r in rows}
    assert ("known", "Ana Roca") in by_list
    assert ("learnt", "Ana Roca") in by_list
    assert ("uncoded", "Zorbat Quell") in by_list
    assert ("known", "Zorbat Quell") not in by_list


def test_cli_actors_without_store_is_usage_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["actors", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2


def test_cli_analyze_dictionary_option_codes_a_new_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Border row\n\nZorbat Quell criticised the new border rules on Monday.\n")
    (tmp_path / "mine.csv").write_text("name,code\nZorbat Quell,MDAOPP\n")
    res = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--dictionary", str(tmp_path / "mine.csv")])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout.splitlines()[0])
    assert {(a["name"], a["code"]) for a in doc["actors"]} >= {("Zorbat Quell", "MDAOPP")}


def test_cli_analyze_bad_dictionary_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text about the border rules and the talks.\n")
    (tmp_path / "bad.csv").write_text("only-one-column\n")
    res = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--dictionary", str(tmp_path / "bad.csv")])
    assert res.exit_code == 2
    assert "E030" in res.output
