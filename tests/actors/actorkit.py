"""Helpers for the actor tests (imported as a plain module, like tests/ingest/ingestkit.py)."""

from __future__ import annotations

from eventwire.actors import ActorTable, Mention


def mention(table: ActorTable, word: str, nth: int = 0) -> Mention | None:
    """The mention covering the ``nth`` token whose text is ``word`` (None when no actor)."""
    hits = [t.i for t in table.doc if t.text == word]
    assert len(hits) > nth, f"{word!r} is not in the text"
    return table.at(hits[nth])


def code(table: ActorTable, word: str, nth: int = 0) -> str | None:
    """The CAMEO code of the actor at the ``nth`` token ``word``."""
    m = mention(table, word, nth)
    return m.actor.code if m else None


def actor(table: ActorTable, word: str, nth: int = 0):  # type: ignore[no-untyped-def]
    """The actor at the ``nth`` token ``word``; fails the test when there is none."""
    m = mention(table, word, nth)
    assert m is not None, f"no actor at {word!r}"
    return m.actor
