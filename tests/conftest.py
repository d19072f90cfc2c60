"""Shared fixtures. The spaCy model is loaded once per test session."""

from __future__ import annotations

import ipaddress

import pytest

from sharedkit import ROOT, SEED, SHARED, shared_or_skip

# The browser tests' fixtures (serve, Chromium, a watched page): tests/browserkit.py.
pytest_plugins = ["browserkit"]

# Names that stand for an intranet host in tests: resolved to a private address by the fake resolver.
PRIVATE_TEST_HOSTS = {"intranet.test": "10.0.0.7", "metadata.test": "169.254.169.254"}


@pytest.fixture(autouse=True)
def _no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never ask a DNS server: the SSRF guard (ingest/fetch.py) resolves discovered links' hosts,
    here from a table. Address literals are their own; names in PRIVATE_TEST_HOSTS resolve to
    private addresses; "localhost" to loopback; every other name to a public address."""

    def resolve(host: str) -> list[str]:
        try:
            return [ipaddress.ip_address(host.strip("[]")).compressed]
        except ValueError:
            pass
        name = host.lower().rstrip(".")
        if name == "localhost" or name.endswith(".localhost"):
            return ["127.0.0.1"]
        return [PRIVATE_TEST_HOSTS.get(name, "93.184.215.14")]

    monkeypatch.setattr("eventwire.ingest.fetch.resolve_host", resolve)

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
