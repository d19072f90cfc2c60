"""The Alerts page in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

A store of weekly stories with known turns (one dyad cooperates ten weeks then fights, one fights
then cooperates, one stays steady) is written through the store's API, `eventwire serve` is started
on it, and the page must show what the alerts library finds there: each alert with its chart marking
the turn and links to the events behind it. A screenshot is saved under docs/screenshots/.

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

# The weekly-story builders live beside the alerts tests; this folder is not on the path by itself.
sys.path.insert(0, str(ROOT / "tests" / "alerts"))
from alertkit import turning_store  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def turns_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return turning_store(tmp_path_factory.mktemp("browser-alerts") / "turns.duckdb")


@pytest.fixture(scope="module")
def expected(turns_db: Path) -> list[dict[str, Any]]:
    """The alerts the page must show, from the library (never typed in)."""
    from eventwire.alerts import alerts
    from eventwire.store import Store

    with Store(turns_db, read_only=True) as store:
        return [a.to_dict() for a in alerts(store)]


@pytest.fixture(scope="module")
def server(turns_db: Path) -> Iterator[str]:
    """`eventwire serve` on a free local port, stopped after the module."""
    port = _free_port()
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(turns_db), "--port", str(port), "--log-level", "warning"],
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


def test_browser_alerts_page_shows_each_turn_on_its_chart(page: Any, expected: list[dict[str, Any]]) -> None:
    page.goto("/")
    page.get_by_role("link", name="Alerts").click()
    page.wait_for_url("**/alerts")
    assert int(page.get_by_test_id("alerts-total").inner_text()) == len(expected)
    cards = page.get_by_test_id("alert")
    assert cards.count() == len(expected)
    for i, a in enumerate(expected):
        card = cards.nth(i)
        assert card.get_attribute("data-dyad") == f"{a['source']}-{a['target']}"
        assert card.get_attribute("data-kind") == a["kind"]
        assert card.get_by_test_id("alert-start").inner_text() == a["start"]
        # The chart marks the turn at its start, inside the plot.
        turn = card.locator("svg[data-testid=alert-chart] line.turn")
        assert turn.count() == 1 and turn.get_attribute("data-start") == a["start"]
        box, plot = turn.bounding_box(), card.locator("svg[data-testid=alert-chart]").bounding_box()
        assert plot["x"] < box["x"] < plot["x"] + plot["width"]
        # Bars on both sides of the marker: the chart shows before and after the turn.
        bars = card.locator("svg[data-testid=alert-chart] rect.bar")
        xs = [bars.nth(k).bounding_box()["x"] for k in range(bars.count())]
        assert min(xs) < box["x"] < max(xs)
        listed = card.locator("[data-testid=alert-events] li")
        assert listed.count() == min(5, a["events_total"])
        assert listed.first.get_attribute("data-event") == a["events"][0]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "alerts.png"), full_page=True)


def test_browser_alerts_event_links_lead_to_the_article(page: Any, expected: list[dict[str, Any]]) -> None:
    page.goto("/alerts")
    card = page.get_by_test_id("alert").first
    card.locator("[data-testid=alert-events] li").first.get_by_role("link", name="article").click()
    page.wait_for_url("**/articles/**")
    # The article of an event behind an escalation is a story of that dyad.
    assert expected[0]["source"] in page.locator("h1").first.inner_text()


def test_browser_alerts_filter_by_kind(page: Any, expected: list[dict[str, Any]]) -> None:
    page.goto("/alerts")
    page.locator("select[name=kind]").select_option("escalation")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**kind=escalation**")
    assert page.get_by_test_id("alert").count() == sum(a["kind"] == "escalation" for a in expected)
    assert all(k == "escalation" for k in page.locator("[data-testid=alert]").evaluate_all(
        "els => els.map(e => e.dataset.kind)"))
