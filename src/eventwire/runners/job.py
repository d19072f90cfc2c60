"""The main job: documents in, analyses stored, resumable.

Analyses are written the moment they come back, each batch (a worker's chunk) in one transaction,
so a crash or Ctrl-C loses only what was in flight. One transaction a batch rather than one an
article: a write costs DuckDB a dozen statements whatever its size, and per article that was as
much time as cleaning the page. Documents whose id is already stored with status ok are not
analysed again: rerunning the same command continues where the last one stopped.

DuckDB has one writer, so this module, in the calling process, is the only one that writes.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import Errors, EventwireError
from ..models import Analysis, Document
from ..pipeline import Pipeline
from ..store import Store
from .local import PoolStats, analyse_batches, chunked

ENGINES = ("local", "ray")
# Seconds a run waits for the store's lock while another process holds it.
LOCK_WAIT = 30.0


def open_store(db: str | Path, wait: float = LOCK_WAIT, sleep: Callable[[float], None] = time.sleep,
               clock: Callable[[], float] = time.monotonic) -> Store:
    """The store opened for writing; while another process holds its lock, tried again for ``wait`` seconds.

    DuckDB lets one process write a file or any number read it, never both. ``eventwire serve``
    holds a read lock only while it answers a request (serve/access.py), so a run gets in between
    two requests instead of failing on the first; the server answers from a snapshot meanwhile.
    When the lock is still held after ``wait`` (a reader that never lets go), E040 says who holds
    it: DuckDB's message names the process and its PID.
    """
    deadline = clock() + wait
    delay = 0.02
    while True:
        try:
            return Store(db)
        except EventwireError as err:
            cause = err.details.get("cause")
            # DuckDB's words for a file another process holds ("Could not set lock on file ...:
            # Conflicting lock is held in ... (PID n)"); anything else (a broken file, a newer schema) is final.
            if "conflicting lock" not in str(cause).lower():
                raise
            if clock() >= deadline:
                raise EventwireError(Errors.E040, path=db, cause=(
                    f"{cause} The lock was still held after {wait:g} s of retries: a process reading the store"
                    " without a pause (an `eventwire serve` under constant load, a notebook with eventwire.open)"
                    " must let go first")) from err
        sleep(delay)
        delay = min(delay * 2, 0.5)


@dataclass
class Outcome:
    """What became of one document in a run."""

    doc_id: str
    analysis: Analysis | None  # None: stored by an earlier run, so not analysed again
    written: bool  # this run stored it

    @property
    def already_stored(self) -> bool:
        return self.analysis is None


def seeded_pipeline(store: Store, config: Config) -> Pipeline:
    """A pipeline that knows the store: every article (to find duplicates), every person coded by title."""
    pipeline = Pipeline(config)
    pipeline.seed_duplicates(store.query("SELECT id, text, content_hash FROM articles WHERE status = 'ok'"))
    pipeline.registry.load_store(store)
    return pipeline


def run_job(docs: Iterable[Document], store: Store, config: Config, *, workers: int = 1, engine: str = "local",
            chunk_size: int | None = None, on_read: Callable[[int], None] | None = None,
            stats: PoolStats | None = None, parquet_dir: Path | None = None,
            should_stop: Callable[[], bool] | None = None) -> Generator[Outcome, None, None]:
    """Analyse and store documents; one Outcome per document, as each is done.

    ``should_stop()`` is asked after each stored batch: when it says True the job ends there, after
    giving the Outcome of every document of that batch. A caller that stops this way (Ctrl-C) has
    an Outcome for everything stored, where closing the generator would lose those of the batch in
    hand (stored whole, in one transaction) and count fewer than the store holds.

    ``on_read(n)`` is told how many documents have been read so far (input is read lazily, so a
    progress bar can grow its total). ``engine`` is ``local`` (this process, or a pool when
    ``workers`` > 1) or ``ray`` (Ray Data writes Parquet to ``parquet_dir``, then it is loaded here).
    """
    if engine not in ENGINES:
        raise EventwireError(Errors.E075, engine=engine)
    backlog: deque[Outcome] = deque()

    def fresh() -> Iterator[Document]:
        n = 0
        # One query a chunk for what is stored already, not one a document.
        for chunk in chunked(docs, _LOOKUP_CHUNK):
            stored = stored_ok(store, [d.id for d in chunk if d.status == "ok"])
            for doc in chunk:
                n += 1
                if on_read is not None:
                    on_read(n)
                if doc.status == "ok" and doc.id in stored:
                    backlog.append(Outcome(doc.id, None, False))
                    continue
                yield doc

    if engine == "ray":
        from .ray_engine import analyse_on_ray

        batches = chunked(analyse_on_ray(fresh(), config, store, workers=workers, out=parquet_dir),
                          chunk_size or config.batch_size)
    else:
        batches = analyse_batches(seeded_pipeline(store, config), fresh(), workers, chunk_size, stats)
    try:
        for batch in batches:
            while backlog:
                yield backlog.popleft()
            for analysis, written in zip(batch, write_batch(store, batch), strict=True):
                yield Outcome(analysis.id, analysis, written)
            if should_stop is not None and should_stop():
                break
        while backlog:
            yield backlog.popleft()
    finally:
        close = getattr(batches, "close", None)
        if close is not None:
            close()  # stops the workers now, not when the generator is collected


_LOOKUP_CHUNK = 64
_STORED_OK = "SELECT id FROM articles WHERE status = 'ok' AND id IN (SELECT unnest(?))"


def stored_ok(store: Store, ids: list[str]) -> set[str]:
    """Which of ``ids`` are stored with status ok (and so are not analysed again), in one query."""
    if not ids:
        return set()
    return {str(r["id"]) for r in store.query(_STORED_OK, [ids])}


_STATE = "SELECT id, status, reason, content_hash, duplicate_of FROM articles WHERE id IN (SELECT unnest(?))"


def write_batch(store: Store, batch: list[Analysis]) -> list[bool]:
    """Write analyses in one transaction; for each, whether this write stored it.

    An article is stored unless the store already had it as it is (the store's rule); which ones
    those were is read from the rows before and after, not guessed.
    """
    if not batch:
        return []
    ids = [a.id for a in batch]
    before = {r["id"]: tuple(r.values())[1:] for r in store.query(_STATE, [ids])}
    store.write_many(batch)
    after = {r["id"]: tuple(r.values())[1:] for r in store.query(_STATE, [list(before)])} if before else {}
    out, seen = [], set()
    for i in ids:
        out.append(i not in seen and (i not in before or after.get(i) != before[i]))
        seen.add(i)
    return out
