"""The dashboard map with event places at city level and the filter by evidence, in headless Chromium.

As in test_browser_dashboard.py: a store of the bundled samples made by `eventwire run`, `eventwire serve` on it,
Debian's /usr/bin/chromium driven by Playwright, and every number the page shows computed from the store through
the Python API (never typed in). Needs `apt-get install -y chromium` and `pip install playwright`.
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
CITY_TYPES = (3, 4)  # GDELT geo types: US city, world city
HOWS = ("attached", "sentence", "dateline", "article")

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests need Chromium at {CHROMIUM}: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need `pip install playwright`")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the bundled sample articles, made by the real main job."""
    db = tmp_path_factory.mktemp("browser_places") / "samples.duckdb"
    exe = Path(sys.executable).with_name("eventwire")
    run = subprocess.run([str(exe), "run", "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert run.returncode in (0, 1) and db.exists(), run.stderr[-2000:]
    return db


@pytest.fixture(scope="module")
def expected(samples_db: Path) -> dict[str, Any]:
    """The map's places, overall and by evidence, from the store through eventwire's Python API."""
    import eventwire

    with eventwire.open(samples_db) as ew:
        places = list(ew.store.event_places(limit=500, modality="asserted"))
        by_how = {h: list(ew.store.event_places(limit=500, how=[h], modality="asserted")) for h in HOWS}
    return {"places": places, "cities": [p for p in places if p["type"] in CITY_TYPES], "by_how": by_how}


@pytest.fixture(scope="module")
def server(samples_db: Path) -> Iterator[str]:
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
