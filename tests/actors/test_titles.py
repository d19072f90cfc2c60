"""CAMEO codes from titles, role nouns, organisations and appositions."""

from __future__ import annotations

import pytest
from actorkit import actor, code


@pytest.mark.parametrize(("text", "word", "want"), [
    ("Russian Foreign Minister Ivan Petrov met reporters on Monday.", "Petrov", "RUSGOV"),
    ("US Secretary of State Mary Colbert arrived on Monday.", "Colbert", "USAGOV"),
    ("Ukrainian foreign minister Taras Bondar left early.", "Bondar", "UKRGOV"),
    ("British Chancellor Alan Pierce announced new taxes.", "Pierce", "GBRGOV"),
    ("European Commission President Marta Lind said the plan was ready.", "Lind", "IGOEUREEC"),
    ("Kenyan army commander Joseph Otieno spoke to troops.", "Otieno", "KENMIL"),
])
def test_titles_before_a_name_code_the_person(resolve, text: str, word: str, want: str) -> None:
    t = resolve(text)
    assert code(t, word) == want
    assert actor(t, word).kind == "person"


def test_titles_without_a_country_give_any_country(resolve) -> None:
    # CAMEO practice (and the PETRARCH coders'): the role is known, the country is not: ---GOV.
    t = resolve("President Hector Valdano opened the new bridge.")
    assert code(t, "Valdano") == "---GOV"


def test_titles_apposition_joins_name_and_title(resolve) -> None:
    t = resolve("Greta Holm, Sweden's defence minister, visited the base on Friday.")
    assert code(t, "Holm") == "SWEGOV"
    t = resolve("The French commander in Mali, General Paul Mercier, held talks with local leaders.")
    assert code(t, "Mercier") == "FRAMIL"
    assert actor(t, "commander") is actor(t, "Mercier")


def test_titles_counterpart_takes_the_role_of_the_other_minister(resolve) -> None:
    t = resolve("Speaking with his Italian counterpart Luca Ferri in Rome, German Foreign Minister Karl Brandt urged calm.")
    assert code(t, "Ferri") == "ITAGOV"
    assert code(t, "Brandt") == "DEUGOV"


@pytest.mark.parametrize(("text", "word", "want"), [
    ("Russian troops crossed the border at dawn.", "troops", "RUSMIL"),
    ("The police arrested six men in the capital.", "police", "---COP"),
    ("Thousands of Georgian protesters marched on parliament.", "protesters", "GEOOPP"),
    ("Turkish lawmakers approved the bill on Tuesday.", "lawmakers", "TURLEG"),
    ("A court in Kenya sentenced the men to ten years.", "court", "KENJUD"),
    ("Leaders of Jordan's Muslim Brotherhood rejected the plan.", "Leaders", "JORMBR"),
    ("Hundreds of UN troops withdrew from the buffer zone.", "troops", "IGOUNOMIL"),
    ("Syrian government forces shelled the town overnight.", "forces", "SYRMIL"),
    ("A senior Nigerian police officer said four people died.", "officer", "NGACOP"),
    ("The Canadian government expelled two diplomats.", "government", "CANGOV"),
    ("Nato announced a review of its cooperation.", "Nato", "IGOWSTNAT"),
    ("The European Union will send observers.", "Union", "IGOEUREEC"),
])
def test_titles_role_nouns_and_organisations(resolve, text: str, word: str, want: str) -> None:
    got = code(resolve(text), word)
    assert got is not None and got.startswith(want[:3]) and want[3:] in got


def test_titles_demonyms_are_the_country_not_its_government(resolve) -> None:
    t = resolve("Police detained 12 Egyptians accused of smuggling fuel.")
    assert code(t, "Egyptians") == "EGY"


def test_titles_pro_country_fighters_are_not_that_country(resolve) -> None:
    t = resolve("Pro-Russian rebels seized the airport.")
    assert code(t, "rebels") == "---REB"


def test_titles_coordinated_countries_make_two_actors(resolve) -> None:
    t = resolve("US and British activists staged a protest outside the embassy.")
    found = {m.actor.code for m in t.all_at(next(x.i for x in t.doc if x.text == "activists"))}
    assert found == {"USAOPP", "GBROPP"}


def test_titles_ordinary_noun_without_actor_words_is_no_actor(resolve) -> None:
    t = resolve("The committee discussed the budget for three hours.")
    assert not t.actors


@pytest.mark.parametrize(("text", "word", "want"), [
    ("Sen. Maria Delgado said the prison system failed.", "Delgado", "---LEG"),
    ("Rep. Tom Whitfield questioned the witness.", "Whitfield", "---LEG"),
    ("Kenyan Gov. Amos Kiprono opened the road.", "Kiprono", "KENGOV"),
])
def test_titles_wire_abbreviations(resolve, text: str, word: str, want: str) -> None:
    assert code(resolve(text), word) == want


def test_titles_name_before_and_is_its_own_actor(resolve) -> None:
    # the tagger reads the sentence-initial "Trump" as an adjective of "leader": still two people
    t = resolve("Trump and Chinese leader Xi Jinping have been expected to sign a trade deal.", published="2019-11-19")
    assert code(t, "Trump") == "USAGOV"
    assert code(t, "Xi") == "CHNGOV"


@pytest.mark.parametrize(("text", "word"), [
    ("The defendant denied the charges in court.", "defendant"),
    ("Police arrested two suspects on Monday.", "suspects"),
])
def test_titles_people_in_a_criminal_case(resolve, text: str, word: str) -> None:
    assert code(resolve(text), word) == "---CRM"


@pytest.mark.parametrize(("text", "word", "want"), [
    ("The Trump administration imposed tariffs on China.", "administration", "USAGOV"),
    ("The Putin government expelled two diplomats.", "government", "RUSGOV"),
])
def test_titles_leader_names_the_institution(resolve, text: str, word: str, want: str) -> None:
    assert code(resolve(text, published="2019-11-18"), word) == want


def test_titles_legislative_committees_are_legislative(resolve) -> None:
    t = resolve("The ambassador testified before the parliamentary committee on Friday.")
    assert code(t, "committee") == "---LEG"
    # the US Congress's committees are named without a country (institutions.tsv lists them)
    t = resolve("The ambassador testified before the House Intelligence Committee on Friday.")
    assert code(t, "Committee") == "USALEG"


def test_titles_party_state_tag_gives_the_country(resolve) -> None:
    t = resolve("Sen. Ted Cruz, R-Texas, criticized the plan.")
    assert code(t, "Cruz") == "USALEG"
    # the tag is the senator, not another actor
    assert code(t, "Texas") == "USALEG"


def test_titles_us_parties(resolve) -> None:
    assert code(resolve("Republicans questioned the witness on Tuesday."), "Republicans") == "USAPTY"
    # another country's party of the same name keeps its country
    assert code(resolve("The Sweden Democrats criticized the budget."), "Democrats") == "SWEPTY"
    # the common noun is no party
    assert code(resolve("Social democrats across Europe met in Lisbon."), "democrats") != "USAPTY"


def test_titles_envoy_to_a_country_is_not_of_it(resolve) -> None:
    # the parser often joins the destination to the name: "envoy to [Ukraine Kurt Volker]"
    t = resolve("Former special envoy to Ukraine Kurt Volker testified on Tuesday.")
    assert not (code(t, "Volker") or "").startswith("UKR")
    # a noun that is no role keeps its party: "travel to Tunisia"
    assert code(resolve("The U.S. advised its citizens against travel to Tunisia."), "Tunisia") == "TUN"
