"""Fixtures of the browser tests (tests/browser), loaded as a plugin by tests/conftest.py.

Each browser test module defines `browser_db` (the store to serve) and calls `skip_without_browser()` at
import; these fixtures then start `eventwire serve` on that store on a free local port, launch Debian's
headless Chromium through Playwright (never `playwright install`: the system browser is used through
executable_path), and hand out pages that fail the test on a script error or on any request leaving
this machine.
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

from sharedkit import ROOT

SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def skip_without_browser() -> Any:
    """Skip the calling module unless Chromium and Playwright are here; Playwright's sync API."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}: apt-get install -y chromium", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api", reason="browser tests need `pip install playwright`")


def samples_store(folder: Path) -> Path:
    """A store of the 12 bundled sample articles in ``folder``, made by the real main job."""
    db = folder / "samples.duckdb"
    exe = Path(sys.executable).with_name("eventwire")
    run = subprocess.run([str(exe), "run", "--db", str(db)], capture_output=True, text=True, timeout=600)
    # Exit 1 means some documents failed and the rest were stored: still a store to look at.
    assert run.returncode in (0, 1) and db.exists(), run.stderr[-2000:]
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(browser_db: Path) -> Iterator[str]:
    """`eventwire serve` on the module's store, on a free local port, stopped after the module."""
    port = _free_port()
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(browser_db), "--port", str(port), "--log-level", "warning"],
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
    sync_api = skip_without_browser()
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
