"""The actors of one document and the token ranges that mention them.

The event coder and the quote finder ask one question of the actors stage: "who is this token?".
``ActorTable.at`` answers it for any token inside a mention. ``all_at`` also gives the other
members of a coordination ("US and British activists", "they" standing for two leaders), and
``place_at`` the places that are not actors ("talks in Paris") with their country.
``discarded`` says whether a sentence is to code no events (the discard list: sports, films).
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
    rule: str | None = None  # how this mention was linked to its actor (title, surname, pronoun ...)
    # The name this mention gives its actor when it differs from the actor's: "the Kremlin" and
    # "Moscow" are one actor (RUSGOV), but a quote from "the Kremlin" should say so.
    name: str | None = None


@dataclass
class ActorTable:
    doc: Doc
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict)
    _extra: dict[int, list[Mention]] = field(default_factory=dict)
    _places: dict[int, Mention] = field(default_factory=dict)
    # The discard list's verdict: why the whole story codes no events, and why single sentences
    # (by their first token) code none.
    story_discard: str | None = None
    sentence_discards: dict[int, str] = field(default_factory=dict)

    def discarded(self, sent: Span) -> str | None:
        """Why the sentence ``sent`` must code no events (a discard-list phrase in it or in the story), or None."""
        return self.story_discard or self.sentence_discards.get(sent.start)

    def add(self, span: Span, actor: Actor, rule: str | None = None) -> Mention:
        """Record that ``span`` mentions ``actor``; its tokens then answer ``at`` with it."""
        return self.add_tokens(span.start, span.end, actor, rule)

    def add_tokens(self, start: int, end: int, actor: Actor, rule: str | None = None,
                   name: str | None = None) -> Mention:
        """Like ``add`` for the token range [start, end); ``name`` is the mention's own name, if any."""
        m = self._mention(start, end, actor, rule)
        m.name = name if name and name != actor.name else None
        if actor not in self.actors:
            self.actors.append(actor)
        actor.mentions.append((m.start_char, m.end_char))
        self.mentions.append(m)
        for i in range(start, end):
            self._by_token[i] = m
        return m

    def remove(self, m: Mention) -> None:
        """Forget a mention (and its actor, when that was its only mention)."""
        if m in self.mentions:
            self.mentions.remove(m)
        span = (m.start_char, m.end_char)
        if span in m.actor.mentions:
            m.actor.mentions.remove(span)
        if not m.actor.mentions and m.actor in self.actors:
            self.actors.remove(m.actor)
        for i in range(m.start, m.end):
            if self._by_token.get(i) is m:
                del self._by_token[i]

    def add_also(self, start: int, end: int, actor: Actor, rule: str | None = None) -> Mention:
        """A further actor for tokens already mentioning one: "they" standing for two leaders."""
        m = self._mention(start, end, actor, rule)
        if actor not in self.actors:
            self.actors.append(actor)
        actor.mentions.append((m.start_char, m.end_char))
        for i in range(start, end):
            self._extra.setdefault(i, []).append(m)
        return m

    def link(self, members: list[Mention]) -> None:
        """Make coordinated mentions answer ``all_at`` for one another."""
        for m in members:
            for other in members:
                if other is not m:
                    for i in range(m.start, m.end):
                        self._extra.setdefault(i, []).append(other)

    def add_place(self, start: int, end: int, place: Actor) -> Mention:
        """A place named in the text that is not acting here ("in Paris"); ``place.country`` is its country."""
        m = self._mention(start, end, place, "place")
        self.places.append(m)
        for i in range(start, end):
            self._places[i] = m
        return m

    def _mention(self, start: int, end: int, actor: Actor, rule: str | None) -> Mention:
        span = self.doc[start:end]
        return Mention(start, end, actor, span.text, span.start_char, span.end_char, rule)

    def at(self, token_i: int) -> Mention | None:
        """The mention covering token ``token_i``, if any."""
        return self._by_token.get(token_i)

    def all_at(self, token_i: int) -> list[Mention]:
        """Every mention at ``token_i``: the one ``at`` gives, then coordinated ones."""
        first = self._by_token.get(token_i)
        out = [first] if first else []
        for m in self._extra.get(token_i, []):
            if all(m.actor is not o.actor for o in out):
                out.append(m)
        return out

    def place_at(self, token_i: int) -> Mention | None:
        """The place (not an actor here) covering ``token_i``; its actor's ``country`` is the place's."""
        return self._places.get(token_i)

    @staticmethod
    def ref(m: Mention) -> ActorRef:
        """The ActorRef an event or a quote carries for this mention."""
        a = m.actor
        return ActorRef(text=m.text, name=m.name or a.name, code=a.code, country=a.country, sector=a.sector,
                        span=(m.start_char, m.end_char))
