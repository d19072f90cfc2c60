"""`eventwire serve`: the command's checks before it starts a server."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app


def test_serve_cli_missing_store_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store" in result.output


def test_serve_cli_binds_to_localhost_by_default() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.output)
    assert "127.0.0.1" in text and "8000" in text and "--db" in text


def test_serve_cli_refuses_a_bad_port(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--port", "70000"])
    assert result.exit_code == 2
