"""The Alerts page in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

A store of weekly stories with known turns (one dyad cooperates ten weeks then fights, one fights
then cooperates, one stays steady) is written through the store's API, `eventwire serve` is started
on it, and the page must show what the alerts library finds there: each alert with its chart marking
the turn and links to the events behind it. A screenshot is saved under docs/screenshots/.

Needs: `apt-get install -y chromium` and `pip install playwright` (never `playwright install`: the
system Chromium is used through executable_path).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from browserkit import SHOTS, skip_without_browser
from sharedkit import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
skip_without_browser()

# The weekly-story builders live beside the alerts tests; this folder is not on the path by itself.
sys.path.insert(0, str(ROOT / "tests" / "alerts"))
from alertkit import turning_store  # noqa: E402


@pytest.fixture(scope="module")
def browser_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return turning_store(tmp_path_factory.mktemp("browser-alerts") / "turns.duckdb")


@pytest.fixture(scope="module")
def expected(browser_db: Path) -> list[dict[str, Any]]:
    """The alerts the page must show, from the library (never typed in)."""
    from eventwire.alerts import alerts
    from eventwire.store import Store

    with Store(browser_db, read_only=True) as store:
        return [a.to_dict() for a in alerts(store)]


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
