"""Charsets: a byte order mark first, then UTF-16 by its zero bytes, UTF-8, Western cp1252, then detection.

The round trips use real article text (the AEB pages in ../shared), written in each charset the
way a Windows tool or an old site would save it, and read back: the text must come back exactly,
with the charset recorded on the document.
"""

from __future__ import annotations

import gzip
import io
import json
from functools import cache
from pathlib import Path

import pytest
import trafilatura

from eventwire.clean import clean_document
from eventwire.config import Config
from eventwire.errors import DocumentError
from eventwire.ingest import read_path, read_stream
from eventwire.ingest.decode import decode_text
from eventwire.models import Document
from sharedkit import shared_or_skip

SUDAN = "Le président du Súdan a rencontré à Khartoum l’envoyé de l’ONU – « une réunion constructive »."


@cache
def aeb_texts() -> list[str]:
    """Article texts of the AEB pages written in a Latin script with non-ASCII characters (cp1252 can hold them)."""
    folder = shared_or_skip("corpora", "aeb", "html")
    out = []
    for path in sorted(folder.glob("*.html.gz"))[:80]:
        text = trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")) or ""
        try:
            text.encode("cp1252")
        except UnicodeEncodeError:
            continue
        if any(ord(c) > 127 for c in text):
            out.append(text)
    return out


@pytest.mark.parametrize(("charset", "recorded"), [
    ("cp1252", "cp1252"), ("utf-16", "utf-16-le"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
    ("utf-8-sig", "utf-8"), ("utf-32", "utf-32-le"),
])
def test_encodings_aeb_round_trip(charset: str, recorded: str) -> None:
    texts = aeb_texts()
    assert len(texts) >= 20  # enough real articles for the round trip to mean something
    wrong = [t[:60] for t in texts if decode_text(t.encode(charset), "x") != (t, recorded)]
    assert wrong == []


def test_encodings_aeb_latin1_round_trip() -> None:
    # Latin-1 cannot hold typographic quotes: the articles that fit it are read back as cp1252,
    # which decodes every Latin-1 text byte the same way.
    texts = [t for t in aeb_texts() if all(ord(c) < 256 for c in t)]
    assert texts
    assert all(decode_text(t.encode("latin-1"), "x") == (t, "cp1252") for t in texts)


@pytest.mark.parametrize(("text", "charset"), [
    ("Prezydent Polski spotkał się w środę z kanclerzem Niemiec w sprawie współpracy gospodarczej. ", "cp1250"),
    ("Президент России заявил, что переговоры продолжатся в Женеве на следующей неделе. ", "cp1251"),
])
def test_encodings_other_scripts_are_not_taken_for_western(text: str, charset: str) -> None:
    found = decode_text((text * 3).encode(charset), "x")
    assert found.text == text * 3


def test_encodings_a_few_broken_bytes_in_utf8_stay_utf8() -> None:
    raw = ("Le président – « Súdan » " * 20).encode() + b" caf\xe9 "  # one pasted Latin-1 byte
    found = decode_text(raw, "x")
    assert found.encoding == "utf-8" and found.text.startswith("Le président – « Súdan »") and "\ufffd" in found.text


def test_encodings_a_byte_order_mark_outranks_the_declared_charset() -> None:
    page = f'<html><head><meta charset="utf-8"></head><body><p>{SUDAN}</p></body></html>'
    assert decode_text(page.encode("utf-16"), "x", "utf-8") == (page, "utf-16-le")


def test_encodings_binary_with_zeros_everywhere_is_still_binary() -> None:
    with pytest.raises(DocumentError) as err:
        decode_text(bytes(range(256)) * 40, "x")
    assert err.value.code == "E003"


@pytest.mark.parametrize(("name", "charset", "recorded"), [
    ("a.txt", "cp1252", "cp1252"), ("a.txt", "latin-1", "cp1252"), ("a.html", "utf-16", "utf-16-le"),
    ("a.txt", "utf-16-be", "utf-16-be"), ("a.txt.gz", "utf-16-le", "utf-16-le"),
])
def test_encodings_files_record_their_charset(tmp_path: Path, name: str, charset: str, recorded: str) -> None:
    text = SUDAN.replace("’", "'").replace("–", "-") if charset == "latin-1" else SUDAN
    body = f"<html><body><p>{text}</p></body></html>" if name.endswith(".html") else text
    data = body.encode(charset)
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    (doc,) = read_path(path, Config())
    assert (doc.status, doc.encoding) == ("ok", recorded)
    assert text in (doc.text or doc.html or "")
    article = clean_document(doc, Config(min_words=1))
    assert article.encoding == recorded and article.clean_dict()["encoding"] == recorded
    assert "Súdan" in article.text


@pytest.mark.parametrize("charset", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("gz", [False, True])
def test_encodings_utf16_json_lines(tmp_path: Path, charset: str, gz: bool) -> None:
    lines = "".join(json.dumps({"id": f"d{i}", "text": f"{SUDAN} ({i})"}, ensure_ascii=False) + "\n" for i in range(5))
    data = lines.encode(charset)
    path = tmp_path / ("c.jsonl.gz" if gz else "c.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    docs = list(read_path(path, Config()))
    assert [(d.id, d.status, d.text) for d in docs] == [(f"d{i}", "ok", f"{SUDAN} ({i})") for i in range(5)]
    assert {d.encoding for d in docs} == {"utf-16-be" if charset.endswith("be") else "utf-16-le"}


def test_encodings_utf16_json_lines_keep_the_limit_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "small", "text": SUDAN}), json.dumps({"id": "huge", "text": "word " * 500}),
             json.dumps({"id": "after", "text": SUDAN})]
    path = tmp_path / "c.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-16"))
    docs = list(read_path(path, Config(max_bytes=1000)))
    assert [(d.id, d.status) for d in docs if d.status == "ok"] == [("small", "ok"), ("after", "ok")]
    assert [d.reason.split()[0] for d in docs if d.status != "ok" and d.reason] == ["E004"]


@pytest.mark.parametrize("charset", ["cp1252", "utf-16"])
def test_encodings_stdin(charset: str) -> None:
    (doc,) = read_stream(io.BytesIO(SUDAN.encode(charset)), jsonl=False)
    assert (doc.status, doc.text, doc.encoding) == ("ok", SUDAN, "cp1252" if charset == "cp1252" else "utf-16-le")


def test_encodings_utf16_json_lines_on_stdin() -> None:
    data = (json.dumps({"text": SUDAN}, ensure_ascii=False) + "\n").encode("utf-16-le") * 2
    docs = list(read_stream(io.BytesIO(data), jsonl=True))
    assert [(d.status, d.text, d.encoding) for d in docs] == [("ok", SUDAN, "utf-16-le")] * 2


def test_encodings_text_given_as_text_records_no_charset() -> None:
    assert Document(id="x", text="a").encoding is None
