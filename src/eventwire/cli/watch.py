"""``eventwire watch``: poll folders and feeds every interval and store only what is new.

Runs until stopped (Ctrl-C or SIGTERM end it after the batch in hand, exit code 0), or for ``--max-cycles`` cycles
(``--once`` is one). One line per cycle on stderr. Exit code 2 for a bad interval or a source
that does not exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import EventwireError
from ..runners import default_workers
from ..runners.job import open_store
from ..runners.sources import Source, sources_for
from ..runners.watch import Cycle, Watcher, parse_interval
from .app import ConfigOpt, Db, Published, _config, _fail, app, err
from .run import stop_on_signals

Targets = Annotated[list[str], typer.Argument(help="folders, feed URLs or files, or .urls/.txt files listing feed URLs")]
Every = Annotated[str, typer.Option("--every", help="time between cycles: 30s, 15m, 2h, 1d")]
Once = Annotated[bool, typer.Option("--once", help="one cycle, then stop")]
MaxCycles = Annotated[int | None, typer.Option("--max-cycles", min=1, help="stop after this many cycles")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=0, help="worker processes (0: one per CPU)")]


def _line(c: Cycle, every: float, last: bool) -> None:
    when = c.started.astimezone().strftime("%H:%M:%S")
    nxt = "" if last else f"; next in {every:g} s"
    err.print(f"cycle {c.number} at {when}: {c.new_items} new items, {c.documents} documents, {c.stored} stored, "
              f"{c.events} event mentions, {c.skipped} skipped, {c.errors} errors, {len(c.alerts)} new alerts{nxt}",
              highlight=False)
    for a in c.alerts:
        colour = "red" if a.kind == "escalation" else "green"
        before, after = (f"{g:+.1f}" if g is not None else "none" for g in (a.baseline.goldstein, a.recent.goldstein))
        err.print(f"  [{colour}]{a.kind}[/{colour}] {a.source}→{a.target} from {a.start.isoformat()}: mean Goldstein "
                  f"{before} → {after}, score {a.score:.1f}, "
                  f"{a.events_total} events (eventwire alerts --since {a.start.isoformat()})", highlight=False)
    for problem in c.problems:
        err.print(f"  [yellow]problem[/yellow] {problem}", highlight=False, soft_wrap=True)


@app.command()
def watch(targets: Targets, every: Every = "15m", db: Db = Path("eventwire.duckdb"), once: Once = False,
          max_cycles: MaxCycles = None, workers: Workers = 1, published: Published = None,
          config: ConfigOpt = None) -> None:
    """Poll folders and feeds every interval; ingest and store only what is new."""
    cfg = _config(config)
    limit = 1 if once else max_cycles
    try:
        seconds = parse_interval(every)
        sources: list[Source] = [s for t in targets for s in sources_for(t, cfg, published)]
        with open_store(db) as store:  # waits for `eventwire serve` to let go between requests
            watcher = Watcher(sources, store, cfg, workers=workers or default_workers())
            try:
                with stop_on_signals() as stop:
                    watcher.run(seconds, limit, on_cycle=lambda c: _line(c, seconds, limit is not None and c.number >= limit),
                                should_stop=lambda: stop.requested)
                if stop.requested:
                    err.print(f"stopped after {watcher.cycles} cycles; what was stored is kept.", highlight=False)
            except KeyboardInterrupt:  # a second Ctrl-C: at once
                err.print(f"stopped after {watcher.cycles} cycles; what was stored is kept.", highlight=False)
            finally:
                watcher.close()
    except EventwireError as e:
        _fail(e)
