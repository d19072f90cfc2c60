"""The main job: documents in, analyses stored, resumable.

Analyses are written the moment they come back, each batch (a worker's chunk) in one transaction,
so a crash or Ctrl-C loses only what was in flight. One transaction a batch rather than one an
article: a write costs DuckDB a dozen statements whatever its size, and per article that was as
much time as cleaning the page. Documents whose id is already stored with status ok are not
analysed again: rerunning the same command continues where the last one stopped.

DuckDB has one writer, so this module, in the calling process, is the only one that writes.
"""

from __future__ import annotations

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
            stats: PoolStats | None = None, parquet_dir: Path | None = None) -> Generator[Outcome, None, None]:
    """Analyse and store documents; one Outcome per document, as each is done.

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
    for batch in batches:
        while backlog:
            yield backlog.popleft()
        for analysis, written in zip(batch, write_batch(store, batch), strict=True):
            yield Outcome(analysis.id, analysis, written)
    while backlog:
        yield backlog.popleft()


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
