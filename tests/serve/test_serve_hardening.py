"""Bounded answers, the busy 503, Host checks against DNS rebinding, safe links and ids holding "/"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import serve_store as S
from fastapi.testclient import TestClient

from eventwire.cli.serve import allowed_hosts
from eventwire.models import Analysis, Article
from eventwire.serve import create_app
from eventwire.serve.app import LOOPBACK_HOSTS, host_name, is_web_link
from eventwire.serve.params import MAX_PERIODS
from eventwire.store import Store

SLASHED = "wire/2025/03/geneva-talks"  # an id an input gave, with slashes
HOSTILE = "hostile-url"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = S.build_store(tmp_path_factory.mktemp("hardening") / "store.duckdb")
    text = "Officials from both countries met in Geneva on Monday to discuss the border and trade."
    with Store(path) as store:
        store.write(Analysis(Article(SLASHED, text=text, title="Slashed id", published="2025-03-11",
                                     url="https://news.example/wire/2025/03/geneva-talks", language="en")))
        store.write(Analysis(Article(HOSTILE, text=text + " Again.", title="Hostile link", published="2025-03-12",
                                     url="javascript:alert(document.domain)", language="en")))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, token=None))


def assert_error(r: Any, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text[:300]
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
    return dict(body["error"])


# -- bounded answers -------------------------------------------------------------------------------

def test_serve_hardening_timeline_over_a_wide_range_by_day_is_refused(client: TestClient) -> None:
    err = assert_error(client.get("/api/v1/timeline?by=day&since=1900-01-01&until=2100-12-31"), 422, "range_too_large")
    assert str(MAX_PERIODS) in err["message"] and "since and until" in err["message"]


def test_serve_hardening_the_same_range_by_year_is_answered(client: TestClient) -> None:
    r = client.get("/api/v1/timeline?by=year&since=1900-01-01&until=2100-12-31")
    assert r.status_code == 200 and len(r.json()["buckets"]) == 201


def test_serve_hardening_an_open_range_is_bounded_by_the_stored_events(client: TestClient) -> None:
    # since alone: the range runs to the last stored event (2025), 45,000 days away
    assert_error(client.get("/api/v1/timeline?by=day&since=1900-01-01"), 422, "range_too_large")
    assert client.get("/api/v1/timeline?by=day").status_code == 200  # the store's own range is a few weeks


def test_serve_hardening_periods_are_counted_as_the_store_truncates() -> None:
    from datetime import date

    from eventwire.serve.params import TimelineParams

    first, last = date(2025, 3, 9), date(2025, 3, 10)  # a Sunday, then a Monday
    assert [TimelineParams(by=b).periods(first, last) for b in ("day", "week", "month", "year")] == [2, 2, 1, 1]
    assert TimelineParams(by="month").periods(date(2024, 12, 31), date(2025, 1, 1)) == 2


def test_serve_hardening_the_dashboard_timeline_is_bounded_too(client: TestClient) -> None:
    r = client.get("/timeline?by=day&since=1900-01-01&until=2100-12-31", headers={"accept": "text/html"})
    assert r.status_code == 422 and "range_too_large" in r.text


# -- the busy 503 ----------------------------------------------------------------------------------

def test_serve_hardening_past_the_limit_is_a_json_503_with_retry_after(db: Path) -> None:
    client = TestClient(create_app(db, token=None, max_active=0))  # no room at all: every request is one too many
    r = client.get("/api/v1/stats")
    assert_error(r, 503, "busy")
    assert r.headers["retry-after"] == "1"


def test_serve_hardening_the_limit_frees_its_place_after_every_answer(db: Path) -> None:
    client = TestClient(create_app(db, token=None, max_active=1))
    statuses = [client.get(url).status_code for url in ("/api/v1/stats", "/api/v1/nothing", "/api/v1/events?limit=0",
                                                         "/api/v1/stats")]
    assert statuses == [200, 404, 422, 200]


# -- Host header -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "name"), [("localhost:8000", "localhost"), ("[::1]:8000", "::1"), ("::1", "::1"),
                                              ("Example.COM", "example.com"), ("127.0.0.1", "127.0.0.1")])
def test_serve_hardening_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"])
def test_serve_hardening_loopback_names_are_answered(db: Path, host: str) -> None:
    client = TestClient(create_app(db, token=None, allowed_hosts=allowed_hosts("127.0.0.1", [])))
    assert client.get("/api/v1/stats", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "127.0.0.1.nip.io", ""])
def test_serve_hardening_other_hosts_are_refused_against_dns_rebinding(db: Path, host: str) -> None:
    client = TestClient(create_app(db, token=None, allowed_hosts=allowed_hosts("127.0.0.1", [])))
    assert_error(client.get("/api/v1/stats", headers={"host": host}), 421, "misdirected_request")
    r = client.get("/", headers={"host": host, "accept": "text/html"})
    assert r.status_code == 421 and "store" not in r.text.lower()  # no page, nothing of the store


def test_serve_hardening_allow_host_adds_a_name(db: Path) -> None:
    client = TestClient(create_app(db, token=None, allowed_hosts=allowed_hosts("127.0.0.1", ["events.lan"])))
    assert client.get("/api/v1/stats", headers={"host": "events.lan:8000"}).status_code == 200


@pytest.mark.parametrize(("host", "extra", "expected"), [
    ("127.0.0.1", [], ["127.0.0.1", *LOOPBACK_HOSTS]),
    ("localhost", [], ["localhost", *LOOPBACK_HOSTS]),
    ("192.168.1.5", [], ["192.168.1.5"]),  # a LAN address: not the loopback names
    ("0.0.0.0", [], ["*"]),  # every address: the names cannot be known (serve warns)
    ("0.0.0.0", ["events.lan"], ["events.lan", *LOOPBACK_HOSTS]),
])
def test_serve_hardening_allowed_hosts_follow_the_bound_address(host: str, extra: list[str], expected: list[str]) -> None:
    assert allowed_hosts(host, extra) == expected


# -- links and ids ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "link"), [("https://news.example/a", True), ("HTTP://x.example", True),
                                             ("javascript:alert(1)", False), (" javascript:alert(1)", False),
                                             ("data:text/html,<script>", False), ("//evil.example", False), (None, False)])
def test_serve_hardening_only_http_urls_are_links(value: object, link: bool) -> None:
    assert is_web_link(value) is link


def test_serve_hardening_a_stored_javascript_url_is_not_a_link(client: TestClient) -> None:
    page = client.get(f"/articles/{HOSTILE}", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert 'href="javascript:' not in page.text and "javascript:alert(document.domain)" in page.text  # shown as text
    good = client.get(f"/articles/{SLASHED}", headers={"accept": "text/html"})
    assert 'href="https://news.example/wire/2025/03/geneva-talks"' in good.text


@pytest.mark.parametrize("path", [SLASHED, SLASHED.replace("/", "%2F")])
def test_serve_hardening_ids_with_slashes_open(client: TestClient, path: str) -> None:
    r = client.get(f"/api/v1/articles/{path}")
    assert r.status_code == 200 and r.json()["id"] == SLASHED
    page = client.get(f"/articles/{path}", headers={"accept": "text/html"})
    assert page.status_code == 200 and "Slashed id" in page.text


def test_serve_hardening_the_article_list_links_to_ids_with_slashes(client: TestClient) -> None:
    listing = client.get("/articles", headers={"accept": "text/html"}).text
    href = f'href="/articles/{SLASHED}"'
    assert href in listing
    assert client.get(f"/articles/{SLASHED}").status_code == 200


def test_serve_hardening_the_overview_of_centuries_of_events_falls_back_to_years(tmp_path: Path) -> None:
    analyses = S.analyses()
    analyses[0].events[0].date = "1400-03-10"  # a date read wrong: 625 years before the others, 7,500 months
    db = tmp_path / "centuries.duckdb"
    with Store(db) as store:
        for a in analyses:
            store.write(a)
    client = TestClient(create_app(db, token=None))
    assert_error(client.get("/api/v1/timeline"), 422, "range_too_large")  # by month, as asked
    page = client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 200 and "by year" in page.text and "1400-01-01" in page.text  # a year's period
    normal = TestClient(create_app(S.build_store(tmp_path / "normal.duckdb"), token=None)).get("/")
    assert "by month" in normal.text
