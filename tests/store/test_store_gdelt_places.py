"""GDELT geography from event places (migration 003): ActionGeo type, country, ADM1, coordinates and GeoNames id,
and Actor1Geo/Actor2Geo from the actors' own places; the place evidence (``how``) kept and queryable."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from storekit import actor, analysis, event
from test_store_export import read_gdelt

from eventwire.models import Place
from eventwire.store import Store
from eventwire.store.export import export_table

HAYWARD = Place(name="Hayward", country="USA", lat=37.67, lon=-122.08, kind="city", span=(0, 7), how="dateline",
                geo_type=3, adm1="CA", adm1_name="California", feature_id="5355933")
IDLIB = Place(name="Idlib", country="SYR", lat=35.87, lon=36.61, kind="adm1", span=(30, 35), how="attached",
              geo_type=5, adm1="12", adm1_name="Idlib", feature_id=None)
ALEPPO = Place(name="Aleppo", country="SYR", lat=36.20, lon=37.16, kind="city", span=(12, 18), how="attached",
               geo_type=4, adm1="09", adm1_name=None, feature_id="170063")


@pytest.fixture()
def placed_store(tmp_path: Path) -> Store:
    police = actor("USACOP", "Police")
    protesters = replace(actor("SYROPP", "protesters in Aleppo"), place=ALEPPO)
    soldiers = actor("SYRMIL", "Syrian soldiers")
    items = [analysis("h1", [event("173", police, actor("USACRM", "a man"), "2019-11-19", HAYWARD)], published="2019-11-19"),
             analysis("s1", [event("145", protesters, soldiers, "2019-11-18", IDLIB)], published="2019-11-18")]
    store = Store(tmp_path / "placed.duckdb")
    assert store.write_many(items) == 2
    return store


def test_store_gdelt_action_geo_at_city_and_adm1_level(placed_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    with placed_store:
        export_table(placed_store, "events", "gdelt", out)
    _, rows = read_gdelt(out)
    arrest = next(r for r in rows if r["EventCode"] == "173")
    assert (arrest["ActionGeo_Type"], arrest["ActionGeo_CountryCode"], arrest["ActionGeo_ADM1Code"]) == (3, "US", "USCA")
    assert arrest["ActionGeo_FullName"] == "Hayward, California, United States"
    assert arrest["ActionGeo_Lat"] == pytest.approx(37.67) and arrest["ActionGeo_Long"] == pytest.approx(-122.08)
    assert arrest["ActionGeo_FeatureID"] == "5355933"
    assert arrest["Actor1Geo_FullName"] == arrest["ActionGeo_FullName"]  # no place of its own: the event's
    clash = next(r for r in rows if r["EventCode"] == "145")
    assert (clash["ActionGeo_Type"], clash["ActionGeo_CountryCode"], clash["ActionGeo_ADM1Code"]) == (5, "SY", "SY12")
    # the protesters' own place ("protesters in Aleppo") is Actor1Geo; the soldiers have none: the event's
    assert (clash["Actor1Geo_Type"], clash["Actor1Geo_FeatureID"]) == (4, "170063")
    assert clash["Actor1Geo_FullName"].startswith("Aleppo")
    assert clash["Actor2Geo_FullName"] == clash["ActionGeo_FullName"]


def test_store_places_keep_their_evidence_and_filter_by_it(placed_store: Store) -> None:
    with placed_store:
        ev = {r["code"]: r for r in placed_store.events(limit=None)}
        assert ev["173"]["place_how"] == "dateline" and ev["145"]["place_how"] == "attached"
        assert ev["145"]["source_place_name"] == "Aleppo"
        everywhere = {r["name"]: r for r in placed_store.event_places()}
        assert set(everywhere) == {"Hayward", "Idlib"}
        assert everywhere["Hayward"]["type"] == 3 and everywhere["Hayward"]["how_dateline"] == 1
        assert [r["name"] for r in placed_store.event_places(how=["attached"])] == ["Idlib"]
        places = {r["name"]: r for r in placed_store.table("places")}
        assert places["Aleppo"]["how"] == "attached" and places["Hayward"]["type"] == 3
