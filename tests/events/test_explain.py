"""`eventwire explain`: parse, actors, events with the row that fired, and why other verbs gave nothing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def test_explain_prints_events_rules_and_silent_verbs() -> None:
    res = runner.invoke(app, ["explain", "Mexico condemned Guatemala and then quietly pondered the weather.",
                              "--published", "2024-05-09"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "lemma" in out and "dep" in out  # the parse table
    assert "Mexico" in out and "MEX" in out  # the actors
    assert "111" in out and "criticize.1" in out  # the event and the row that fired
    assert "ponder" in out  # a verb that gave nothing, with its reason
    assert "no pattern fits" in out or "no lexicon entry" in out


def test_explain_json_lines_per_sentence() -> None:
    res = runner.invoke(app, ["explain", "Chile recalled its ambassador from Peru. The weather was mild.", "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(ln) for ln in res.output.splitlines() if ln.strip()]
    assert len(rows) == 2
    assert rows[0]["events"] and rows[0]["events"][0]["rule"]
    assert rows[1]["events"] == []


def test_explain_doc_file(tmp_path: Path) -> None:
    doc = tmp_path / "story.txt"
    doc.write_text("Talks in Oslo\n\nNorway hosted a delegation from Colombia on Monday to discuss the peace "
                   "process, officials said.\n", encoding="utf-8")
    res = runner.invoke(app, ["explain", "--doc", str(doc), "--published", "2024-05-09", "--no-parse"])
    assert res.exit_code == 0, res.output
    assert "043" in res.output


def test_explain_needs_a_sentence_or_a_document() -> None:
    res = runner.invoke(app, ["explain"])
    assert res.exit_code == 2


def test_explain_names_the_dictionary_entries_behind_codes() -> None:
    # an event from the converted PETRARCH-2 verb dictionary: its file, line and pattern
    res = runner.invoke(app, ["explain", "Colombia's rebels abstained from violence during the election.", "--no-parse"])
    assert res.exit_code == 0, res.output
    assert "px.abstain." in res.output and "CAMEO.2.0.txt line" in res.output and "(FROM VIOLENCE)" in res.output
    # actors from the Phoenix people file, coded by the role held on the publication date
    res = runner.invoke(app, ["explain", "Artur Rasizade met Elmar Mammadyarov in Baku.", "--no-parse", "--json",
                              "--published", "2008-05-05"])
    row = json.loads(res.output.splitlines()[0])
    assert {"text": "Artur Rasizade", "code": "AZEGOV"} in row["actors"]
    assert row["entries"]["Artur Rasizade"].startswith("phoenix/people.tsv:")
    res = runner.invoke(app, ["explain", "Artur Rasizade met Elmar Mammadyarov in Baku.", "--no-parse", "--json",
                              "--published", "1990-05-05"])
    assert {"text": "Artur Rasizade", "code": "AZEELI"} in json.loads(res.output.splitlines()[0])["actors"]
