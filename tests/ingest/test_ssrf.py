"""Links found in feeds may not reach loopback, private or link-local addresses (SSRF), unless the config allows it.

No test asks a DNS server: tests/conftest.py resolves names from a table (``intranet.test`` is
private, other names public), and the pages are served by httpx.MockTransport or a local
pytest-httpserver.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from ingestkit import page
from pytest_httpserver import HTTPServer

from eventwire.config import Config, load_config
from eventwire.ingest import Fetcher, read_feed, read_inputs, read_path, read_url
from eventwire.ingest.fetch import address_kind
from eventwire.models import Document


def code(doc: Document) -> str | None:
    return doc.reason.split()[0] if doc.reason else None


def feed(*links: str) -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>{items}</channel></rss>".encode()


class Site:
    """A mock web: every URL answers with a page, except the redirects it is told about."""

    def __init__(self, redirects: dict[str, str] | None = None) -> None:
        self.asked: list[str] = []
        self.redirects = redirects or {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.asked.append(url)
        if url in self.redirects:
            return httpx.Response(302, headers={"location": self.redirects[url]})
        return httpx.Response(200, text=page("belvale"), headers={"content-type": "text/html"})

    def fetcher(self, **cfg: object) -> Fetcher:
        return Fetcher(Config(fetch_retries=0, **cfg), transport=httpx.MockTransport(self))  # type: ignore[arg-type]


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("10.1.2.3", "private"),
    ("192.168.0.1", "private"), ("fd00::1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"), ("100.64.0.1", "non-global"),
    ("93.184.215.14", None), ("2606:2800:220:1::", None),
])
def test_ssrf_address_kind(address: str, kind: str | None) -> None:
    assert address_kind(address) == kind


PRIVATE_LINKS = ["http://127.0.0.1:8080/admin", "http://[::1]/", "http://[::ffff:127.0.0.1]/x",
                 "http://169.254.169.254/latest/meta-data/", "http://intranet.test/wiki", "http://localhost:9000/"]


def test_ssrf_private_links_in_a_feed_are_refused_public_ones_read() -> None:
    site = Site()
    with site.fetcher() as fetcher:
        docs = list(read_feed(feed("https://news.example/story", *PRIVATE_LINKS), "wire.rss", Config(), fetcher))
    assert [(d.status, code(d)) for d in docs] == [("ok", None)] + [("error", "E021")] * len(PRIVATE_LINKS)
    assert site.asked == ["https://news.example/story"]  # nothing private was even asked
    assert "fetch_private_addresses" in (docs[1].reason or "") and "entry 2 of the feed wire.rss" in (docs[1].reason or "")


def test_ssrf_a_public_link_redirecting_inward_is_refused() -> None:
    site = Site({"https://news.example/go": "http://10.0.0.7/secret"})
    with site.fetcher() as fetcher:
        (doc,) = read_feed(feed("https://news.example/go"), "wire.rss", Config(), fetcher)
    assert (doc.status, code(doc)) == ("error", "E021") and "10.0.0.7" in (doc.reason or "")
    assert site.asked == ["https://news.example/go"]


def test_ssrf_the_config_switch_allows_an_intranet_crawl() -> None:
    site = Site()
    config = Config(fetch_private_addresses=True)
    with site.fetcher(fetch_private_addresses=True) as fetcher:
        docs = list(read_feed(feed(*PRIVATE_LINKS), "wire.rss", config, fetcher))
    assert {d.status for d in docs} == {"ok"} and len(site.asked) == len(PRIVATE_LINKS)


def test_ssrf_the_switch_is_read_from_a_config_file(tmp_path: Path) -> None:
    path = tmp_path / "eventwire.toml"
    path.write_text("fetch_private_addresses = true\n", encoding="utf-8")
    assert load_config(path).fetch_private_addresses and not Config().fetch_private_addresses


def test_ssrf_urls_the_user_gives_are_fetched_wherever_they_point() -> None:
    site = Site()
    with site.fetcher() as fetcher:
        direct = list(read_url("http://127.0.0.1:8080/mine", Config(), fetcher))
        listed = list(read_inputs(["http://intranet.test/page"], Config(), fetcher=fetcher))
    assert [d.status for d in direct + listed] == ["ok", "ok"]


def test_ssrf_a_feed_file_linking_to_a_local_server_is_refused_end_to_end(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/internal").respond_with_data(page("belvale"), content_type="text/html")
    path = tmp_path / "world.rss"
    path.write_bytes(feed(httpserver.url_for("/internal")))
    (doc,) = read_path(path, Config(fetch_retries=0))
    assert (doc.status, code(doc)) == ("error", "E021")
    assert httpserver.log == []  # the local server was never asked
    (allowed,) = read_path(path, Config(fetch_retries=0, fetch_private_addresses=True, fetch_trust_env=False))
    assert allowed.status == "ok" and len(httpserver.log) == 1
