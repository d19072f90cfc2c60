"""Event places by evidence (attached, sentence, dateline, article), the gazetteer's disambiguation, and the places
that are not places. Texts are made up in wire style; the real-news figures are in test_places_aeb.py."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.events.gazetteer import GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE, fold
from eventwire.events.lexicon import load_lexicon
from eventwire.events.places import gazetteer
from eventwire.models import Event


def _events(analyze_text: Any, text: str) -> list[Event]:
    return [e for e in analyze_text(text, published="2019-11-19").events if e.modality == "asserted"]


def test_places_gazetteer_population_unless_the_article_names_the_state() -> None:
    gaz = gazetteer(load_lexicon())
    assert gaz.best("Paris").country == "FRA"  # type: ignore[union-attr]
    assert gaz.best("Paris", countries={"USA"}).country == "FRA"  # type: ignore[union-attr]  # the US alone: France
    texas = gaz.best("Paris", countries={"USA"}, adm1s={("USA", "TX")})
    assert texas is not None and texas.country == "USA" and texas.adm1 == "TX" and texas.geo_type == GEO_US_CITY
    assert gaz.best("Geneva", countries={"USA"}).country == "CHE"  # type: ignore[union-attr]


def test_places_gazetteer_has_adm1_names_codes_and_geonames_ids() -> None:
    gaz = gazetteer(load_lexicon())
    kyiv = gaz.best("Kiev")  # an alternate name
    assert kyiv is not None and kyiv.name == "Kyiv" and kyiv.feature_id and kyiv.geo_type == GEO_WORLD_CITY
    assert kyiv.adm1_name == "Kyiv"
    idlib = gaz.best("Idlib", kinds=("adm1",))
    assert idlib is not None and idlib.country == "SYR" and idlib.geo_type == GEO_WORLD_STATE and idlib.lat is not None
    assert gaz.best("Calif.").name == "California"  # type: ignore[union-attr]  # the AP's abbreviation
    assert fold("the U.S.") == "us" and fold("Hong Kong's") == "hong kong"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Police fired tear gas at protesters in the Idlib province on Monday.", "Idlib", "SYR"),
    ("Russian troops shelled the Syrian town of Palmyra on Monday.", "Tadmur", "SYR"),
    ("Gunmen abducted two teachers in the heart of the Afghan capital on Monday.", "Kabul", "AFG"),
    ("Protesters clashed with police near the border with Syria on Monday.", "Syria", "SYR"),
])
def test_places_attached_phrases(analyze_text: Any, text: str, name: str, country: str) -> None:
    placed = [e.place for e in _events(analyze_text, text) if e.place is not None]
    assert placed, text
    assert (placed[0].name, placed[0].country, placed[0].how) == (name, country, "attached")


def test_places_dateline_places_the_story_at_city_level(analyze_text: Any) -> None:
    evs = _events(analyze_text, "HAYWARD, Calif. (AP) — Police arrested a man on Tuesday after a stabbing on a train.")
    assert evs and evs[0].place is not None
    p = evs[0].place
    assert (p.name, p.country, p.how, p.geo_type, p.adm1, p.adm1_name) == ("Hayward", "USA", "dateline", GEO_US_CITY,
                                                                          "CA", "California")
    assert p.feature_id and p.lat is not None


def test_places_dateline_does_not_place_deeds_of_other_countries(analyze_text: Any) -> None:
    evs = _events(analyze_text, "GENEVA (AP) — Iranian forces seized an American oil tanker on Tuesday.")
    assert evs and all(e.place is None for e in evs if e.quad_class in (2, 4))


def test_places_dateline_places_statements_whoever_they_are_about(analyze_text: Any) -> None:
    evs = _events(analyze_text, "GENEVA (AP) — Iran accused the United States of lying on Tuesday.")
    said = [e for e in evs if e.quad_class in (1, 3)]
    assert said and all(e.place is not None and e.place.name == "Geneva" and e.place.how == "dateline" for e in said)


def test_places_capital_as_actor_and_org_named_after_a_city_are_no_places(analyze_text: Any) -> None:
    evs = _events(analyze_text, "Washington criticized Moscow on Tuesday. The Paris Club demanded payments from Argentina.")
    assert evs
    assert all(e.place is None or e.place.name not in ("Washington", "Moscow", "Paris", "Argentina") for e in evs)


def test_places_sentence_place_after_a_locative_word(analyze_text: Any) -> None:
    evs = _events(analyze_text, "In Kabul, the Taliban attacked a police convoy on Tuesday, officials said.")
    placed = [e.place for e in evs if e.place is not None]
    assert placed and placed[0].name == "Kabul" and placed[0].how in ("attached", "sentence")


def test_places_article_place_for_a_story_about_one_country(analyze_text: Any) -> None:
    text = ("Iranian police arrested dozens of protesters on Sunday.\n\n"
            "Protests spread to more cities in Iran after the fuel price rise. Shops closed in Tehran and in Shiraz.\n\n"
            "The Iranian government accused foreign enemies of stoking the unrest.")
    evs = _events(analyze_text, text)
    arrest = next(e for e in evs if e.code.startswith("17"))
    assert arrest.place is not None and arrest.place.country == "IRN" and arrest.place.how == "article"


def test_places_actor_own_place(analyze_text: Any) -> None:
    evs = _events(analyze_text, "Protesters in Senkata clashed with Bolivian soldiers on Tuesday.")
    assert evs
    # Senkata is no city of the gazetteer: the actor keeps no place, and nothing is invented
    assert all(e.source is None or e.source.place is None or e.source.place.country == "BOL" for e in evs)
    evs = _events(analyze_text, "Protesters in Aleppo clashed with Syrian soldiers on Tuesday.")
    src = [e.source for e in evs if e.source is not None and e.source.place is not None]
    assert src and src[0].place.name == "Aleppo" and src[0].place.country == "SYR"  # type: ignore[union-attr]


def test_places_people_named_like_places(analyze_text: Any) -> None:
    evs = _events(analyze_text, "Spanish police arrested Jordan Henderson on Tuesday in Madrid.")
    placed = [e.place for e in evs if e.place is not None]
    assert placed and all(p.country == "ESP" for p in placed)  # Madrid, not Jordan


def test_places_on_the_border_with(analyze_text: Any) -> None:
    evs = _events(analyze_text, "Protesters clashed with police on the border with Syria on Monday.")
    placed = [e.place for e in evs if e.place is not None]
    assert placed and placed[0].country == "SYR" and placed[0].how in ("attached", "sentence")


def test_places_event_named_after_its_host_city(analyze_text: Any) -> None:
    # "the Beijing Olympics" is held in Beijing; "the World Cup" names no place
    got = _events(analyze_text, "The Kenyan president will attend the Beijing Olympics next week.")
    assert any(e.place is not None and e.place.name == "Beijing" and e.place.country == "CHN" for e in got)
