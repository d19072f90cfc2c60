"""Local execution of the stages: in this process, or on a pool of worker processes.

The process that calls :func:`analyse_batches` keeps what must be in one place: reading the
input, screening for duplicates (every text seen so far), the log of what the workers' actor
registries learn (learning.py) and, in the caller, the single DuckDB writer. Workers clean and
analyse. They are forked from a fork server that loaded the model and the dictionaries once
(warm.py), so a worker starts at once and shares those pages with the others.

Work flows in small chunks with a bounded number in flight, so memory stays flat however large
the input, and results come back as soon as a chunk is done (not in input order).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar, cast

from ..config import Config
from ..errors import Errors, EventwireError
from ..models import Analysis, Article, Document
from ..pipeline import Pipeline
from .learning import Entry, LearningLog, Learnt, RecordingRegistry, WorkerLearning
from .stages import analyze_batch, clean_batch, screen_batch


@dataclass
class PoolStats:
    """What the workers reported, per worker process: peak resident memory (bytes) and CPU seconds."""

    peak_rss: dict[int, int] = field(default_factory=dict)
    cpu_seconds: dict[int, float] = field(default_factory=dict)

    def note(self, pid: int, rss: int, cpu: float) -> None:
        self.peak_rss[pid] = max(rss, self.peak_rss.get(pid, 0))
        self.cpu_seconds[pid] = max(cpu, self.cpu_seconds.get(pid, 0.0))


def peak_rss_bytes() -> int:
    """This process's peak resident set size so far, in bytes."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024  # Linux reports KiB


T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last one shorter), read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# ---------------------------------------------------------------- worker side

_WORKER: Pipeline | None = None
_REGISTRY = RecordingRegistry()
_LEARNING = WorkerLearning(me="")


def _init_worker(config: Config, known: list[Learnt]) -> None:
    """Runs once in each worker: set up the pipeline (the model is already loaded: warm.py), leave Ctrl-C to the parent.

    ``known`` is what the store already knows about people (the parent's actor registry).
    """
    global _WORKER, _LEARNING
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool; a worker never half-dies
    _WORKER = Pipeline(config)
    _WORKER.registry = _REGISTRY  # before the actor resolver is built: it learns into this one
    _REGISTRY.absorb(known)
    _LEARNING = WorkerLearning(me=str(os.getpid()))
    _ = _WORKER.nlp  # load now, not in the middle of the first chunk


def _pipeline() -> Pipeline:
    if _WORKER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker used before its initializer ran")
    return _WORKER


def _usage() -> tuple[int, int, float]:
    """(pid, peak RSS in bytes, CPU seconds so far) of this worker, sent back with each result."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return os.getpid(), peak_rss_bytes(), ru.ru_utime + ru.ru_stime


def _ready_task() -> tuple[None, tuple[int, int, float]]:
    """Done as soon as a worker is up (model loaded): the parent stops cleaning for itself then."""
    return None, _usage()


def _clean_task(docs: list[Document]) -> tuple[list[Article], tuple[int, int, float]]:
    return clean_batch(_pipeline(), docs), _usage()


def _analyze_task(articles: list[Article], start: int, log: list[Entry]
                  ) -> tuple[list[Analysis], tuple[int, int, float], tuple[str, list[Learnt], int]]:
    _LEARNING.apply(_REGISTRY, start, log)  # what the other workers learnt, first
    analyses = analyze_batch(_pipeline(), articles)
    return analyses, _usage(), (_LEARNING.me, _REGISTRY.take(), _LEARNING.absorbed)


# ---------------------------------------------------------------- caller side

def _inline(pipeline: Pipeline, docs: Iterable[Document], chunk_size: int) -> Iterator[list[Analysis]]:
    for chunk in chunked(docs, chunk_size):
        yield analyze_batch(pipeline, screen_batch(pipeline, clean_batch(pipeline, chunk)))


def _context() -> multiprocessing.context.BaseContext:
    # Never fork a process that may hold DuckDB and Rich state; forkserver starts workers from a clean
    # process that has loaded the model and the dictionaries once (warm.py), so workers start at once.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["eventwire.runners.warm"])
        return ctx
    return multiprocessing.get_context("spawn")


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once: cancel queued chunks and end the workers (results in flight are dropped)."""
    pool.shutdown(wait=False, cancel_futures=True)
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=5)


def _pooled(pipeline: Pipeline, docs: Iterable[Document], workers: int, chunk_size: int,
            stats: PoolStats) -> Iterator[list[Analysis]]:
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker,
                               initargs=(pipeline.config, pipeline.registry.rows()))
    learning = LearningLog()  # what the workers' actor registries learn, passed on to the others
    chunks = chunked(docs, chunk_size)
    limit = 2 * workers  # chunks in flight: enough to keep every worker busy, few enough to stay small
    # Starting the first worker waits for the fork server to load the model and the dictionaries
    # (seconds, on one core; the pool's submit blocks meanwhile), so it is done from a thread while
    # this process uses the other core: it cleans and screens chunks (cleaning needs no model) and
    # keeps them, bounded, for the workers, which then only analyse them. Analysis tasks are still
    # handed out at most ``limit`` at a time, each with the learning log as it is then.
    starter = ThreadPoolExecutor(max_workers=1)
    booting: Future[Future[Any]] | None = starter.submit(pool.submit, _ready_task)
    screened: deque[list[Article]] = deque()
    backlog = 4 * limit
    pending: dict[Future[Any], str] = {}  # each gives (results, the worker's usage, ...)
    more = True
    finished = False
    try:
        while booting is not None:
            if not booting.done() and more and len(screened) < backlog:
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                else:  # screened in input order, as one process does
                    screened.append(screen_batch(pipeline, clean_batch(pipeline, chunk)))
                continue
            pending[booting.result()] = "ready"  # a worker is starting: the model is loaded
            booting = None
        while True:
            while len(pending) < limit and (screened or more):
                if screened:
                    start, log = learning.since(learning.floor(workers))
                    pending[pool.submit(_analyze_task, screened.popleft(), start, log)] = "analyze"
                    continue
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                    break
                pending[pool.submit(_clean_task, chunk)] = "clean"
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                kind = pending.pop(fut)
                results, usage, *learnt = fut.result()
                stats.note(*usage)
                if kind == "clean":
                    # Screening needs every text seen so far, so it runs here, in one process.
                    screened.append(screen_batch(pipeline, cast(list[Article], results)))
                elif kind == "analyze":
                    learning.add(*learnt[0])
                    yield cast(list[Analysis], results)
        finished = True
    except BrokenProcessPool as err:
        raise EventwireError(Errors.E071, cause=err or "killed") from err
    finally:
        starter.shutdown(wait=False)
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


def analyse_batches(pipeline: Pipeline, docs: Iterable[Document], workers: int = 1,
                    chunk_size: int | None = None, stats: PoolStats | None = None) -> Iterator[list[Analysis]]:
    """The documents' analyses, a batch at a time as each is ready (with ``workers`` > 1, not in input order).

    ``pipeline`` screens for duplicates here, so seed it from the store before calling. With one
    worker everything runs in this process; with more, a pool of worker processes cleans and
    analyses while this process reads, screens and hands results on.
    """
    if workers <= 1:
        yield from _inline(pipeline, docs, chunk_size or pipeline.config.batch_size)
    else:
        # Small chunks keep every worker busy to the end and the progress bar moving.
        size = chunk_size or max(1, min(8, pipeline.config.batch_size))
        yield from _pooled(pipeline, docs, workers, size, stats if stats is not None else PoolStats())


def analyse_stream(pipeline: Pipeline, docs: Iterable[Document], workers: int = 1,
                   chunk_size: int | None = None, stats: PoolStats | None = None) -> Iterator[Analysis]:
    """Like :func:`analyse_batches`, one Analysis at a time."""
    for batch in analyse_batches(pipeline, docs, workers, chunk_size, stats):
        yield from batch


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


__all__ = ["PoolStats", "analyse_batches", "analyse_stream", "chunked", "default_workers", "peak_rss_bytes"]

