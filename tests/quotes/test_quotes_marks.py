"""Quoted stretches found from the quotation marks alone (no model needed)."""

from __future__ import annotations

import pytest

from eventwire.quotes.marks import find_segments, paragraphs


def contents(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_segments(text)]


@pytest.mark.parametrize("text", [
    'The envoy said "talks will resume" on Friday and "nothing is agreed" yet.',
    "The envoy said “talks will resume” on Friday and “nothing is agreed” yet.",
    "The envoy said „talks will resume“ on Friday and „nothing is agreed“ yet.",
])
def test_marks_pair_straight_curly_and_low_marks(text: str) -> None:
    assert contents(text) == ["talks will resume", "nothing is agreed"]


def test_marks_content_drops_the_attribution_comma_but_keeps_a_full_stop() -> None:
    text = '"We will sign," she said. "It is done."'
    assert contents(text) == ["We will sign", "It is done."]


def test_marks_unclosed_paragraph_runs_on_into_the_next() -> None:
    text = 'He said: "We came to talk.\n\n"We leave with a plan."\n\nThe talks ended.'
    segs = find_segments(text)
    assert [text[s.start:s.end] for s in segs] == ["We came to talk.", "We leave with a plan."]
    assert not segs[0].closed and not segs[0].continued
    assert segs[1].closed and segs[1].continued and segs[1].at_para_start


def test_marks_a_paragraph_opening_a_quote_is_not_a_continuation_when_the_last_one_closed() -> None:
    text = 'He said: "We came to talk."\n\n"We leave with a plan."'
    segs = find_segments(text)
    assert not segs[1].continued


def test_marks_apostrophes_are_not_quotes() -> None:
    text = "The ministers' meeting didn't end, and the Kremlin's envoy left."
    assert contents(text) == []


def test_marks_single_quotes_count_only_where_there_are_no_double_ones() -> None:
    assert contents("Russia 'will do everything' to stop it, he said.") == ["will do everything"]
    assert contents("He said \"we will 'never' give up\" on Monday.") == ["we will 'never' give up"]


def test_marks_a_missing_closing_mark_does_not_swallow_the_next_quote() -> None:
    text = "“We are ready, he said. “We are waiting.”"
    assert contents(text) == ["We are ready, he said.", "We are waiting."]


def test_marks_paragraphs_skip_blank_lines_and_trim() -> None:
    text = "  One.\n\n\n Two two. \nThree"
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two two.", "Three"]


def test_marks_empty_quotes_and_empty_text_yield_nothing() -> None:
    assert contents('He said "" and left.') == []
    assert contents("") == []


def test_marks_plural_possessive_inside_a_single_quoted_stretch() -> None:
    text = "'The voters' patience has run out,' he added. 'We won't wait.'"
    assert contents(text) == ["The voters' patience has run out", "We won't wait."]


def test_marks_a_closing_double_mark_typed_as_the_opener_still_opens() -> None:
    # Pages typed with the wrong key open with a closing mark: ‘said: ”We ...”’.
    text = "A farmer told the radio: ”The river is rising and nobody has come.” Rain fell."
    assert contents(text) == ["The river is rising and nobody has come."]


def test_marks_a_closing_double_mark_after_a_word_does_not_open() -> None:
    # A real closing mark (after a word) with no quote open must not start a stretch.
    assert contents("The crowd waited” and then left quietly.") == []
    assert contents("Tents ’ ropes were cut by the wind.") == []
