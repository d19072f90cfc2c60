"""The guarded stage calls: a document that breaks a stage becomes an error record, the rest go on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.clean import DuplicateIndex
from eventwire.config import Config
from eventwire.models import Analysis, Article, Document
from eventwire.runners.local import chunked
from eventwire.runners.stages import analyze_batch, clean_batch, screen_batch


class BrittlePipeline:
    """Stands in for Pipeline: cleans and analyses, but raises on any text containing BOOM."""

    def __init__(self) -> None:
        self.config = Config()
        self.duplicates: DuplicateIndex | None = None
        self.calls = 0

    def clean(self, docs: Iterable[Document]) -> Iterator[Article]:
        for d in docs:
            if "BOOM" in (d.text or ""):
                raise ValueError("cannot clean this")
            yield Article(id=d.id, text=d.text or "", origin=d.origin)

    def seed_duplicates(self, rows: Iterable[object]) -> int:
        self.duplicates = DuplicateIndex()
        return 0

    def screen(self, arts: Iterable[Article], seen: DuplicateIndex) -> Iterator[Article]:
        yield from arts

    def analyze_articles(self, arts: Iterable[Article]) -> Iterator[Analysis]:
        self.calls += 1
        for a in list(arts):
            if "CRASH" in a.text:
                raise RuntimeError("parser fell over")
            yield Analysis(a)


def _docs(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", text=t, origin=f"t:{i}") for i, t in enumerate(texts)]


def test_stages_clean_batch_turns_a_failing_document_into_an_error_and_keeps_the_others() -> None:
    p = BrittlePipeline()
    arts = clean_batch(p, _docs("one fine text", "BOOM goes this one", "another fine text"))  # type: ignore[arg-type]
    assert [a.id for a in arts] == ["d0", "d1", "d2"]
    assert [a.status for a in arts] == ["ok", "error", "ok"]
    assert arts[1].reason and arts[1].reason.startswith("E070") and "cannot clean this" in arts[1].reason


def test_stages_analyze_batch_isolates_the_document_that_crashes() -> None:
    p = BrittlePipeline()
    arts = [Article(id="a", text="calm"), Article(id="b", text="CRASH here"), Article(id="c", text="calm too")]
    out = analyze_batch(p, arts)  # type: ignore[arg-type]
    assert [x.id for x in out] == ["a", "b", "c"]
    assert [x.status for x in out] == ["ok", "error", "ok"]
    assert "parser fell over" in (out[1].article.reason or "")


def test_stages_analyze_batch_runs_a_healthy_batch_once() -> None:
    p = BrittlePipeline()
    out = analyze_batch(p, [Article(id="a", text="x"), Article(id="b", text="y")])  # type: ignore[arg-type]
    assert [x.status for x in out] == ["ok", "ok"]
    assert p.calls == 1  # no retry document by document when nothing failed


def test_stages_screen_batch_creates_the_duplicate_index_once() -> None:
    p = BrittlePipeline()
    screen_batch(p, [Article(id="a", text="x")])  # type: ignore[arg-type]
    first = p.duplicates
    screen_batch(p, [Article(id="b", text="y")])  # type: ignore[arg-type]
    assert first is not None and p.duplicates is first


def test_local_chunked_keeps_order_and_the_short_tail() -> None:
    docs = _docs(*"abcdefg")
    chunks = list(chunked(docs, 3))
    assert [len(c) for c in chunks] == [3, 3, 1]
    assert [d.id for c in chunks for d in c] == [d.id for d in docs]
    assert list(chunked([], 3)) == []
