"""Direct and partial quotes: each construction of news English, and what must not count as a quote."""

from __future__ import annotations

from typing import Any

import pytest
from quotekit import direct, quotes_in, speaker


@pytest.mark.parametrize("text", [
    '"We will not retreat," said Defence Minister Petra Novak.',
    '"We will not retreat," Defence Minister Petra Novak said on Monday.',
    "“We will not retreat,” Defence Minister Petra Novak said on Monday.",
])
def test_direct_cue_after_the_quote(nlp: Any, text: str) -> None:
    (q,) = quotes_in(nlp, text)
    assert (q.kind, q.text, q.cue, q.rule) == ("direct", "We will not retreat", "said", "cue-after")
    assert speaker(q) == "Petra Novak"
    assert q.speaker is not None and text[q.speaker.span[0]:q.speaker.span[1]] == "Petra Novak"


@pytest.mark.parametrize("text", [
    'Defence Minister Petra Novak said: "We will not retreat."',
    "Defence Minister Petra Novak told parliament on Monday: “We will not retreat.”",
    'Defence Minister Petra Novak said in a statement that "we will not retreat."',
])
def test_direct_cue_before_the_quote_colon_or_that(nlp: Any, text: str) -> None:
    (q,) = direct(quotes_in(nlp, text))
    assert q.text.lower() == "we will not retreat."
    assert q.rule == "cue-before"
    assert speaker(q) == "Petra Novak"


def test_direct_cue_inside_a_split_quote(nlp: Any) -> None:
    text = '"We will not retreat," Petra Novak said, "and our soldiers stay where they are."'
    first, second = quotes_in(nlp, text)
    assert first.text == "We will not retreat"
    assert second.text == "and our soldiers stay where they are."
    assert second.kind == "direct"
    assert speaker(first) == speaker(second) == "Petra Novak"


def test_direct_second_quote_of_a_paragraph_has_the_first_ones_speaker(nlp: Any) -> None:
    text = '"We will not retreat," Petra Novak said. "Our soldiers stay where they are."'
    _, second = quotes_in(nlp, text)
    assert second.text == "Our soldiers stay where they are."
    assert second.rule == "same-paragraph"
    assert speaker(second) == "Petra Novak"


def test_direct_multi_sentence_quote_is_one_quote(nlp: Any) -> None:
    text = "Petra Novak told parliament: “We will not retreat. Our soldiers stay where they are. Nobody should doubt it.”"
    (q,) = quotes_in(nlp, text)
    assert q.text == "We will not retreat. Our soldiers stay where they are. Nobody should doubt it."
    assert speaker(q) == "Petra Novak"


def test_direct_quote_running_over_paragraphs_keeps_its_speaker(nlp: Any) -> None:
    text = ('Petra Novak spoke first. She warned: "We will not retreat.\n\n'
            '"Our soldiers stay where they are.\n\n'
            '"Nobody should doubt it."\n\n'
            "The debate went on until midnight.")
    found = quotes_in(nlp, text)
    assert [q.text for q in found] == ["We will not retreat.", "Our soldiers stay where they are.", "Nobody should doubt it."]
    assert [q.rule for q in found] == ["cue-before", "continued", "continued"]
    assert {speaker(q) for q in found} == {"Petra Novak"}


def test_direct_quote_paragraph_follows_the_speaker_of_the_paragraph_before(nlp: Any) -> None:
    text = ("Prime Minister Kenji Watanabe said his government would double defence spending.\n\n"
            '"The security situation is the most severe in decades."')
    (q,) = direct(quotes_in(nlp, text))
    assert q.rule == "previous-paragraph"
    assert speaker(q) == "Kenji Watanabe"


def test_direct_quote_paragraph_after_an_unrelated_paragraph_has_no_speaker_to_borrow(nlp: Any) -> None:
    text = 'The parliament met on Monday.\n\n"The security situation is the most severe in decades."'
    assert direct(quotes_in(nlp, text)) == []


def test_direct_name_and_colon(nlp: Any) -> None:
    (q,) = quotes_in(nlp, 'Senator Ramon Cruz: "This war on drugs has become a war on the poor."')
    assert (q.kind, q.rule, q.cue) == ("direct", "name-colon", None)
    assert speaker(q) == "Ramon Cruz"


def test_direct_typo_cue_in_attribution_position(nlp: Any) -> None:
    (q,) = quotes_in(nlp, 'Mr Lavrov sad afterwards: "We are all concerned."', codes={"Lavrov": "RUSGOV"})
    assert (q.kind, q.cue) == ("direct", "sad")
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_direct_unknown_typo_one_edit_from_a_cue(nlp: Any) -> None:
    (q,) = quotes_in(nlp, 'Senator Mary Collins stted later: "We have the numbers to pass this bill."')
    assert q.cue == "stted" and speaker(q) == "Mary Collins"


@pytest.mark.parametrize(("text", "fragment", "who"), [
    ('Petra Novak described the offer as "insulting" and walked out.', "insulting", "Petra Novak"),
    ('Petra Novak said the plan was "dead on arrival" and left.', "dead on arrival", "Petra Novak"),
    ('Petra Novak warned there would be "costs and consequences" for the rebels.', "costs and consequences",
     "Petra Novak"),
])
def test_direct_partial_quote_inside_a_sentence(nlp: Any, text: str, fragment: str, who: str) -> None:
    partials = [q for q in quotes_in(nlp, text) if q.kind == "partial"]
    assert [q.text for q in partials] == [fragment]
    assert speaker(partials[0]) == who


def test_direct_scare_quote_of_one_word_is_partial_even_after_that(nlp: Any) -> None:
    found = quotes_in(nlp, 'Petra Novak said that the "self-defence" units answered to nobody.')
    assert [q.kind for q in found if q.text == "self-defence"] == ["partial"]


@pytest.mark.parametrize("text", [
    'The so-called "peace plan" was published on Monday.',
    'The documentary "A Nation Divided" was shown in parliament last week.',
    'It was a sad day, "a terrible day" for everyone.',
    '"Peace now" read the banners carried through the city.',
])
def test_direct_unattributed_quotes_and_titles_are_not_quotes(nlp: Any, text: str) -> None:
    assert quotes_in(nlp, text) == []


def test_direct_title_is_dropped_even_near_a_cue(nlp: Any) -> None:
    found = quotes_in(nlp, 'Petra Novak said she had read "War And Peace" twice.')
    assert [q for q in found if q.kind != "indirect"] == []


def test_direct_kinds_and_spans_on_a_mixed_paragraph(nlp: Any) -> None:
    text = ('Petra Novak called the vote "a disgrace" on Monday. "We will appeal," she said. '
            "“The court will hear us.”")
    found = quotes_in(nlp, text)
    assert [(q.kind, q.text) for q in found if q.kind != "indirect"] == [
        ("partial", "a disgrace"), ("direct", "We will appeal"), ("direct", "The court will hear us.")]


def test_direct_one_word_answer_with_its_cue_is_direct(nlp: Any) -> None:
    (q,) = quotes_in(nlp, '"Amazing," Anthony Davis said after the game.')
    assert (q.kind, q.text) == ("direct", "Amazing")


def test_direct_single_quotes_in_the_british_style(nlp: Any) -> None:
    text = ("Labour leader Keir Hamlin said: 'We won't let this government off the hook.'\n\n"
            "'The voters' patience has run out,' he added.")
    found = quotes_in(nlp, text)
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "We won't let this government off the hook."), ("direct", "The voters' patience has run out")]
    assert {speaker(q) for q in found} == {"Keir Hamlin"}


def test_direct_quote_split_by_its_attribution(nlp: Any) -> None:
    text = '"The economy," Chancellor Rita Moss said, "is stronger than our critics claim."'
    found = quotes_in(nlp, text)
    assert [(q.kind, q.text) for q in found] == [("direct", "The economy"),
                                                 ("direct", "is stronger than our critics claim.")]
    assert {speaker(q) for q in found} == {"Rita Moss"}


def test_direct_quote_opened_with_a_closing_mark(nlp: Any) -> None:
    text = "One villager reportedly said: ”The water came in the night and took everything.”"
    (q,) = direct(quotes_in(nlp, text))
    assert q.text == "The water came in the night and took everything."
    assert q.rule == "cue-before"


def test_direct_cue_after_a_long_apposition_with_prepositions(nlp: Any) -> None:
    text = ("“We will not cut rates again before the spring,” Tomas Lindqvist, the former head of research "
            "at the Swedish central bank, said at a conference.")
    (q,) = direct(quotes_in(nlp, text))
    assert (q.rule, speaker(q)) == ("cue-after", "Tomas Lindqvist")


def test_direct_cue_after_a_document_phrase_with_a_preposition(nlp: Any) -> None:
    text = "“The plant will close after forty years of work,” the notice on the company website reads."
    (q,) = direct(quotes_in(nlp, text))
    assert q.rule == "cue-after" and q.cue == "reads"


def test_direct_cue_after_still_stops_at_another_verb(nlp: Any) -> None:
    # A preposition may sit in the speaker's phrase, but a verb between quote and cue ends the search.
    text = "“Fair pay for all workers now!” was painted on the wall at the depot, the union said."
    assert all(q.rule != "cue-after" for q in quotes_in(nlp, text))


@pytest.mark.parametrize(("text", "cue"), [
    ('As Dalton put it, "The market never forgives a late product."', "put"),
    ('"Open the door and step outside now!" a police officer ordered.', "ordered"),
    ('The sergeant ordered, "Put your hands where I can see them!"', "ordered"),
])
def test_direct_more_reporting_verbs(nlp: Any, text: str, cue: str) -> None:
    (q,) = direct(quotes_in(nlp, text))
    assert q.cue == cue and q.speaker is not None


def test_direct_put_without_it_is_no_cue(nlp: Any) -> None:
    # "put" reports speech only as "put it"; "put the sign up" next to a quote is not a cue.
    text = 'Dalton put the sign up, "Closed for the winter season".'
    assert all(q.cue != "put" for q in quotes_in(nlp, text))


def test_direct_free_standing_quote_after_a_sentence_reporting_a_person(nlp: Any) -> None:
    # The sentence before reports the person's words with a parenthetical cue; the quote goes on in that voice.
    text = ("The new vaccine, Dr Anna Pike said, keeps working for several years. "
            '"We were surprised by how long the protection lasted in older patients."')
    (q,) = direct(quotes_in(nlp, text))
    assert (q.rule, speaker(q)) == ("previous-sentence", "Anna Pike")


def test_direct_free_standing_quote_after_a_sentence_with_no_person_is_not_attributed(nlp: Any) -> None:
    text = 'The bridge was closed on Monday. "We were surprised by how long the repairs took in the end."'
    assert direct(quotes_in(nlp, text)) == []
