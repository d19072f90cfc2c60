"""Helpers for the quote tests: an actor table answered from the parse, and a one-call finder.

The quote finder asks the actors stage two things only (``table.at(i)`` and ``ActorTable.ref(m)``);
``StubTable`` answers them from spaCy's entities, so these tests exercise the quote finder alone,
whatever the actors stage does with the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from eventwire.models import Actor, ActorRef, Article, Quote
from eventwire.nlp import parse_articles
from eventwire.quotes import find_quotes

_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}


@dataclass
class StubMention:
    actor: Actor
    text: str
    start_char: int
    end_char: int


class StubTable:
    """Entities as actors; a person's mentions share one actor by last name ("Mr Lavrov" = "Sergei Lavrov")."""

    def __init__(self, doc: Doc, codes: dict[str, str] | None = None, resolved: dict[int, str] | None = None) -> None:
        codes = codes or {}
        self._at: dict[int, StubMention] = {}
        actors: dict[str, Actor] = {}
        for ent in doc.ents:
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            key = ent[-1].text if kind == "person" else ent.text
            actor = actors.setdefault(key, Actor(name=ent.text, code=codes.get(key), kind=kind))
            m = StubMention(actor, ent.text, ent.start_char, ent.end_char)
            for t in ent:
                self._at[t.i] = m
        # Pronouns the actors stage would resolve itself: token index -> last name of the person.
        for i, key in (resolved or {}).items():
            t = doc[i]
            self._at[i] = StubMention(actors[key], t.text, t.idx, t.idx + len(t))

    def at(self, token_i: int) -> StubMention | None:
        return self._at.get(token_i)

    @staticmethod
    def ref(m: StubMention) -> ActorRef:
        a = m.actor
        return ActorRef(text=m.text, name=a.name, code=a.code, span=(m.start_char, m.end_char))


def parse(nlp: Any, text: str) -> Doc:
    """The text parsed paragraph by paragraph, as the pipeline does."""
    ((_, doc),) = list(parse_articles(nlp, [Article(id="t", text=text)]))
    return doc


def quotes_in(nlp: Any, text: str, codes: dict[str, str] | None = None) -> list[Quote]:
    """Quotes of ``text`` with entity-based actors; every span is checked against the text."""
    doc = parse(nlp, text)
    found = find_quotes(doc, StubTable(doc, codes))  # type: ignore[arg-type]
    for q in found:
        assert text[q.span[0]:q.span[1]] == q.text
    return found


def direct(found: list[Quote]) -> list[Quote]:
    return [q for q in found if q.kind == "direct"]


def speaker(q: Quote) -> str | None:
    return (q.speaker.name or q.speaker.text) if q.speaker else None


