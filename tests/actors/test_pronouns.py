"""Pronouns resolved to actors, and those left alone."""

from __future__ import annotations

from actorkit import actor, mention


def test_pronouns_he_is_the_subject_of_the_reporting_clause(resolve) -> None:
    t = resolve("Mr Novak told his cabinet he did not want a long dispute with Prague.")
    assert actor(t, "he") is actor(t, "Novak")


def test_pronouns_he_reaches_back_to_the_last_person(resolve) -> None:
    t = resolve("Spanish Foreign Minister Jorge Salas arrived late. The talks were tense. He left after an hour.")
    assert actor(t, "He") is actor(t, "Salas")


def test_pronouns_she_skips_a_man(resolve) -> None:
    t = resolve("Mrs Olga Kern met Mr Piet Dekker in Brussels. She said the talks went well.")
    assert actor(t, "She") is actor(t, "Kern")


def test_pronouns_it_stands_for_an_organisation_subject(resolve) -> None:
    t = resolve("Nato announced a review of its cooperation and said it would suspend joint plans.")
    assert actor(t, "it", 0) is actor(t, "Nato")


def test_pronouns_expletive_it_is_no_actor(resolve) -> None:
    t = resolve("Germany sent aid. It was important to act quickly, officials said.")
    assert mention(t, "It") is None


def test_pronouns_they_for_two_coordinated_leaders(resolve) -> None:
    t = resolve("Mr Haas and Mr Moretti said they would meet again in June.")
    i = next(x.i for x in t.doc if x.text == "they")
    found = {m.actor.name for m in t.all_at(i)}
    assert found == {"Haas", "Moretti"}


def test_pronouns_without_antecedent_stay_unresolved(resolve) -> None:
    t = resolve("He said the weather was fine.")
    assert mention(t, "He") is None


def test_pronouns_they_for_a_plural_group_and_it_for_a_singular_one(resolve) -> None:
    t = resolve("Syrian rebels seized the airport on Monday. They said the town would fall next.")
    assert actor(t, "They") is actor(t, "rebels")
    t = resolve("The Iranian government rejected the offer on Monday and said it would not negotiate.")
    assert actor(t, "it") is actor(t, "government")
