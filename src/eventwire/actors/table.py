"""The actors of one document and the token ranges that mention them.

The event coder and the quote finder ask one question of the actors stage: "who is this token?".
``ActorTable.at`` answers it for any token inside a mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..models import Actor, ActorRef


@dataclass
class Mention:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    actor: Actor
    text: str
    start_char: int
    end_char: int


@dataclass
class ActorTable:
    doc: Doc
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict)

    def add(self, span: Span, actor: Actor) -> Mention:
        m = Mention(span.start, span.end, actor, span.text, span.start_char, span.end_char)
        if actor not in self.actors:
            self.actors.append(actor)
        actor.mentions.append((span.start_char, span.end_char))
        self.mentions.append(m)
        for i in range(span.start, span.end):
            self._by_token[i] = m
        return m

    def at(self, token_i: int) -> Mention | None:
        return self._by_token.get(token_i)

    @staticmethod
    def ref(m: Mention) -> ActorRef:
        a = m.actor
        return ActorRef(text=m.text, name=a.name, code=a.code, country=a.country, sector=a.sector,
                        span=(m.start_char, m.end_char))
