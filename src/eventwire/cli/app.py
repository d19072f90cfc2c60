"""``eventwire`` commands (CONTRACT.md). Library first: each command calls the package and prints.

Exit codes: 0 success; 1 some documents failed (each reported on stderr, the rest kept);
2 bad usage or unreadable input.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..config import Config, load_config
from ..errors import EventwireError
from ..ingest import read_inputs
from ..pipeline import Pipeline
from ..samples import sample_documents
from ..store import Store
from ..store.export import FORMATS, TABLES, export_table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: news in, event data out (CAMEO events, actors, quotes).")
err = Console(stderr=True)

Inputs = Annotated[list[str] | None, typer.Argument(help="files, folders, or - for stdin")]
Jsonl = Annotated[bool, typer.Option("--jsonl", help="each input line is a JSON document object")]
Published = Annotated[str | None, typer.Option("--published", help="publication date for documents that carry none")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="a TOML or YAML config file")]
Db = Annotated[Path, typer.Option("--db", help="the DuckDB store")]


def _config(path: Path | None) -> Config:
    try:
        return load_config(path)
    except EventwireError as e:
        _fail(e)
        raise


def _fail(e: EventwireError) -> None:
    err.print(f"[red]error[/red] {e}", highlight=False)
    raise typer.Exit(2)


def _report(doc_id: str, status: str, reason: str | None) -> None:
    err.print(f"[yellow]{status}[/yellow] {doc_id}: {reason}", highlight=False, soft_wrap=True)


def _emit(obj: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@app.command()
def analyze(inputs: Inputs = None, jsonl: Jsonl = False, published: Published = None,
            config: ConfigOpt = None) -> None:
    """Analyse documents without a database; one JSON object per document on stdout."""
    cfg = _config(config)
    failed = 0
    try:
        for analysis in Pipeline(cfg).analyze(read_inputs(inputs or ["-"], cfg, jsonl, published)):
            _emit(analysis.to_dict())
            if analysis.status == "error":
                failed += 1
                _report(analysis.id, analysis.status, analysis.article.reason)
    except EventwireError as e:
        _fail(e)
    raise typer.Exit(1 if failed else 0)


@app.command()
def clean(inputs: Inputs = None, jsonl: Jsonl = False, published: Published = None,
          config: ConfigOpt = None) -> None:
    """The cleaning stage alone: text, title, date and language per document."""
    cfg = _config(config)
    failed = 0
    try:
        for art in Pipeline(cfg).clean(read_inputs(inputs or ["-"], cfg, jsonl, published)):
            _emit(art.clean_dict())
            if art.status == "error":
                failed += 1
                _report(art.id, art.status, art.reason)
    except EventwireError as e:
        _fail(e)
    raise typer.Exit(1 if failed else 0)


@app.command()
def run(inputs: Inputs = None, db: Db = Path("eventwire.duckdb"), jsonl: Jsonl = False,
        published: Published = None, config: ConfigOpt = None) -> None:
    """The main job: ingest, analyse and store, with progress and a summary.

    Without INPUT it runs on the bundled sample articles.
    """
    cfg = _config(config)
    counts: Counter[str] = Counter()
    try:
        docs = list(read_inputs(inputs, cfg, jsonl, published) if inputs else sample_documents(cfg))
        with Store(db) as store, Progress(
            TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, transient=False,
        ) as progress:
            task = progress.add_task("docs", total=len(docs))
            todo = [d for d in docs if d.status != "ok" or not store.has_article(d.id)]
            progress.advance(task, len(docs) - len(todo))
            counts["already stored"] += len(docs) - len(todo)
            for analysis in Pipeline(cfg).analyze(todo):
                if analysis.status != "ok":
                    counts[analysis.status] += 1
                    _report(analysis.id, analysis.status, analysis.article.reason)
                if store.write(analysis):
                    counts["stored"] += 1
                    counts["events"] += len(analysis.events)
                    counts["quotes"] += len(analysis.quotes)
                progress.advance(task)
            totals = store.query("SELECT (SELECT count(*) FROM articles WHERE status='ok') AS a,"
                                 " (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM quotes) AS q")[0]
    except EventwireError as e:
        _fail(e)
        return
    table = Table(title=f"eventwire run -> {db}")
    table.add_column("")
    table.add_column("this run", justify="right")
    table.add_column("in store", justify="right")
    table.add_row("documents read", str(len(docs)), "")
    table.add_row("already stored", str(counts["already stored"]), "")
    table.add_row("articles stored", str(counts["stored"]), str(totals["a"]))
    table.add_row("skipped", str(counts["skipped"]), "")
    table.add_row("errors", str(counts["error"]), "")
    table.add_row("events", str(counts["events"]), str(totals["e"]))
    table.add_row("quotes", str(counts["quotes"]), str(totals["q"]))
    err.print(table)
    raise typer.Exit(1 if counts["error"] else 0)


@app.command()
def events(db: Db = Path("eventwire.duckdb"),
           actor: Annotated[str | None, typer.Option(help="actor code prefix, source or target")] = None,
           dyad: Annotated[str | None, typer.Option(help="SOURCE-TARGET code prefixes, e.g. USA-RUS")] = None,
           code: Annotated[str | None, typer.Option(help="CAMEO code prefix")] = None,
           since: Annotated[str | None, typer.Option(help="first date, YYYY-MM-DD")] = None,
           until: Annotated[str | None, typer.Option(help="last date, YYYY-MM-DD")] = None,
           limit: Annotated[int, typer.Option(help="at most this many rows")] = 50,
           as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table")] = False) -> None:
    """Query stored events."""
    if not db.exists():
        err.print(f"[red]error[/red] no store at {db}; run `eventwire run` first", highlight=False)
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        rows = store.events(actor=actor, dyad=dyad, code=code, since=since, until=until, limit=limit)
    if as_json:
        for r in rows:
            _emit({k: (str(v) if k == "date" and v is not None else v) for k, v in r.items()})
        return
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "code", "name", "source", "target", "modality", "place"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["date"] or ""), r["code"], (r["name"] or "")[:40], r["source_code"] or r["source_text"] or "",
                      r["target_code"] or r["target_text"] or "", r["modality"], r["place_name"] or "")
    Console().print(table)


@app.command()
def export(db: Db = Path("eventwire.duckdb"),
           fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or gdelt")] = "jsonl",
           table: Annotated[str, typer.Option("--table", help="events, quotes, actors or articles")] = "events",
           out: Annotated[Path | None, typer.Option("--out", help="output file (stdout if omitted)")] = None) -> None:
    """Export a table as JSON Lines, CSV, Parquet or the GDELT 2.0 event format."""
    if fmt not in FORMATS or table not in TABLES:
        err.print(f"[red]error[/red] format must be one of {FORMATS}, table one of {TABLES}", highlight=False)
        raise typer.Exit(2)
    if not db.exists():
        err.print(f"[red]error[/red] no store at {db}; run `eventwire run` first", highlight=False)
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        n = export_table(store, table, fmt, out)
    err.print(f"exported {n} rows", highlight=False)


def main() -> None:
    app()
