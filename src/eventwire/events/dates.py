"""When an event happened: a time expression attached to it, resolved against the publication date.

"on Thursday" in a report of what happened is the most recent Thursday (the publication day itself
included); in a future context ("expected to meet ... on Thursday") it is the next one. "yesterday",
"last week", "in May" and weekday names are read with codebook/event_dates.tsv; fuller dates ("6 March
2014", "three days ago") go to dateparser with the publication date as its base. Without a time
expression the event takes the publication date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from spacy.tokens import Span, Token

from .entities import entity_at
from .lexicon import Lexicon
from .syntax import CLAUSE_DEPS

_DATE_PREPS = frozenset({"on", "in", "at", "during", "this", "last", "next"})
_DIGITS = re.compile(r"\d")
_TIME_LABELS = frozenset({"DATE", "TIME"})


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_expression(words: list[Token], lex: Lexicon) -> tuple[Span, Token] | None:
    """The first time expression hanging off the event's words ("on Thursday", "last week", "Wednesday's"),
    with the word it hangs off."""
    for w in words:
        for c in w.children:
            if c.dep_ in CLAUSE_DEPS:
                continue
            cands = [c]
            if c.dep_ == "prep":
                if c.lower_ not in _DATE_PREPS:
                    continue
                cands = [o for o in c.children if o.dep_ == "pobj"]
            for t in cands:
                ent = entity_at(t, _TIME_LABELS)
                if ent is not None and (any(x.lower_ in lex.dates for x in ent) or _DIGITS.search(ent.text)):
                    return ent, w
                if t.lower_ in lex.dates and lex.dates[t.lower_][0] in ("day", "weekday"):
                    return t.doc[t.i:t.i + 1], w
    return None


def _shift_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def resolve(expr: str, pub: date, future: bool, lex: Lexicon) -> date | None:
    """The day ``expr`` names, read from ``pub`` looking back (reports) or forward (plans)."""
    words = [re.sub(r"['’]s$", "", w.lower()).strip(".,") for w in expr.split()]
    words = [w for w in words if w]
    kinds = {w: lex.dates[w] for w in words if w in lex.dates}
    direction = next((int(v) for w, (k, v) in kinds.items() if k == "direction"), None)
    if _DIGITS.search(expr) or "ago" in words:
        return _dateparser(expr, pub, future)
    for kind, value in kinds.values():
        if kind == "day":
            return pub + timedelta(days=int(value))
    for kind, value in kinds.values():
        if kind == "weekday":
            return _weekday(pub, int(value), future if direction is None else direction > 0, direction)
    for kind, value in kinds.values():
        if kind == "month":
            return _month(pub, int(value), future, direction)
    for kind, value in kinds.values():
        if kind == "unit" and direction is not None:
            if value == "month":
                return _shift_months(pub, direction)
            if value == "year":
                return _shift_months(pub, 12 * direction)
            if value == "weekend":
                return _weekday(pub, 5, direction > 0, direction)
            return pub + timedelta(days=int(value) * direction)
    return None


def _weekday(pub: date, wd: int, forward: bool, direction: int | None) -> date:
    delta = (wd - pub.weekday()) % 7 if forward else -((pub.weekday() - wd) % 7)
    if direction and delta == 0:
        delta = 7 * direction  # "last Wednesday" on a Wednesday is a week ago
    return pub + timedelta(days=delta)


def _month(pub: date, month: int, future: bool, direction: int | None) -> date:
    if month == pub.month and direction in (None, 0):
        return pub
    year = pub.year
    if direction == 0:
        pass
    elif future or (direction or 0) > 0:
        year += month < pub.month
    else:
        year -= month > pub.month
    return date(year, month, 1)


def _dateparser(expr: str, pub: date, future: bool) -> date | None:
    import dateparser  # imported on first use: it is slow to load

    settings = {"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
                "PREFER_DATES_FROM": "future" if future else "past"}
    if "ago" not in expr.lower():
        settings["PREFER_DAY_OF_MONTH"] = "first"
    try:
        got = dateparser.parse(expr, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return got.date() if got else None


def event_date(words: list[Token], published: str | None, future: set[int], lex: Lexicon) -> tuple[str | None, Span | None]:
    """The event's date (ISO) and the expression it came from; the publication date when none is found.

    ``future`` holds the words whose time is ahead ("expected to meet ... on Thursday": meet); an expression
    on another word ("urged Russia on Tuesday to ...": urged) is read looking back.
    """
    pub = parse_published(published)
    found = find_expression(words, lex)
    if found is not None and pub is not None:
        expr, word = found
        got = resolve(expr.text, pub, word.i in future, lex)
        if got is not None:
            return got.isoformat(), expr
    return (pub.isoformat() if pub else None), None
