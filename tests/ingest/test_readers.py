"""File, folder, JSON, gzip and stdin readers, and their failures."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from ingestkit import STORIES, gz, page, text

from eventwire.config import Config
from eventwire.errors import InputError
from eventwire.ingest import read_inputs, read_path, read_stream, walk
from eventwire.ingest.decode import decode


def docs_of(path: Path, config: Config | None = None, **kw: object) -> list:  # type: ignore[type-arg]
    return list(read_path(path, config or Config(), **kw))  # type: ignore[arg-type]


def test_readers_text_html_and_json_kinds(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(text("belvale"), encoding="utf-8")
    (tmp_path / "b.html").write_text(page("rates"), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"id": "c1", "text": STORIES["summit"][1], "title": "T"}))
    (tmp_path / "d.json").write_text(json.dumps([{"text": "x y z"}, {"html": "<p>q</p>"}]))
    (tmp_path / "e.jsonl").write_text(json.dumps({"text": "one"}) + "\n\n" + json.dumps({"html": "<p>two</p>"}) + "\n")
    (a,) = docs_of(tmp_path / "a.txt")
    assert a.text and a.html is None and a.status == "ok"
    (b,) = docs_of(tmp_path / "b.html")
    assert b.html and b.text is None
    (c,) = docs_of(tmp_path / "c.json")
    assert (c.id, c.title) == ("c1", "T")
    d = docs_of(tmp_path / "d.json")
    assert [x.origin.rsplit(":", 1)[-1] for x in d] == ["1", "2"] and d[1].html == "<p>q</p>"
    e = docs_of(tmp_path / "e.jsonl")
    assert [x.origin for x in e] == [f"{tmp_path / 'e.jsonl'}:1", f"{tmp_path / 'e.jsonl'}:3"]


def test_readers_gzip_of_any_kind(tmp_path: Path) -> None:
    (doc,) = docs_of(gz(tmp_path / "a.html.gz", page("belvale")))
    assert doc.html and "Belvale" in doc.html
    lines = gz(tmp_path / "b.jsonl.gz", json.dumps({"text": "one"}) + "\n" + json.dumps({"text": "two"}))
    assert [d.text for d in docs_of(lines)] == ["one", "two"]
    # gzip data saved under a plain name is recognised by its magic bytes
    (doc,) = docs_of(gz(tmp_path / "saved.txt", text("rates")))
    assert doc.text and doc.text.startswith("Central bank")


def test_readers_html_inside_a_txt_file_is_html(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(page("quake"), encoding="utf-8")
    (doc,) = docs_of(tmp_path / "page.txt")
    assert doc.html is not None and doc.text is None


def test_readers_same_path_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text here for the id.", encoding="utf-8")
    assert docs_of(tmp_path / "a.txt")[0].id == docs_of(tmp_path / "a.txt")[0].id


def test_readers_same_file_by_another_spelling_same_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Some text here for the id.", encoding="utf-8")
    (news / "b.html").write_text(page("rates"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.html"):
        spellings = [Path("news") / name, news / name, Path("news/../news") / name, Path("./news") / name]
        assert len({docs_of(p)[0].id for p in spellings}) == 1, name
    # an edited file is a new document
    before = docs_of(news / "a.txt")[0].id
    (news / "a.txt").write_text("Other text here for the id.", encoding="utf-8")
    assert docs_of(news / "a.txt")[0].id != before


@pytest.mark.parametrize(("name", "data", "status", "code"), [
    ("empty.txt", b"", "skipped", "E002"),
    ("blank.html", b"  \n\t \n", "skipped", "E002"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "error", "E003"),
    ("controls.txt", bytes(range(1, 9)) * 200, "error", "E003"),
    ("undecodable.txt", bytes(range(0x80, 0x100)) * 16, "error", "E005"),
    ("truncated.html.gz", gzip.compress(b"<html><body><p>hello</p></body></html>" * 50)[:-20], "error", "E006"),
    ("bad.json", b"{not json", "error", "E007"),
    ("notext.json", b'{"title": "only a title"}', "error", "E008"),
])
def test_readers_bad_files_become_documents_with_reasons(tmp_path: Path, name: str, data: bytes,
                                                         status: str, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (doc,) = docs_of(path)
    assert doc.status == status
    assert doc.reason and doc.reason.startswith(code) and name in doc.reason


def test_readers_file_over_size_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 400, encoding="utf-8")
    (doc,) = docs_of(path, Config(max_bytes=1000))
    assert doc.status == "skipped" and doc.reason and doc.reason.startswith("E004") and "max_bytes" in doc.reason
    # a small gzip that inflates over the limit is refused too
    bomb = gz(tmp_path / "bomb.txt.gz", "a" * 50_000)
    (doc,) = docs_of(bomb, Config(max_bytes=10_000))
    assert doc.reason and doc.reason.startswith("E004")


def test_readers_bad_jsonl_line_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "first"}\n{oops\n[1, 2]\n{"text": "last"}\n', encoding="utf-8")
    docs = docs_of(path)
    assert [d.status for d in docs] == ["ok", "error", "error", "ok"]
    assert docs[1].reason and "line 2" in docs[1].reason


def test_readers_latin1_file_is_decoded() -> None:
    raw = "Le président a rencontré le ministre à Genève pour des négociations.".encode("latin-1")
    assert "président" in decode(raw, "x")
    assert decode("Grüße".encode("cp1252"), "x", charset="cp1252") == "Grüße"
    assert decode(b"plain", "x", charset="no-such-charset") == "plain"


def test_readers_folder_walk_filters_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.html", "sub/b.html", "sub/c.txt", ".hidden/d.html", "notes.docx"):
        (tmp_path / name).write_text("<p>x</p>" if name.endswith("html") else "x", encoding="utf-8")
    assert [p.name for p in walk(tmp_path)] == ["a.html", "notes.docx", "b.html", "c.txt"]
    assert [p.name for p in walk(tmp_path, "*.html")] == ["a.html", "b.html"]
    docs = list(read_inputs([str(tmp_path)], Config(), pattern="*.html"))
    assert sorted(Path(d.origin or "").name for d in docs) == ["a.html", "b.html"]
    # without a pattern, unknown kinds (.docx) are left out and the rest read
    assert len(list(read_inputs([str(tmp_path)], Config()))) == 3


def test_readers_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        list(read_inputs([str(tmp_path / "nope.txt")], Config()))
    assert info.value.code == "E060"


def test_readers_stdin_text_html_jsonl_and_empty() -> None:
    (doc,) = read_stream(io.StringIO(text("aid")), jsonl=False)
    assert doc.text and doc.origin == "stdin"
    (doc,) = read_stream(io.StringIO(page("aid")), jsonl=False)
    assert doc.html
    docs = list(read_stream(io.StringIO('{"text": "a"}\n{"html": "<p>b</p>"}\n'), jsonl=True))
    assert [d.origin for d in docs] == ["stdin:1", "stdin:2"]
    (doc,) = read_stream(io.StringIO("  \n"), jsonl=False)
    assert doc.status == "skipped"
