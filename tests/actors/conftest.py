"""Fixtures for the actor tests: resolve a text with the session's spaCy model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.actors import ActorResolver, ActorTable


@pytest.fixture()
def resolve(nlp) -> Callable[..., ActorTable]:  # type: ignore[no-untyped-def]
    """``resolve(text, published=None, resolver=None)``: the actor table of one text."""
    default = ActorResolver(learn=False)

    def run(text: str, published: str | None = None, resolver: ActorResolver | None = None) -> ActorTable:
        return (resolver or default).resolve(nlp(text), published)

    return run
