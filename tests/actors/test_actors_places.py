"""Capitals, cities and seats of government: actors when they act, places otherwise."""

from __future__ import annotations

import pytest
from actorkit import code, mention


@pytest.mark.parametrize(("text", "word", "want"), [
    ("Washington is ready to impose new sanctions.", "Washington", "USAGOV"),
    ("The Kremlin said the call was constructive.", "Kremlin", "RUSGOV"),
    ("The offer drew support from Tokyo and Seoul.", "Seoul", "KORGOV"),
    ("Downing Street rejected the report.", "Street", "GBRGOV"),
    ("Kigali accused Paris of hiding the truth.", "Paris", "FRAGOV"),
])
def test_places_capitals_and_seats_that_act_are_governments(resolve, text: str, word: str, want: str) -> None:
    assert code(resolve(text), word) == want


@pytest.mark.parametrize(("text", "word", "country"), [
    ("The two ministers held talks in Paris on Monday.", "Paris", "FRA"),
    ("The delegation flew to Nairobi after the summit.", "Nairobi", "KEN"),
    ("Reporters waited at the White House for hours.", "House", "USA"),
    ("Tickets for the Tokyo marathon sold out.", "Tokyo", "JPN"),
])
def test_places_a_capital_that_is_only_a_place_is_not_an_actor(resolve, text: str, word: str, country: str) -> None:
    t = resolve(text)
    assert mention(t, word) is None
    i = next(x.i for x in t.doc if x.text == word)
    place = t.place_at(i)
    assert place is not None and place.actor.country == country


def test_places_a_country_stays_an_actor_after_in(resolve) -> None:
    # CAMEO codes country names as actors wherever they appear; only capitals and cities need acting.
    assert code(resolve("Fighting resumed in Ukraine on Monday."), "Ukraine") == "UKR"


def test_places_dateline_gives_roles_their_country(resolve) -> None:
    t = resolve("KABUL, Afghanistan: Police said three civilians were hurt in the blast.")
    assert code(t, "Police") == "AFGCOP"
    assert code(t, "civilians") == "AFGCVL"
    assert mention(t, "KABUL") is None


def test_places_headline_with_colon_is_not_a_dateline(resolve) -> None:
    t = resolve("Ukraine: talks stall\n\nPolice said three civilians were hurt in the blast.")
    assert code(t, "Police") == "---COP"


def test_places_fronted_place_gives_a_title_its_country(resolve) -> None:
    t = resolve("In Egypt, President Omar Farid received a call from his counterpart.")
    assert code(t, "Farid") == "EGYGOV"


def test_places_hyphenated_country_is_not_a_dateline(resolve) -> None:
    t = resolve("US-backed rebels seized the town on Monday.")
    assert code(t, "rebels") == "---REB"
    assert mention(t, "US") is None  # part of an adjective: the rebels are not American


def test_places_country_that_leads_gives_its_code(resolve) -> None:
    t = resolve("Saudi-led coalition jets bombed the port.")
    got = code(t, "jets")
    assert got is not None and got.startswith("SAU")
