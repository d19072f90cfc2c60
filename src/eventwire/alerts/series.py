"""Each dyad's series per period (day, week from Monday, month) of asserted events, from the store.

Reading is the only I/O: one parameterised query composed from the store's own query builders
(``selected_events`` for the filters, ``LEVELS`` for what a dyad's ends are), so the events counted
here are the very events ``eventwire dyads`` and ``timeline`` count. Everything after the read is a
pure function of the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..errors import Errors, EventwireError
from ..store import Store
from ..store import queries as qb
from .records import By, Level

PERIODS: tuple[By, ...] = ("day", "week", "month")
LEVELS: tuple[Level, ...] = ("country", "actor")
# The alerts' "actor" level is the store's "code" level: full CAMEO actor codes.
_STORE_LEVEL = {"country": "country", "actor": "code"}
_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class Point:
    """One asserted event of a dyad: its id, date, Goldstein value and QuadClass (1-2 cooperation, 3-4 conflict)."""

    id: str
    day: date
    goldstein: float
    quad: int

    @property
    def conflict(self) -> bool:
        return self.quad in (3, 4)


@dataclass
class Period:
    """The events of one dyad in one period (possibly none)."""

    start: date
    points: list[Point] = field(default_factory=list)

    @property
    def events(self) -> int:
        return len(self.points)

    @property
    def goldstein(self) -> float | None:
        return sum(p.goldstein for p in self.points) / len(self.points) if self.points else None

    @property
    def conflict_share(self) -> float | None:
        return sum(p.conflict for p in self.points) / len(self.points) if self.points else None

    def bucket(self) -> dict[str, Any]:
        """The period in the shape of a timeline bucket (``/api/v1/timeline``), for charts."""
        quad = {name: sum(p.quad == q for p in self.points) for q, name in enumerate(_QUADS, start=1)}
        return {"period": self.start, "events": self.events, "mentions": self.events, "goldstein_mean": self.goldstein,
                "cooperation": quad[_QUADS[0]] + quad[_QUADS[1]], "conflict": quad[_QUADS[2]] + quad[_QUADS[3]],
                "quad": quad}


@dataclass
class DyadSeries:
    """One dyad's periods, every period from its first event to the series' end present (empty ones too)."""

    source: str
    target: str
    by: By
    periods: list[Period]


def period_start(day: date, by: By) -> date:
    """The first day of the period holding ``day``: itself, its week's Monday, or its month's first day."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise EventwireError(Errors.E041, cause=f"by {by!r} must be one of {', '.join(PERIODS)}")


def next_period(start: date, by: By) -> date:
    """The first day of the period after the one starting on ``start``."""
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def periods_before(start: date, by: By, n: int) -> date:
    """The first day of the period ``n`` periods before the one starting on ``start``."""
    if by == "day":
        return start - timedelta(days=n)
    if by == "week":
        return start - timedelta(days=7 * n)
    year, month = divmod(start.year * 12 + start.month - 1 - n, 12)
    return date(year, month + 1, 1)


def check(by: str, level: str) -> None:
    """A coded error (E041) for a period or level alerts do not know."""
    if by not in PERIODS:
        raise EventwireError(Errors.E041, cause=f"by {by!r} must be one of {', '.join(PERIODS)}")
    if level not in LEVELS:
        raise EventwireError(Errors.E041, cause=f"level {level!r} must be one of {', '.join(LEVELS)}")


def since_day(value: str | date | None) -> date | None:
    """``--since`` as a date (YYYY-MM-DD), read as the store's filters read it; a coded error (E041) if it is none."""
    return qb.filter_day(value, "since") if value else None


def series_query(level: Level, since: date | None = None, until: date | None = None) -> qb.Query:
    """The asserted, dated events with both ends known, as (id, day, source, target, goldstein, quad_class)."""
    return qb.dyad_points_query(_STORE_LEVEL[level], since, until)


def read_events(store: Store, level: Level = "country", since: date | None = None,
                until: date | None = None) -> list[dict[str, Any]]:
    """The rows of :func:`series_query` from ``store`` (the only I/O of the alerts stage)."""
    q = series_query(level, since, until)
    return list(store.fetch(q.sql, q.params))


def build_series(rows: Iterable[dict[str, Any]], by: By = "week", both_ways: bool = False,
                 end: date | None = None) -> list[DyadSeries]:
    """Rows of :func:`series_query` grouped into one series per dyad.

    Directed by default (A→B apart from B→A); ``both_ways`` pools the two directions into one dyad
    named in alphabetical order. Self-dyads (A→A, e.g. a government against its own opposition at
    country level) are kept: a civil conflict is a turn too. Each series runs from its dyad's
    first period to ``end``'s period (the store's last event by default), so silence at the end shows.
    """
    groups: dict[tuple[str, str], list[Point]] = {}
    last: date | None = None
    for r in rows:
        src, tgt = str(r["source"]), str(r["target"])
        if both_ways and tgt < src:
            src, tgt = tgt, src
        day = r["day"]
        groups.setdefault((src, tgt), []).append(Point(str(r["id"]), day, float(r["goldstein"]), int(r["quad_class"])))
        last = day if last is None or day > last else last
    stop = end or last
    out = []
    for (src, tgt), points in sorted(groups.items()):
        out.append(DyadSeries(src, tgt, by, _periods(points, by, stop)))
    return out


def _periods(points: Sequence[Point], by: By, end: date | None) -> list[Period]:
    by_start: dict[date, Period] = {}
    for p in points:
        by_start.setdefault(period_start(p.day, by), Period(period_start(p.day, by))).points.append(p)
    first = min(by_start)
    stop = max(max(by_start), period_start(end, by)) if end else max(by_start)
    periods, current = [], first
    while current <= stop:
        periods.append(by_start.get(current) or Period(current))
        current = next_period(current, by)
    return periods


def load_series(store: Store, by: By = "week", level: Level = "country", both_ways: bool = False,
                since: date | None = None, lookback: int = 0) -> list[DyadSeries]:
    """Every dyad's series from the store; with ``since``, only events from ``lookback`` periods before it
    (the baseline an alert starting on ``since`` needs), so a long history is not read for a recent question."""
    check(by, level)
    try:
        start = periods_before(period_start(since, by), by, lookback) if since else None
    except (OverflowError, ValueError):  # a since in year 1: the baseline reaches before the calendar
        start = None
    rows = read_events(store, level, since=start)
    return build_series(rows, by, both_ways)
