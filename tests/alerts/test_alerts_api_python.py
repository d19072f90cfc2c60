"""`eventwire.open(db).alerts()`: the same alerts as the CLI's --json, for notebooks."""

from __future__ import annotations

import json

import pytest
from alertkit import turning_store
from typer.testing import CliRunner

import eventwire
from eventwire.cli import app


def test_alerts_python_api_matches_cli_json(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = turning_store(tmp_path_factory.mktemp("alerts-py") / "turns.duckdb")
    with eventwire.open(db) as ew:
        got = ew.alerts()
    out = CliRunner().invoke(app, ["alerts", "--db", str(db), "--json"])
    assert out.exit_code == 0
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert got and [(a["source"], a["target"], a["kind"], a["start"]) for a in got] == \
        [(a["source"], a["target"], a["kind"], a["start"]) for a in lines]
