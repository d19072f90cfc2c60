"""The dashboard in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

A store is built from the bundled sample articles with `eventwire run`, `eventwire serve` is started on
it, and each page must show the numbers the store itself gives (computed here through the Python API,
never typed in: the analysis stages keep improving). Screenshots are saved under docs/screenshots/.

Needs: `apt-get install -y chromium` and `pip install playwright` (never `playwright install`: the
system Chromium is used through executable_path).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests need Chromium at {CHROMIUM}: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need `pip install playwright`")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the 12 bundled sample articles, made by the real main job."""
    db = tmp_path_factory.mktemp("browser") / "samples.duckdb"
    exe = Path(sys.executable).with_name("eventwire")
    run = subprocess.run([str(exe), "run", "--db", str(db)], capture_output=True, text=True, timeout=600)
    # Exit 1 means some documents failed and the rest were stored: still a store to look at.
    assert run.returncode in (0, 1) and db.exists(), run.stderr[-2000:]
    return db


@pytest.fixture(scope="module")
def expected(samples_db: Path) -> dict[str, Any]:
    """The numbers each page must show, from the store through eventwire's Python API."""
    import eventwire

    with eventwire.open(samples_db) as ew:
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


@pytest.fixture(scope="module")
def server(samples_db: Path) -> Iterator[str]:
    """`eventwire serve` on a free local port, stopped after the module."""
    port = _free_port()
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(samples_db), "--port", str(port), "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None:
                pytest.fail(f"eventwire serve exited: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)
        else:
            pytest.fail("eventwire serve did not answer within 30 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page that records requests leaving this machine and script errors; both must stay empty."""
    ctx = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=server)
    pg = ctx.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith((server, "data:", "about:")) else outside.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert outside == [], f"the dashboard fetched from outside: {outside}"
    assert errors == [], f"script errors: {errors}"


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
