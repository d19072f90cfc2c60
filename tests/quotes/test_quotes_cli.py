"""`eventwire quotes` on a store built by hand (no spaCy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.models import ActorRef, Analysis, Article, Quote
from eventwire.store import Store

runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "quotes.duckdb"
    novak = ActorRef(text="Petra Novak", name="Petra Novak", code="CZEGOV", span=(0, 11))
    ministry = ActorRef(text="the ministry", name=None, code="RUSGOV", span=(0, 12))
    with Store(path) as s:
        s.write(Analysis(Article(id="a1", text="x" * 200, published="2024-05-06"), quotes=[
            Quote(text="We will not retreat", kind="direct", span=(20, 39), speaker=novak, cue="said", rule="cue-after"),
            Quote(text="insulting", kind="partial", span=(50, 59), speaker=novak, cue="described"),
            Quote(text="the talks had failed", kind="indirect", span=(80, 100), speaker=ministry, cue="said"),
        ]))
        s.write(Analysis(Article(id="a2", text="y" * 200, published="2024-06-01"), quotes=[
            Quote(text="Our troops stay", kind="direct", span=(5, 20), speaker=ministry, cue="said"),
        ]))
    return path


def _jsonl(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.startswith("{")]


def test_quotes_cli_by_speaker_name_case_insensitive(db: Path) -> None:
    res = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "novak", "--json"])
    assert res.exit_code == 0, res.output
    rows = _jsonl(res.stdout)
    assert [r["text"] for r in rows] == ["We will not retreat", "insulting"]
    assert rows[0]["speaker_code"] == "CZEGOV" and rows[0]["article_published"] == "2024-05-06"


def test_quotes_cli_by_code_kind_and_date(db: Path) -> None:
    res = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "RUS", "--kind", "direct", "--json"])
    assert [r["text"] for r in _jsonl(res.stdout)] == ["Our troops stay"]
    res = runner.invoke(app, ["quotes", "--db", str(db), "--until", "2024-05-31", "--json"])
    assert len(_jsonl(res.stdout)) == 3


def test_quotes_cli_table_output(db: Path) -> None:
    res = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "Novak"])
    assert res.exit_code == 0
    assert "2 quotes by Novak" in res.stdout and "CZEGOV" in res.stdout and "insulting" in res.stdout


def test_quotes_cli_nobody_found_is_not_an_error(db: Path) -> None:
    res = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "Nobody", "--json"])
    assert res.exit_code == 0 and _jsonl(res.stdout) == []


def test_quotes_cli_bad_usage_is_exit_code_2(db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["quotes", "--db", str(db), "--kind", "rumour"])
    assert res.exit_code == 2 and "--kind" in res.output
    res = runner.invoke(app, ["quotes", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 2 and "no store" in res.output
    res = runner.invoke(app, ["quotes", "--db", str(db), "--since", "last week"])
    assert res.exit_code == 2
