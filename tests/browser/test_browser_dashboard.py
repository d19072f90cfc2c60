"""The dashboard in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

A store is built from the bundled sample articles with `eventwire run`, `eventwire serve` is started on
it, and each page must show the numbers the store itself gives (computed here through the Python API,
never typed in: the analysis stages keep improving). Screenshots are saved under docs/screenshots/.

Needs: `apt-get install -y chromium` and `pip install playwright` (never `playwright install`: the
system Chromium is used through executable_path).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browserkit import SHOTS, samples_store, skip_without_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]
skip_without_browser()


@pytest.fixture(scope="module")
def browser_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return samples_store(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def expected(browser_db: Path) -> dict[str, Any]:
    """The numbers each page must show, from the store through eventwire's Python API."""
    import eventwire

    with eventwire.open(browser_db) as ew:
        store = ew.store
        timeline = list(store.timeline(by="month", modality="asserted"))
        dyads = list(store.dyads(level="country", limit=200, modality="asserted"))
        places = list(store.event_places(limit=500, modality="asserted"))
        stats = store.stats()
        articles = sorted(store.articles(limit=None), key=lambda a: (-a["mentions"], a["id"]))
        top = store.article(articles[0]["id"])
        assert top is not None
        coded = [r["code"] for r in store.query(
            "SELECT code FROM (SELECT source_code AS code FROM events WHERE modality = 'asserted'"
            " UNION ALL SELECT target_code FROM events WHERE modality = 'asserted') WHERE code IS NOT NULL"
            " GROUP BY code ORDER BY count(*) DESC, code LIMIT 1")]
        actor = coded[0] if coded else None
        actor_tl = list(store.timeline(by="month", actor=actor, modality="asserted")) if actor else []
    nodes = {d["source"] for d in dyads} | {d["target"] for d in dyads}
    return {
        "stats": stats,
        "timeline": {"events": sum(b["events"] for b in timeline), "cooperation": sum(b["cooperation"] for b in timeline),
                     "conflict": sum(b["conflict"] for b in timeline), "periods": len(timeline),
                     "bars": sum(1 for b in timeline for k in ("verbal_cooperation", "material_cooperation",
                                                               "verbal_conflict", "material_conflict") if b[k])},
        "actor": actor,
        "actor_timeline": {"events": sum(b["events"] for b in actor_tl), "conflict": sum(b["conflict"] for b in actor_tl)},
        "network": {"nodes": len(nodes), "edges": len(dyads)},
        "map": {"places": len(places), "events": sum(p["events"] for p in places)},
        "article": {"id": top["id"], "events": len(top["mentions"]), "quotes": len(top["quotes"]),
                    "actors": len(top["actors"]), "rules": sorted({m["rule"] for m in top["mentions"] if m["rule"]})},
    }


def _shot(pg: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _num(pg: Any, testid: str) -> int:
    return int(pg.get_by_test_id(testid).first.inner_text().strip())


def test_browser_overview(page: Any, expected: dict[str, Any]) -> None:
    page.goto("/")
    assert _num(page, "stat-articles") == expected["stats"]["articles_ok"]
    assert _num(page, "stat-events") == expected["stats"]["events"]
    assert _num(page, "stat-quotes") == expected["stats"]["quotes"]
    _shot(page, "overview")


def test_browser_timeline(page: Any, expected: dict[str, Any]) -> None:
    page.goto("/timeline?by=month")
    tl = expected["timeline"]
    assert _num(page, "timeline-events") == tl["events"]
    assert _num(page, "timeline-cooperation") == tl["cooperation"]
    assert _num(page, "timeline-conflict") == tl["conflict"]
    assert _num(page, "timeline-buckets") == tl["periods"]
    assert page.locator("svg.timeline rect.bar").count() == tl["bars"]
    _shot(page, "timeline")
    if expected["actor"]:
        page.goto(f"/timeline?actor={expected['actor']}&by=month")
        assert _num(page, "timeline-events") == expected["actor_timeline"]["events"]
        assert _num(page, "timeline-conflict") == expected["actor_timeline"]["conflict"]
        _shot(page, "timeline-actor")


def test_browser_network(page: Any, expected: dict[str, Any]) -> None:
    page.goto("/network")
    svg = page.locator("svg#network[data-ready='1']")
    svg.wait_for(timeout=15000)
    net = expected["network"]
    assert _num(page, "network-nodes") == net["nodes"]
    assert _num(page, "network-edges") == net["edges"]
    assert int(svg.get_attribute("data-rendered-nodes")) == net["nodes"]
    assert page.locator("svg#network g.node").count() == net["nodes"]
    assert page.locator("svg#network path.edge").count() == net["edges"]
    _shot(page, "network")


def test_browser_map(page: Any, expected: dict[str, Any]) -> None:
    page.goto("/map")
    assert _num(page, "map-places") == expected["map"]["places"]
    assert _num(page, "map-events") == expected["map"]["events"]
    assert page.locator("svg.map circle.pt").count() == expected["map"]["places"]
    assert page.locator("svg.map g.land path").count() > 150
    _shot(page, "map")


def test_browser_article_view(page: Any, expected: dict[str, Any]) -> None:
    art = expected["article"]
    page.goto(f"/articles/{art['id']}")
    assert _num(page, "article-events") == art["events"]
    assert _num(page, "article-quotes") == art["quotes"]
    assert _num(page, "article-actors") == art["actors"]
    assert page.locator("[data-testid=article-event-list] > li.ev").count() == art["events"]
    rules = sorted(set(page.locator("[data-testid=event-rule]").all_inner_texts()))
    assert rules == art["rules"]
    if art["events"]:
        # "sentence" highlights the event's sentence in the text
        page.locator("[data-testid=article-event-list] a.goto").first.click()
        assert page.locator("article.text .focus").count() >= 1
        assert page.locator("article.text span.event").count() >= 1
    if art["quotes"]:
        assert page.locator("article.text span.quote").count() >= 1
    _shot(page, "article")


def test_browser_event_table_and_dyads(page: Any, expected: dict[str, Any]) -> None:
    page.goto("/events?sort=-date")
    assert _num(page, "total") == expected["stats"]["events"]
    _shot(page, "events")
    page.goto("/dyads")
    assert _num(page, "total") == expected["network"]["edges"]
    _shot(page, "dyads")
