"""Article text cut into flat segments, each carrying the actor, quote and event marks over it.

Marks overlap freely (an actor inside a quote inside an event's sentence; a quote running over
two sentences), which nested HTML tags cannot express. Cutting the text at every mark boundary
gives segments over which the set of marks is constant; each becomes one ``<span>`` with classes
and data attributes, and the text reads exactly as stored (spans are character offsets).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass
class Segment:
    start: int
    end: int
    text: str
    actors: list[int] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)
    triggers: list[int] = field(default_factory=list)  # events whose trigger word this is
    anchors: list[str] = field(default_factory=list)  # element ids starting here (ev-3, q-1)

    @property
    def classes(self) -> str:
        marks = (("actor", self.actors), ("quote", self.quotes), ("event", self.events), ("trigger", self.triggers))
        return " ".join(k for k, v in marks if v)


def _span(obj: dict[str, Any], key: str = "span") -> tuple[int, int] | None:
    s = obj.get(key)
    if not s or len(s) != 2 or s[0] is None or s[1] is None:
        return None
    return int(s[0]), int(s[1])


def segments(text: str, actors: list[dict[str, Any]], quotes: list[dict[str, Any]],
             events: list[dict[str, Any]]) -> list[Segment]:
    """Segments covering ``text`` from start to end; marks outside the text are clipped or dropped."""
    n = len(text)
    marks: list[tuple[int, int, str, int]] = []
    for i, act in enumerate(actors):
        for s in act.get("mentions") or []:
            if s and len(s) == 2:
                marks.append((int(s[0]), int(s[1]), "actor", i))
    for i, q in enumerate(quotes):
        if (s := _span(q)) is not None:
            marks.append((*s, "quote", i))
    for i, e in enumerate(events):
        if (s := _span(e)) is not None:
            marks.append((*s, "event", i))
        if (s := _span(e, "trigger")) is not None:
            marks.append((*s, "trigger", i))
    marks = [(max(0, a), min(n, b), kind, i) for a, b, kind, i in marks if min(n, b) > max(0, a)]
    cuts = sorted({0, n} | {a for a, _, _, _ in marks} | {b for _, b, _, _ in marks})
    anchors: dict[int, list[str]] = {}
    for a, _, kind, i in marks:
        if kind == "event":  # anchors by event id, so other pages can link to an event's sentence
            anchors.setdefault(a, []).append(f"ev-{events[i].get('id', i)}")
        elif kind == "quote":
            anchors.setdefault(a, []).append(f"q-{quotes[i].get('n', i)}")
    out = []
    for a, b in pairwise(cuts):
        seg = Segment(a, b, text[a:b], anchors=sorted(set(anchors.get(a, []))))
        for ma, mb, kind, i in marks:
            if ma <= a and mb >= b:
                getattr(seg, kind + "s").append(i)
        seg.actors, seg.quotes, seg.events, seg.triggers = (
            sorted(set(x)) for x in (seg.actors, seg.quotes, seg.events, seg.triggers))
        out.append(seg)
    return out
