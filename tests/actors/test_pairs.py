"""Plural descriptions and 'they' standing for two people; nationality plus person nouns."""

from __future__ import annotations

from actorkit import actor, code, mention


def _names(t, word: str, nth: int = 0) -> list[str]:  # type: ignore[no-untyped-def]
    i = [x.i for x in t.doc if x.text == word][nth]
    return [m.actor.name for m in t.all_at(i)]


def test_pairs_the_two_leaders_are_the_last_two_people(resolve) -> None:
    t = resolve("Polish President Jan Nowak met Czech Prime Minister Petr Dvorak. The two leaders signed a pact.")
    assert _names(t, "leaders") == ["Jan Nowak", "Petr Dvorak"]


def test_pairs_both_men_the_pair_and_they(resolve) -> None:
    t = resolve("Mr Haas met Mr Moretti in Rome. The pair agreed on a plan. They said it would work.")
    assert set(_names(t, "pair")) == {"Haas", "Moretti"}
    assert set(_names(t, "They")) == {"Haas", "Moretti"}


def test_pairs_they_after_coordinated_subjects(resolve) -> None:
    t = resolve("Mr Haas and Mr Moretti met on Monday. They agreed on a plan.")
    assert set(_names(t, "They")) == {"Haas", "Moretti"}


def test_pairs_a_phrase_with_its_own_country_is_new_people(resolve) -> None:
    t = resolve("Mr Haas met Mrs Weber in Rome. The two Russian ministers were absent.")
    assert code(t, "ministers") == "RUSGOV"


def test_pairs_one_person_is_not_a_pair(resolve) -> None:
    t = resolve("Mr Haas spoke to reporters. Both men were arrested later.")
    assert mention(t, "men") is not None and actor(t, "men").kind == "group"


def test_pairs_nationality_with_person_nouns(resolve) -> None:
    # CAMEO: ordinary people are CVL, students EDU, refugees REF, with the nationality's country.
    t = resolve("Police detained two Peruvian men, three Kenyan nationals, Chilean students and Syrian refugees.")
    assert code(t, "men") == "PERCVL"
    assert code(t, "nationals") == "KENCVL"
    assert code(t, "students") == "CHLEDU"
    assert code(t, "refugees") == "SYRREF"


def test_pairs_demonym_alone_is_the_country_not_its_government(resolve) -> None:
    t = resolve("Eighteen Peruvians were accused of fraud.")
    assert code(t, "Peruvians") == "PER"
