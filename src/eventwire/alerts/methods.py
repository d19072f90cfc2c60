"""Change detection on one dyad's series: the candidate methods, each proposing where a turn starts.

Three methods were measured against each other (benchmarks/alerts_methods.py, docs/alerts.md):

- ``window``: a baseline-vs-recent test at every period: the events of the ``baseline`` periods
  before it against those of the ``recent`` periods from it on (Welch's z on Goldstein values, a
  two-proportion z on the conflict share), each side with a minimum number of events; flagged
  periods close together are one turn, placed where the score peaks.
- ``cusum``: a two-sided CUSUM of period means standardised against a baseline estimated from the
  first events, restarted after each alarm (Page's test).
- ``pelt``: ``ruptures``' PELT change points on the event sequence (Goldstein/10, conflict 0/1),
  an L2 cost and a penalty scaled by the noise variance and log n (optional: needs ``ruptures``).

Every method gives :class:`Change` records; :mod:`.detect` turns them into alerts under one
minimum-evidence rule, so the methods differ only in where (and whether) they see a turn.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .records import Kind, Settings
from .series import DyadSeries, Period, Point


@dataclass(frozen=True)
class Change:
    """A proposed turn: the index of its first period, its direction and the method's own score."""

    index: int
    kind: Kind
    score: float


@dataclass(frozen=True)
class Test:
    """The baseline-vs-recent comparison at one period."""

    kind: Kind
    score: float  # z statistic in the direction of ``kind``
    shift: float  # recent minus baseline mean Goldstein
    share_shift: float  # recent minus baseline conflict share


def points(periods: Sequence[Period]) -> list[Point]:
    """Every event of these periods, in order."""
    return [p for period in periods for p in period.points]


def _mean_var(values: Sequence[float]) -> tuple[float, float]:
    m = sum(values) / len(values)
    return m, (sum((v - m) ** 2 for v in values) / (len(values) - 1) if len(values) > 1 else 0.0)


# Goldstein values of one dyad are often all alike (one lexicon entry coded over and over): without a
# floor on the variance, three identical values against three others would be an infinite z.
_VAR_FLOOR = 1.0
_SHARE_FLOOR = 0.05


def compare(base: Sequence[Point], recent: Sequence[Point]) -> Test:
    """Recent events against baseline events: which way they moved and how surely (a z score)."""
    mb, vb = _mean_var([p.goldstein for p in base])
    mr, vr = _mean_var([p.goldstein for p in recent])
    nb, nr = len(base), len(recent)
    zg = (mr - mb) / math.sqrt(max(vb, _VAR_FLOOR) / nb + max(vr, _VAR_FLOOR) / nr)
    cb, cr = sum(p.conflict for p in base) / nb, sum(p.conflict for p in recent) / nr
    pooled = (cb * nb + cr * nr) / (nb + nr)
    zc = (cr - cb) / math.sqrt(max(pooled * (1 - pooled), _SHARE_FLOOR) * (1 / nb + 1 / nr))
    # Direction from the Goldstein mean (the conflict share breaks a tie); the score is the stronger
    # of the two tests in that direction, so a turn seen in either measure counts.
    escalation = (mr - mb) < 0 or ((mr - mb) == 0 and cr > cb)
    score = max(-zg, zc) if escalation else max(zg, -zc)
    return Test("escalation" if escalation else "de-escalation", score, mr - mb, cr - cb)


def windows(periods: Sequence[Period], i: int, s: Settings, floor: int = 0) -> tuple[list[Point], list[Point]]:
    """The baseline (up to ``s.baseline`` periods before ``i``, none before ``floor``) and recent events."""
    return points(periods[max(floor, i - s.baseline):i]), points(periods[i:i + s.recent])


def window(series: DyadSeries, s: Settings) -> list[Change]:
    """Baseline-vs-recent test at every period with events; runs of flagged periods are one turn."""
    periods = series.periods
    flagged: list[Change] = []
    for i in range(1, len(periods)):
        if not periods[i].points:  # a turn starts with an event, not with silence
            continue
        base, recent = windows(periods, i, s)
        if len(base) < s.min_baseline or len(recent) < s.min_recent:
            continue
        t = compare(base, recent)
        if t.score >= s.threshold and (abs(t.shift) >= s.min_shift or abs(t.share_shift) >= s.min_share):
            flagged.append(Change(i, t.kind, t.score))
    return _peaks(flagged, s.recent)


def _peaks(flagged: list[Change], gap: int) -> list[Change]:
    """One change per run of flagged periods of one kind (no more than ``gap`` apart): the best-scored."""
    out: list[Change] = []
    run: list[Change] = []
    for c in flagged:
        if run and (c.kind != run[-1].kind or c.index - run[-1].index > gap):
            out.append(max(run, key=lambda x: x.score))
            run = []
        run.append(c)
    if run:
        out.append(max(run, key=lambda x: x.score))
    return out


def cusum(series: DyadSeries, s: Settings, k: float = 0.5, h: float = 5.0) -> list[Change]:
    """Two-sided CUSUM of standardised period means against a baseline from the first events.

    The baseline is the first ``s.min_baseline`` events or more (whole periods, at most ``s.baseline``
    periods); after an alarm the baseline is taken again from the change's first period on.
    """
    periods = series.periods
    out: list[Change] = []
    i = 0
    while i < len(periods):
        j, base = i, list[Point]()
        while j < len(periods) and (len(base) < s.min_baseline or j - i < 1) and j - i < s.baseline:
            base += periods[j].points
            j += 1
        if len(base) < s.min_baseline:
            break
        mu, var = _mean_var([p.goldstein for p in base])
        sd = math.sqrt(max(var, _VAR_FLOOR))
        low = high = 0.0
        low_from = high_from = -1
        alarm: Change | None = None
        for t in range(j, len(periods)):
            g, n = periods[t].goldstein, periods[t].events
            if g is None:
                continue
            z = (g - mu) / (sd / math.sqrt(n))
            low, high = max(0.0, low - z - k), max(0.0, high + z - k)
            low_from = -1 if low == 0 else (t if low_from < 0 else low_from)
            high_from = -1 if high == 0 else (t if high_from < 0 else high_from)
            if low > h:
                alarm = Change(low_from, "escalation", low)
            elif high > h:
                alarm = Change(high_from, "de-escalation", high)
            if alarm:
                break
        if alarm is None:
            break
        out.append(alarm)
        i = alarm.index
    return out


def pelt(series: DyadSeries, s: Settings, beta: float = 3.0) -> list[Change]:
    """``ruptures``' PELT on the event sequence; each change point is proposed in the direction its segments move."""
    import numpy as np
    import ruptures as rpt

    pts = points(series.periods)
    if len(pts) < s.min_baseline + s.min_recent:
        return []
    signal = np.array([[p.goldstein / 10.0, float(p.conflict)] for p in pts])
    # The noise variance from successive differences: a turn moves one difference, the noise all of them.
    var = max(float(np.mean(np.var(np.diff(signal, axis=0), axis=0))) / 2, 0.01)
    cps = rpt.Pelt(model="l2", min_size=s.min_recent, jump=1).fit(signal).predict(pen=beta * var * math.log(len(pts)))
    index_of = {id(p): i for i, period in enumerate(series.periods) for p in period.points}
    out, prev = [], 0
    bounds = [c for c in cps if c < len(pts)]
    for n, cp in enumerate(bounds):
        nxt = bounds[n + 1] if n + 1 < len(bounds) else len(pts)
        before, after = signal[prev:cp, 0].mean(), signal[cp:nxt, 0].mean()
        kind: Kind = "escalation" if after < before else "de-escalation"
        out.append(Change(index_of[id(pts[cp])], kind, abs(after - before) * 10))
        prev = cp
    return out


Method = Callable[[DyadSeries, Settings], list[Change]]
METHODS: dict[str, Method] = {"window": window, "cusum": cusum, "pelt": pelt}
