"""``eventwire run`` and ``eventwire load`` through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from runkit import documents, story, write_jsonl
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.pipeline import Pipeline
from eventwire.runners.records import analyses_table, analysis_from_json, analysis_to_json, read_analyses
from eventwire.store import Store

runner = CliRunner()


def test_cli_run_without_input_runs_the_samples_then_adds_nothing(tmp_path: Path, nlp: object) -> None:
    db = tmp_path / "ew.duckdb"
    first = runner.invoke(app, ["run", "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "documents read" in first.output and "12" in first.output
    with Store(db, read_only=True) as store:
        stats = store.stats()
    assert stats["articles"] == 12 and stats["event_mentions"] > 0
    second = runner.invoke(app, ["run", "--db", str(db)])
    assert second.exit_code == 0
    row = next(line for line in second.output.splitlines() if "already stored" in line)
    assert "12" in row
    with Store(db, read_only=True) as store:
        assert store.stats()["event_mentions"] == stats["event_mentions"]


def test_cli_run_logs_one_line_per_document_and_reports_failures(tmp_path: Path, nlp: object) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(story(7))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    log = tmp_path / "run.log"
    res = runner.invoke(app, ["run", str(folder), "--db", str(tmp_path / "ew.duckdb"), "--log", str(log)])
    assert res.exit_code == 1  # one document failed; the other is stored
    lines = [json.loads(x) for x in log.read_text().splitlines()]
    assert sorted(x["status"] for x in lines) == ["error", "ok"]
    assert all(x["written"] for x in lines)
    assert "error" in res.output


def test_cli_run_usage_errors_exit_2(tmp_path: Path) -> None:
    db = str(tmp_path / "ew.duckdb")
    res = runner.invoke(app, ["run", str(tmp_path / "missing.txt"), "--db", db])
    assert res.exit_code == 2 and "E060" in res.output
    res = runner.invoke(app, ["run", "--engine", "spark", "--db", db])
    assert res.exit_code == 2 and "engine" in res.output


def test_runners_records_round_trip_an_analysis(pipeline: Pipeline) -> None:
    (analysis,) = pipeline.analyze(documents(1))
    assert analysis.events and analysis.quotes and analysis.actors
    back = analysis_from_json(analysis_to_json(analysis))
    assert back == analysis
    assert back.to_dict() == analysis.to_dict()


def _write_parquet(folder: Path, n: int, pipeline: Pipeline) -> list[str]:
    analyses = list(pipeline.analyze(documents(n)))
    pq.write_to_dataset(analyses_table(analyses), str(folder), partition_cols=["date"])
    return [a.id for a in analyses]


def test_cli_load_stores_parquet_output_once(tmp_path: Path, pipeline: Pipeline) -> None:
    out = tmp_path / "parquet"
    ids = _write_parquet(out, 3, pipeline)
    assert {p.name for p in out.iterdir()} == {"date=2025-01-10", "date=2025-02-11", "date=2025-03-12"}
    db = tmp_path / "ew.duckdb"
    res = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "loaded 3 of 3" in res.output
    res = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert "loaded 0 of 3" in res.output
    with Store(db, read_only=True) as store:
        assert sorted(r["id"] for r in store.query("SELECT id FROM articles")) == sorted(ids)
        assert store.stats()["event_mentions"] > 0


def test_cli_load_refuses_a_folder_without_eventwire_parquet(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    res = runner.invoke(app, ["load", str(tmp_path / "empty"), "--db", str(tmp_path / "ew.duckdb")])
    assert res.exit_code == 2 and "E074" in res.output
    pq.write_table(analyses_table([]).drop_columns(["analysis"]), str(tmp_path / "other.parquet"))
    res = runner.invoke(app, ["load", str(tmp_path / "other.parquet"), "--db", str(tmp_path / "ew.duckdb")])
    assert res.exit_code == 2 and "E074" in res.output


def test_runners_parquet_events_are_queryable_where_they_lie(tmp_path: Path, pipeline: Pipeline) -> None:
    import duckdb

    out = tmp_path / "parquet"
    _write_parquet(out, 2, pipeline)
    rows = duckdb.sql(
        f"SELECT id, date, e.code, e.source_code FROM (SELECT id, date, unnest(events) AS e"
        f" FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)) ORDER BY id").fetchall()
    assert rows and {r[0] for r in rows} == {"doc-000", "doc-001"}
    assert all(r[2] for r in rows)
    assert len(list(read_analyses(out))) == 2


def test_cli_run_reads_jsonl_input_with_two_workers_flag_accepted(tmp_path: Path, nlp: object) -> None:
    # --workers 1 keeps this quick; the pool itself is tested in test_pool.py
    src = write_jsonl(tmp_path / "in.jsonl", documents(2))
    res = runner.invoke(app, ["run", str(src), "--db", str(tmp_path / "ew.duckdb"), "--workers", "1"])
    assert res.exit_code == 0, res.output
    with Store(tmp_path / "ew.duckdb", read_only=True) as store:
        assert store.stats()["articles"] == 2


def test_cli_run_passes_the_config_file_to_the_stages(tmp_path: Path, nlp: object) -> None:
    cfg = tmp_path / "ew.toml"
    cfg.write_text('languages = ["de"]\n')  # only German is analysed: these English stories are skipped
    src = write_jsonl(tmp_path / "in.jsonl", documents(2))
    res = runner.invoke(app, ["run", str(src), "--db", str(tmp_path / "ew.duckdb"), "--config", str(cfg)])
    assert res.exit_code == 0, res.output
    with Store(tmp_path / "ew.duckdb", read_only=True) as store:
        reasons = {r["reason"] for r in store.query("SELECT reason FROM articles")}
    assert reasons == {"language en"}


def test_cli_run_the_same_folder_by_another_spelling_adds_nothing(tmp_path: Path, nlp: object,
                                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    news = tmp_path / "news"
    news.mkdir()
    for n in range(3):
        (news / f"{n}.txt").write_text(story(n), encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["run", "news", "--db", str(db)]).exit_code == 0
    with Store(db, read_only=True) as store:
        stats = store.stats()
    again = runner.invoke(app, ["run", str(news.resolve()), "--db", str(db)])
    assert again.exit_code == 0, again.output
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == stats["articles"] == 3
        assert store.stats()["event_mentions"] == stats["event_mentions"]
