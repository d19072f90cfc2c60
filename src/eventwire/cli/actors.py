"""``eventwire actors``: who the store knows, and the names it could not code.

The second list is the analyst's to-do list: add those names to a dictionary file (CSV
``name,code`` or YAML) and pass it with ``--dictionary`` or the config's ``dictionaries``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..actors.registry import ActorRegistry
from ..store import Store
from .app import Db, app, err


def _rows(store: Store, limit: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    everyone = store.actors(limit=None)
    known = [r for r in everyone if r.get("code")][:limit]
    uncoded = store.actors(uncoded=True, limit=limit)
    return known, uncoded


@app.command()
def actors(db: Db = Path("eventwire.duckdb"),
           limit: Annotated[int, typer.Option(help="at most this many rows per list")] = 30,
           as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of tables")] = False) -> None:
    """List known (coded) actors, the people learnt by title, and the most frequent uncoded names."""
    if not db.exists():
        err.print(f"[red]error[/red] no store at {db}; run `eventwire run` first", highlight=False)
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        known, uncoded = _rows(store, limit)
        registry = ActorRegistry()
        registry.load_store(store)
    learnt = registry.rows()[:limit]
    if as_json:
        for r in known:
            _emit({"list": "known", **r})
        for name, code, n in learnt:
            _emit({"list": "learnt", "name": name, "code": code, "documents": n})
        for r in uncoded:
            _emit({"list": "uncoded", **r})
        return
    out = Console()
    out.print(_table(f"known actors ({len(known)})", known, ("name", "code", "kind", "articles", "mentions")))
    learnt_rows = [{"name": n, "code": c, "documents": k} for n, c, k in learnt]
    out.print(_table(f"people coded by their titles ({len(learnt_rows)}): a bare surname elsewhere gets the same code",
                     learnt_rows, ("name", "code", "documents")))
    out.print(_table(f"most frequent uncoded names ({len(uncoded)})", uncoded, ("name", "kind", "articles", "mentions")))
    if uncoded:
        err.print("add names to a CSV file (name,code) and pass it with --dictionary FILE", highlight=False)


def _table(title: str, rows: list[dict[str, Any]], cols: tuple[str, ...]) -> Table:
    t = Table(title=title, title_justify="left")
    for c in cols:
        t.add_column(c, justify="right" if c in ("articles", "mentions", "documents") else "left")
    for r in rows:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
    return t


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
