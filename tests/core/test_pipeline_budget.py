"""The pipeline analyses at most `max_analysed_chars` of a document and says so in its reason."""

from __future__ import annotations

from pathlib import Path

from eventwire import Pipeline
from eventwire.config import load_config
from eventwire.models import Document

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "samples" / "01_geneva_talks.txt"


def _analyse(nlp, text: str, limit: int):  # type: ignore[no-untyped-def]
    pipe = Pipeline(load_config(max_analysed_chars=limit), nlp=nlp)
    return next(pipe.analyze([Document(id="d", text=text, published="2025-03-12")], dedupe=False))


def test_pipeline_budget_long_text_is_cut_and_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    text = SAMPLE.read_text(encoding="utf-8")
    whole = _analyse(nlp, text, 0)
    cut = _analyse(nlp, text, len(whole.article.text) // 2)
    assert cut.status == "ok"
    assert cut.article.text == whole.article.text  # the output keeps the whole text: spans point into it
    reason = cut.article.reason or ""
    assert reason.startswith("analysed the first ")
    assert f" of {len(whole.article.text)} characters (max_analysed_chars {len(whole.article.text) // 2})" in reason
    analysed = int(reason.split()[3])
    assert 0 < analysed <= len(whole.article.text) // 2
    spans = [e.span for e in cut.entities] + [e.span for e in cut.events] + [q.span for q in cut.quotes]
    assert spans and all(end <= analysed for _, end in spans)
    assert 0 < len(cut.events) < len(whole.events)
    # what was analysed is analysed as before: the head's events are the whole text's events in the head
    assert [(e.code, e.span) for e in cut.events] == [(e.code, e.span) for e in whole.events if e.span[1] <= analysed]


def test_pipeline_budget_text_under_the_cap_has_no_reason(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _analyse(nlp, SAMPLE.read_text(encoding="utf-8"), 100_000)
    assert (got.status, got.article.reason) == ("ok", None)
    assert got.events
