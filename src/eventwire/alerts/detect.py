"""From dyad series to alerts: run a method, keep the turns with enough evidence, describe them.

The stage is :func:`find_alerts` (series in, alerts out, no I/O); :func:`alerts` reads the series
from a store first. One minimum-evidence rule applies whatever the method: a turn needs at least
``min_baseline`` events before it and ``min_recent`` from it on, and a shift of mean Goldstein of
``min_shift`` points or of conflict share of ``min_share``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..errors import Errors, EventwireError
from ..store import Store
from .methods import METHODS, Change, compare, windows
from .records import MAX_EVENT_IDS, Alert, By, Level, Settings, Window
from .series import DyadSeries, Period, Point, check, load_series, since_day

DEFAULT_METHOD = "window"


def _window(periods: Sequence[Period], pts: Sequence[Point]) -> Window:
    n = len(pts)
    return Window(events=n, goldstein=sum(p.goldstein for p in pts) / n if n else None,
                  conflict_share=sum(p.conflict for p in pts) / n if n else None,
                  first=periods[0].start if periods else None, last=periods[-1].start if periods else None)


def describe(series: DyadSeries, change: Change, s: Settings, floor: int = 0, method: str = DEFAULT_METHOD,
             level: Level = "country", both_ways: bool = False) -> Alert | None:
    """The alert for one proposed change, or None when the evidence around it is too thin or too weak.

    ``floor`` is the first period the baseline may use (the previous turn's start: a baseline does
    not reach back across an earlier turn).
    """
    periods, i = series.periods, change.index
    base, recent = windows(periods, i, s, floor)
    if len(base) < s.min_baseline or len(recent) < s.min_recent:
        return None
    t = compare(base, recent)
    if t.kind != change.kind or (abs(t.shift) < s.min_shift and abs(t.share_shift) < s.min_share):
        return None
    if t.kind == "escalation":  # the events pulling toward conflict, most hostile first
        drivers = sorted((p for p in recent if p.conflict), key=lambda p: (p.goldstein, p.day, p.id))
    else:  # the cooperative events, most cooperative first
        drivers = sorted((p for p in recent if not p.conflict), key=lambda p: (-p.goldstein, p.day, p.id))
    return Alert(source=series.source, target=series.target, kind=t.kind, start=periods[i].start,
                 baseline=_window(periods[max(floor, i - s.baseline):i], base),
                 recent=_window(periods[i:i + s.recent], recent), score=t.score,
                 events=tuple(p.id for p in drivers[:MAX_EVENT_IDS]), events_total=len(drivers), by=series.by,
                 level=level, both_ways=both_ways, method=method)


def find_alerts(series: Sequence[DyadSeries], settings: Settings | None = None, method: str = DEFAULT_METHOD,
                since: date | None = None, level: Level = "country", both_ways: bool = False) -> list[Alert]:
    """Every turn of every dyad (starting on or after ``since``), newest first, then by score."""
    if method not in METHODS:
        raise EventwireError(Errors.E041, cause=f"method {method!r} must be one of {', '.join(METHODS)}")
    s = settings or Settings()
    out: list[Alert] = []
    for one in series:
        floor = 0
        for change in METHODS[method](one, s):
            alert = describe(one, change, s, floor, method, level, both_ways)
            if alert is None:
                continue
            floor = change.index
            if since is None or alert.start >= since:
                out.append(alert)
    out.sort(key=lambda a: (-a.start.toordinal(), -a.score, a.source, a.target))
    return out


def alerts(store: Store, by: By = "week", level: Level = "country", both_ways: bool = False,
           since: str | date | None = None, settings: Settings | None = None, method: str = DEFAULT_METHOD) -> list[Alert]:
    """The alerts of a store's asserted events: its dyads' series read, then :func:`find_alerts`. A bad
    ``by``, ``level`` or ``since`` is a coded error (E041)."""
    check(by, level)
    since = since_day(since)
    s = settings or Settings()
    series = load_series(store, by, level, both_ways, since, lookback=s.baseline)
    return find_alerts(series, s, method, since, level, both_ways)
