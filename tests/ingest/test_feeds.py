"""The per-entry feed reader: list a feed's entries without reading them, then read one entry."""

from __future__ import annotations

import httpx
import pytest
from ingestkit import STORIES, page, rss

from eventwire.config import Config
from eventwire.errors import DocumentError
from eventwire.ingest import Fetcher, entry_document, feed_entries, read_feed

BASE = "https://desk.example"


class Site:
    """Story pages behind a mock transport, counting what is fetched."""

    def __init__(self) -> None:
        self.fetched: list[str] = []

    def __call__(self, req: httpx.Request) -> httpx.Response:
        self.fetched.append(str(req.url))
        key = req.url.path.strip("/")
        if key in STORIES:
            return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, text=page(key))
        return httpx.Response(404, text="not found")

    def fetcher(self) -> Fetcher:
        return Fetcher(Config(fetch_retries=0), transport=httpx.MockTransport(self))


def test_feeds_entries_are_listed_without_fetching_anything() -> None:
    site = Site()
    raw = rss(BASE, ["strike", "vaccine", "protest"], title="Desk Wire").encode()
    entries = feed_entries(raw, "desk.rss", Config(feed_max_entries=2))
    assert site.fetched == []
    assert [e.n for e in entries] == [1, 2]  # capped like read_feed
    assert [e.key for e in entries] == [f"{BASE}/strike", f"{BASE}/vaccine"]
    assert entries[0].link == f"{BASE}/strike" and entries[0].title == STORIES["strike"][0]
    assert entries[0].source == "Desk Wire" and entries[0].broken is None and entries[0].origin == "desk.rss"


def test_feeds_entry_document_reads_one_entry_as_read_feed_would() -> None:
    site = Site()
    raw = rss(BASE, ["strike", "vaccine"]).encode()
    second = feed_entries(raw, "desk.rss", Config())[1]
    (doc,) = entry_document(second, Config(), site.fetcher())
    assert site.fetched == [f"{BASE}/vaccine"]  # only the entry asked for
    whole = list(read_feed(raw, "desk.rss", Config(), site.fetcher()))
    assert doc == whole[1]
    assert doc.status == "ok" and doc.url == f"{BASE}/vaccine" and doc.published == "2024-05-13"


def test_feeds_entry_without_link_is_keyed_by_id_then_title_and_read_from_its_content() -> None:
    body = "<p>" + STORIES["mine"][1] + "</p>"
    raw = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Full</title>"
           f"<item><guid isPermaLink='false'>mine-42</guid><title>Mine</title>"
           f"<description><![CDATA[{body}]]></description></item>"
           "<item><title>Only   a\n title</title></item></channel></rss>").encode()
    first, second = feed_entries(raw, "full.rss", Config())
    assert (first.link, first.key, second.key) == ("", "mine-42", "Only   a\n title")
    assert second.title == "Only a title"
    (doc,) = entry_document(first, Config(), Site().fetcher(), published="2024-01-02")
    assert doc.status == "ok" and doc.html and "copper" in doc.html and doc.published == "2024-01-02"
    (empty,) = entry_document(second, Config(), Site().fetcher())
    assert empty.status == "error" and empty.reason and empty.reason.startswith("E015")


def test_feeds_entries_of_a_feed_broken_halfway_carry_the_break() -> None:
    raw = rss(BASE, ["strike", "vaccine"]).encode()
    cut = raw[: raw.index(b"<item>", raw.index(b"</item>"))] + b"<item><title>Half"
    entries = feed_entries(cut, "cut.rss", Config())
    assert [e.key for e in entries][:1] == [f"{BASE}/strike"]
    assert all(e.broken for e in entries)


def test_feeds_entries_of_unparseable_and_empty_feeds() -> None:
    with pytest.raises(DocumentError, match="E010"):
        feed_entries(b"<rss><channel><title>x</title>", "broken.rss", Config())
    with pytest.raises(DocumentError, match="E010"):
        feed_entries(b"<?xml version='1.0'?><catalog><book/></catalog>", "data.xml", Config())
    empty = b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>"
    assert feed_entries(empty, "empty.rss", Config()) == []
