"""The process pool: the same results as one process, and a run killed midway resumes exactly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from runkit import documents, write_jsonl

from eventwire.config import Config
from eventwire.runners import PoolStats, run_job
from eventwire.store import Store

MENTIONS = "SELECT article_id, code, source_code, target_code, span_start, trigger_start FROM event_mentions ORDER BY ALL"
EVENTWIRE = Path(sys.executable).with_name("eventwire")


@pytest.mark.slow
def test_pool_two_workers_store_what_one_process_stores(tmp_path: Path, nlp: object) -> None:
    docs = documents(8)
    with Store(tmp_path / "one.duckdb") as one:
        list(run_job(docs, one, Config()))
        expected = one.query(MENTIONS)
        expected_articles = one.query("SELECT id, status, title, text FROM articles ORDER BY id")
    stats = PoolStats()
    with Store(tmp_path / "two.duckdb") as two:
        outcomes = list(run_job(docs, two, Config(), workers=2, chunk_size=2, stats=stats))
        got = two.query(MENTIONS)
        got_articles = two.query("SELECT id, status, title, text FROM articles ORDER BY id")
    assert len(outcomes) == len(docs) and all(o.written for o in outcomes)
    assert expected and got == expected
    assert got_articles == expected_articles
    assert stats.peak_rss and all(rss > 50_000_000 for rss in stats.peak_rss.values())  # a loaded model


def _group_gone(pgid: int, within: float = 15.0) -> bool:
    """True once no process of the group is left (the fork server notices its parent is gone)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def _log_lines(log: Path) -> list[dict[str, object]]:
    if not log.exists():
        return []
    return [json.loads(x) for x in log.read_text().splitlines() if x.endswith("}")]


@pytest.mark.slow
def test_pool_run_killed_midway_resumes_and_stores_every_document_once(tmp_path: Path, nlp: object) -> None:
    docs = documents(60)
    src = write_jsonl(tmp_path / "in.jsonl", docs)
    db, log = tmp_path / "ew.duckdb", tmp_path / "run.log"
    cmd = [str(EVENTWIRE), "run", str(src), "--db", str(db), "--log", str(log)]
    # 1. A run on two workers, killed hard (SIGKILL: no cleanup at all) once some documents are stored.
    proc = subprocess.Popen([*cmd, "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 240
    try:
        while len(_log_lines(log)) < 8:
            assert proc.poll() is None, "the run ended before it could be killed; give it more documents"
            assert time.monotonic() < deadline, "no progress within four minutes"
            time.sleep(0.2)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers: a crash, not a shutdown
        proc.wait()
    stored_before = {str(x["id"]) for x in _log_lines(log) if x["written"]}
    assert 8 <= len(stored_before) < len(docs)

    # 2. The same command again continues: what was stored is kept and not analysed twice.
    log.unlink()
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    lines = _log_lines(log)
    assert {str(x["id"]) for x in lines if x["status"] == "stored before"} >= stored_before
    assert not stored_before & {str(x["id"]) for x in lines if x["written"]}

    # 3. Every document is stored exactly once, with the events an uninterrupted run stores.
    with Store(db, read_only=True) as store:
        ids = [r["id"] for r in store.query("SELECT id FROM articles")]
        got = store.query(MENTIONS)
    assert sorted(ids) == sorted(d.id for d in docs)
    with Store(tmp_path / "clean.duckdb") as clean:
        list(run_job(docs, clean, Config()))
        assert got == clean.query(MENTIONS)


@pytest.mark.slow
def test_pool_sigterm_stops_the_run_keeps_what_is_stored_and_exits_130(tmp_path: Path, nlp: object) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", documents(60))
    db, log = tmp_path / "ew.duckdb", tmp_path / "run.log"
    proc = subprocess.Popen([str(EVENTWIRE), "run", str(src), "--db", str(db), "--log", str(log), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 240
    while len(_log_lines(log)) < 4:
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)  # a polite stop, like Ctrl-C
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr[-2000:]
    assert "interrupted" in stderr
    assert _group_gone(proc.pid), "a worker or helper process outlived the run"
    written = {str(x["id"]) for x in _log_lines(log) if x["written"]}
    with Store(db, read_only=True) as store:
        stored = {r["id"] for r in store.query("SELECT id FROM articles")}
    assert written <= stored and len(stored) < 60


@pytest.mark.slow
def test_pool_closing_the_stream_midway_stops_the_workers(tmp_path: Path, nlp: object) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        stream = run_job(documents(40), store, Config(), workers=2, chunk_size=2)
        first = [next(stream) for _ in range(3)]
        stream.close()  # what a KeyboardInterrupt in the caller does to the generator
        assert all(o.written for o in first)
        n = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
        assert 3 <= n < 40
        rest = list(run_job(documents(40), store, Config(), workers=2))
        assert sum(o.written for o in rest) == 40 - n
        assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == 40
