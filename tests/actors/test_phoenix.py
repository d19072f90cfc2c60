"""The converted Phoenix dictionaries in the actor coder: people by date, groups, places, agents, discards."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from actorkit import actor, code

from eventwire.actors import ActorTable
from eventwire.actors.lexicon import Entry, load_lexicon
from eventwire.actors.phoenix import load_discards
from eventwire.actors.resolve import pick_person

Resolve = Callable[..., ActorTable]


@pytest.mark.parametrize(("published", "want"), [
    ("2003-06-01", "USAGOV"),  # US Secretary of Agriculture, 2001-2005
    ("2007-06-01", "IGOUNOKID"),  # head of UNICEF from May 2005
    ("2005-03-01", None),  # between the two: the dictionary gives no default, so a name only
])
def test_phoenix_codes_a_person_by_the_role_held_that_day(resolve: Resolve, published: str, want: str | None) -> None:
    table = resolve("Ann Veneman said the programme would continue.", published=published)
    assert code(table, "Veneman") == want


def test_phoenix_person_outside_every_range_takes_the_default() -> None:
    # A Phoenix default (an undated code) is used only when no dated role covers the day.
    entries = [Entry("person", "MLTELI", "x", "s"), Entry("person", "MLTGOV", "x", "s", start="2001-02-03", end="2004-05-06")]
    assert pick_person(entries, "2004-05-06") is entries[1]  # the last day is inside
    assert pick_person(entries, "2004-05-07") is entries[0]
    assert pick_person(entries, "1999-01-01") is entries[0]


def test_phoenix_provenance_names_the_file_and_the_entry(resolve: Resolve) -> None:
    a = actor(resolve("Ann Veneman said the programme would continue.", published="2003-06-01"), "Veneman")
    assert a.rule == "dictionary:phoenix/people.tsv:ANN_VENEMAN"


def test_phoenix_people_tsv_wins_for_a_person_it_lists(resolve: Resolve) -> None:
    # Phoenix has Hillary Clinton too (an elite, USAELI, outside its ranges); eventwire's list alone counts.
    entries = load_lexicon().lookup(("hillary", "clinton"))
    assert entries and all(e.source == "people.tsv" for e in entries)
    table = resolve("Hillary Clinton said the plan would fail.", published="2016-06-01")
    assert code(table, "Clinton") != "USAELI"


def test_phoenix_militant_group_and_igo(resolve: Resolve) -> None:
    table = resolve("The Shining Path attacked a police post, and the Nordic Council condemned the attack.")
    assert code(table, "Shining") == "PERREB"
    assert code(table, "Nordic") == "IGOSCN"
    assert actor(table, "Nordic").rule == "dictionary:phoenix/groups.tsv:NORDIC_COUNCIL"


def test_phoenix_imported_names_match_only_capitalised_words(resolve: Resolve) -> None:
    assert code(resolve("The Shining Path attacked a police post."), "Shining") == "PERREB"
    assert code(resolve("It was a shining path to victory for the team."), "shining") is None


@pytest.mark.parametrize(("text", "word", "want"), [
    ("Somali fishermen protested against the new rules on Monday.", "fishermen", "SOMAGR"),  # !PERSON! form
    ("Indian sharecroppers protested against the new rules on Monday.", "sharecroppers", "INDAGR"),  # generated plural
])
def test_phoenix_agent_plurals_are_role_nouns(resolve: Resolve, text: str, word: str, want: str) -> None:
    assert code(resolve(text), word) == want
    assert load_lexicon().lookup((word,))[0].source.startswith("phoenix/agents.tsv:")


def test_phoenix_province_acts_for_its_country(resolve: Resolve) -> None:
    assert code(resolve("Fighting was reported in Helmand on Sunday."), "Helmand") is None  # a place there
    assert load_lexicon().lookup(("helmand",))[0].code == "AFG"


@pytest.mark.parametrize(("text", "match"), [
    ("Spain beat Russia in the Davis Cup final.", "Davis Cup"),
    ("The basketballers met the president.", "basketball"),  # BASKETBALL is a stem: it runs on into a longer word
    ("France topped Group A on Sunday.", "Group A"),  # GROUP A_ is a whole word ...
    ("The Group Alpha talks resumed.", None),  # ... so not the start of one
])
def test_phoenix_discards_match_words_and_stems(text: str, match: str | None) -> None:
    found = [m.group(0) for m in load_discards().sentence_matches(text)]
    assert found[:1] == ([match] if match else [])


def test_phoenix_discards_start_at_a_word() -> None:
    assert load_discards().story_match("He pitched the ninth inning.") is not None  # +INNING: the whole story
    assert load_discards().story_match("The winning party formed a government.") is None


def test_phoenix_sports_sentence_codes_nothing(analyze_text) -> None:  # type: ignore[no-untyped-def]
    assert analyze_text("Russia accused Ukraine of shelling the town on Monday.").events  # without sport: an event
    assert analyze_text("Russia accused Ukraine of cheating in the Davis Cup on Monday.").events == []


def test_phoenix_story_discard_codes_no_sentence_of_the_story(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Russia accused Ukraine of shelling the town on Monday. Both teams will meet again at the World Cup."
    assert analyze_text(text).events == []


def test_phoenix_role_noun_alone_needs_an_owner(resolve: Resolve) -> None:
    # "border security" is a Phoenix agent (MIL): as a topic with nobody's name on it, no actor ...
    assert code(resolve("The ministers discussed border security on Monday."), "security") is None
    # ... while a Phoenix compound of one of eventwire's own role nouns stays an actor ("forces": MIL).
    assert code(resolve("Government forces shelled the town on Monday."), "forces") == "---MIL"


def test_phoenix_one_word_name_inside_a_longer_name_is_no_match(resolve: Resolve) -> None:
    # "Lightning" translates a militant group's name in the Phoenix lists; here it ends a hockey team's.
    assert code(resolve("The Tampa Bay Lightning beat Boston on Saturday."), "Lightning") != "SASREB"


def test_phoenix_company_reads_as_its_country_business(resolve: Resolve) -> None:
    assert code(resolve("Samsung said its profits fell."), "Samsung") == "KORBUS"
    assert code(resolve("Samsung workers walked out on Monday."), "workers") == "KORLAB"
