"""Reading the store from the command line: ``events``, ``dyads``, ``timeline`` and ``export``.

Thin wrappers over :class:`eventwire.store.Store`: the store validates filters and holds the SQL.
A bad filter is exit code 2 with one line on stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import EventwireError
from ..store import EventFilters, Store
from ..store.export import FORMATS, TABLES, export_table
from .app import app

err = Console(stderr=True)

Db = Annotated[Path, typer.Option("--db", help="the DuckDB store")]
Actor = Annotated[str | None, typer.Option(help="actor code prefix, as source or target (e.g. RUS, USAGOV)")]
Dyad = Annotated[str | None, typer.Option(help="SOURCE-TARGET code prefixes, e.g. USA-RUS")]
Undirected = Annotated[bool, typer.Option("--undirected", help="with --dyad, both directions")]
Code = Annotated[str | None, typer.Option(help="CAMEO event code prefix, e.g. 04 or 042")]
Quad = Annotated[list[int] | None, typer.Option("--quad-class", help="QuadClass 1-4 (repeatable)")]
Since = Annotated[str | None, typer.Option(help="first event date, YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option(help="last event date, YYYY-MM-DD")]
PlaceOpt = Annotated[str | None, typer.Option("--place", help="place name or its ISO alpha-3 country code")]
OneADay = Annotated[bool, typer.Option("--one-a-day", help="ICEWS filter: same date, dyad and code counted once")]
AsJson = Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table")]


def _jsonable(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    return v


def _emit(row: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False) + "\n")


@contextmanager
def _store(db: Path) -> Iterator[Store]:
    """The store opened read-only; a missing store or a bad query is exit code 2 with one line."""
    if not db.exists():
        err.print(f"[red]error[/red] no store at {db}; run `eventwire run --db {db}` first", highlight=False)
        raise typer.Exit(2)
    try:
        with Store(db, read_only=True) as store:
            yield store
    except EventwireError as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(2) from e


def _filters(actor: str | None, dyad: str | None, undirected: bool, code: str | None, quad_class: list[int] | None,
             since: str | None, until: str | None, place: str | None, modality: str | None,
             one_a_day: bool) -> EventFilters:
    f: EventFilters = {"actor": actor, "dyad": dyad, "undirected": undirected, "code": code,
                       "quad_class": quad_class or None, "since": since, "until": until, "place": place,
                       "one_a_day": one_a_day}
    f["modality"] = None if modality == "all" else modality
    return f


def _num(v: Any, digits: int = 2) -> str:
    return "" if v is None else f"{float(v):.{digits}f}"


@app.command()
def events(db: Db = Path("eventwire.duckdb"), actor: Actor = None, dyad: Dyad = None, undirected: Undirected = False,
           code: Code = None, quad_class: Quad = None, since: Since = None, until: Until = None, place: PlaceOpt = None,
           modality: Annotated[str, typer.Option(help="asserted, negated, hypothetical or all")] = "all",
           one_a_day: OneADay = False,
           limit: Annotated[int, typer.Option(help="at most this many rows")] = 50,
           offset: Annotated[int, typer.Option(help="skip this many rows first")] = 0,
           as_json: AsJson = False) -> None:
    """Query stored events: one row per event, counted across mentions, sources and articles."""
    with _store(db) as store:
        rows = store.events(limit=limit, offset=offset, **_filters(actor, dyad, undirected, code, quad_class, since,
                                                                    until, place, modality, one_a_day))
    if as_json:
        for r in rows:
            _emit(r)
        return
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "code", "name", "source", "target", "modality", "place", "mentions", "articles", "tone"):
        table.add_column(col, justify="right" if col in ("mentions", "articles", "tone") else "left")
    for r in rows:
        table.add_row(str(r["date"] or ""), r["code"], (r["name"] or "")[:40], r["source_code"] or r["source_name"] or "",
                      r["target_code"] or r["target_name"] or "", r["modality"], r["place_name"] or "",
                      str(r["num_mentions"]), str(r["num_articles"]), _num(r["avg_tone"]))
    Console().print(table)


@app.command()
def dyads(db: Db = Path("eventwire.duckdb"), actor: Actor = None, code: Code = None, quad_class: Quad = None,
          since: Since = None, until: Until = None, place: PlaceOpt = None,
          modality: Annotated[str, typer.Option(help="asserted, negated, hypothetical or all")] = "asserted",
          one_a_day: OneADay = False,
          level: Annotated[str, typer.Option(help="country (actors' countries) or code (full actor codes)")] = "country",
          limit: Annotated[int, typer.Option(help="at most this many dyads")] = 20,
          as_json: AsJson = False) -> None:
    """Top dyads (source -> target): events, mentions, mean Goldstein, cooperation and conflict counts."""
    with _store(db) as store:
        rows = store.dyads(level=level, limit=limit, **_filters(actor, None, False, code, quad_class, since, until, place,
                                                                 modality, one_a_day))
    if as_json:
        for r in rows:
            _emit(r)
        return
    table = Table(title=f"top {len(rows)} dyads ({modality} events)")
    for col in ("source", "target", "events", "mentions", "goldstein", "cooperation", "conflict", "first", "last"):
        table.add_column(col, justify="left" if col in ("source", "target") else "right")
    for r in rows:
        table.add_row(r["source"], r["target"], str(r["events"]), str(r["mentions"]), _num(r["goldstein_mean"]),
                      str(r["cooperation"]), str(r["conflict"]), str(r["first_date"] or ""), str(r["last_date"] or ""))
    Console().print(table)


@app.command()
def timeline(db: Db = Path("eventwire.duckdb"), dyad: Dyad = None, undirected: Undirected = False, actor: Actor = None,
             code: Code = None, since: Since = None, until: Until = None, place: PlaceOpt = None,
             by: Annotated[str, typer.Option(help="day, week, month or year")] = "day",
             modality: Annotated[str, typer.Option(help="asserted, negated, hypothetical or all")] = "asserted",
             one_a_day: OneADay = False, as_json: AsJson = False) -> None:
    """Events per period: counts, mean Goldstein, cooperation (QuadClass 1-2) against conflict (3-4)."""
    with _store(db) as store:
        rows = store.timeline(by=by, **_filters(actor, dyad, undirected, code, None, since, until, place, modality,
                                                one_a_day))
    if as_json:
        for r in rows:
            _emit(r)
        return
    table = Table(title=f"timeline by {by}" + (f", {dyad}" if dyad else ""))
    for col in ("period", "events", "mentions", "goldstein", "cooperation", "conflict"):
        table.add_column(col, justify="left" if col == "period" else "right")
    for r in rows:
        table.add_row(str(r["period"]), str(r["events"]), str(r["mentions"]), _num(r["goldstein_mean"]),
                      str(r["cooperation"]), str(r["conflict"]))
    Console().print(table)


@app.command()
def export(db: Db = Path("eventwire.duckdb"),
           fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or gdelt")] = "jsonl",
           table: Annotated[str, typer.Option("--table", help=f"one of {', '.join(TABLES)}")] = "events",
           out: Annotated[Path | None, typer.Option("--out", help="output file (stdout if omitted)")] = None,
           modality: Annotated[str | None, typer.Option(help="gdelt only: keep events of this modality")] = None) -> None:
    """Export a table as JSON Lines, CSV or Parquet, or the GDELT 2.0 event (or mentions) table."""
    if fmt not in FORMATS or table not in TABLES:
        err.print(f"[red]error[/red] format must be one of {FORMATS}, table one of {TABLES}", highlight=False)
        raise typer.Exit(2)
    with _store(db) as store:
        n = export_table(store, table, fmt, out, modality=modality)
    err.print(f"exported {n} rows", highlight=False)
