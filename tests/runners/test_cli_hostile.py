"""One ``run`` (and ``clean``, ``analyze``, ``watch --once``) over a corpus of hostile inputs.

Every bad document is reported on its own line with its code, every good one is stored, the
command exits 1 and no traceback escapes.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from html import escape
from pathlib import Path

import duckdb
import pytest
from runkit import story
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()
BAD_URL = "https://[::1"


def _as_html(text: str) -> str:
    """Paragraphs as escaped HTML, the way feeds carry an article in an entry."""
    return escape("".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n")))


def _corpus(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A folder of hostile inputs, a config with a small size limit, and the code each bad document must get."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    lines = [
        {"id": "good-1", "text": story(1)},
        {"id": "bad-url-type", "text": story(2), "url": ["x"]},
        {"id": "bad-title", "text": story(3), "title": {"a": 1}},
        {"id": "bad-url", "text": story(4), "url": BAD_URL},
        {"id": "too-big", "text": story(5) * 20},  # over max_bytes below: this line only
        {"id": "good-2", "text": story(6), "published": 20250301},  # a number: read as text
        {"id": "bad-date", "text": story(13), "published": "2025-13-45"},  # kept, with an E022 note
        {"id": "dup-1", "text": story(1)},  # good-1 again: a duplicate, skipped and counted as such
    ]
    (folder / "corpus.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines) + "{broken\n", encoding="utf-8")
    (folder / "more.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "good-3", "text": story(7)}) + "\n").encode()))
    # Charsets: cp1252 and UTF-16 (with and without a byte order mark), read and recorded, not refused.
    (folder / "cp1252.txt").write_bytes(story(10).replace("talks", "caf\xe9 talks").encode("cp1252"))
    (folder / "utf16.txt").write_bytes(story(11).encode("utf-16-le"))
    (folder / "utf16.jsonl").write_bytes((json.dumps({"id": "good-utf16", "text": story(12)}) + "\n").encode("utf-16"))
    (folder / "locked").mkdir()  # made unreadable by the `locked` fixture: an E001 record, not nothing
    (folder / "locked" / "hidden.txt").write_text(story(14), encoding="utf-8")
    (folder / "links.urls").write_text(f"# a bad URL must not stop the run\n{BAD_URL}\n", encoding="utf-8")
    (folder / "feed.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>"
        f"<item><title>bad link</title><link>{BAD_URL}</link></item>"
        f"<item><title>Inline story</title><description>{_as_html(story(8))}</description></item>"
        # Links a feed publisher could use to reach the reader's own machine or network (SSRF).
        "<item><title>loopback</title><link>http://127.0.0.1:9/admin</link></item>"
        "<item><title>intranet</title><link>http://intranet.test/wiki</link></item>"
        "</channel></rss>", encoding="utf-8")
    config = tmp_path / "eventwire.toml"
    config.write_text("max_bytes = 8000\nfetch_retries = 0\nfetch_trust_env = false\n", encoding="utf-8")
    expected = {"bad-url-type": "E018", "bad-title": "E018", "bad-url": "E019", "too-big": "E004",
                "broken": "E007", "links": "E019", "feed-link": "E019", "argument": "E019",
                "loopback": "E021", "intranet": "E021", "locked": "E001"}
    return folder, config, expected


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders named ``locked`` cannot be listed, as without read permission (tests may run as root,
    whom chmod does not stop)."""
    scandir = os.scandir

    def refuse(path: str | os.PathLike[str] = ".") -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)


# Documents the hostile corpus stores as ok (by their ids where they are given): the good ones, the
# feed's inline story, three in other charsets, the one whose date cannot be read; stdin's comes on top.
GOOD = {"good-1", "good-2", "good-3", "good-utf16", "bad-date"}
N_GOOD = len(GOOD) + 3  # + the feed's inline story, cp1252.txt, utf16.txt


def _codes(output: str) -> list[str]:
    return [m.group(1) for line in output.splitlines() if (m := re.search(r"\b(E0\d\d)\b", line))]


def _row(output: str, label: str) -> list[int]:
    """The numbers on one row of the run summary."""
    line = next(x for x in output.splitlines() if label in x)
    return [int(n) for n in re.findall(r"\b\d+\b", line)]


@pytest.mark.usefixtures("locked")
def test_cli_hostile_run_reports_each_bad_document_and_stores_every_good_one(tmp_path: Path, nlp: object) -> None:
    folder, config, expected = _corpus(tmp_path)
    db = tmp_path / "ew.duckdb"
    latin1 = story(9).replace("talks", "caf\xe9 talks").encode("latin-1")  # not UTF-8, on stdin
    res = runner.invoke(app, ["run", str(folder), BAD_URL, "-", "--db", str(db), "--config", str(config)], input=latin1)
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output
    assert sorted(_codes(res.output)) == sorted(expected.values())
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT id, status FROM articles").fetchall())
        stdin_text = con.execute("SELECT text FROM articles WHERE origin = 'stdin'").fetchone()
        cp1252_text = con.execute("SELECT text FROM articles WHERE origin LIKE '%cp1252.txt'").fetchone()
        date_note = con.execute("SELECT published, reason FROM articles WHERE id = 'bad-date'").fetchone()
    ok = {i for i, s in rows.items() if s == "ok"}
    assert ok >= GOOD and len(ok) == N_GOOD + 1  # and stdin
    bad = {i: s for i, s in rows.items() if i.startswith("bad-")}  # stored as errors under the ids they were given
    assert bad == {**dict.fromkeys(["bad-url-type", "bad-title", "bad-url"], "error"), "bad-date": "ok"}
    assert rows["dup-1"] == "skipped"
    assert stdin_text is not None and "caf\xe9 talks" in stdin_text[0]
    assert cp1252_text is not None and "caf\xe9 talks" in cp1252_text[0]
    assert date_note is not None and date_note[0] is None and date_note[1].startswith("E022")
    # The summary's counts are the store's: duplicates are counted as such, not as articles stored.
    assert _row(res.output, "articles stored") == [N_GOOD + 1, N_GOOD + 1]
    assert _row(res.output, "duplicates skipped") == [1]


@pytest.mark.usefixtures("locked")
def test_cli_hostile_clean_and_analyze_go_on(tmp_path: Path, nlp: object) -> None:
    folder, config, expected = _corpus(tmp_path)
    for command in ("clean", "analyze"):
        res = runner.invoke(app, [command, str(folder), BAD_URL, "--config", str(config)])
        assert res.exit_code == 1, res.output
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
        out = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
        assert sum(o["status"] == "ok" for o in out) == N_GOOD + 1  # + dup-1: only `run` and --dedupe skip repeats
        assert sorted(c for o in out if o["status"] != "ok" for c in _codes(o["reason"])) == sorted(expected.values())
    res = runner.invoke(app, ["analyze", "-"], input="Caf\xe9 owners in Lyon protested on Monday.".encode("latin-1"))
    assert res.exit_code == 0, res.output
    assert "Caf\xe9" in json.loads(res.stdout)["text"]


@pytest.mark.usefixtures("locked")
def test_cli_hostile_watch_once_goes_on(tmp_path: Path, nlp: object) -> None:
    folder, config, expected = _corpus(tmp_path)
    db = tmp_path / "ew.duckdb"
    res = runner.invoke(app, ["watch", str(folder), BAD_URL, "--once", "--db", str(db), "--config", str(config)])
    assert res.exit_code == 0, res.output  # watch reports problems per cycle and keeps going
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    # Watch lists errors as problems and counts skipped documents (the line over the limit and the
    # duplicate); the bad watched URL is a source that cannot be listed, reported like any other.
    assert sorted(_codes(res.output)) == sorted(c for k, c in expected.items() if k != "too-big")
    assert re.search(r"\b2\s+skipped", res.output)
    with duckdb.connect(str(db), read_only=True) as con:
        ok = {r[0] for r in con.execute("SELECT id FROM articles WHERE status = 'ok'").fetchall()}
    assert ok >= GOOD and len(ok) == N_GOOD
