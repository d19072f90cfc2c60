"""Speakers: names, descriptions, pronouns, and the actor codes that come with them."""

from __future__ import annotations

from typing import Any

import pytest
from quotekit import StubTable, direct, parse, quotes_in, speaker

from eventwire.quotes import find_quotes


@pytest.mark.parametrize(("text", "who"), [
    # "he" is the subject of the sentence before, not its object.
    ('Mr Ortega received a letter from Mr Salas on Friday. "I have read it and I will reply," he said.', "Ortega"),
    # With no subject to hand, the person named last will do.
    ('The talks were chaired by Anna Vogel. "Europe must stand together," she said.', "Anna Vogel"),
    # A possessor is the least likely antecedent.
    ('Mike Ford\'s sister, Valerie Smith, wrote the foreword. "He was brilliant," she said.', "Valerie Smith"),
])
def test_speakers_pronoun_falls_back_on_the_most_salient_person(nlp: Any, text: str, who: str) -> None:
    (q,) = direct(quotes_in(nlp, text))
    assert q.speaker is not None
    assert q.speaker.name is not None and who.split()[-1] in q.speaker.name
    assert q.speaker.text.lower() in ("he", "she")  # the words used stay the pronoun
    assert q.speaker.span is not None and text[q.speaker.span[0]:q.speaker.span[1]] == q.speaker.text


def test_speakers_the_actors_stage_answer_for_a_pronoun_wins(nlp: Any) -> None:
    text = 'Anna Vogel met Petra Novak in Warsaw. "We agree on everything," she said.'
    doc = parse(nlp, text)
    she = next(t.i for t in doc if t.lower_ == "she")
    (q,) = find_quotes(doc, StubTable(doc, resolved={she: "Novak"}))  # type: ignore[arg-type]
    assert q.speaker is not None and q.speaker.name == "Petra Novak"
    (q,) = find_quotes(doc, StubTable(doc))  # type: ignore[arg-type]
    assert q.speaker is not None and q.speaker.name == "Anna Vogel"


def test_speakers_description_with_an_actor_inside_carries_its_code(nlp: Any) -> None:
    (q,) = quotes_in(nlp, '"There will be no deal this week," a senior Kremlin official said.',
                     codes={"Kremlin": "RUSGOV"})
    assert q.speaker is not None
    assert q.speaker.text == "a senior Kremlin official"
    assert q.speaker.code == "RUSGOV"


def test_speakers_apposition_names_the_speaker(nlp: Any) -> None:
    (q,) = quotes_in(nlp, 'Japan\'s prime minister, Kenji Watanabe, said: "We will double the budget."',
                     codes={"Watanabe": "JPNGOV", "Japan": "JPN"})
    assert speaker(q) == "Kenji Watanabe"
    assert q.speaker is not None and q.speaker.code == "JPNGOV"


def test_speakers_a_bare_surname_is_the_person_named_in_full_earlier(nlp: Any) -> None:
    text = 'Kurt Volker testified on Tuesday. Volker said: "My role was the official channel."'
    (q,) = quotes_in(nlp, text, codes={"Volker": "USAGOV"})
    assert speaker(q) == "Kurt Volker"
    assert q.speaker is not None and q.speaker.code == "USAGOV"


def test_speakers_description_without_a_name(nlp: Any) -> None:
    (q,) = quotes_in(nlp, '"We are ready," the 56-year-old said.')
    assert q.speaker is not None and q.speaker.text == "the 56-year-old"
    assert q.speaker.code is None


def test_speakers_organisation_speaks_in_a_statement(nlp: Any) -> None:
    (q,) = quotes_in(nlp, 'The defence ministry said in a statement: "Our troops will stay."')
    assert q.speaker is not None and q.speaker.text == "The defence ministry"


def test_speakers_pronoun_with_nobody_before_it_has_no_name(nlp: Any) -> None:
    (q,) = quotes_in(nlp, '"We are ready," he said.')
    assert q.kind == "direct" and q.speaker is None


@pytest.mark.parametrize(("text", "who"), [
    ('Wikileaks editor-in-chief Kristinn Hrafnsson said: "We will keep publishing what we are sent."',
     "Kristinn Hrafnsson"),
    ('Oxfam policy director Maria Lund said: "The aid will not reach the people who need it most."', "Maria Lund"),
])
def test_speakers_the_person_after_an_organisation_title_speaks(nlp: Any, text: str, who: str) -> None:
    # "Org title Name said": the parser may give the cue two subjects; the name nearest the cue speaks.
    (q,) = direct(quotes_in(nlp, text))
    assert speaker(q) == who
