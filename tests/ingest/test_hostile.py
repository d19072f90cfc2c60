"""Hostile input at the readers: large JSON Lines, gzip bombs, wrong-typed fields, malformed URLs, stdin bytes.

Each case must give that document an error (or skipped) record with a code, and leave the
documents beside it as they were.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from pathlib import Path

import httpx
import pytest
from ingestkit import STORIES, page, rss

from eventwire.config import Config
from eventwire.errors import DocumentError
from eventwire.ingest import Fetcher, is_url, looks_like_url, read_feed, read_inputs, read_path, read_stream, url_problem
from eventwire.ingest.decode import gunzip_stream
from eventwire.ingest.jsonl import document_from_object
from eventwire.models import Document
from eventwire.runners.sources import FeedSource, sources_for

BAD_URL = "https://[::1"


def line(obj: object) -> str:
    return json.dumps(obj) + "\n"


def code(doc: Document) -> str | None:
    return doc.reason.split()[0] if doc.reason else None


# ---------------------------------------------------------------- streaming JSON Lines


@pytest.mark.parametrize("name", ["big.jsonl", "big.ndjson", "big.jsonl.gz"])
def test_hostile_jsonl_limit_is_per_line_not_per_file(tmp_path: Path, name: str) -> None:
    stories = list(STORIES.values())
    body = "".join(line({"id": f"d{i}", "text": t}) for i, (_, t) in enumerate(stories))
    body += line({"id": "huge", "text": "word " * 400})  # one line over the limit ...
    body += line({"id": "after", "text": stories[0][1]})  # ... and the line after it is still read
    path = tmp_path / name
    data = body.encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    limit = 1000
    assert len(data) > 5 * limit  # the file is far over the limit; each good line is under it
    docs = list(read_path(path, Config(max_bytes=limit)))
    assert [d.id for d in docs if d.status == "ok"] == [f"d{i}" for i in range(len(stories))] + ["after"]
    (skipped,) = [d for d in docs if d.status != "ok"]
    assert skipped.status == "skipped" and code(skipped) == "E004" and f"line {len(stories) + 1} of" in (skipped.reason or "")


def test_hostile_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(line({"id": "a", "text": "x"}) + "{not json\n" + line({"id": "b", "text": "y"}))
    docs = read_inputs([str(path)], Config())
    assert not isinstance(docs, list)
    first = next(docs)
    assert first.id == "a"
    assert [code(d) for d in docs] == ["E007", None]


def test_hostile_jsonl_gzip_cut_short_keeps_the_lines_before(tmp_path: Path) -> None:
    body = "".join(line({"id": f"d{i}", "text": t}) for i, (_, t) in enumerate(STORIES.values()))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(body.encode())[:-40])
    docs = list(read_path(path, Config()))
    assert docs[-1].status == "error" and code(docs[-1]) == "E006"
    assert len(docs) > 1 and all(d.status == "ok" for d in docs[:-1])


@pytest.mark.parametrize(("data", "expected"), [
    ((b"\x00" * 5000 + b"\n") * 3, "E003"),  # zeros in every place: binary, not UTF-16 (test_encodings.py)
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n" * 50, "E003"),
])
def test_hostile_jsonl_not_text_is_one_report_for_the_file(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(data)
    docs = list(read_path(path, Config()))
    assert len(docs) <= 3 and (docs[-1].status, code(docs[-1])) == ("error", expected)  # not one a "line"


def test_hostile_jsonl_with_jsonl_flag_on_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text(line({"text": "a"}) + line({"text": "b"}))
    assert len(list(read_path(path, Config(), jsonl=True))) == 2


# ---------------------------------------------------------------- gzip bombs


class Counting(io.BytesIO):
    """A byte stream that remembers how far it was read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.high = 0

    def read(self, size: int | None = -1, /) -> bytes:
        out = super().read(size)
        self.high = max(self.high, self.tell())
        return out


def _bomb(megabytes: int) -> bytes:
    """gzip of ``megabytes`` MiB of zeros, built a MiB at a time (about 1 KiB compressed per MiB)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    chunk = b"\0" * (1 << 20)
    return b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()


def test_hostile_gzip_bomb_is_refused_after_reading_just_past_the_limit() -> None:
    bomb = _bomb(256)
    src = Counting(bomb)
    with pytest.raises(DocumentError) as caught:
        gunzip_stream(src, "bomb.txt.gz", 1 << 20)
    assert caught.value.code == "E004" and caught.value.status == "skipped"
    assert src.high < len(bomb) // 4  # stopped early: most of the bomb was never decompressed


def test_hostile_gzip_bomb_file_is_one_skipped_document(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(_bomb(16))
    (doc,) = read_path(path, Config(max_bytes=1 << 20))
    assert (doc.status, code(doc)) == ("skipped", "E004")


# ---------------------------------------------------------------- field types


@pytest.mark.parametrize(("fields", "expected"), [
    ({"url": ["x"]}, "E018"),
    ({"title": {"a": 1}}, "E018"),
    ({"id": True}, "E018"),
    ({"source": [1, 2]}, "E018"),
    ({"published": {"y": 2025}}, "E018"),
    ({"text": ["a", "b"]}, "E018"),
    ({"url": BAD_URL}, "E019"),
    ({"url": "http://news.example:99999/a"}, "E019"),
])
def test_hostile_fields_wrong_type_is_that_documents_reason(fields: dict[str, object], expected: str) -> None:
    with pytest.raises(DocumentError) as caught:
        document_from_object({"text": "some text", **fields}, "c.jsonl:4")
    assert caught.value.code == expected
    assert "c.jsonl:4" in str(caught.value)


def test_hostile_fields_obvious_coercions() -> None:
    doc = document_from_object({"id": 7, "text": "t", "title": 2024, "published": 20250101, "url": "mailto:x@y"}, "o")
    assert (doc.id, doc.title, doc.published, doc.url) == ("7", "2024", "20250101", "mailto:x@y")
    lone = document_from_object(json.loads('{"text": "Caf\\ud800 au lait"}'), "o")
    assert lone.text == "Caf\ufffd au lait"  # a lone surrogate no output could encode


def test_hostile_fields_good_lines_beside_bad_ones_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(line({"id": "g1", "text": "one"}) + line({"id": "b1", "text": "x", "url": ["x"]})
                    + line({"id": "b2", "text": "x", "title": {"a": 1}}) + "[" * 100_000 + "\n"
                    + line(float("nan")) + line({"id": "g2", "text": "two"}))
    docs = list(read_path(path, Config()))
    assert [(d.id if d.status == "ok" else code(d)) for d in docs] == ["g1", "E018", "E018", "E007", "E007", "g2"]
    assert [d.id for d in docs[1:3]] == ["b1", "b2"]  # a bad document's record keeps the id it was given


# ---------------------------------------------------------------- malformed URLs


@pytest.mark.parametrize("text", [BAD_URL, "http://[v1.x", "https://a.example:99999/", "https://a.example:port/",
                                  "http://", "ftp://a.example/", "", "   "])
def test_hostile_urls_is_url_never_raises(text: str) -> None:
    assert is_url(text) is False
    assert url_problem(text)


def test_hostile_urls_looks_like_url() -> None:
    assert looks_like_url(BAD_URL) and looks_like_url("HTTP://a") and not looks_like_url("a.txt")


def _site(req: httpx.Request) -> httpx.Response:
    key = req.url.path.strip("/")
    if key in STORIES:
        return httpx.Response(200, headers={"content-type": "text/html"}, text=page(key))
    return httpx.Response(404)


def _fetcher() -> Fetcher:
    return Fetcher(Config(fetch_retries=0), transport=httpx.MockTransport(_site))


def test_hostile_urls_in_a_list_file(tmp_path: Path) -> None:
    path = tmp_path / "l.urls"
    path.write_text(f"https://news.example/aid\n{BAD_URL}\nnot-a-url\nhttps://news.example/quake\n")
    docs = list(read_path(path, Config(), fetcher=_fetcher()))
    assert [d.status for d in docs] == ["ok", "error", "error", "ok"]
    assert code(docs[1]) == "E019" and "line 2 of" in (docs[1].reason or "") and code(docs[2]) == "E014"


def test_hostile_urls_in_a_feed_entry() -> None:
    raw = rss("https://news.example", ["aid", "quake"]).replace("https://news.example/aid", BAD_URL).encode()
    docs = list(read_feed(raw, "f.rss", Config(), _fetcher()))
    assert [d.status for d in docs] == ["error", "ok"]
    assert code(docs[0]) == "E019" and "entry 1 of the feed f.rss" in (docs[0].reason or "")


def test_hostile_urls_on_the_command_line(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(STORIES["aid"][1])
    docs = list(read_inputs([BAD_URL, str(good)], Config(), fetcher=_fetcher()))
    assert [(d.status, code(d)) for d in docs] == [("error", "E019"), ("ok", None)]


def test_hostile_urls_watch_source_is_reported_not_raised(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.urls"
    listing.write_text(f"https://news.example/feed.rss\n{BAD_URL}\n")
    sources = sources_for(str(listing), Config())
    assert len(sources) == 2
    with pytest.raises(DocumentError) as caught:  # Watcher.new_items reports it and goes on to the next source
        FeedSource(BAD_URL, Config()).items(_fetcher())
    assert caught.value.code == "E019"


# ---------------------------------------------------------------- stdin bytes


def _stdin(data: bytes) -> io.TextIOWrapper:
    """A text stream over bytes, as Python opens ``sys.stdin`` (UTF-8 with surrogate escapes)."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")


def test_hostile_stdin_latin1_is_decoded_like_a_file() -> None:
    (doc,) = read_stream(_stdin("Caf\xe9 au lait in Paris, the minister said on Monday.".encode("latin-1")), jsonl=False)
    assert doc.status == "ok" and doc.text and "Caf\xe9" in doc.text
    doc.text.encode("utf-8")  # no lone surrogates left to crash an output


def test_hostile_stdin_binary_is_refused() -> None:
    (doc,) = read_stream(_stdin(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4), jsonl=False)
    assert (doc.status, code(doc)) == ("error", "E003")


def test_hostile_stdin_over_the_limit_and_jsonl_per_line() -> None:
    (doc,) = read_stream(_stdin(b"news " * 500), jsonl=False, limit=1000)
    assert (doc.status, code(doc)) == ("skipped", "E004")
    data = (line({"id": "a", "text": "x"}) + line({"id": "big", "text": "y" * 2000})
            + '{"id": "c", "text": "Caf\xe9"}\n').encode("latin-1")
    docs = list(read_stream(_stdin(data), jsonl=True, limit=1000))
    assert [(d.id if d.status == "ok" else code(d)) for d in docs] == ["a", "E004", "c"]
    assert docs[2].text == "Caf\xe9"
