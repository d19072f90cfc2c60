"""Title detection and Unicode/whitespace normalisation."""

from __future__ import annotations

import pytest

from eventwire.clean.normalize import normalize_text, paragraphs
from eventwire.clean.title import looks_like_title


@pytest.mark.parametrize("line", [
    "Ukraine: No Agreements Reached In Crisis Talks",
    "Floods hit northern villages",
    "Will the ceasefire hold?",
    "'We will not give up', says opposition leader",
    "2020 election: what we know so far",
])
def test_title_recognises_headlines(line: str) -> None:
    assert looks_like_title(line)


@pytest.mark.parametrize("line", [
    "The minister resigned on Tuesday after a row over the budget.",
    "LONDON (Reuters) -",
    "He said:",
    "budget talks collapse",
    "One",
    " ".join(["word"] * 40),
])
def test_title_rejects_sentences_datelines_and_fragments(line: str) -> None:
    assert not looks_like_title(line)


def test_normalize_cleans_spaces_controls_and_line_ends() -> None:
    raw = "Caf\u0065\u0301\u00a0bar\u200b\r\nsecond\x07 line\r\n\r\n\r\n\r\nthird\u2028fourth  "
    assert normalize_text(raw) == "Caf\u00e9 bar\nsecond line\n\nthird\nfourth"


def test_normalize_is_stable_when_run_twice() -> None:
    raw = "  A\u00a0 b \n\n\n c\u200d "
    once = normalize_text(raw)
    assert normalize_text(once) == once


def test_normalize_paragraphs_split_on_any_line_break() -> None:
    assert paragraphs("a\nb\n\n c \n") == ["a", "b", "c"]


def test_normalize_resolves_html_character_references() -> None:
    assert normalize_text("Kerry&#8217;s talks with AT&amp;T&nbsp;staff") == "Kerry\u2019s talks with AT&T staff"
    assert normalize_text("R&D spending; salt & pepper") == "R&D spending; salt & pepper"
