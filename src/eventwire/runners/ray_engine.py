"""The Ray engine: the same stage functions on Ray Data, writing Parquet partitioned by date.

    documents -> blocks in Ray's object store -> map_batches(RayAnalyzer, an actor pool: the model loaded
    once per actor; clean, screen, analyse) -> write_parquet(partition_cols=["date"])

Screening for duplicates needs every text seen so far, so it is one small Ray actor that every
analyser asks (it holds no model and asks for no CPU). The Parquet files are the engine's output:
query them where they lie (see docs/benchmarks.md) or load them into a store with
``eventwire load`` (``eventwire run --engine ray`` loads them itself when Ray is done).

Without ``RAY_ADDRESS`` a local Ray is started for the run and stopped after it; with it, the
run goes to that cluster.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from itertools import chain, islice
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..actors import ActorRegistry
from ..config import Config
from ..errors import Errors, EventwireError
from ..models import Analysis, Article, Document
from ..pipeline import Pipeline
from ..store import Store
from .learning import Entry, LearningLog, Learnt, RecordingRegistry, WorkerLearning
from .records import analyses_table, parquet_files, read_analyses
from .stages import analyze_batch, clean_batch, screen_batch

INPUT_BLOCK = 1024  # documents per block of input handed to Ray
DOCUMENT_SCHEMA = pa.schema([(f.name, pa.string()) for f in fields(Document)])  # every Document field is a string
DEFAULT_BATCH = 8  # documents per map_batches call: small enough to spread a short input over the actors


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as err:
        raise EventwireError(Errors.E072, cause=err) from err
    return ray


class Screener:
    """One duplicate index and one log of what the actor registries learnt, for the whole run.

    A Ray actor: every analyser calls it once per batch, sending what its registry learnt since
    and getting back the screened articles and what the other analysers learnt (see learning.py).
    """

    def __init__(self, config: Config, seed: list[dict[str, Any]], workers: int) -> None:
        self.pipeline = Pipeline(config)
        self.pipeline.seed_duplicates(seed)
        self.log = LearningLog()
        self.workers = workers

    def screen(self, articles: list[Article], worker: str, learnt: list[Learnt],
               absorbed: int) -> tuple[list[Article], int, list[Entry]]:
        self.log.add(worker, learnt, absorbed)
        start, entries = self.log.since(self.log.floor(self.workers))
        return screen_batch(self.pipeline, articles), start, entries


class RayAnalyzer:
    """A Ray Data actor: loads the model once, then cleans, screens and analyses batch after batch."""

    def __init__(self, config: Config, screener: Any, known: list[Learnt]) -> None:
        self.pipeline = Pipeline(config)
        self.registry = RecordingRegistry()
        self.registry.absorb(known)  # the people the store knows
        self.pipeline.registry = self.registry
        self.learning = WorkerLearning(me=uuid.uuid4().hex)
        _ = self.pipeline.nlp  # load once per actor, before the first batch
        self.screener = screener

    def __call__(self, batch: pa.Table) -> pa.Table:
        ray = _ray()
        docs = [Document(**row) for row in batch.to_pylist()]
        articles = clean_batch(self.pipeline, docs)
        screened, start, entries = ray.get(self.screener.screen.remote(
            articles, self.learning.me, self.registry.take(), self.learning.absorbed))
        self.learning.apply(self.registry, start, entries)
        return analyses_table(analyze_batch(self.pipeline, screened))


def _blocks(docs: Iterable[Document], workers: int) -> Iterator[list[Document]]:
    """Input blocks in rounds of one block per actor, each round's blocks twice the size of the last.

    Ray hands an actor whole blocks, and the length of the input is not known while it is read: a
    short input gives small blocks that reach every actor, a long one soon gives blocks of
    :data:`INPUT_BLOCK` documents (few objects, and few of them small enough to stay in this process).
    """
    it = iter(docs)
    size = 1
    while True:
        for _ in range(workers):
            block = list(islice(it, size))
            if not block:
                return
            yield block
        size = min(INPUT_BLOCK, 2 * size)


def _start(ray: Any, workers: int) -> bool:
    """Start a local Ray unless one is running or RAY_ADDRESS names a cluster; True if we started it."""
    if ray.is_initialized():
        return False
    # eventwire reports progress and problems itself: Ray's notices would only interleave with them.
    quiet = {"log_to_driver": False, "logging_level": logging.ERROR}
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if os.environ.get("RAY_ADDRESS"):
        ray.init(**quiet)
    else:
        # As many CPUs as analysers: a local run uses the cores it was given, no more.
        ray.init(num_cpus=max(1, workers), include_dashboard=False, **quiet)
    return True


def run_on_ray(docs: Iterable[Document], config: Config, out: Path, *, workers: int = 2,
               seed: list[dict[str, Any]] | None = None, known: list[Learnt] | None = None,
               batch_size: int = DEFAULT_BATCH) -> list[Path]:
    """Analyse documents on Ray and write Parquet under ``out``; the files this run wrote.

    ``seed`` are stored articles (id, text, content_hash) for the duplicate screen, ``known`` the
    people the store has coded by title, for the actor registry.
    """
    it = iter(docs)
    first = next(it, None)
    if first is None:
        return []
    ray = _ray()
    started = _start(ray, workers)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # eventwire draws its own
        out.mkdir(parents=True, exist_ok=True)
        before = set(parquet_files(out))
        screener = ray.remote(num_cpus=0)(Screener).remote(config, seed or [], max(1, workers))
        # The input goes to Ray's object store a block at a time (spilled to disk when it is full), so
        # this process holds one block, never the whole input, and a cluster's nodes can read every block.
        refs = [ray.put(pa.Table.from_pylist([asdict(d) for d in block], schema=DOCUMENT_SCHEMA))
                for block in _blocks(chain([first], it), max(1, workers))]
        ds = ray.data.from_arrow_refs(refs).map_batches(
            RayAnalyzer, fn_constructor_kwargs={"config": config, "screener": screener, "known": known or []},
            batch_size=batch_size, batch_format="pyarrow", num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
        )
        try:
            ds.write_parquet(str(out), partition_cols=["date"])
        except Exception as err:  # an actor that died, a full disk: one clear line, not a Ray traceback
            raise EventwireError(Errors.E077, cause=f"{type(err).__name__}: {str(err).splitlines()[0][:300]}") from err
        return [p for p in parquet_files(out) if p not in before]
    finally:
        if started:
            ray.shutdown()


def analyse_on_ray(docs: Iterable[Document], config: Config, store: Store, *, workers: int = 2,
                   out: Path | None = None) -> Iterator[Analysis]:
    """Run on Ray, then give back the analyses it wrote (for the caller to store)."""
    folder = out or Path("eventwire_parquet")
    seed = list(store.query("SELECT id, text, content_hash FROM articles WHERE status = 'ok'"))
    registry = ActorRegistry()
    registry.load_store(store)
    for path in run_on_ray(docs, config, folder, workers=workers, seed=seed, known=registry.rows()):
        yield from read_analyses(path)
