"""The dashboard map with event places at city level and the filter by evidence, in headless Chromium.

As in test_browser_dashboard.py: a store of the bundled samples made by `eventwire run`, `eventwire serve` on it,
Debian's /usr/bin/chromium driven by Playwright, and every number the page shows computed from the store through
the Python API (never typed in). Needs `apt-get install -y chromium` and `pip install playwright`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browserkit import SHOTS, samples_store, skip_without_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CITY_TYPES = (3, 4)  # GDELT geo types: US city, world city
HOWS = ("attached", "sentence", "dateline", "article")

skip_without_browser()


@pytest.fixture(scope="module")
def browser_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return samples_store(tmp_path_factory.mktemp("browser_places"))


@pytest.fixture(scope="module")
def expected(browser_db: Path) -> dict[str, Any]:
    """The map's places, overall and by evidence, from the store through eventwire's Python API."""
    import eventwire

    with eventwire.open(browser_db) as ew:
        places = list(ew.store.event_places(limit=500, modality="asserted"))
        by_how = {h: list(ew.store.event_places(limit=500, how=[h], modality="asserted")) for h in HOWS}
    return {"places": places, "cities": [p for p in places if p["type"] in CITY_TYPES], "by_how": by_how}


def test_browser_places_map_shows_events_placed_at_city_level(page: Any, expected: dict[str, Any]) -> None:
    cities = expected["cities"]
    assert cities, "the samples must give events placed at city level"
    page.goto("/map")
    assert page.locator("svg.map circle.pt").count() == len(expected["places"])
    drawn = page.locator("svg.map circle.pt[data-type='3'], svg.map circle.pt[data-type='4']")
    assert drawn.count() == len(cities)
    assert {drawn.nth(i).get_attribute("data-place") for i in range(drawn.count())} == {c["name"] for c in cities}
    city = cities[0]
    row = page.get_by_test_id("places-table").locator("tr", has_text=city["name"]).first
    assert "city" in row.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "map_places.png"), full_page=True)


def test_browser_places_filter_by_evidence(page: Any, expected: dict[str, Any]) -> None:
    page.goto("/map")
    for how in HOWS:
        page.get_by_test_id("map-how").locator(f"a[data-how='{how}']").click()
        page.wait_for_url(f"**/map?*how={how}*")
        want = expected["by_how"][how]
        assert page.locator("svg.map circle.pt").count() == len(want)
        assert int(page.get_by_test_id("map-events").inner_text().strip()) == sum(p["events"] for p in want)
    page.get_by_test_id("map-how").locator("a[data-how='']").click()
    page.wait_for_url("**/map*")
    assert page.locator("svg.map circle.pt").count() == len(expected["places"])
