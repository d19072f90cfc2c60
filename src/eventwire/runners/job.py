"""The main job: documents in, analyses stored, resumable.

Every analysis is written (one transaction per article) the moment it comes back, so a crash or
Ctrl-C loses only what was in flight. Documents whose id is already stored with status ok are not
analysed again: rerunning the same command continues where the last one stopped.

DuckDB has one writer, so this module, in the calling process, is the only one that writes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import Errors, EventwireError
from ..models import Analysis, Document
from ..pipeline import Pipeline
from ..store import Store
from .local import PoolStats, analyse_stream

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
    """A pipeline whose duplicate screen already knows every article in the store."""
    pipeline = Pipeline(config)
    pipeline.seed_duplicates(store.query("SELECT id, text, content_hash FROM articles WHERE status = 'ok'"))
    return pipeline


def run_job(docs: Iterable[Document], store: Store, config: Config, *, workers: int = 1, engine: str = "local",
            chunk_size: int | None = None, on_read: Callable[[int], None] | None = None,
            stats: PoolStats | None = None, parquet_dir: Path | None = None) -> Iterator[Outcome]:
    """Analyse and store documents; one Outcome per document, as each is done.

    ``on_read(n)`` is told how many documents have been read so far (input is read lazily, so a
    progress bar can grow its total). ``engine`` is ``local`` (this process, or a pool when
    ``workers`` > 1) or ``ray`` (Ray Data writes Parquet to ``parquet_dir``, then it is loaded here).
    """
    if engine not in ENGINES:
        raise EventwireError(Errors.E075, engine=engine)
    backlog: deque[Outcome] = deque()

    def fresh() -> Iterator[Document]:
        for n, doc in enumerate(docs, 1):
            if on_read is not None:
                on_read(n)
            if doc.status == "ok" and store.has_article(doc.id):
                backlog.append(Outcome(doc.id, None, False))
                continue
            yield doc

    if engine == "ray":
        from .ray_engine import analyse_on_ray

        stream = analyse_on_ray(fresh(), config, store, workers=workers, out=parquet_dir)
    else:
        stream = analyse_stream(seeded_pipeline(store, config), fresh(), workers, chunk_size, stats)
    for analysis in stream:
        while backlog:
            yield backlog.popleft()
        yield Outcome(analysis.id, analysis, store.write(analysis))
    while backlog:
        yield backlog.popleft()
