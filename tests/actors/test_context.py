"""A country for a title that names none, taken from the article only where it is unambiguous."""

from __future__ import annotations

from actorkit import code

from eventwire.actors.context import home_country


def test_context_sentence_place_gives_the_country(resolve) -> None:
    t = resolve("The British envoy held talks with President Omar Haddad during a visit to Damascus on Friday.")
    assert code(t, "Haddad") == "SYRGOV"


def test_context_place_of_another_actors_phrase_is_not_used(resolve) -> None:
    # Iraq belongs to the commander's phrase; only Amman is left, so Jordan.
    t = resolve("The US commander in Iraq, General Tom Reed, met President Omar Haddad in Amman.")
    assert code(t, "Reed") == "USAMIL"
    assert code(t, "Haddad") == "JORGOV"


def test_context_where_a_person_goes_is_not_his_country(resolve) -> None:
    t = resolve("President Omar Haddad arrived in Paris on Monday.")
    assert code(t, "Haddad") == "---GOV"


def test_context_two_countries_in_the_sentence_give_none(resolve) -> None:
    t = resolve("Talks in Paris and in Berlin preceded a speech by President Omar Haddad.")
    assert code(t, "Haddad") == "---GOV"


def test_context_institution_named_again_without_its_country(resolve) -> None:
    t = resolve("Norway's Defence Ministry denied the report. Ministry spokesman Colonel Lars Dahl said no jets flew.")
    assert code(t, "Dahl") == "NORMIL"


def test_context_organisation_named_before_gives_the_whole_code(resolve) -> None:
    t = resolve("PARIS, May 2 (Wire) - The FNTX union called a strike. FNTX leader Anne Morel urged members to join.")
    assert code(t, "Morel") == code(t, "union")


def test_context_dateline_for_a_home_story(resolve) -> None:
    t = resolve("OSLO, May 2 (Wire) - Police arrested 12 people. Justice Minister Kari Lunde said the arrests were lawful.")
    assert code(t, "Lunde") == "NORGOV"
    assert code(t, "Police") == "NORCOP"


def test_context_dateline_is_not_home_for_a_story_about_elsewhere(resolve) -> None:
    t = resolve("VIENNA, May 2 (Wire) - Sudanese troops and Sudanese rebels clashed near the Chad border, "
                "Sudanese officials said. Sudan's army said civilians fled toward Sudan's west.")
    assert code(t, "civilians") == "---CVL"


def test_context_home_country_counts() -> None:
    assert home_country("FRA", ["FRA", "DEU", "DEU"]) == "FRA"
    assert home_country("FRA", ["DEU", "DEU", "DEU"]) is None
    assert home_country("FRA", []) == "FRA"
    assert home_country(None, ["FRA"]) is None
