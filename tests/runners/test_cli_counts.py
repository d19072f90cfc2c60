"""What ``run`` says matches what the store holds: Ctrl-C, duplicates, unreadable dates, stdin."""

from __future__ import annotations

import json
import os
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from runkit import documents, story
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Config
from eventwire.models import Document
from eventwire.runners import run_job
from eventwire.store import Store

runner = CliRunner()


def _jsonl(n: int) -> bytes:
    return "".join(json.dumps({"id": f"doc-{i:03d}", "text": story(i)}) + "\n" for i in range(n)).encode()


def _stored_ids(db: Path) -> set[str]:
    with Store(db, read_only=True) as store:
        return {str(r["id"]) for r in store.query("SELECT id FROM articles")}


def test_cli_counts_run_job_stopped_gives_every_stored_document_its_outcome(tmp_path: Path, nlp: object) -> None:
    with Store(tmp_path / "ew.duckdb") as store:
        outcomes = list(run_job(documents(12), store, Config(batch_size=4), should_stop=lambda: True))
        held = {str(r["id"]) for r in store.query("SELECT id FROM articles")}
    assert len(outcomes) == 4  # the first batch, whole, then the stop
    assert {o.doc_id for o in outcomes if o.written} == held


def test_cli_counts_ctrl_c_reports_what_the_store_holds(tmp_path: Path, nlp: object,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def read_then_ctrl_c(*args: object, **kwargs: object) -> Iterator[Document]:
        for n, doc in enumerate(documents(20), 1):
            if n == 6:  # Ctrl-C in the middle of the second batch of four
                os.kill(os.getpid(), signal.SIGINT)
            yield doc

    monkeypatch.setattr("eventwire.cli.run.read_inputs", read_then_ctrl_c)
    db, log, cfg = tmp_path / "ew.duckdb", tmp_path / "run.log", tmp_path / "eventwire.toml"
    cfg.write_text("batch_size = 4\n", encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text("read by the patched reader", encoding="utf-8")
    res = runner.invoke(app, ["run", str(src), "--db", str(db), "--log", str(log), "--config", str(cfg)])
    assert res.exit_code == 130, res.output
    said = re.search(r"interrupted: (\d+) documents stored", res.output)
    stored = _stored_ids(db)
    assert said is not None and int(said.group(1)) == len(stored) and 0 < len(stored) < 20
    logged = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert {x["id"] for x in logged if x["written"]} == stored  # the --log names every stored document


def test_cli_counts_duplicates_are_not_counted_as_articles_stored(tmp_path: Path, nlp: object) -> None:
    db = tmp_path / "ew.duckdb"
    lines = [{"id": f"a{i}", "text": story(i)} for i in range(4)] + [{"id": f"copy{i}", "text": story(i)} for i in range(2)]
    data = "".join(json.dumps(x) + "\n" for x in lines)
    res = runner.invoke(app, ["run", "-", "--jsonl", "--db", str(db)], input=data)
    assert res.exit_code == 0, res.output
    rows = {label: [int(n) for n in re.findall(r"\b\d+\b", line)] for line in res.output.splitlines()
            for label in ("articles stored", "duplicates skipped") if label in line}
    assert rows == {"articles stored": [4, 4], "duplicates skipped": [2]}


def test_cli_counts_published_that_is_no_date_is_a_usage_error(tmp_path: Path) -> None:
    for command in (["run", "--db", str(tmp_path / "ew.duckdb")], ["clean"], ["analyze"]):
        res = runner.invoke(app, [*command, "-", "--published", "2025-99-99"], input=story(1))
        assert res.exit_code == 2 and "E061" in res.output, res.output
    assert not (tmp_path / "ew.duckdb").exists()  # refused before anything was opened


def test_cli_counts_unreadable_date_in_a_document_is_a_note(tmp_path: Path, nlp: object) -> None:
    data = json.dumps({"id": "d", "text": story(2), "published": "2025-13-45"}) + "\n"
    res = runner.invoke(app, ["clean", "-", "--jsonl"], input=data)
    out = json.loads(res.stdout)
    assert res.exit_code == 0 and out["status"] == "ok" and out["published"] is None
    assert out["reason"].startswith("E022") and "2025-13-45" in out["reason"]


def test_cli_counts_hostile_json_lines_on_stdin(tmp_path: Path, nlp: object) -> None:
    db = tmp_path / "ew.duckdb"
    lines = [json.dumps({"id": "good", "text": story(3)}), json.dumps({"id": "bad-type", "text": story(4), "url": ["x"]}),
             json.dumps({"id": "bad-url", "text": story(5), "url": "https://[::1"}), "{broken",
             json.dumps({"id": "late", "text": story(6), "published": "2025-13-45"})]
    res = runner.invoke(app, ["run", "-", "--jsonl", "--db", str(db)], input="\n".join(lines) + "\n")
    assert res.exit_code == 1, res.output
    assert sorted(re.findall(r"\b(E0\d\d)\b", res.output)) == ["E007", "E018", "E019"]
    with Store(db, read_only=True) as store:
        rows = {str(r["id"]): (r["status"], r["reason"]) for r in store.query("SELECT id, status, reason FROM articles")}
    assert rows["good"] == ("ok", None) and rows["late"][0] == "ok" and rows["late"][1].startswith("E022")
    assert rows["bad-type"][0] == rows["bad-url"][0] == "error"


def test_cli_counts_utf16_json_lines_on_stdin(tmp_path: Path, nlp: object) -> None:
    data = "".join(json.dumps({"id": f"u{i}", "text": story(i)}) + "\n" for i in range(3)).encode("utf-16")
    res = runner.invoke(app, ["clean", "-", "--jsonl"], input=data)
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert res.exit_code == 0, res.output
    assert [(o["id"], o["status"], o["encoding"]) for o in out] == [(f"u{i}", "ok", "utf-16-le") for i in range(3)]


def test_cli_counts_a_folder_that_cannot_be_listed_is_an_error_not_nothing(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(story(1), encoding="utf-8")
    scandir = os.scandir

    def refuse(path: str | os.PathLike[str] = ".") -> object:  # as without read permission (root ignores chmod)
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    res = runner.invoke(app, ["clean", str(folder)])
    assert res.exit_code == 1, res.output
    (out,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert out["status"] == "error" and out["reason"].startswith("E001") and "Permission denied" in out["reason"]


def test_cli_counts_a_mention_given_twice_counts_once() -> None:
    from collections import Counter

    from eventwire.cli.run import _count
    from eventwire.models import ActorRef, Analysis, Article, Event
    from eventwire.runners import Outcome

    def event(text: str) -> Event:
        # "Trump" and "President Trump" in one sentence: two events for the coder, one mention for the store
        return Event(code="040", name="Consult", root="04", quad_class=1, goldstein=1.0,
                     source=ActorRef(text=text, code="USAGOV", country="USA"),
                     target=ActorRef(text="Xi", code="CHNGOV", country="CHN"), modality="asserted",
                     sentence="President Trump met Xi on Monday.", span=(0, 33), rule="meet.1", trigger=(16, 19))

    art = Article(id="a1", text="President Trump met Xi on Monday.")
    counts: Counter[str] = Counter()
    _count(counts, Outcome("a1", Analysis(art, events=[event("Trump"), event("President Trump")]), True))
    assert counts["events"] == 1
