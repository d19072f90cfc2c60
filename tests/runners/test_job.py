"""The main job in this process: stores each document once, skips what is stored, resumes."""

from __future__ import annotations

from pathlib import Path

import pytest
from runkit import documents

from eventwire.config import Config
from eventwire.models import Document
from eventwire.runners import run_job
from eventwire.store import Store


def _ids(store: Store) -> list[str]:
    return [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]


def test_job_stores_every_document_and_reports_each(tmp_path: Path, nlp: object) -> None:
    docs = documents(5)
    with Store(tmp_path / "a.duckdb") as store:
        outcomes = list(run_job(docs, store, Config()))
        assert sorted(o.doc_id for o in outcomes) == [d.id for d in docs]
        assert all(o.written and not o.already_stored for o in outcomes)
        assert _ids(store) == [d.id for d in docs]
        assert store.stats()["event_mentions"] > 0


def test_job_second_run_skips_stored_documents_without_analysing(tmp_path: Path, nlp: object) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        list(run_job(documents(3), store, Config()))
        before = store.stats()
        # three stored, two new: only the new ones are analysed and written
        outcomes = list(run_job(documents(5), store, Config()))
        assert sorted(o.doc_id for o in outcomes if o.already_stored) == ["doc-000", "doc-001", "doc-002"]
        assert sorted(o.doc_id for o in outcomes if o.written) == ["doc-003", "doc-004"]
        after = store.stats()
    assert after["articles"] == 5
    assert after["event_mentions"] > before["event_mentions"]


def test_job_reports_reading_progress(tmp_path: Path, nlp: object) -> None:
    seen: list[int] = []
    with Store(tmp_path / "a.duckdb") as store:
        list(run_job(documents(4), store, Config(), on_read=seen.append))
    assert seen == [1, 2, 3, 4]


def test_job_keeps_bad_documents_as_records_and_goes_on(tmp_path: Path, nlp: object) -> None:
    docs = [*documents(2), Document(id="broken", status="error", reason="E003 binary"), Document(id="empty", text="")]
    with Store(tmp_path / "a.duckdb") as store:
        outcomes = {o.doc_id: o for o in run_job(docs, store, Config())}
        statuses = {r["id"]: r["status"] for r in store.query("SELECT id, status FROM articles")}
    assert statuses == {"doc-000": "ok", "doc-001": "ok", "broken": "error", "empty": "skipped"}
    assert outcomes["broken"].analysis is not None and outcomes["broken"].analysis.article.reason == "E003 binary"


def test_job_finds_a_copy_of_an_article_stored_by_an_earlier_run(tmp_path: Path, nlp: object) -> None:
    original = documents(1)[0]
    copy = Document(id="copy-of-0", text=original.text, published=original.published)
    with Store(tmp_path / "a.duckdb") as store:
        list(run_job([original], store, Config()))
        (o,) = list(run_job([copy], store, Config()))
    assert o.analysis is not None and o.analysis.status == "skipped"
    assert o.analysis.article.duplicate_of == original.id


def test_job_unknown_engine_is_refused(tmp_path: Path) -> None:
    from eventwire.errors import EventwireError

    with Store(tmp_path / "a.duckdb") as store, pytest.raises(EventwireError, match="E075"):
        list(run_job([], store, Config(), engine="spark"))


def test_job_write_batch_tells_which_analyses_it_stored(tmp_path: Path) -> None:
    from eventwire.models import Analysis, Article
    from eventwire.runners.job import write_batch

    def skipped(doc_id: str, reason: str) -> Analysis:
        return Analysis(Article(id=doc_id, text="", status="skipped", reason=reason))

    with Store(tmp_path / "a.duckdb") as store:
        assert write_batch(store, [skipped("a", "empty"), skipped("b", "empty")]) == [True, True]
        # the same record again changes nothing; a new reason is a change; an id twice is written once
        got = write_batch(store, [skipped("a", "empty"), skipped("b", "language de"), skipped("c", "x"), skipped("c", "x")])
        assert got == [False, True, True, False]
        assert write_batch(store, []) == []
        reasons = {r["id"]: r["reason"] for r in store.query("SELECT id, reason FROM articles")}
    assert reasons == {"a": "empty", "b": "language de", "c": "x"}


def test_job_stored_ok_finds_only_ok_articles_in_one_lookup(tmp_path: Path) -> None:
    from eventwire.models import Analysis, Article
    from eventwire.runners.job import stored_ok, write_batch

    with Store(tmp_path / "a.duckdb") as store:
        write_batch(store, [Analysis(Article(id="kept", text="Officials met in Paris.")),
                            Analysis(Article(id="failed", text="", status="error", reason="broken"))])
        # an error record is analysed again on a rerun; an id never seen is new; no ids, no query
        assert stored_ok(store, ["kept", "failed", "new"]) == {"kept"}
        assert stored_ok(store, []) == set()
