"""/api/v1/places and the dashboard map with the place evidence (``how``) and GDELT geography of migration 003."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from eventwire.models import ActorRef, Analysis, Article, Event, Place
from eventwire.serve import create_app
from eventwire.store import Store

HAYWARD = Place(name="Hayward", country="USA", lat=37.67, lon=-122.08, kind="city", span=(0, 7), how="dateline",
                geo_type=3, adm1="CA", adm1_name="California", feature_id="5355933")
IDLIB = Place(name="Idlib", country="SYR", lat=35.87, lon=36.61, kind="adm1", span=(30, 35), how="attached",
              geo_type=5, adm1="12", adm1_name="Idlib")


def _event(code: str, place: Place, day: str) -> Event:
    src = ActorRef(text="police", code="USACOP", country="USA", span=(0, 6))
    return Event(code=code, name="x", root=code[:2], quad_class=4, goldstein=-5.0, source=src, target=None,
                 modality="asserted", sentence="a sentence", span=(0, 40), rule="test", date=day, place=place,
                 trigger=(5, 10))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("places") / "p.duckdb"
    items = [Analysis(Article(id=f"a{n}", text="Some text of the article.", published="2019-11-19", language="en"),
                      events=[_event(code, place, "2019-11-19")])
             for n, (code, place) in enumerate([("173", HAYWARD), ("190", IDLIB), ("190", replace(IDLIB, span=(1, 2)))])]
    with Store(db) as s:
        s.write_many(items)
    return TestClient(create_app(db, token=None))


def test_serve_places_carry_geography_and_evidence(client: TestClient) -> None:
    items = {p["name"]: p for p in client.get("/api/v1/places").json()["items"]}
    assert items["Hayward"]["type"] == 3 and items["Hayward"]["adm1_name"] == "California"
    assert items["Hayward"]["feature_id"] == "5355933"
    assert items["Hayward"]["how"] == {"attached": 0, "sentence": 0, "dateline": 1, "article": 0}
    assert items["Idlib"]["how"]["attached"] == 1 and items["Idlib"]["type"] == 5


def test_serve_places_filter_by_how(client: TestClient) -> None:
    assert [p["name"] for p in client.get("/api/v1/places?how=dateline").json()["items"]] == ["Hayward"]
    both = client.get("/api/v1/places?how=attached,dateline").json()
    assert {p["name"] for p in both["items"]} == {"Hayward", "Idlib"}
    bad = client.get("/api/v1/places?how=rumour")
    assert bad.status_code == 422


def test_serve_map_page_filters_by_how(client: TestClient) -> None:
    page = client.get("/map?how=dateline").text
    assert 'data-place="Hayward"' in page and 'data-place="Idlib"' not in page
    assert 'data-type="3"' in page and 'href="/map?how=attached"' in page
