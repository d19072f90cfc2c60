"""``/api/v1/alerts`` and the dashboard's Alerts page over a store of weekly stories with known turns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alertkit import turning_store, week
from fastapi.testclient import TestClient

from eventwire.alerts import alerts
from eventwire.serve import create_app
from eventwire.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return turning_store(tmp_path_factory.mktemp("alerts-api") / "turns.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, token=None))


@pytest.fixture(scope="module")
def library(db: Path) -> list[dict[str, Any]]:
    """What the library finds for the defaults: the API must answer the same."""
    with Store(db, read_only=True) as store:
        return [a.to_dict() for a in alerts(store)]


def test_alerts_api_answers_what_the_library_finds(client: TestClient, library: list[dict[str, Any]]) -> None:
    r = client.get("/api/v1/alerts")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(library) == len(body["items"])
    assert body["items"] == library
    kinds = {(a["source"], a["target"]): a["kind"] for a in body["items"]}
    assert kinds == {("USA", "RUS"): "escalation", ("ISR", "LBN"): "de-escalation"}
    for a in body["items"]:
        assert {"source", "target", "kind", "start", "baseline", "recent", "score", "events"} <= set(a)
        assert {"events", "goldstein", "conflict_share", "from", "to"} <= set(a["baseline"])


def test_alerts_api_filters(client: TestClient) -> None:
    esc = client.get("/api/v1/alerts", params={"kind": "escalation"}).json()
    assert [(a["source"], a["kind"]) for a in esc["items"]] == [("USA", "escalation")]
    assert esc["filters"] == {"kind": "escalation"}
    later = client.get("/api/v1/alerts", params={"since": week(12).isoformat()}).json()
    assert later["total"] == 0 and later["items"] == []
    actor = client.get("/api/v1/alerts", params={"level": "actor", "by": "week"}).json()
    assert {a["source"] for a in actor["items"]} == {"USAGOV", "ISRMIL"}
    one = client.get("/api/v1/alerts", params={"limit": 1}).json()
    assert (one["total"], len(one["items"]), one["limit"]) == (2, 1, 1)


@pytest.mark.parametrize("query", [{"since": "2025-13-01"}, {"by": "year"}, {"level": "planet"}, {"limit": 0},
                                   {"limit": 100000}, {"kind": "war"}, {"sinse": "2025-01-01"}])
def test_alerts_api_bad_parameters_are_422(client: TestClient, query: dict[str, Any]) -> None:
    r = client.get("/api/v1/alerts", params=query)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_parameter"


def test_alerts_api_in_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/api/v1/alerts"]["get"]
    assert {p["name"] for p in op["parameters"]} >= {"since", "by", "level", "both_ways", "kind", "limit"}
    assert "AlertOut" in spec["components"]["schemas"]


def test_alerts_page_shows_each_alert_with_its_chart(client: TestClient, library: list[dict[str, Any]]) -> None:
    r = client.get("/alerts")
    assert r.status_code == 200, r.text
    html = r.text
    assert html.count('data-testid="alert"') == len(library)
    assert html.count('class="turn"') == len(library)  # each chart marks its turn
    for a in library:
        assert f'data-start="{a["start"]}"' in html
        assert f'href="/api/v1/events/{a["events"][0]}"' in html


def test_alerts_page_bad_since_is_an_error_page(client: TestClient) -> None:
    r = client.get("/alerts", params={"since": "soon"})
    assert r.status_code == 422


def test_alerts_page_links_to_the_dyads_events(client: TestClient, library: list[dict[str, Any]]) -> None:
    import re

    html = client.get("/alerts").text
    links = re.findall(r'href="(/events\?[^"]+)" data-testid="alert-dyad-events"', html)
    assert len(links) == len(library)
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200


def test_alerts_events_link_only_for_codes_the_dyad_filter_takes() -> None:
    from datetime import date

    from eventwire.alerts import Alert, Window
    from eventwire.serve.alert_view import events_link

    w = Window(events=6, goldstein=1.0, conflict_share=0.0)
    ok = Alert("USA", "RUS", "escalation", date(2025, 3, 17), w, w, 4.0, ("e1",), 1, both_ways=True)
    assert events_link(ok) == "/events?dyad=USA-RUS&since=2025-03-17&modality=asserted&undirected=true"
    unknown = Alert("---GOV", "RUS", "escalation", date(2025, 3, 17), w, w, 4.0, ("e1",), 1)
    assert events_link(unknown) is None
