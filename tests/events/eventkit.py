"""Helpers for the event tests: code a short text with the session's pipeline, and reach ../shared."""

from __future__ import annotations

import importlib.util
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


def shared_or_skip(*parts: str) -> Path:
    """tests/conftest.py's shared_or_skip, loaded by path (several test folders have their own conftest)."""
    spec = importlib.util.spec_from_file_location("eventwire_tests_conftest", ROOT / "tests" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.shared_or_skip(*parts)  # type: ignore[no-any-return]
