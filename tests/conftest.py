"""Shared fixtures. The spaCy model is loaded once per test session."""

from __future__ import annotations

import pytest

from sharedkit import ROOT, SEED, SHARED, shared_or_skip

__all__ = ["ROOT", "SEED", "SHARED", "shared_or_skip"]


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline(nlp):  # type: ignore[no-untyped-def]
    from eventwire import Pipeline

    return Pipeline(nlp=nlp)


@pytest.fixture()
def analyze_text(pipeline):  # type: ignore[no-untyped-def]
    """Analyse one text with the session's pipeline: ``analyze_text(text, published=...)``."""
    from eventwire.models import Document

    def run(text: str, published: str | None = "2025-03-12", title: str | None = "Test") -> object:
        doc = Document(id="t", text=text, title=title, published=published)
        return next(pipeline.analyze([doc]))

    return run
