"""The phrases of one document as actor resolution works on them, and the searches among them.

Items come sorted by where they start; the searches find neighbours by bisection rather than by a scan of
every item for every item, which made long documents quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .phrases import Phrase, Spec


@dataclass
class Item:
    """One coded phrase (or one member of a coordinated phrase) of the document, with its tokens [start, end)."""

    start: int
    end: int
    spec: Spec
    phrase: Phrase
    alias_of: Item | None = None  # an apposition standing for this item's actor
    group: list[Item] = field(default_factory=list)  # coordinated members of one phrase
    also: list[Spec] = field(default_factory=list)  # "the ministers of X and Y": Y's spec beside X's


def latest_first(items: list[Item], starts: list[int], before: int) -> Iterator[Item]:
    """Items starting before token ``before``, the latest first; items starting together in their own order."""
    hi = bisect_left(starts, before)
    while hi > 0:
        lo = bisect_left(starts, starts[hi - 1], 0, hi)
        yield from items[lo:hi]
        hi = lo


class ByEnd:
    """Items by where they end, for the comma-twin search: looked up, not sorted again for every item
    (which made long documents quadratic)."""

    def __init__(self, items: list[Item]) -> None:
        self.first: dict[int, Item] = {}
        for o in items:
            self.first.setdefault(o.end, o)
        self.latest = sorted(items, key=lambda o: -o.end)  # stable: items ending together keep their order
        self.keys = [-o.end for o in self.latest]

    def ending_before(self, i: int) -> Iterator[Item]:
        """Items ending before token ``i``, the latest-ending first (the search mostly stops at the first)."""
        latest = self.latest
        return (latest[j] for j in range(bisect_right(self.keys, -i), len(latest)))


def comma_twin(doc: Doc, it: Item, ends: ByEnd) -> Item | None:
    """'The US commander in Iraq, General X, held talks': the parser may make both phrases subjects
    of one verb instead of an apposition; a title phrase, a comma, then a name is one actor."""
    if it.start == 0 or doc[it.start - 1].text != ",":
        return None
    head = doc[it.phrase.head]
    prev = ends.first.get(it.start - 1)
    if prev is not None and it.spec.kind == "person" and prev.spec.kind == "group" and prev.spec.role \
            and doc[prev.phrase.head].tag_ == "NN" and (it.end >= len(doc) or doc[it.end].text in (",", ".", ";")):
        return prev  # "her Venezuelan counterpart, Hector Balza, on Wednesday": bracketed by commas
    for prev in ends.ending_before(it.start):
        ph = doc[prev.phrase.head]
        if any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in doc[prev.end:it.start - 1]):
            return None
        if ph.head.i == head.head.i and ph.dep_ == head.dep_ and ph.tag_ not in ("NNS", "NNPS"):
            return prev
    return None
