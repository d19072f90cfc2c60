"""``eventwire`` commands (CONTRACT.md). Library first: each command calls the package and prints.

Exit codes: 0 success; 1 some documents failed (each reported on stderr, the rest kept);
2 bad usage or unreadable input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..actors.lexicon import load_user_dictionary
from ..clean.dates import iso_date
from ..config import Config, load_config
from ..errors import Errors, EventwireError
from ..ingest import read_inputs
from ..pipeline import Pipeline

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: news in, event data out (CAMEO events, actors, quotes).")
err = Console(stderr=True)

Inputs = Annotated[list[str] | None, typer.Argument(help="files, folders, or - for stdin")]
Jsonl = Annotated[bool, typer.Option("--jsonl", help="each input line is a JSON document object")]


def _published_date(value: str | None) -> str | None:
    """``--published`` as YYYY-MM-DD; a date nobody can read (2025-99-99) is a usage error (E061, exit 2),
    not a value dropped in silence."""
    if value is None:
        return None
    day = iso_date(value)
    if day is None:
        _fail(EventwireError(Errors.E061, value=value))
    return day


Published = Annotated[str | None, typer.Option("--published", callback=_published_date,
                                               help="publication date (YYYY-MM-DD) for documents that carry none")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="a TOML or YAML config file")]
Db = Annotated[Path, typer.Option("--db", help="the DuckDB store")]
Dictionary = Annotated[list[Path] | None, typer.Option(
    "--dictionary", help="a user actor dictionary, CSV (name,code) or YAML; repeatable; adds to the config's")]


def _config(path: Path | None, dictionaries: list[Path] | None = None) -> Config:
    try:
        cfg = load_config(path)
        if dictionaries:
            cfg = replace(cfg, dictionaries=(*cfg.dictionaries, *(str(d) for d in dictionaries)))
        for d in cfg.dictionaries:  # a bad dictionary is a usage error, found before any work
            load_user_dictionary(d)
        return cfg
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
            config: ConfigOpt = None, dictionary: Dictionary = None,
            dedupe: Annotated[bool, typer.Option(
                "--dedupe/--no-dedupe",
                help="skip documents that repeat an earlier one of the same input (`run` always does, store-wide)",
            )] = False) -> None:
    """Analyse documents without a database; one JSON object per document on stdout.

    Every document is analysed, repeats included, unless --dedupe is given: a one-off analysis
    answers for each document it is given, while one-story-one-event is the store's business.
    """
    cfg = _config(config, dictionary)
    failed = 0
    try:
        docs = read_inputs(inputs or ["-"], cfg, jsonl, published)
        for analysis in _counted(Pipeline(cfg).analyze(docs, dedupe=dedupe), "analysed"):
            _emit(analysis.to_dict())
            if analysis.status == "error":
                failed += 1
                _report(analysis.id, analysis.status, analysis.article.reason)
    except EventwireError as e:
        _fail(e)
    raise typer.Exit(1 if failed else 0)


T = TypeVar("T")


def _counted(items: Iterable[T], verb: str) -> Iterator[T]:
    """``items``, with the number done so far shown on a terminal's stderr (the total of a stream is unknown
    until it ends); nothing is drawn when stderr is a file or a pipe, so logs stay plain."""
    with Progress(SpinnerColumn(), TextColumn(f"{verb} {{task.completed}} documents"), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task(verb, total=None)
        for item in items:
            yield item
            progress.advance(task)


@app.command()
def clean(inputs: Inputs = None, jsonl: Jsonl = False, published: Published = None,
          config: ConfigOpt = None) -> None:
    """The cleaning stage alone: text, title, date and language per document."""
    cfg = _config(config)
    failed = 0
    try:
        for art in _counted(Pipeline(cfg).clean(read_inputs(inputs or ["-"], cfg, jsonl, published)), "cleaned"):
            _emit(art.clean_dict())
            if art.status == "error":
                failed += 1
                _report(art.id, art.status, art.reason)
    except EventwireError as e:
        _fail(e)
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    app()


# Registered here, after `app` exists: the module adds its command to it on import.
from . import alerts as _alerts  # noqa: E402, F401  (registers `eventwire alerts`)
