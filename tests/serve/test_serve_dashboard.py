"""The dashboard pages, rendered on the hand-made store: the numbers they show are the API's."""

from __future__ import annotations

import json
import re

import pytest
import serve_store as S
from fastapi.testclient import TestClient

from eventwire.serve import create_app

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(S.build_store(tmp_path_factory.mktemp("dash") / "store.duckdb"), token=None))


def page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url, headers=HTML)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def by_testid(html: str, name: str) -> str:
    m = re.search(rf'data-testid="{name}"[^>]*>(.*?)<', html, re.S)
    assert m, name
    return m.group(1).strip()


@pytest.mark.parametrize("url", ["/", "/events", "/dyads", "/timeline", "/network", "/map", "/articles", "/quotes",
                                 "/actors", "/articles/a1-geneva", "/lexicon/meet.1"])
def test_serve_dashboard_pages_load_only_local_assets(client: TestClient, url: str) -> None:
    html = page(client, url)
    assert not re.search(r'(src|href)="(https?:)?//', html), "the dashboard must not load anything from the internet"


def test_serve_dashboard_overview_counts(client: TestClient) -> None:
    html = page(client, "/")
    assert by_testid(html, "stat-articles") == str(S.ARTICLES_OK)
    assert by_testid(html, "stat-events") == str(S.EVENTS)
    assert by_testid(html, "stat-quotes") == str(S.QUOTES)


def test_serve_dashboard_timeline_shows_the_api_numbers(client: TestClient) -> None:
    api = client.get("/api/v1/timeline?dyad=RUS-UKR&by=day").json()
    html = page(client, "/timeline?dyad=RUS-UKR&by=day")
    assert by_testid(html, "timeline-events") == str(api["events"]) == "2"
    assert by_testid(html, "timeline-conflict") == str(api["conflict"]) == "2"
    assert by_testid(html, "timeline-cooperation") == "0"
    bars = re.findall(r'<rect class="bar q(\d)"[^>]*data-n="(\d+)"', html)
    assert sorted(bars) == [("3", "1"), ("4", "1")]  # the threat (verbal) and the shelling (material)
    assert html.count('data-period="') == len(bars)


def test_serve_dashboard_timeline_form_ignores_empty_fields(client: TestClient) -> None:
    html = page(client, "/timeline?actor=&dyad=&code=&quad_class=&since=&until=&place=&modality=&by=month")
    assert by_testid(html, "timeline-events") == str(S.ASSERTED)


def test_serve_dashboard_network_embeds_the_graph_data(client: TestClient) -> None:
    html = page(client, "/network")
    data = json.loads(re.search(r'<script type="application/json" id="network-data">(.*?)</script>', html, re.S)[1])
    assert data == client.get("/api/v1/network").json()
    assert by_testid(html, "network-nodes") == "6" and by_testid(html, "network-edges") == "5"
    assert '<script src="/static/network.js"></script>' in html


def test_serve_dashboard_map_draws_one_point_per_place(client: TestClient) -> None:
    html = page(client, "/map")
    points = re.findall(r'<circle class="pt (\w+)"[^>]*data-events="(\d+)" data-place="([^"]*)"', html)
    assert sorted((p, int(n), c) for c, n, p in points) == [("Geneva", 1, "neutral"), ("Kharkiv", 2, "conf"),
                                                             ("Paris", 1, "coop")]
    assert by_testid(html, "map-places") == "3" and by_testid(html, "map-events") == "4"
    assert html.count("<path d=") > 150  # the shipped country outlines
    assert 'class="active"' in html  # countries with events are shaded


def test_serve_dashboard_article_highlights_actors_quotes_and_events(client: TestClient) -> None:
    html = page(client, "/articles/a2-kharkiv")
    assert by_testid(html, "article-events") == "3" and by_testid(html, "article-quotes") == "1"
    assert by_testid(html, "article-actors") == "4"
    text = re.search(r'data-testid="article-text">(.*?)</article>', html, re.S)[1]
    plain = re.sub(r"<[^>]+>", "", text)
    assert plain.replace("&#34;", '"') == client.get("/api/v1/articles/a2-kharkiv").json()["text"]
    assert re.search(r'<span class="actor[^"]*" data-actors="0"[^>]*>Russian troops</span>', text)
    assert re.search(r'<span class="quote[^"]*"[^>]*>this is terror</span>', text)
    assert re.search(r'<span class="event trigger"[^>]*>shelled</span>', text)
    # each event links to its sentence (an anchor in the text) and to the lexicon entry that fired
    for mention in client.get("/api/v1/articles/a2-kharkiv").json()["events"]:
        assert f'id="ev-{mention["id"]}"' in text
        assert f'href="#ev-{mention["id"]}"' in html
    assert 'href="/lexicon/shell.1"' in html and 'href="/lexicon/condemn.1"' in html


def test_serve_dashboard_event_table_filters_and_links_to_sentences(client: TestClient) -> None:
    html = page(client, "/events?actor=FRA&modality=asserted")
    assert by_testid(html, "total") == "2"
    rows = re.findall(r'<a href="/articles/a3-paris#ev-(\w+)"', html)
    assert len(rows) == 2
    article = page(client, "/articles/a3-paris")
    assert all(f'id="ev-{m}"' in article for m in rows)


def test_serve_dashboard_dyad_table(client: TestClient) -> None:
    html = page(client, "/dyads")
    assert re.findall(r'<tr data-dyad="([A-Z]+-[A-Z]+)"', html)[0] == "RUS-UKR"
    assert by_testid(html, "total") == "5"
    assert len(re.findall(r"<tr data-dyad=", page(client, "/dyads?level=code"))) == 6


def test_serve_dashboard_lexicon_page_shows_the_entry(client: TestClient) -> None:
    html = page(client, "/lexicon/condemn.1")
    assert by_testid(html, "rule-total") == "2"


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/events?quad_class=9", 422, "invalid_parameter"), ("/timeline?by=hour", 422, "invalid_parameter"),
    ("/dyads?bogus=1", 422, "invalid_parameter"), ("/articles/none-such", 404, "not_found"),
    ("/no/page", 404, "not_found"),
])
def test_serve_dashboard_errors_are_pages_with_the_code(client: TestClient, url: str, status: int, code: str) -> None:
    html = page(client, url, status)
    assert f"{status} · {code}" in html


def test_serve_dashboard_static_assets_and_licences_ship(client: TestClient) -> None:
    for name in ("style.css", "network.js", "article.js", "world-110m.json", "LICENSE-world-atlas.txt",
                 "LICENSE-swagger-ui.txt", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200, name


def test_serve_dashboard_pages_outside_api_keep_json_for_api_clients(client: TestClient) -> None:
    r = client.get("/no/page")  # no Accept: text/html
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_serve_dashboard_world_outline_is_equirectangular(client: TestClient) -> None:
    world = client.get("/static/world-110m.json").json()
    assert (world["width"], world["height"]) == (360, 180)
    nums = [float(x) for c in world["countries"] for x in re.findall(r"-?\d+(?:\.\d+)?", c["d"])]
    assert min(nums) >= 0 and max(nums) <= 360
