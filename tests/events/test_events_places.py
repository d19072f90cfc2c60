"""The offline gazetteer behind event places."""

from __future__ import annotations

from eventwire.events.lexicon import load_lexicon
from eventwire.events.places import gazetteer


def test_places_city_country_and_coordinates() -> None:
    paris = gazetteer(load_lexicon()).lookup("Paris")
    assert paris is not None and paris.country == "FRA" and paris.kind == "city"
    assert paris.lat is not None and abs(paris.lat - 48.85) < 0.2


def test_places_country_hint_picks_the_right_namesake() -> None:
    gaz = gazetteer(load_lexicon())
    assert (gaz.lookup("Paris", "USA") or gaz.lookup("Paris")).country in ("USA", "FRA")
    assert gaz.lookup("Sochi", "RUS").country == "RUS"  # type: ignore[union-attr]


def test_places_countries_states_and_extra_regions() -> None:
    gaz = gazetteer(load_lexicon())
    spain = gaz.lookup("Spain")
    assert spain is not None and spain.kind == "country" and spain.country == "ESP" and spain.lat is not None
    assert gaz.lookup("South Carolina").country == "USA"  # type: ignore[union-attr]
    crimea = gaz.lookup("the Crimea")
    assert crimea is not None and crimea.country == "UKR"


def test_places_capital_of_a_country() -> None:
    kigali = gazetteer(load_lexicon()).capital("RWA")
    assert kigali is not None and kigali.name == "Kigali"


def test_places_unknown_name_is_none() -> None:
    assert gazetteer(load_lexicon()).lookup("Qwxzzy") is None
