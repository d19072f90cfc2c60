"""The REST API over a small hand-made store: every endpoint, paging, filters and bad parameters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import serve_store as S
from fastapi.testclient import TestClient

from eventwire.serve import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return S.build_store(tmp_path_factory.mktemp("serve") / "store.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, token=None))


def get(client: TestClient, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    return r.json()


def assert_error(body: Any, code: str) -> None:
    """The one error shape: {"error": {"code", "message"}}."""
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


# -- the whole store -----------------------------------------------------------------------------

def test_serve_api_stats_counts_the_store(client: TestClient) -> None:
    s = get(client, "/api/v1/stats")
    assert (s["articles"], s["articles_ok"], s["events"], s["quotes"]) == (S.ARTICLES, S.ARTICLES_OK, S.EVENTS, S.QUOTES)
    assert (s["first_date"], s["last_date"]) == ("2025-03-10", "2025-04-20")
    assert s["snapshot"] is False


def test_serve_api_health_reports_a_live_store(client: TestClient) -> None:
    version = get(client, "/openapi.json")["info"]["version"]
    assert get(client, "/api/v1/health") == {"status": "ok", "store": "live", "version": version}


# -- events --------------------------------------------------------------------------------------

def test_serve_api_events_lists_every_modality_by_default(client: TestClient) -> None:
    page = get(client, "/api/v1/events")
    assert page["total"] == S.EVENTS and len(page["items"]) == S.EVENTS
    assert {e["modality"] for e in page["items"]} == {"asserted", "negated", "hypothetical"}
    dates = [e["date"] for e in page["items"]]
    assert dates == sorted(dates)


def test_serve_api_events_have_the_contract_shape(client: TestClient) -> None:
    ev = get(client, "/api/v1/events?code=040")["items"][0]
    assert ev["source"]["code"] == "RUSGOV" and ev["target"]["code"] == "USAGOV"
    assert ev["place"] == {"name": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.15, "kind": "city"}
    assert ev["rule"] == "meet.1" and ev["quad_class"] == 1 and ev["goldstein"] == 1.0
    assert (ev["num_mentions"], ev["num_articles"]) == (1, 1)
    assert ev["first_article_id"] == "a1-geneva"


@pytest.mark.parametrize(("query", "expected"), [
    ("actor=RUS", 5),                # RUSGOV or RUSMIL on either side
    ("actor=rusgov", 2),             # case does not matter
    ("dyad=RUS-UKR", 2),
    ("dyad=UKR-RUS", 1),
    ("dyad=UKR-RUS&undirected=true", 3),
    ("code=19", 2),
    ("code=111", 2),
    ("quad_class=1", 3),
    ("quad_class=4", 2),
    ("since=2025-04-01", 6),
    ("until=2025-03-31", 2),
    ("since=2025-04-01&until=2025-04-02", 3),
    ("place=kharkiv", 2),
    ("place=FRA", 1),
    ("modality=negated", 1),
    ("modality=asserted", S.ASSERTED),
    ("modality=any", S.EVENTS),
    ("actor=RUS&quad_class=3", 3),   # the threat and both condemnations, negated one included
    ("actor=ZZZ", 0),
])
def test_serve_api_events_filters(client: TestClient, query: str, expected: int) -> None:
    page = get(client, f"/api/v1/events?{query}")
    assert page["total"] == expected, page["items"]
    assert len(page["items"]) == expected


def test_serve_api_events_pages_and_says_the_total(client: TestClient) -> None:
    first = get(client, "/api/v1/events?limit=3")
    second = get(client, "/api/v1/events?limit=3&offset=3")
    last = get(client, "/api/v1/events?limit=3&offset=6")
    assert (first["total"], first["limit"], first["offset"]) == (S.EVENTS, 3, 0)
    ids = [e["id"] for p in (first, second, last) for e in p["items"]]
    assert len(ids) == S.EVENTS and len(set(ids)) == S.EVENTS
    assert get(client, "/api/v1/events?offset=100")["items"] == []


def test_serve_api_events_newest_first(client: TestClient) -> None:
    dates = [e["date"] for e in get(client, "/api/v1/events?sort=-date")["items"]]
    assert dates == sorted(dates, reverse=True)


def test_serve_api_event_by_id_has_its_mentions(client: TestClient) -> None:
    ev = get(client, "/api/v1/events?code=057")["items"][0]
    one = get(client, f"/api/v1/events/{ev['id']}")
    assert one["id"] == ev["id"] and len(one["mentions"]) == 1
    m = one["mentions"][0]
    assert m["article_id"] == "a3-paris" and m["event_id"] == ev["id"]
    text = get(client, "/api/v1/articles/a3-paris")["text"]
    assert text[m["trigger"][0]:m["trigger"][1]] == "signed"
    assert text[m["span"][0]:m["span"][1]] == m["sentence"]
    # GLOBALEVENTID works too
    assert get(client, f"/api/v1/events/{ev['global_id']}")["id"] == ev["id"]


# -- dyads, timeline, places, network ------------------------------------------------------------

def test_serve_api_dyads_by_country_count_asserted_events(client: TestClient) -> None:
    page = get(client, "/api/v1/dyads")
    top = page["items"][0]
    assert (top["source"], top["target"], top["events"], top["conflict"]) == ("RUS", "UKR", 2, 2)
    assert top["goldstein_mean"] == pytest.approx((-4.4 - 10.0) / 2)
    assert page["total"] == 5  # RUS-UKR, RUS-USA, UKR-RUS, FRA-ISR, FRA-LBN; the negated USA-RUS left out
    pairs = {(d["source"], d["target"]) for d in page["items"]}
    assert ("USA", "RUS") not in pairs
    assert ("USA", "RUS") in {(d["source"], d["target"]) for d in get(client, "/api/v1/dyads?modality=any")["items"]}


def test_serve_api_dyads_by_code_and_paging(client: TestClient) -> None:
    full = get(client, "/api/v1/dyads?level=code")
    assert full["total"] == 6
    assert {(d["source"], d["target"]) for d in full["items"]} >= {("RUSGOV", "USAGOV"), ("RUSMIL", "UKR")}
    paged = [d for off in (0, 4) for d in get(client, f"/api/v1/dyads?level=code&limit=4&offset={off}")["items"]]
    assert paged == full["items"]


def test_serve_api_timeline_counts_cooperation_against_conflict(client: TestClient) -> None:
    tl = get(client, "/api/v1/timeline?by=month")
    assert [b["period"] for b in tl["buckets"]] == ["2025-03-01", "2025-04-01"]
    march, april = tl["buckets"]
    assert (march["events"], march["cooperation"], march["conflict"]) == (2, 1, 1)
    assert (april["events"], april["cooperation"], april["conflict"]) == (4, 2, 2)
    assert april["quad"] == {"verbal_cooperation": 2, "material_cooperation": 0, "verbal_conflict": 1,
                             "material_conflict": 1}
    assert (tl["events"], tl["cooperation"], tl["conflict"]) == (S.ASSERTED, 3, 3)
    assert tl["goldstein_mean"] == pytest.approx((1.0 - 4.4 - 10.0 - 2.0 + 3.0 + 8.0) / 6, abs=1e-3)


def test_serve_api_timeline_for_a_dyad_fills_empty_days(client: TestClient) -> None:
    tl = get(client, "/api/v1/timeline?dyad=RUS-UKR&by=day&since=2025-03-09&until=2025-03-12")
    assert [b["period"] for b in tl["buckets"]] == ["2025-03-09", "2025-03-10", "2025-03-11", "2025-03-12"]
    assert [b["events"] for b in tl["buckets"]] == [0, 1, 0, 0]
    assert tl["filters"] == {"dyad": "RUS-UKR", "since": "2025-03-09", "until": "2025-03-12"}


def test_serve_api_places_have_coordinates_and_counts(client: TestClient) -> None:
    pl = get(client, "/api/v1/places")
    by_name = {p["name"]: p for p in pl["items"]}
    assert set(by_name) == {"Kharkiv", "Geneva", "Paris"}
    assert by_name["Kharkiv"]["events"] == 2 and by_name["Kharkiv"]["conflict"] == 2
    assert (by_name["Geneva"]["lat"], by_name["Geneva"]["lon"]) == (46.2, 6.15)
    assert pl["events"] == 4
    assert get(client, "/api/v1/places?actor=FRA")["events"] == 1


def test_serve_api_network_nodes_are_the_ends_of_dyads(client: TestClient) -> None:
    net = get(client, "/api/v1/network")
    assert {n["id"] for n in net["nodes"]} == {"RUS", "UKR", "USA", "FRA", "ISR", "LBN"}
    assert len(net["edges"]) == 5
    rus = next(n for n in net["nodes"] if n["id"] == "RUS")
    assert (rus["events"], rus["as_source"], rus["as_target"]) == (4, 3, 1)
    assert get(client, "/api/v1/network?min_events=2")["edges"] == [e for e in net["edges"] if e["events"] >= 2]
    assert len(get(client, "/api/v1/network?max_edges=1")["edges"]) == 1


# -- articles, quotes, actors, lexicon -----------------------------------------------------------

def test_serve_api_articles_newest_first_with_filters(client: TestClient) -> None:
    page = get(client, "/api/v1/articles")
    assert page["total"] == S.ARTICLES
    assert [a["id"] for a in page["items"]] == ["a4-french", "a3-paris", "a2-kharkiv", "a1-geneva"]
    assert "text" not in page["items"][0]
    assert get(client, "/api/v1/articles?status=skipped")["items"][0]["reason"] == "language fr"
    assert get(client, "/api/v1/articles?source=wire%20one")["total"] == 2
    assert get(client, "/api/v1/articles?since=2025-04-01&until=2025-04-20")["total"] == 2
    assert get(client, "/api/v1/articles?limit=1&offset=1")["items"][0]["id"] == "a3-paris"


def test_serve_api_article_is_the_full_analysis_with_spans(client: TestClient) -> None:
    art = get(client, "/api/v1/articles/a2-kharkiv")
    text = art["text"]
    assert len(art["events"]) == 3 and len(art["quotes"]) == 1
    for ev in art["events"]:
        assert text[ev["span"][0]:ev["span"][1]] == ev["sentence"]
        assert ev["rule"] in {"shell.1", "condemn.1"}
    negated = next(e for e in art["events"] if e["modality"] == "negated")
    assert text[negated["source"]["span"][0]:negated["source"]["span"][1]] == "Washington"
    q = art["quotes"][0]
    assert text[q["span"][0]:q["span"][1]] == "this is terror"
    assert q["speaker"]["code"] == "UKRGOV" and text[q["speaker"]["span"][0]:q["speaker"]["span"][1]] == "Olena Marchuk"
    troops = next(a for a in art["actors"] if a["code"] == "RUSMIL")
    assert [text[s:e] for s, e in troops["mentions"]] == ["Russian troops", "the Russian army"]


def test_serve_api_quotes_by_speaker(client: TestClient) -> None:
    assert get(client, "/api/v1/quotes")["total"] == S.QUOTES
    assert [q["text"] for q in get(client, "/api/v1/quotes?speaker=UKR")["items"]] == ["this is terror"]
    assert get(client, "/api/v1/quotes?speaker=lavrov")["total"] == 1
    assert get(client, "/api/v1/quotes?article_id=a3-paris")["total"] == 0
    assert get(client, "/api/v1/quotes?kind=indirect")["total"] == 0
    assert get(client, "/api/v1/quotes?since=2025-04-01")["items"][0]["article_id"] == "a2-kharkiv"


def test_serve_api_actors_most_mentioned_first(client: TestClient) -> None:
    page = get(client, "/api/v1/actors")
    assert page["total"] == len(page["items"])
    mentions = [a["mentions"] for a in page["items"]]
    assert mentions == sorted(mentions, reverse=True)
    assert {a["name"] for a in get(client, "/api/v1/actors?code=ukr")["items"]} == {"Ukraine", "Ukrainian government",
                                                                                   "Olena Marchuk"}
    assert get(client, "/api/v1/actors?uncoded=true")["total"] == 0


def test_serve_api_lexicon_shows_the_entry_and_its_mentions(client: TestClient) -> None:
    lex = get(client, "/api/v1/lexicon/condemn.1")
    assert lex["total"] == 2 and {m["article_id"] for m in lex["mentions"]} == {"a2-kharkiv"}
    assert_error(get(client, "/api/v1/lexicon/no.such.rule", 404), "not_found")


# -- bad requests: always a clear 4xx in the one shape -------------------------------------------

@pytest.mark.parametrize("url", [
    "/api/v1/events?limit=0", "/api/v1/events?limit=501", "/api/v1/events?limit=abc", "/api/v1/events?offset=-1",
    "/api/v1/events?offset=99999999999999999999", "/api/v1/events?quad_class=5", "/api/v1/events?quad_class=x",
    "/api/v1/events?since=2025-13-01", "/api/v1/events?since=yesterday", "/api/v1/events?until=2025-02-30",
    "/api/v1/events?since=2025-05-01&until=2025-01-01", "/api/v1/events?dyad=USA", "/api/v1/events?dyad=USA-",
    "/api/v1/events?actor=US%25", "/api/v1/events?actor=", "/api/v1/events?code=4a", "/api/v1/events?code=12345",
    "/api/v1/events?modality=maybe", "/api/v1/events?sort=goldstein;DROP", "/api/v1/events?place=a%00b",
    "/api/v1/events?actr=USA", "/api/v1/events?undirected=perhaps", "/api/v1/dyads?level=city",
    "/api/v1/timeline?by=hour", "/api/v1/places?limit=100000", "/api/v1/network?max_edges=0",
    "/api/v1/articles?status=fine", "/api/v1/quotes?kind=shouted", "/api/v1/actors?code=U-S",
    "/api/v1/actors?uncoded=2",
])
def test_serve_api_bad_parameters_are_422(client: TestClient, url: str) -> None:
    body = get(client, url, 422)
    assert_error(body, "invalid_parameter")
    assert body["error"]["details"], body


def test_serve_api_validation_error_names_the_parameter(client: TestClient) -> None:
    body = get(client, "/api/v1/events?limit=501", 422)
    assert body["error"]["details"][0]["parameter"] == "limit"
    assert "limit" in body["error"]["message"]


@pytest.mark.parametrize("url", ["/api/v1/events/nope", "/api/v1/articles/nope", "/api/v1/nothing", "/nothing/here"])
def test_serve_api_unknown_ids_and_paths_are_404(client: TestClient, url: str) -> None:
    assert_error(get(client, url, 404), "not_found")


def test_serve_api_wrong_method_is_405(client: TestClient) -> None:
    r = client.delete("/api/v1/events")
    assert r.status_code == 405
    assert_error(r.json(), "method_not_allowed")


def test_serve_api_sql_in_parameters_is_just_text(client: TestClient) -> None:
    # Parameterised queries: quotes and SQL in a value match nothing, and break nothing.
    assert get(client, "/api/v1/events?place=x'%20OR%20'1'='1")["total"] == 0
    assert_error(get(client, "/api/v1/quotes?speaker=%25", 422), "invalid_parameter")  # no wildcards
    assert get(client, "/api/v1/articles/a1-geneva'--", 404)
    assert get(client, "/api/v1/stats")["events"] == S.EVENTS


def test_serve_api_long_urls_are_refused(client: TestClient) -> None:
    assert_error(get(client, "/api/v1/events?place=" + "x" * 5000, 414), "uri_too_long")


def test_serve_api_openapi_documents_every_endpoint_and_the_error_shape(client: TestClient) -> None:
    spec = get(client, "/openapi.json")
    paths = set(spec["paths"])
    for p in ("/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/articles", "/api/v1/articles/{article_id}",
              "/api/v1/quotes", "/api/v1/actors", "/api/v1/dyads", "/api/v1/timeline", "/api/v1/places",
              "/api/v1/network", "/api/v1/stats", "/api/v1/health", "/api/v1/lexicon/{rule}"):
        assert p in paths
    assert "/api/v1/analyze" not in paths  # disabled without a token
    assert spec["paths"]["/api/v1/events"]["get"]["responses"]["422"]["content"]["application/json"]["schema"][
        "$ref"].endswith("/ErrorResponse")
    limit = next(p for p in spec["paths"]["/api/v1/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500


def test_serve_api_docs_page_loads_only_local_assets(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/static/swagger-ui-bundle.js" in html and "/static/swagger-ui.css" in html
    assert "cdn." not in html and "https://" not in html.replace("https://validator", "")
    assert client.get("/static/swagger-ui-bundle.js").status_code == 200


def test_serve_api_security_headers(client: TestClient) -> None:
    r = client.get("/api/v1/stats")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
