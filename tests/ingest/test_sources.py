"""Feeds, URLs, URL lists and WARC archives, with pages served by httpx.MockTransport."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import httpx
from ingestkit import STORIES, atom, page, rss, warc

from eventwire.config import Config
from eventwire.ingest import Fetcher, read_inputs, read_path

BASE = "https://news.example"


def site(req: httpx.Request) -> httpx.Response:
    """A little news site: /<story> pages, /feed.rss, /feed.atom; anything else is 404."""
    key = req.url.path.strip("/")
    if key == "feed.rss":
        return httpx.Response(200, headers={"content-type": "application/rss+xml"}, text=rss(BASE, ["rates", "aid"]))
    if key == "feed.atom":
        return httpx.Response(200, headers={"content-type": "application/atom+xml"}, text=atom(BASE, ["quake"]))
    if key == "notes":
        return httpx.Response(200, headers={"content-type": "text/plain"}, text=STORIES["mine"][1])
    if key == "report.pdf":
        return httpx.Response(200, headers={"content-type": "application/pdf"}, content=b"%PDF-1.4")
    if key in STORIES:
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, text=page(key))
    return httpx.Response(404, text="not found")


def fetcher() -> Fetcher:
    return Fetcher(Config(fetch_retries=0), transport=httpx.MockTransport(site))


def test_sources_rss_file_entries_are_fetched_with_feed_metadata(tmp_path: Path) -> None:
    feed = tmp_path / "world.rss"
    feed.write_text(rss(BASE, ["belvale", "summit", "missing"]), encoding="utf-8")
    docs = list(read_path(feed, Config(), fetcher=fetcher()))
    assert [d.status for d in docs] == ["ok", "ok", "error"]
    first = docs[0]
    assert first.html and "Belvale" in first.html
    assert (first.url, first.title, first.published, first.source) == (
        f"{BASE}/belvale", STORIES["belvale"][0], "2024-05-13", "Example World News")
    assert docs[2].reason and "E011" in docs[2].reason and "HTTP 404" in docs[2].reason


def test_sources_atom_file(tmp_path: Path) -> None:
    feed = tmp_path / "feed.atom"
    feed.write_text(atom(BASE, ["strike", "election"]), encoding="utf-8")
    docs = list(read_path(feed, Config(), fetcher=fetcher()))
    assert [d.url for d in docs] == [f"{BASE}/strike", f"{BASE}/election"]
    assert all(d.published == "2024-05-14" for d in docs)


def test_sources_broken_empty_and_non_feed_xml(tmp_path: Path) -> None:
    (tmp_path / "broken.rss").write_text("<rss><channel><title>x</title>", encoding="utf-8")
    (tmp_path / "empty.rss").write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>"
                                        "</channel></rss>", encoding="utf-8")
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><catalog><book/></catalog>", encoding="utf-8")
    (broken,) = read_path(tmp_path / "broken.rss", Config(), fetcher=fetcher())
    (empty,) = read_path(tmp_path / "empty.rss", Config(), fetcher=fetcher())
    (data,) = read_path(tmp_path / "data.xml", Config(), fetcher=fetcher())
    assert broken.status == "error" and broken.reason and broken.reason.startswith("E010")
    assert empty.status == "skipped" and empty.reason and empty.reason.startswith("E016")
    assert data.status == "error" and data.reason and data.reason.startswith("E010")


def test_sources_feed_entry_without_link_uses_its_content(tmp_path: Path) -> None:
    body = "<p>" + STORIES["court"][1] + "</p>"
    feed = tmp_path / "full.rss"
    feed.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Full</title>"
                    f"<item><title>Court</title><description><![CDATA[{body}]]></description></item>"
                    "<item><title>Nothing here</title></item></channel></rss>", encoding="utf-8")
    docs = list(read_path(feed, Config(), fetcher=fetcher()))
    assert docs[0].status == "ok" and docs[0].html and "extradition" in docs[0].html
    assert docs[1].status == "error" and docs[1].reason and docs[1].reason.startswith("E015")


def test_sources_feed_entries_are_capped(tmp_path: Path) -> None:
    feed = tmp_path / "many.rss"
    feed.write_text(rss(BASE, ["belvale", "rates", "summit"]), encoding="utf-8")
    assert len(list(read_path(feed, Config(feed_max_entries=2), fetcher=fetcher()))) == 2


def test_sources_url_arguments_pages_feeds_and_failures() -> None:
    urls = [f"{BASE}/talks", f"{BASE}/feed.rss", f"{BASE}/feed.atom", f"{BASE}/notes", f"{BASE}/report.pdf",
            f"{BASE}/gone"]
    docs = list(read_inputs(urls, Config(), fetcher=fetcher()))
    by_url = {d.origin: d for d in docs}
    assert by_url[f"{BASE}/talks"].html
    assert {f"{BASE}/rates", f"{BASE}/aid", f"{BASE}/quake"} <= set(by_url)  # feeds expanded
    assert by_url[f"{BASE}/notes"].text and by_url[f"{BASE}/notes"].html is None
    assert (by_url[f"{BASE}/report.pdf"].reason or "").startswith("E012")
    assert by_url[f"{BASE}/gone"].status == "error"
    assert len(docs) == 7


def test_sources_url_list_file(tmp_path: Path) -> None:
    listing = tmp_path / "today.urls"
    listing.write_text(f"# morning reads\n{BASE}/border\n\n  {BASE}/floods  \nnot a url\n", encoding="utf-8")
    docs = list(read_path(listing, Config(), fetcher=fetcher()))
    assert [d.status for d in docs] == ["ok", "ok", "error"]
    assert docs[2].reason and docs[2].reason.startswith("E014") and "line 5" in docs[2].reason
    # the same URL always gets the same id, so a rerun adds nothing
    again = list(read_path(listing, Config(), fetcher=fetcher()))
    assert [d.id for d in again] == [d.id for d in docs]


def test_sources_warc_html_responses_only(tmp_path: Path) -> None:
    records = [(f"{BASE}/vaccine", "text/html; charset=utf-8", page("vaccine"), 200),
               (f"{BASE}/logo.png", "image/png", "PNG", 200),
               (f"{BASE}/gone", "text/html", "<p>not found</p>", 404),
               (f"{BASE}/protest", "text/html", page("protest"), 200)]
    for name, compress in (("crawl.warc.gz", True), ("crawl.warc", False)):
        docs = list(read_path(warc(tmp_path / name, records, gz=compress), Config()))
        assert [d.url for d in docs] == [f"{BASE}/vaccine", f"{BASE}/protest"], name
        assert all(d.status == "ok" and d.html for d in docs)


def test_sources_truncated_warc_keeps_records_before_the_damage(tmp_path: Path) -> None:
    records = [(f"{BASE}/{k}", "text/html", page(k), 200) for k in ("vaccine", "protest", "mine", "court")]
    whole = warc(tmp_path / "whole.warc.gz", records).read_bytes()
    # Cut in the middle of the third response (records alternate request, response): a cut at a
    # fixed fraction of the file could land between two records and damage nothing.
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(io.BytesIO(whole))
    spans = []
    for _ in it:
        spans.append((it.get_record_offset(), it.get_record_length()))
    offset, length = spans[5]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: offset + length // 2])
    docs = list(read_path(cut, Config()))
    assert docs[-1].status == "error" and docs[-1].reason and docs[-1].reason.startswith("E013")
    assert [d.status for d in docs[:-1]] == ["ok"] * (len(docs) - 1) and len(docs) >= 2


def test_sources_warc_without_pages_and_not_a_warc(tmp_path: Path) -> None:
    (none,) = read_path(warc(tmp_path / "img.warc.gz", [(f"{BASE}/a.png", "image/png", "PNG", 200)]), Config())
    assert none.status == "skipped" and none.reason and none.reason.startswith("E017")
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(gzip.compress(b"this is not a warc file at all\r\n\r\n"))
    (bad,) = read_path(junk, Config())
    assert bad.status == "error" and bad.reason and bad.reason.startswith("E013")
