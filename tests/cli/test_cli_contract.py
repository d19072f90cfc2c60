"""The CLI contract of CONTRACT.md, end to end through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def lines(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.startswith("{")]


def test_cli_analyze_writes_one_line_per_document_with_contract_fields(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Talks resume in Geneva\n\nRussian Foreign Minister Ivan Petrov met Ukrainian officials in Geneva on Tuesday.\n"
    )
    res = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--published", "2025-03-12"])
    assert res.exit_code == 0, res.output
    (doc,) = lines(res.stdout)
    for key in ("id", "status", "reason", "title", "published", "url", "source", "language", "text",
                "entities", "actors", "events", "quotes"):
        assert key in doc
    assert doc["status"] == "ok"
    assert doc["title"] == "Talks resume in Geneva"
    assert doc["published"] == "2025-03-12"
    for ent in doc["entities"]:
        start, end = ent["span"]
        assert doc["text"][start:end] == ent["text"]


def test_cli_analyze_reports_bad_documents_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("The president of France visited Germany on Monday for talks on trade.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00" * 10)
    res = runner.invoke(app, ["analyze", str(tmp_path)])
    assert res.exit_code == 1
    docs = lines(res.stdout)
    assert len(docs) == 3
    by_status = {d["status"] for d in docs}
    assert by_status == {"ok", "skipped", "error"}
    for d in docs:
        if d["status"] != "ok":
            assert d["reason"]


def test_cli_analyze_missing_input_is_usage_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert res.exit_code == 2
    assert "E060" in res.output


def test_cli_run_twice_stores_each_event_once(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    first = runner.invoke(app, ["run", "--db", str(db)])
    assert first.exit_code == 0, first.output
    import duckdb

    with duckdb.connect(str(db)) as con:
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n_articles == 12
    assert n_events > 0
    second = runner.invoke(app, ["run", "--db", str(db)])
    assert second.exit_code == 0, second.output
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == n_events
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n_articles


def test_cli_export_jsonl_and_csv(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    assert runner.invoke(app, ["run", "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--table", "events"])
    assert res.exit_code == 0
    rows = lines(res.stdout)
    assert rows and all("code" in r for r in rows)
    out = tmp_path / "events.csv"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(out)])
    assert res.exit_code == 0
    assert out.read_text().splitlines()[0].startswith("id,")


def test_cli_analyze_analyses_repeats_unless_dedupe_is_asked(tmp_path: Path) -> None:
    story = "Kenyan police arrested twelve protesters outside parliament in Nairobi on Monday.\n"
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "a", "text": story}) + "\n" + json.dumps({"id": "b", "text": story}) + "\n")
    plain = lines(runner.invoke(app, ["analyze", "--jsonl", str(src)]).stdout)
    assert [d["status"] for d in plain] == ["ok", "ok"]
    deduped = lines(runner.invoke(app, ["analyze", "--jsonl", "--dedupe", str(src)]).stdout)
    assert [d["status"] for d in deduped] == ["ok", "skipped"]
    assert deduped[1]["duplicate_of"] == "a"


def test_cli_contract_long_streams_show_a_count_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import io

    from rich.console import Console

    cli_app = importlib.import_module("eventwire.cli.app")  # the module; `eventwire.cli.app` is also the Typer app

    shown = io.StringIO()
    monkeypatch.setattr(cli_app, "err", Console(file=shown, force_terminal=True))
    assert list(cli_app._counted(iter(range(3)), "cleaned")) == [0, 1, 2]
    assert "cleaned" in shown.getvalue() and "documents" in shown.getvalue()
    # a log file or a pipe gets no progress drawn into it
    plain = io.StringIO()
    monkeypatch.setattr(cli_app, "err", Console(file=plain, force_terminal=False))
    assert list(cli_app._counted(iter(range(3)), "cleaned")) == [0, 1, 2]
    assert plain.getvalue() == ""
