"""``eventwire run``: the main job (ingest, analyse, store) with progress and a summary.

The work itself is :func:`eventwire.runners.run_job`; this module reads the inputs, draws the
progress bar as results arrive, and turns what happened into a table and an exit code:
0 all went well, 1 some documents failed (each reported), 2 bad usage or unreadable input,
130 interrupted (what was stored is kept; the same command continues).
"""

from __future__ import annotations

import json
import signal
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import IO, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import Errors, EventwireError
from ..ingest import looks_like_url, read_inputs
from ..runners import ENGINES, Outcome, default_workers, run_job
from ..runners.job import open_store
from ..samples import sample_documents
from ..store.records import mention_id
from .app import ConfigOpt, Db, Dictionary, Inputs, Jsonl, Published, _config, _fail, _report, app, err

Workers = Annotated[int, typer.Option("--workers", "-w", min=0,
                                      help="worker processes that clean and analyse (0: one per CPU)")]
Engine = Annotated[str, typer.Option("--engine", help="local (this machine's processes) or ray (Ray Data)")]
Out = Annotated[Path | None, typer.Option("--out", help="with --engine ray: the Parquet folder (default: next to --db)")]
Log = Annotated[Path | None, typer.Option("--log", help="append one JSON line per document done (id, status, written)")]


class StopRequest:
    """Set by Ctrl-C or SIGTERM: the run stops after the batch in hand, which is stored whole."""

    def __init__(self) -> None:
        self.requested = False


@contextmanager
def stop_on_signals(notice: str = "stopping after the batch in hand (again to stop at once)") -> Iterator[StopRequest]:
    """Ctrl-C (SIGINT) and SIGTERM ask for a stop between batches; a second one stops at once.

    Raising in the middle of a database write would abort it with a confusing error, so the first
    signal only sets a flag that the command checks as results arrive.
    """
    stop = StopRequest()

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.requested:
            raise KeyboardInterrupt
        stop.requested = True
        err.print(f"[yellow]{notice}[/yellow]", highlight=False)

    previous = {}
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, handler)
    except ValueError:  # not in the main thread (e.g. a test runner's worker thread): keep the defaults
        pass
    try:
        yield stop
    finally:
        for sig, prev in previous.items():
            signal.signal(sig, prev)


def _log_line(log: IO[str] | None, o: Outcome) -> None:
    if log is None:
        return
    a = o.analysis
    log.write(json.dumps({
        "id": o.doc_id, "status": a.status if a else "stored before", "reason": a.article.reason if a else None,
        "written": o.written, "events": len(a.events) if a else 0, "quotes": len(a.quotes) if a else 0,
    }) + "\n")
    log.flush()


def _summary(db: Path, counts: Counter[str], totals: dict[str, int]) -> Table:
    table = Table(title=f"eventwire run -> {db}")
    table.add_column("")
    table.add_column("this run", justify="right")
    table.add_column("in store", justify="right")
    table.add_row("documents read", str(counts["read"]), "")
    table.add_row("already stored", str(counts["already stored"]), "")
    # Articles analysed and stored as ok, beside the store's count of the same: skipped documents are
    # stored too (as records with their reason) but are counted on their own rows, not as articles.
    table.add_row("articles stored", str(counts["stored ok"]), str(totals.get("articles_ok", "")))
    table.add_row("duplicates skipped", str(counts["duplicate"]), "")
    table.add_row("skipped", str(counts["skipped"] - counts["duplicate"]), "")
    table.add_row("errors", str(counts["error"]), "")
    table.add_row("event mentions", str(counts["events"]), str(totals.get("event_mentions", "")))
    table.add_row("events (aggregated)", "", str(totals.get("events", "")))
    table.add_row("quotes", str(counts["quotes"]), str(totals.get("quotes", "")))
    return table


@app.command()
def run(inputs: Inputs = None, db: Db = Path("eventwire.duckdb"), jsonl: Jsonl = False,
        published: Published = None, config: ConfigOpt = None, workers: Workers = 1,
        engine: Engine = "local", out: Out = None, log: Log = None, dictionary: Dictionary = None) -> None:
    """The main job: ingest, analyse and store, with progress and a summary.

    Without INPUT it runs on the bundled sample articles. Documents already stored are not
    analysed again, so after a crash or Ctrl-C the same command continues where it stopped.
    """
    cfg = _config(config, dictionary)
    if engine not in ENGINES:
        err.print(f"[red]error[/red] unknown engine {engine!r}; choose one of {', '.join(ENGINES)}", highlight=False)
        raise typer.Exit(2)
    n_workers = workers or default_workers()
    for item in inputs or []:  # fail before anything is stored, as a usage error
        # A malformed URL is not a missing file: it becomes its document's error (E019) and the run goes on.
        if item != "-" and not looks_like_url(item) and not Path(item).exists():
            _fail(EventwireError(Errors.E060, path=item))
    counts: Counter[str] = Counter()
    totals: dict[str, int] = {}
    log_file = log.open("a", encoding="utf-8") if log else None
    try:
        docs = read_inputs(inputs, cfg, jsonl, published) if inputs else sample_documents(cfg)
        # A store that `eventwire serve` reads is waited for between its requests, not refused (open_store).
        with stop_on_signals() as stop, open_store(db) as store, Progress(
            TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, transient=False,
        ) as progress:
            task = progress.add_task("docs", total=None)

            def on_read(n: int) -> None:  # input is read lazily: the total grows until it is all read
                counts["read"] = n
                progress.update(task, total=n)

            parquet = (out or db.with_name(db.stem + "_parquet")) if engine == "ray" else None
            # The job stops after the batch in hand when asked, and still gives every stored document
            # its outcome: the count and the --log below match what the store holds.
            outcomes = run_job(docs, store, cfg, workers=n_workers, engine=engine, on_read=on_read, parquet_dir=parquet,
                               should_stop=lambda: stop.requested)
            for o in outcomes:
                _count(counts, o)
                _log_line(log_file, o)
                progress.advance(task)
            totals = {k: int(v) for k, v in store.stats().items() if isinstance(v, int)}
        if stop.requested:
            err.print(f"[yellow]interrupted[/yellow]: {counts['stored']} documents stored by this run are kept; "
                      "run the same command again to continue.", highlight=False)
            raise typer.Exit(130)
    except EventwireError as e:
        _fail(e)
        return
    except KeyboardInterrupt:
        # A second Ctrl-C stops at once, maybe while the outcomes of a stored batch are being counted:
        # the count is then a lower bound, and said so.
        err.print(f"[yellow]interrupted[/yellow]: at least {counts['stored']} documents stored by this run are kept; "
                  "run the same command again to continue.", highlight=False)
        raise typer.Exit(130) from None
    finally:
        if log_file:
            log_file.close()
    err.print(_summary(db, counts, totals))
    # The next step most users want: looking at what was stored.
    err.print(f"Explore: eventwire events --db {db}  |  dashboard: eventwire serve --db {db}"
              " then open http://127.0.0.1:8000/", highlight=False, soft_wrap=True)
    raise typer.Exit(1 if counts["error"] else 0)


def _count(counts: Counter[str], o: Outcome) -> None:
    a = o.analysis
    if a is None:
        counts["already stored"] += 1
        return
    if a.status != "ok":
        counts[a.status] += 1
        _report(a.id, a.status, a.article.reason)
    if a.status == "skipped" and a.article.duplicate_of:
        counts["duplicate"] += 1
    if o.written:
        counts["stored"] += 1
        counts["stored ok"] += a.status == "ok"
        # as stored: the coder may give one mention twice (same code, words and actors), stored once
        counts["events"] += len({mention_id(a.id, ev) for ev in a.events})
        counts["quotes"] += len(a.quotes)
