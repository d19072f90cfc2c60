"""The cap on the characters of one document that are analysed (no model needed)."""

from __future__ import annotations

import pytest

from eventwire.models import Article
from eventwire.nlp.budget import analysed_length, capped

TEXT = "First paragraph here.\n\nSecond one. It goes on.\n\nThird paragraph is last."


@pytest.mark.parametrize("limit", [0, len(TEXT), len(TEXT) + 1])
def test_budget_text_within_the_cap_is_whole(limit: int) -> None:
    assert analysed_length(TEXT, limit) == len(TEXT)


@pytest.mark.parametrize(("text", "limit", "want"), [
    (TEXT, 60, len("First paragraph here.\n\nSecond one. It goes on.\n\n")),  # at a line break
    ("One sentence ends here. And another one runs on and on", 40, len("One sentence ends here. ")),
    ("words and words and words and words", 20, len("words and words and ")),  # at a space
    ("x" * 50, 20, 20),  # no break at all: a hard cut
    ("x" * 5 + " " + "y" * 30, 20, 20),  # a break before half the cap is not worth it
])
def test_budget_cut_falls_on_a_break(text: str, limit: int, want: int) -> None:
    got = analysed_length(text, limit)
    assert got == want
    assert got <= limit


def test_budget_capped_article_keeps_the_head_and_says_so() -> None:
    art = Article(id="a", text=TEXT, published="2025-03-12")
    head, note = capped(art, 60)
    assert head is not art
    assert TEXT.startswith(head.text) and len(head.text) < len(TEXT)
    assert (head.id, head.published, head.status) == ("a", "2025-03-12", "ok")
    assert note == f"analysed the first {len(head.text)} of {len(TEXT)} characters (max_analysed_chars 60)"
    assert art.text == TEXT  # the article itself keeps its whole text


def test_budget_short_article_is_passed_through() -> None:
    art = Article(id="a", text=TEXT)
    assert capped(art, 10_000) == (art, None)
    assert capped(art, 0) == (art, None)
