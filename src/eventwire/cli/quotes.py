"""``eventwire quotes``: who said what, from the store.

A thin wrapper over :meth:`eventwire.store.Store.quotes`; a missing store or a bad filter is exit
code 2 with one line on stderr.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import EventwireError
from ..store import Store
from .app import app

_err = Console(stderr=True)
_KINDS = ("direct", "partial", "indirect")


def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (date, datetime)) else v


@app.command()
def quotes(
    db: Annotated[Path, typer.Option("--db", help="the DuckDB store")] = Path("eventwire.duckdb"),
    speaker: Annotated[str | None, typer.Option(help="part of the speaker's name, or an actor code prefix (RUSGOV)")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, partial or indirect")] = None,
    article: Annotated[str | None, typer.Option("--article", help="only this article id")] = None,
    since: Annotated[str | None, typer.Option(help="articles published on or after, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="articles published on or before, YYYY-MM-DD")] = None,
    limit: Annotated[int, typer.Option(help="at most this many quotes")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table")] = False,
) -> None:
    """Query stored quotes: who said what, in which article, directly or reported."""
    if kind is not None and kind not in _KINDS:
        _err.print(f"[red]error[/red] --kind must be one of {', '.join(_KINDS)}, not {kind!r}", highlight=False)
        raise typer.Exit(2)
    if not db.exists():
        _err.print(f"[red]error[/red] no store at {db}; run `eventwire run --db {db}` first", highlight=False)
        raise typer.Exit(2)
    try:
        with Store(db, read_only=True) as store:
            rows = store.quotes(speaker=speaker, article_id=article, kind=kind, since=since, until=until, limit=limit)
    except EventwireError as e:
        _err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(2) from e
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps({k: _jsonable(v) for k, v in r.items()}, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} quotes" + (f" by {speaker}" if speaker else ""))
    for col in ("date", "speaker", "code", "kind", "cue", "quote"):
        table.add_column(col)
    for r in rows:
        text = r["text"] or ""
        table.add_row(str(r.get("article_published") or ""), r["speaker_name"] or "", r["speaker_code"] or "",
                      r["kind"] or "", r["cue"] or "", text if len(text) <= 120 else text[:117] + "...")
    Console().print(table)
