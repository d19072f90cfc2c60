"""``eventwire explain "a sentence"`` / ``--doc FILE``: why the coder coded what it coded.

Prints, per sentence, the dependency parse, the actors, the events with the lexicon rows that fired,
and for each verb or event word that gave no event the reason. ``--json`` prints the same as JSON Lines.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..config import Config
from ..errors import EventwireError
from ..events.explain import SentenceExplanation, explain_parsed
from ..models import Article
from ..nlp import parse_articles
from ..pipeline import Pipeline
from ..quotes import find_quotes
from .app import app

_err = Console(stderr=True)


def _articles(pipe: Pipeline, text: str | None, doc: Path | None, published: str | None) -> list[Article]:
    """The texts to explain: the document cleaned as ``analyze`` cleans it, or the sentence as given."""
    if doc is not None:
        from ..ingest import read_inputs

        arts = list(pipe.clean(read_inputs([str(doc)], pipe.config, False, published)))
        for a in arts:
            if a.status != "ok":
                _err.print(f"[yellow]{a.status}[/yellow] {doc}: {a.reason}", highlight=False)
        return [a for a in arts if a.status == "ok"]
    # A single sentence skips cleaning: it is too short to pass the article filters, and is already plain text.
    return [Article(id="explain", text=text or "", published=published, language="en")]


def _print(ex: SentenceExplanation, console: Console, parse: bool) -> None:
    console.rule(f"[bold]{ex.text[:100]}")
    if parse:
        t = Table(show_edge=False, pad_edge=False, box=None)
        for col in ("i", "word", "lemma", "pos", "dep", "head", "entity", "actor"):
            t.add_column(col)
        for r in ex.tokens:
            t.add_row(str(r.i), r.text, r.lemma, r.pos, r.dep, str(r.head), r.entity, r.actor)
        console.print(t)
    console.print("[bold]actors[/bold]: " + (", ".join(
        f"{a} = {c}" + (f" ({ex.entries[a]})" if a in ex.entries else "") for a, c in ex.actors) or "none"),
        highlight=False)
    if ex.events:
        console.print("[bold]events[/bold]:")
        for e in ex.events:
            src = e.source.code if e.source else "-"
            tgt = (e.target.code or e.target.text) if e.target else "-"
            place = f" in {e.place.name} ({e.place.country})" if e.place else ""
            console.print(f"  {e.code} {e.name}: {src} -> {tgt}, {e.modality}, {e.date}{place}\n"
                          f"      rule {e.rule}", highlight=False)
            for entry in ex.entries_for(e.rule):
                console.print(f"      from {entry}", highlight=False)
    else:
        console.print("[bold]events[/bold]: none")
    if ex.silent:
        console.print("[bold]no event from[/bold]:")
        for w, why in ex.silent:
            console.print(f"  {w}: {why}", highlight=False)


@app.command()
def explain(
    text: Annotated[str | None, typer.Argument(help="a sentence or short text to explain")] = None,
    doc: Annotated[Path | None, typer.Option("--doc", help="explain every sentence of this document instead")] = None,
    published: Annotated[str | None, typer.Option("--published", help="publication date, YYYY-MM-DD")] = None,
    parse: Annotated[bool, typer.Option("--parse/--no-parse", help="print the dependency parse")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per sentence")] = False,
) -> None:
    """Explain the event coding of a sentence: parse, actors, events with the rule that fired, and why other
    verbs gave nothing."""
    if (text is None) == (doc is None):
        _err.print("[red]error[/red] give a sentence or --doc FILE (one of them)", highlight=False)
        raise typer.Exit(2)
    pipe = Pipeline(Config())
    try:
        arts = _articles(pipe, text, doc, published)
    except EventwireError as e:
        _err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(2) from e
    if not arts:
        _err.print(f"[red]error[/red] {doc} has no text to explain", highlight=False)
        raise typer.Exit(1)
    console = Console()
    for art, parsed in parse_articles(pipe.nlp, arts, pipe.config.batch_size):
        table = pipe.actors.resolve(parsed, art.published)
        quotes = find_quotes(parsed, table)
        for ex in explain_parsed(parsed, table, quotes, art):
            if as_json:
                sys.stdout.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
            else:
                _print(ex, console, parse)

