"""Every input kind, good and bad, through `eventwire run` (Typer's runner, a local test server)."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from ingestkit import STORIES, atom, gz, page, rss, text, warc
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from eventwire.cli import app

runner = CliRunner()


@pytest.fixture()
def site() -> Iterator[HTTPServer]:
    """A news site on 127.0.0.1: /<story> pages, feeds, a slow page, a PDF; anything else 404."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)  # threaded: a slow answer blocks no other
    server.start()
    base = server.url_for("").rstrip("/")
    for key in STORIES:
        server.expect_request(f"/{key}").respond_with_data(page(key), content_type="text/html; charset=utf-8")
    server.expect_request("/world.rss").respond_with_data(rss(base, ["satellite"]), content_type="application/rss+xml")

    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response(page("belvale"), content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request("/gone").respond_with_data("not found", status=404)
    server.expect_request("/report.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    yield server
    server.clear()
    server.stop()


def config_file(tmp_path: Path, **extra: object) -> Path:
    path = tmp_path / "eventwire.toml"
    # The test site is on 127.0.0.1: its feeds' links are let through as on an intranet crawl.
    settings = {"fetch_timeout": 0.5, "fetch_retries": 0, "fetch_trust_env": False, "fetch_private_addresses": True,
                **extra}
    path.write_text("\n".join(f"{k} = {json.dumps(v)}" for k, v in settings.items()) + "\n", encoding="utf-8")
    return path


def stored(db: Path) -> dict[str, list[tuple[str, str | None]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT status, id, duplicate_of FROM articles ORDER BY id").fetchall()
    out: dict[str, list[tuple[str, str | None]]] = {}
    for status, art_id, dup in rows:
        out.setdefault(status, []).append((art_id, dup))
    return out


def good_corpus(folder: Path, base: str) -> list[str]:
    """One input of every kind; 18 distinct articles and one near copy. Returns the run arguments."""
    folder.mkdir()
    (folder / "a.txt").write_text(text("belvale"), encoding="utf-8")
    (folder / "b.html").write_text(page("rates"), encoding="utf-8")
    (folder / "c.json").write_text(json.dumps({"id": "summit-1", "text": STORIES["summit"][1],
                                               "title": STORIES["summit"][0], "published": "2024-05-01"}))
    (folder / "d.jsonl").write_text(json.dumps({"text": STORIES["strike"][1]}) + "\n"
                                    + json.dumps({"html": page("election"), "url": f"{base}/election"}) + "\n")
    gz(folder / "e.txt.gz", text("quake"))
    (folder / "nested" / "deeper").mkdir(parents=True)
    (folder / "nested" / "deeper" / "f.htm").write_text(page("talks"), encoding="utf-8")
    (folder / "nested" / "notes.docx").write_bytes(b"PK\x03\x04 not read: unknown kind")
    (folder / "world.rss").write_text(rss(base, ["sanctions", "protest"]), encoding="utf-8")
    (folder / "more.atom").write_text(atom(base, ["aid"]), encoding="utf-8")
    warc(folder / "crawl.warc.gz", [(f"{base}/vaccine", "text/html", page("vaccine"), 200),
                                    (f"{base}/logo.png", "image/png", "PNG", 200),
                                    (f"{base}/mine", "text/html; charset=utf-8", page("mine"), 200)])
    (folder / "today.urls").write_text(f"# two pages\n{base}/court\n{base}/border\n", encoding="utf-8")
    # the same story as a.txt with a different headline and a credit line: a near duplicate
    (folder / "copy.txt").write_text(f"Belvale Back In Army Hands\n\n{STORIES['belvale'][1]}\n\nPhoto: AFP\n",
                                     encoding="utf-8")
    return [str(folder), f"{base}/floods", f"{base}/world.rss", "-"]


@pytest.mark.slow
def test_run_corpus_every_input_kind_is_stored(tmp_path: Path, site: HTTPServer) -> None:
    base = site.url_for("").rstrip("/")
    args = good_corpus(tmp_path / "in", base)
    db = tmp_path / "ew.duckdb"
    cfg = config_file(tmp_path)
    res = runner.invoke(app, ["run", *args, "--db", str(db), "--config", str(cfg), "--published", "2024-05-15"],
                        input=text("wildfire"))
    assert res.exit_code == 0, res.output
    rows = stored(db)
    # belvale rates summit strike election quake talks sanctions protest aid vaccine mine court border
    # + floods (URL) + satellite (feed URL) + wildfire (stdin)
    assert len(rows["ok"]) == 17, rows
    (dup,) = rows["skipped"]
    assert dup[1] in {art_id for art_id, _ in rows["ok"]}  # the copy names the article it repeats

    again = runner.invoke(app, ["run", *args, "--db", str(db), "--config", str(cfg)], input=text("wildfire"))
    assert again.exit_code == 0, again.output
    assert stored(db) == rows  # a second run adds nothing

    # a near copy arriving later is matched against the whole store
    late = tmp_path / "late"
    late.mkdir()
    (late / "rates-again.txt").write_text(f"Rates Up Again\n\n{STORIES['rates'][1]} Reporting by staff.\n",
                                          encoding="utf-8")
    third = runner.invoke(app, ["run", str(late), "--db", str(db), "--config", str(cfg)])
    assert third.exit_code == 0, third.output
    after = stored(db)
    assert len(after["ok"]) == 17 and len(after["skipped"]) == 2
    assert "duplicate of" in third.output


@pytest.mark.slow
def test_run_corpus_bad_inputs_one_line_each_and_good_ones_kept(tmp_path: Path, site: HTTPServer) -> None:
    base = site.url_for("").rstrip("/")
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "good.txt").write_text(text("mine"), encoding="utf-8")
    (folder / "good.html").write_text(page("court"), encoding="utf-8")
    bad = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50,  # E003
        "empty.txt": b"",  # E002 skipped
        "big.txt": ("news " * 8000).encode(),  # E004 skipped (max_bytes below)
        "undecodable.txt": bytes(range(0x80, 0x100)) * 16,  # E005
        "truncated.html.gz": gz(tmp_path / "t.gz", page("aid")).read_bytes()[:-30],  # E006
        "malformed.html": b"<html><body><div><p>Hi<p><b>there<table><tr><td>x",  # E009 at cleaning
        "broken.rss": b"<rss><channel><title>x</title><item><title>cut",  # E010 for the entry cut short
        "bad.jsonl": b'{"text": "fine but short"\n',  # E007
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    (folder / "links.urls").write_text(f"{base}/gone\n{base}/report.pdf\nnot-a-url\n{base}/slow\n", encoding="utf-8")
    whole = warc(tmp_path / "w.warc.gz", [(f"{base}/{k}", "text/html", page(k), 200) for k in ("aid", "quake")])
    (folder / "cut.warc.gz").write_bytes(whole.read_bytes()[:-40])
    n_bad = len(bad) + 4 + 1  # files, four URL-list lines, the damaged archive
    db = tmp_path / "ew.duckdb"
    res = runner.invoke(app, ["run", str(folder), "--db", str(db), "--config", str(config_file(tmp_path, max_bytes=30000))])
    assert res.exit_code == 1, res.output
    report = [line for line in res.output.splitlines() if re.search(r"\bE0\d\d\b", line)]
    assert len(report) == n_bad, "\n".join(report)
    codes = {re.search(r"\b(E0\d\d)\b", line).group(1) for line in report}  # type: ignore[union-attr]
    assert {"E002", "E003", "E004", "E005", "E006", "E007", "E009", "E010", "E011", "E012", "E013", "E014"} <= codes
    assert any("timed out" in line for line in report) and any("HTTP 404" in line for line in report)
    rows = stored(db)
    assert len(rows["ok"]) == 3  # good.txt, good.html, and the archive's first record before the damage
