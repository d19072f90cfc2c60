"""Helpers for the event tests: code a short text with the session's pipeline, and reach ../shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.events import Coder
from eventwire.models import Article, Event
from eventwire.nlp import parse_articles
from eventwire.quotes import find_quotes

ROOT = Path(__file__).resolve().parents[2]


def coder_for(pipeline: Any) -> Callable[..., list[Event]]:
    """A function coding one text, without the cleaning stage (test sentences are shorter than an article)."""

    def run(text: str, published: str = "2024-05-09") -> list[Event]:  # 9 May 2024 is a Thursday
        art = Article(id="t", text=text, published=published, language="en")
        for a, doc in parse_articles(pipeline.nlp, [art]):
            table = pipeline.actors.resolve(doc, a.published)
            return Coder(doc, table, find_quotes(doc, table), a).run().events
        return []

    return run


def asserted(events: list[Event]) -> list[tuple[str, str, str]]:
    """(code, source code, target code) of the asserted events: what the scorers compare."""
    return [(e.code, (e.source.code or "") if e.source else "", (e.target.code or "") if e.target else "")
            for e in events if e.modality == "asserted"]
