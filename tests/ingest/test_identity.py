"""Document ids from canonical origins: the same URL by another spelling, or the same piped text, is a repeat."""

from __future__ import annotations

import io
import json

import httpx
import pytest
from ingestkit import page

from eventwire.config import Config
from eventwire.ingest import Fetcher, read_stream, read_url
from eventwire.ingest.ids import canonical_url, url_id
from eventwire.ingest.jsonl import document_from_object


@pytest.mark.parametrize(("given", "canonical"), [
    ("HTTP://Example.COM:80/a/b", "http://example.com/a/b"),
    ("https://example.com:443", "https://example.com/"),
    ("https://example.com/news/1#comments", "https://example.com/news/1"),
    ("https://example.com/n?utm_source=rss&utm_medium=feed&id=7", "https://example.com/n?id=7"),
    ("https://example.com/n?fbclid=AbC&gclid=x&b=2&a=1", "https://example.com/n?a=1&b=2"),
    ("  https://example.com/n  ", "https://example.com/n"),
])
def test_identity_canonical_url(given: str, canonical: str) -> None:
    assert canonical_url(given) == canonical


@pytest.mark.parametrize("kept", [
    "https://example.com:8443/A/Path",  # a port that is not the default, and the path's case
    "https://[::1",  # no canonical form: kept as given, never an exception
    "ftp://example.com/x",
    "not a url",
])
def test_identity_canonical_url_keeps_what_it_cannot_or_must_not_change(kept: str) -> None:
    assert canonical_url(kept).lower() == kept.lower()


def test_identity_http_and_https_stay_two_pages() -> None:
    assert url_id("http://example.com/a") != url_id("https://example.com/a")


def test_identity_fetched_url_by_another_spelling_is_a_repeat() -> None:
    fetched: list[str] = []

    def site(request: httpx.Request) -> httpx.Response:
        fetched.append(str(request.url))
        return httpx.Response(200, text=page("belvale"), headers={"content-type": "text/html"})

    with Fetcher(Config(fetch_retries=0), transport=httpx.MockTransport(site)) as fetcher:
        ids = {doc.id for url in ("https://news.example/belvale?utm_source=twitter", "HTTPS://NEWS.example:443/belvale#top")
               for doc in read_url(url, Config(), fetcher)}
    assert len(ids) == 1 and len(fetched) == 2
    assert fetched[0].endswith("utm_source=twitter")  # the URL fetched is the one given; only the id is canonical


def test_identity_json_document_id_from_the_canonical_url() -> None:
    a = document_from_object({"url": "https://Example.com/x?utm_campaign=y", "text": "t"}, "a")
    b = document_from_object({"url": "https://example.com/x", "text": "t"}, "b")
    assert a.id == b.id and a.url == "https://Example.com/x?utm_campaign=y"


def test_identity_stdin_documents_get_ids_from_their_content() -> None:
    one = [d.id for d in read_stream(io.BytesIO(b"One story about talks in Geneva."), jsonl=False)]
    other = [d.id for d in read_stream(io.BytesIO(b"Another story about a summit in Paris."), jsonl=False)]
    again = [d.id for d in read_stream(io.BytesIO(b"One story about talks in Geneva."), jsonl=False)]
    assert one == again and one != other


def test_identity_stdin_json_lines_get_ids_from_their_content() -> None:
    lines = "".join(json.dumps({"text": t}) + "\n" for t in ("first story", "second story"))
    ids = [d.id for d in read_stream(io.BytesIO(lines.encode()), jsonl=True)]
    assert len(set(ids)) == 2
