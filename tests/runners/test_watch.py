"""Watch mode: each cycle ingests only what is new in folders and feeds (no network: a mock transport)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from runkit import story
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Config
from eventwire.errors import EventwireError
from eventwire.ingest import Fetcher
from eventwire.runners.sources import FeedSource, FolderSource, sources_for
from eventwire.runners.watch import Watcher, parse_interval
from eventwire.store import Store


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400),
                                               ("1h30m", 5400), ("0.5s", 0.5)])
def test_watch_parse_interval_reads_units(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "fast", "15x", "m15", "15 m", "-5m"])
def test_watch_parse_interval_refuses_what_is_not_an_interval(text: str) -> None:
    with pytest.raises(EventwireError, match="E073"):
        parse_interval(text)


def _stored_ids(store: Store) -> set[str]:
    return {r["id"] for r in store.query("SELECT id FROM articles")}


def test_watch_folder_ingests_new_files_only(tmp_path: Path, nlp: object) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(story(1))
    (folder / "b.txt").write_text(story(2))
    (folder / ".hidden.txt").write_text(story(3))
    (folder / "notes.csv").write_text("not,a,document\n")
    with Store(tmp_path / "w.duckdb") as store:
        w = Watcher([FolderSource(folder, Config())], store, Config())
        first = w.cycle()
        assert (first.new_items, first.stored) == (2, 2)
        assert first.events > 0
        second = w.cycle()
        assert (second.new_items, second.documents, second.stored) == (0, 0, 0)
        (folder / "sub").mkdir()
        (folder / "sub" / "c.txt").write_text(story(4))
        third = w.cycle()
        assert (third.new_items, third.stored) == (1, 1)
        assert len(_stored_ids(store)) == 3


def test_watch_folder_rereads_a_changed_file_but_stores_nothing_twice(tmp_path: Path, nlp: object) -> None:
    (tmp_path / "a.txt").write_text(story(1))
    with Store(tmp_path / "w.duckdb") as store:
        w = Watcher([FolderSource(tmp_path, Config())], store, Config())
        w.cycle()
        st = (tmp_path / "a.txt").stat()
        os.utime(tmp_path / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
        again = w.cycle()
        assert again.new_items == 1  # a new version of the file is looked at ...
        assert again.stored == 0  # ... but its document is already stored
        assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == 1


def _rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>Tue, 11 Mar 2025 08:00:00 GMT</pubDate></item>"
                   for t, link in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{body}</channel></rss>'.encode()


def _page(n: int) -> str:
    paras = "".join(f"<p>{p}</p>" for p in story(n).split("\n\n")[1:])
    return f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>{paras}</article></body></html>"


class FakeWeb:
    """A feed and its article pages behind an httpx mock transport; counts what was fetched."""

    def __init__(self) -> None:
        self.entries = [("One", "https://wire.test/1"), ("Two", "https://wire.test/2")]
        self.fetched: list[str] = []
        self.down: set[str] = set()

    def handler(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.fetched.append(url)
        if url == "https://wire.test/feed.xml":
            return httpx.Response(200, content=_rss(self.entries), headers={"content-type": "application/rss+xml"})
        if url in self.down:
            return httpx.Response(404, text="gone for now")
        n = int(url.rsplit("/", 1)[-1])
        return httpx.Response(200, text=_page(n), headers={"content-type": "text/html; charset=utf-8"})


def test_watch_feed_fetches_each_entry_once_and_picks_up_new_entries(tmp_path: Path, nlp: object) -> None:
    web = FakeWeb()
    config = Config(fetch_retries=0)
    fetcher = Fetcher(config, transport=httpx.MockTransport(web.handler))
    with Store(tmp_path / "w.duckdb") as store:
        w = Watcher([FeedSource("https://wire.test/feed.xml", config)], store, config, fetcher=fetcher)
        first = w.cycle()
        assert (first.new_items, first.stored) == (2, 2)
        assert sorted(web.fetched) == ["https://wire.test/1", "https://wire.test/2", "https://wire.test/feed.xml"]
        web.fetched.clear()
        web.entries.append(("Three", "https://wire.test/3"))
        second = w.cycle()
        assert (second.new_items, second.stored) == (1, 1)
        assert web.fetched == ["https://wire.test/feed.xml", "https://wire.test/3"]  # old entries are not fetched again
        assert {r["url"] for r in store.query("SELECT url FROM articles")} == {f"https://wire.test/{n}" for n in (1, 2, 3)}


def test_watch_feed_retries_an_entry_whose_page_could_not_be_fetched(tmp_path: Path, nlp: object) -> None:
    web = FakeWeb()
    web.down.add("https://wire.test/2")
    config = Config(fetch_retries=0)
    fetcher = Fetcher(config, transport=httpx.MockTransport(web.handler))
    with Store(tmp_path / "w.duckdb") as store:
        w = Watcher([FeedSource("https://wire.test/feed.xml", config)], store, config, fetcher=fetcher)
        first = w.cycle()
        assert (first.stored, first.errors) == (2, 1)  # the failure is stored as an error record, with its reason
        assert any("E011" in p for p in first.problems)
        web.down.clear()
        web.fetched.clear()
        second = w.cycle()
        assert web.fetched == ["https://wire.test/feed.xml", "https://wire.test/2"]
        assert (second.new_items, second.errors) == (1, 0)
        statuses = {r["url"]: r["status"] for r in store.query("SELECT url, status FROM articles")}
    assert statuses["https://wire.test/2"] == "ok"


def test_watch_feed_that_cannot_be_read_is_reported_and_the_rest_goes_on(tmp_path: Path, nlp: object) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_text("<html>not a feed</html>")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(story(5))
    with Store(tmp_path / "w.duckdb") as store:
        w = Watcher([FeedSource(str(bad), Config()), FolderSource(folder, Config())], store, Config())
        c = w.cycle()
    assert c.stored == 1
    assert any("E010" in p for p in c.problems)


def test_watch_sources_for_names_folders_feeds_and_lists(tmp_path: Path) -> None:
    (tmp_path / "feeds.urls").write_text("# my feeds\nhttps://a.test/rss\n\nhttps://b.test/atom\n")
    (tmp_path / "one.rss").write_bytes(_rss([("x", "https://a.test/x")]))
    (tmp_path / "page.html").write_text("<html><body>one page</body></html>")
    cfg = Config()
    assert [s.name for s in sources_for(str(tmp_path / "feeds.urls"), cfg)] == ["feed:https://a.test/rss",
                                                                                 "feed:https://b.test/atom"]
    assert isinstance(sources_for(str(tmp_path / "one.rss"), cfg)[0], FeedSource)
    assert isinstance(sources_for(str(tmp_path), cfg)[0], FolderSource)
    assert isinstance(sources_for("https://c.test/feed", cfg)[0], FeedSource)
    for bad in (str(tmp_path / "page.html"), str(tmp_path / "missing")):
        with pytest.raises(EventwireError, match="E076"):
            sources_for(bad, cfg)


def test_watch_run_stops_after_max_cycles_and_waits_between_them(tmp_path: Path, nlp: object) -> None:
    waits: list[float] = []
    with Store(tmp_path / "w.duckdb") as store:
        w = Watcher([FolderSource(tmp_path, Config())], store, Config())
        assert w.run(every=60, max_cycles=3, sleep=waits.append) == 3
    assert len(waits) == 2 and all(0 < s <= 60 for s in waits)


def test_cli_watch_once_stores_the_folder_and_reports_the_cycle(tmp_path: Path, nlp: object) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(story(6))
    db = tmp_path / "w.duckdb"
    runner = CliRunner()
    res = runner.invoke(app, ["watch", str(folder), "--once", "--db", str(db), "--every", "1m"])
    assert res.exit_code == 0, res.output
    assert "cycle 1" in res.output and "1 stored" in res.output
    again = runner.invoke(app, ["watch", str(folder), "--max-cycles", "1", "--db", str(db)])
    assert again.exit_code == 0 and "0 new items" in again.output


def test_cli_watch_bad_interval_or_source_is_a_usage_error(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["watch", str(tmp_path), "--every", "soon", "--db", str(tmp_path / "w.duckdb")])
    assert res.exit_code == 2 and "E073" in res.output
    res = runner.invoke(app, ["watch", str(tmp_path / "nope"), "--once", "--db", str(tmp_path / "w.duckdb")])
    assert res.exit_code == 2 and "E076" in res.output


def test_watch_run_stops_when_asked_and_marks_nothing_half_done(tmp_path: Path, nlp: object) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(story(20 + n))
    asked = iter([False, True])  # asked to stop as the first results come back

    with Store(tmp_path / "w.duckdb") as store:
        w = Watcher([FolderSource(tmp_path, Config())], store, Config())
        report = w.cycle(should_stop=lambda: next(asked, True))
        assert report.stopped
        assert store.query("SELECT count(*) AS n FROM watch_seen")[0]["n"] == 0
        # the next cycle reads everything again; what was stored is skipped by its id
        again = w.cycle()
        assert again.new_items == 3 and not again.stopped
        assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == 3
        assert w.run(every=0, should_stop=lambda: True) == 0
