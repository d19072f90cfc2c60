"""Indirect speech: the reported clause and who reported it."""

from __future__ import annotations

from typing import Any

import pytest
from quotekit import quotes_in, speaker

CODES = {"Lavrov": "RUSGOV"}


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("Foreign Minister Sergei Lavrov said that Moscow would send a delegation to Geneva.",
     "Moscow would send a delegation to Geneva", "said"),
    ("Foreign Minister Sergei Lavrov said Moscow would send a delegation to Geneva.",
     "Moscow would send a delegation to Geneva", "said"),
    ("Sergei Lavrov told reporters the talks had failed.", "the talks had failed", "told"),
    ("Sergei Lavrov warned that sanctions would backfire on Europe.", "sanctions would backfire on Europe", "warned"),
    ("Moscow will send a delegation to Geneva, Sergei Lavrov said on Monday.",
     "Moscow will send a delegation to Geneva", "said"),
])
def test_indirect_reported_clause_and_speaker(nlp: Any, text: str, content: str, cue: str) -> None:
    (q,) = quotes_in(nlp, text, CODES)
    assert (q.kind, q.text, q.cue) == ("indirect", content, cue)
    assert speaker(q) == "Sergei Lavrov"
    assert q.speaker is not None and q.speaker.code == "RUSGOV"
    assert q.cue_span is not None and text[q.cue_span[0]:q.cue_span[1]] == cue


@pytest.mark.parametrize("text", [
    "According to the Interior Ministry, 40 people were arrested overnight.",
    "Forty people were arrested overnight, according to the Interior Ministry.",
])
def test_indirect_according_to(nlp: Any, text: str) -> None:
    (q,) = quotes_in(nlp, text)
    assert q.kind == "indirect"
    assert q.text.endswith("people were arrested overnight")
    assert speaker(q) == "the Interior Ministry"


def test_indirect_it_stands_for_the_organisation_that_spoke_before(nlp: Any) -> None:
    text = "The Interior Ministry said 40 people had been arrested. It added that the protests had ended."
    _, second = quotes_in(nlp, text)
    assert second.text == "the protests had ended"
    assert speaker(second) == "The Interior Ministry"
    assert second.speaker is not None and second.speaker.text == "It"


def test_indirect_relative_clause_speaks_for_its_noun(nlp: Any) -> None:
    (q,) = quotes_in(nlp, "Mr Lavrov, who said the talks had been useful, left Geneva on Tuesday.", CODES)
    assert q.text == "the talks had been useful"
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


@pytest.mark.parametrize("text", [
    "Sergei Lavrov did not say whether Moscow would send a delegation.",  # negated: nothing reported
    "Sergei Lavrov told him to leave the room.",  # an order, not a report
    "The agreement was said to be close.",  # nobody said it
    "Sergei Lavrov said so.",  # nothing worth reporting
])
def test_indirect_not_reported_speech(nlp: Any, text: str) -> None:
    assert [q for q in quotes_in(nlp, text, CODES) if q.kind == "indirect"] == []


def test_indirect_is_not_reported_again_for_a_direct_quote(nlp: Any) -> None:
    found = quotes_in(nlp, 'Sergei Lavrov said: "Moscow will send a delegation to Geneva."', CODES)
    assert [q.kind for q in found] == ["direct"]


def test_indirect_keeps_its_partial_quotes(nlp: Any) -> None:
    found = quotes_in(nlp, 'Sergei Lavrov said the armed groups were "self-defence" units.', CODES)
    assert sorted(q.kind for q in found) == ["indirect", "partial"]
