"""Who takes part in an event: actor mentions under a token or phrase, with quote speakers for "I" and "we".

The actors stage answers "who is this token?" (``ActorTable.at``); this module turns phrases into the
actors they name. Inside a quote whose speaker is known, first-person pronouns stand for the speaker.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate

from spacy.tokens import Doc, Token

from ..actors import ActorTable
from ..models import ActorRef, Quote
from .lexicon import Lexicon
from .syntax import CLAUSE_DEPS, conjuncts

# Relations a phrase search does not follow: other clauses, and words that never hold the phrase's actor.
_SKIP = CLAUSE_DEPS | {"punct", "cc", "det", "conj"}


@dataclass(frozen=True)
class Who:
    """An actor taking part in an event, with the token it was found at and how."""

    ref: ActorRef
    token: int
    via: str  # mention | quote | speaker | place
    end: int = -1  # token after the mention

    @property
    def key(self) -> str:
        """Identity used to tell two participants apart: the actor's name (or its words), with its code."""
        r = self.ref
        return f"{(r.name or r.text).lower()}|{r.code or ''}"

    @property
    def coded(self) -> bool:
        return bool(self.ref.code or self.ref.country)


class Actors:
    """Actor lookups for one document."""

    def __init__(self, doc: Doc, table: ActorTable, quotes: list[Quote], lexicon: Lexicon) -> None:
        self.doc = doc
        self.table = table
        self.quotes = quotes
        self.first_person = lexicon.cue("first_person")
        self.third_person = lexicon.cue("third_person")
        # Scanning every quote for each event made long documents quadratic. Quotes come sorted by
        # start (find_quotes): the first one ending after a character is found by bisecting the running
        # maximum of the ends, and it holds the character if it starts at or before it.
        self._starts = [q.span[0] for q in quotes]
        self._sorted = self._starts == sorted(self._starts)
        self._reach = list(accumulate((q.span[1] for q in quotes), max))

    def quote_of(self, tok: Token) -> int | None:
        """Index of the (first) quote whose content holds ``tok``."""
        if not self._sorted:  # quotes given in another order: the plain scan
            return next((n for n, q in enumerate(self.quotes) if q.span[0] <= tok.idx < q.span[1]), None)
        n = bisect_right(self._reach, tok.idx)
        return n if n < len(self._starts) and self._starts[n] <= tok.idx else None

    def at(self, tok: Token) -> Who | None:
        """The actor ``tok`` belongs to, if any."""
        m = self.table.at(tok.i)
        if m is not None:
            return Who(self.table.ref(m), m.start, "mention", m.end)
        if tok.lower_ in self.first_person:
            n = self.quote_of(tok)
            if n is not None and self.quotes[n].speaker is not None:
                spk = self.quotes[n].speaker
                assert spk is not None
                return Who(replace(spk), tok.i, "quote")
        return None

    def head(self, tok: Token | None, strict: bool = False) -> list[Who]:
        """The actors a phrase's head itself names (not an actor somewhere inside it): "the envoy", not
        "assurances from the government". ``strict``: the head word itself, not a modifier ("the crash of
        a Malaysia Airlines jet" names no doer)."""
        if tok is None:
            return []
        out = []
        mods = () if strict else ("compound", "poss", "amod", "nmod")
        for h in conjuncts(tok):
            who = self.at(h) or next((w for c in h.children if c.dep_ in mods and (w := self.at(c)) is not None), None)
            if who is not None:
                out.append(who)
        return _unique(out)

    def place(self, tok: Token) -> list[Who]:
        """A place named at ``tok`` taken as a party ("fired from the Gaza Strip"), if the actors stage knows it."""
        place_at = getattr(self.table, "place_at", None)
        for t in [tok, *(c for c in tok.children if c.dep_ in ("compound", "appos"))]:
            m = place_at(t.i) if place_at is not None else None
            if m is not None and m.actor.country:
                return [Who(self.table.ref(m), m.start, "place", m.end)]
        return []

    def is_pronoun(self, tok: Token | None) -> bool:
        return tok is not None and tok.pos_ == "PRON" and tok.lower_ in self.third_person and self.at(tok) is None

    def phrase(self, tok: Token | None) -> list[Who]:
        """The actors a noun phrase names: its head's actor, else the first actor inside it, for every conjunct."""
        if tok is None:
            return []
        out: list[Who] = []
        for head in conjuncts(tok):
            out += self._first_in(head)
        return _unique(out)

    def _first_in(self, head: Token) -> list[Who]:
        queue = [head]
        while queue:
            t = queue.pop(0)
            who = self.at(t)
            if who is not None:
                return self._coordinated(who, [self.at(c) for c in conjuncts(t)])
            queue += [c for c in t.children if c.dep_ not in _SKIP]
        return []

    def _coordinated(self, who: Who, found: list[Who | None]) -> list[Who]:
        """A mention with the mentions coordinated with it: conjuncts of any of its words ("Barack Obama and
        Vladimir Putin" parsed oddly), and those the actors stage linked ("US and British activists")."""
        out = [who, *(w for w in found if w is not None)]
        # "Trump and Chinese leader Xi Jinping" with "Trump" parsed as a modifier: the name before "and"
        if who.token >= 2 and self.doc[who.token - 1].dep_ == "cc" and self.doc[who.token - 1].lower_ in ("and", "&"):
            before = self.doc[who.token - 2]
            prev = self.at(before)
            if prev is not None and before.dep_ in ("amod", "compound", "nmod") and before.head.i >= who.token:
                out.append(prev)
        if who.end > who.token:
            for i in range(who.token, who.end):
                for c in self.doc[i].children:
                    if c.dep_ == "conj":
                        out += [w for x in conjuncts(c) if (w := self.at(x)) is not None]
            all_at = getattr(self.table, "all_at", None)
            if all_at is not None:
                out += [Who(self.table.ref(m), m.start, "mention", m.end) for m in all_at(who.token)]
        return _unique(out)


def _unique(whos: list[Who]) -> list[Who]:
    seen: set[str] = set()
    out = []
    for w in whos:
        if w.key not in seen:
            seen.add(w.key)
            out.append(w)
    return out
