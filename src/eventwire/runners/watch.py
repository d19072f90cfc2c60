"""Watch mode: poll folders and feeds every interval and ingest only what is new.

Each cycle lists every source (file names and times, feed entries: nothing is read yet), keeps the
items whose key is unseen or whose version changed, reads and stores those through the main job
(:func:`~eventwire.runners.run_job`), then records them as seen in the store's ``watch_seen``
table. An item whose page could not be fetched (E011: a timeout, a 503) is not recorded, so the
next cycle tries it again; any other failure is a property of the document and is not retried. A
source that cannot be listed is reported and tried again next cycle.

Stopping (Ctrl-C) at any point loses nothing: the store is written one batch at a time, and an
item stored but not yet marked seen is read again next cycle and skipped by its document id.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..alerts import Alert, alerts
from ..config import Config
from ..errors import DocumentError, Errors, EventwireError
from ..ingest import Fetcher
from ..models import Document
from ..store import Store
from .job import run_job
from .sources import Item, Source

_SEEN_TABLE = """
CREATE TABLE IF NOT EXISTS watch_seen (
    source VARCHAR NOT NULL,      -- the folder or feed (its resolved path or URL)
    key VARCHAR NOT NULL,         -- a file's path in the folder, an entry's link
    version VARCHAR,              -- a file's mtime and size; empty for feed entries
    first_seen TIMESTAMP,
    last_seen TIMESTAMP,
    PRIMARY KEY (source, key)
)"""

RETRY_CODES = ("E011",)  # failures worth another try next cycle: fetching, not the document itself
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def parse_interval(text: str) -> float:
    """Seconds in an interval written ``90``, ``30s``, ``15m``, ``2h``, ``1d`` or ``1h30m``."""
    value = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    parts = _INTERVAL.findall(value)
    if not parts or "".join(n + u for n, u in parts) != value:
        raise EventwireError(Errors.E073, value=text)
    return sum(float(n) * _UNITS[u] for n, u in parts)


def _nap(seconds: float, should_stop: Callable[[], bool]) -> None:
    """Sleep, in short steps so that a stop request is seen within a second."""
    end = time.monotonic() + seconds
    while not should_stop() and (left := end - time.monotonic()) > 0:
        time.sleep(min(left, 1.0))


@dataclass
class Cycle:
    """What one polling cycle found and did."""

    number: int
    started: datetime
    new_items: int = 0
    documents: int = 0
    stored: int = 0
    skipped: int = 0
    errors: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)  # sources that could not be listed, documents that failed
    alerts: list[Alert] = field(default_factory=list)  # dyad turns that this cycle's stories brought to light
    stopped: bool = False  # asked to stop before the cycle was done


class Watcher:
    """Polls its sources and stores what is new; one :meth:`cycle` at a time, or :meth:`run` in a loop."""

    def __init__(self, sources: Sequence[Source], store: Store, config: Config, workers: int = 1,
                 fetcher: Fetcher | None = None) -> None:
        self.sources = list(sources)
        self.store = store
        self.config = config
        self.workers = workers
        self.fetcher = fetcher or Fetcher(config)
        self.cycles = 0
        self._known: set[tuple[str, str, str, str]] | None = None  # alerts already reported (or there at the start)
        store.con.execute(_SEEN_TABLE)

    def _seen(self, source: str) -> dict[str, str]:
        rows = self.store.query("SELECT key, version FROM watch_seen WHERE source = ?", [source])
        return {r["key"]: r["version"] or "" for r in rows}

    def _mark(self, marks: list[tuple[str, str, str]]) -> None:
        if not marks:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        self.store.con.executemany(
            "INSERT INTO watch_seen VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, key) DO UPDATE"
            " SET version = excluded.version, last_seen = excluded.last_seen",
            [[s, k, v, now, now] for s, k, v in marks])

    def new_alerts(self) -> list[Alert]:
        """The store's alerts (``eventwire alerts`` defaults) that no earlier call saw.

        The first call only learns what is already there: a watch reports the turns its own cycles
        bring, not the history it starts on. A turn whose start moves as more weeks arrive is a new alert.
        """
        found = alerts(self.store)
        keys = {(a.source, a.target, a.kind, a.start.isoformat()) for a in found}
        known = self._known
        self._known = keys | (known or set())
        return [] if known is None else [a for a in found if (a.source, a.target, a.kind, a.start.isoformat()) not in known]

    def _alerts(self, cycle: Cycle) -> None:
        # Alerts are a report on the store, never a reason to lose a cycle: a failure is one more problem.
        try:
            new = self.new_alerts()
        except EventwireError as err:
            cycle.problems.append(f"alerts: {err}")
            return
        cycle.alerts.extend(new)

    def new_items(self, cycle: Cycle) -> list[tuple[Source, Item]]:
        """The items of every source that were not seen (or changed) since an earlier cycle."""
        out = []
        for src in self.sources:
            try:
                items = src.items(self.fetcher)
            except DocumentError as err:
                cycle.problems.append(str(err))
                continue
            seen = self._seen(src.name)
            out += [(src, it) for it in items if seen.get(it.key) != it.version]
        return out

    def cycle(self, should_stop: Callable[[], bool] = lambda: False) -> Cycle:
        """Poll once: read what is new, store it, remember it.

        If ``should_stop()`` turns true midway, the cycle ends after the batch in hand and marks
        nothing seen: what it stored is skipped by document id next time, the rest is read then.
        """
        self.cycles += 1
        report = Cycle(self.cycles, datetime.now(UTC))
        if self._known is None:  # what the store already shows is not news
            self._alerts(report)
        todo = self.new_items(report)
        report.new_items = len(todo)
        owner: dict[str, tuple[str, str, str]] = {}  # document id -> (source, key, version) it came from

        def documents() -> Iterator[Document]:
            for src, item in todo:
                for doc in item.read():
                    owner[doc.id] = (src.name, item.key, item.version)
                    yield doc

        failed: set[tuple[str, str, str]] = set()
        outcomes = run_job(documents(), self.store, self.config, workers=self.workers)
        for outcome in outcomes:
            if should_stop():
                outcomes.close()
                report.stopped = True
                return report
            report.documents += 1
            a = outcome.analysis
            if a is None:
                continue
            if a.status == "error":
                report.errors += 1
                report.problems.append(f"{a.id}: {a.article.reason}")
                if a.id in owner and (a.article.reason or "").startswith(RETRY_CODES):
                    failed.add(owner[a.id])
            elif a.status == "skipped":
                report.skipped += 1
            if outcome.written:
                report.stored += 1
                report.events += len(a.events)
        self._mark([(src.name, item.key, item.version) for src, item in todo
                    if (src.name, item.key, item.version) not in failed])
        if report.stored:
            self._alerts(report)
        return report

    def run(self, every: float, max_cycles: int | None = None, on_cycle: Callable[[Cycle], None] | None = None,
            sleep: Callable[[float], None] | None = None, should_stop: Callable[[], bool] = lambda: False) -> int:
        """Cycle every ``every`` seconds (start to start) until ``max_cycles`` or ``should_stop()``; the cycles run."""
        nap = sleep or (lambda seconds: _nap(seconds, should_stop))
        done = 0
        while (max_cycles is None or done < max_cycles) and not should_stop():
            started = time.monotonic()
            report = self.cycle(should_stop)
            done += 1
            if on_cycle is not None:
                on_cycle(report)
            if report.stopped or (max_cycles is not None and done >= max_cycles):
                break
            nap(max(0.0, every - (time.monotonic() - started)))
        return done

    def close(self) -> None:
        self.fetcher.close()
