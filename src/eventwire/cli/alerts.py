"""``eventwire alerts``: dyads turning toward conflict (escalation) or back (de-escalation).

A thin wrapper over :func:`eventwire.alerts.alerts`: a Rich table by default, one JSON object a
line with ``--json`` (the shape of docs/output.md). A bad option value (an unknown period or
level, a ``--since`` that is no date) or a missing store is exit code 2 with one coded line on stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, cast

import typer
from rich.console import Console
from rich.table import Table

from ..alerts import Alert
from ..alerts import alerts as find
from ..alerts.records import By, Level
from ..alerts.series import check, since_day
from ..errors import EventwireError
from .app import Db, app, err
from .query import _store

Since = Annotated[str | None, typer.Option(help="only turns starting on or after this date, YYYY-MM-DD")]
ByOpt = Annotated[str, typer.Option("--by", help="period: day, week (from Monday) or month")]
LevelOpt = Annotated[str, typer.Option("--level", help="country (actors' countries) or actor (full actor codes)")]
BothWays = Annotated[bool, typer.Option("--both-ways", help="pool A→B and B→A into one dyad")]
AsJson = Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table")]
Limit = Annotated[int, typer.Option(min=1, help="at most this many alerts (newest first)")]


def _num(v: float | None, fmt: str) -> str:
    return "" if v is None else format(v, fmt)


def _table(found: list[Alert], by: str, level: str) -> Table:
    table = Table(title=f"{len(found)} alerts (by {by}, {level} level)")
    for col in ("start", "kind", "source", "target", "goldstein", "conflict share", "events", "score", "event ids"):
        table.add_column(col, justify="right" if col in ("events", "score") else "left")
    for a in found:
        b, r = a.baseline, a.recent
        colour = "red" if a.kind == "escalation" else "green"
        table.add_row(a.start.isoformat(), f"[{colour}]{a.kind}[/{colour}]", a.source, a.target,
                      f"{_num(b.goldstein, '+.1f')} → {_num(r.goldstein, '+.1f')}",
                      f"{_num(b.conflict_share, '.0%')} → {_num(r.conflict_share, '.0%')}",
                      f"{b.events} → {r.events}", f"{a.score:.1f}",
                      " ".join(e[:12] for e in a.events[:2]) + (f" +{a.events_total - 2}" if a.events_total > 2 else ""))
    return table


@app.command()
def alerts(db: Db = Path("eventwire.duckdb"), since: Since = None, by: ByOpt = "week", level: LevelOpt = "country",
           both_ways: BothWays = False, limit: Limit = 100, as_json: AsJson = False) -> None:
    """Early warning: dyads whose events turned toward conflict, or back, per period (asserted events)."""
    try:
        day = since_day(since)
        check(by, level)
    except EventwireError as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(2) from e
    with _store(db) as store:
        found = find(store, by=cast(By, by), level=cast(Level, level), both_ways=both_ways, since=day)[:limit]
    if as_json:
        for a in found:
            sys.stdout.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
        return
    Console().print(_table(found, by, level))
