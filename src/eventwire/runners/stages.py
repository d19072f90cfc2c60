"""The stage calls every runner makes, guarded so one bad document never stops a batch.

A runner (inline, process pool or Ray) only decides where these run. Cleaning and analysis are
pure functions of their input and run anywhere; screening for duplicates needs every text seen so
far, so it runs in one place (the process that owns the store).

If a stage raises on a batch, the batch is retried document by document: the documents that go
through are kept, and the one that fails becomes a record with status ``error`` and a reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..errors import Errors
from ..models import Analysis, Article, Document
from ..pipeline import Pipeline

T = TypeVar("T")
R = TypeVar("R")


def _failed_article(item: Document | Article, stage: str, err: BaseException) -> Article:
    reason = Errors.E070.format(stage=stage, what=item.origin or item.id, cause=f"{type(err).__name__}: {err}")
    if isinstance(item, Article):
        item.status, item.reason = "error", reason
        return item
    return Article(id=item.id, title=item.title, published=item.published, url=item.url, source=item.source,
                   origin=item.origin, status="error", reason=reason, encoding=item.encoding)


def _guarded(items: Sequence[T], run: Callable[[Sequence[T]], list[R]],
             fail: Callable[[T, BaseException], R]) -> list[R]:
    try:
        return run(items)
    except Exception as err:
        if len(items) == 1:
            return [fail(items[0], err)]
    out: list[R] = []
    for item in items:  # find the document that breaks the batch; keep the others
        try:
            out.extend(run([item]))
        except Exception as err:
            out.append(fail(item, err))
    return out


def clean_batch(pipeline: Pipeline, docs: Sequence[Document]) -> list[Article]:
    """Clean documents (HTML extraction, normalisation, title, language): one Article each, in order."""
    return _guarded(docs, lambda ds: list(pipeline.clean(ds)),
                    lambda d, err: _failed_article(d, "clean", err))


def screen_batch(pipeline: Pipeline, articles: Sequence[Article]) -> list[Article]:
    """Languages eventwire cannot analyse and repeated texts are set aside, with a reason."""
    if pipeline.duplicates is None:  # texts seen so far: kept on the pipeline across batches
        pipeline.seed_duplicates([])
    seen = pipeline.duplicates
    assert seen is not None
    return _guarded(articles, lambda arts: list(pipeline.screen(arts, seen)),
                    lambda a, err: _failed_article(a, "screen", err))


def analyze_batch(pipeline: Pipeline, articles: Sequence[Article]) -> list[Analysis]:
    """Analyse screened articles (those not ``ok`` pass through): one Analysis each, in order."""
    return _guarded(articles, lambda arts: list(pipeline.analyze_articles(arts)),
                    lambda a, err: Analysis(_failed_article(a, "analysis", err)))
