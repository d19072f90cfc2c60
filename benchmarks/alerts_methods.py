"""Which change-detection method for dyad alerts: false alarms per hundred dyad-weeks against delay.

    .venv/bin/python benchmarks/alerts_methods.py [--db STORE] [--reps 60] [--seed 7]

Weekly dyad series with known truth are generated, each event a (Goldstein, conflict) pair drawn
from one of two pools:

- ``codebook``: the CAMEO codebook's Goldstein values, cooperative codes (QuadClass 1-2) against
  conflict codes (3-4);
- ``real``: the asserted events a real store holds (``--db``, e.g. a store `eventwire run` built
  from /work/shared/corpora/aeb), split the same way, so the values, their ties and their mix are
  those the coder gives real news.

Null series stay steady for 40 weeks (a conflict share of 0.2 or 0.5); turn series cooperate for
ten weeks (share 0.15) and then fight (0.75) for ten more, or the reverse. Weekly counts are Poisson
with 1, 3 or 8 events a week. Each method is measured at several operating points:

- false alarms per 100 dyad-weeks: alerts on null series, plus alerts on turn series that start
  more than one week away from the turn or point the wrong way;
- detected: turn series whose turn (right kind, start within a week) is found by the series' end;
- delay: weeks of data after the turn's week that the method needed (the series is replayed one week
  at a time, as `watch` sees it; 0 means at the end of the turn's own week);
- start error: how far the reported start is from the true turn, in weeks, once found.

The real store itself is also run through every method: its alerts per 100 dyad-weeks (no truth
there; with a corpus this sparse, any alert is most likely false).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from eventwire.alerts import DEFAULT_METHOD, METHODS, DyadSeries, Period, Point, Settings, find_alerts
from eventwire.alerts import methods as am
from eventwire.alerts.series import build_series, read_events
from eventwire.store import Store
from eventwire.tables import cameo_codes

START = date(2024, 1, 1)  # a Monday
Pool = tuple[list[float], list[float]]  # Goldstein values of cooperative and of conflict events


@dataclass(frozen=True)
class Case:
    """One generated series and its truth: the index of the turn week and its kind (None: steady)."""

    series: DyadSeries
    turn: int | None
    kind: str | None
    rate: float


def codebook_pool() -> Pool:
    codes = cameo_codes().values()
    return ([c.goldstein for c in codes if c.quad_class in (1, 2)], [c.goldstein for c in codes if c.quad_class in (3, 4)])


def real_pool(db: Path) -> Pool:
    with Store(db) as store:  # writable: a store of an older schema is upgraded first
        rows = read_events(store, "country")
    coop = [r["goldstein"] for r in rows if r["quad_class"] in (1, 2)]
    return coop, [r["goldstein"] for r in rows if r["quad_class"] in (3, 4)]


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method: rates here are small.
    n, p, limit = 0, 1.0, pow(2.718281828459045, -lam)
    while True:
        p *= rng.random()
        if p <= limit:
            return n
        n += 1


def make_series(rng: random.Random, pool: Pool, shares: list[float], rate: float, name: str) -> DyadSeries:
    """A weekly series whose week i has Poisson(rate) events, each conflict with probability shares[i]."""
    periods = []
    for week, share in enumerate(shares):
        start = START + timedelta(weeks=week)
        pts = []
        for k in range(_poisson(rng, rate)):
            conflict = rng.random() < share
            g = rng.choice(pool[1] if conflict else pool[0])
            pts.append(Point(f"{name}-{week}-{k}", start + timedelta(days=rng.randrange(7)), g, 4 if conflict else 1))
        periods.append(Period(start, sorted(pts, key=lambda p: p.day)))
    return DyadSeries(name, "X", "week", periods)


def cases(rng: random.Random, pool: Pool, reps: int) -> list[Case]:
    out = []
    for rate in (1.0, 3.0, 8.0):
        for r in range(reps):
            for share in (0.2, 0.5):
                out.append(Case(make_series(rng, pool, [share] * 40, rate, f"null{rate}-{share}-{r}"), None, None, rate))
            esc = make_series(rng, pool, [0.15] * 10 + [0.75] * 10, rate, f"esc{rate}-{r}")
            out.append(Case(esc, 10, "escalation", rate))
            de = make_series(rng, pool, [0.75] * 10 + [0.15] * 10, rate, f"de{rate}-{r}")
            out.append(Case(de, 10, "de-escalation", rate))
    return out


def _prefix(series: DyadSeries, weeks: int) -> DyadSeries:
    return replace(series, periods=series.periods[:weeks])


def _hits(alerts: list, case: Case) -> list:
    turn_day = START + timedelta(weeks=case.turn or 0)
    return [a for a in alerts if a.kind == case.kind and abs((a.start - turn_day).days) <= 7]


@dataclass
class Score:
    weeks: int = 0
    false_alarms: int = 0
    turns: int = 0
    detected: int = 0
    delays: list[int] | None = None
    start_errors: list[int] | None = None
    seconds: float = 0.0  # time of the offline runs (one per series)


def measure(method: str, settings: Settings, cs: list[Case]) -> Score:
    sc = Score(delays=[], start_errors=[])
    for case in cs:
        t0 = time.perf_counter()
        final = find_alerts([case.series], settings, method)
        sc.seconds += time.perf_counter() - t0
        sc.weeks += len(case.series.periods)
        if case.turn is None:
            sc.false_alarms += len(final)
            continue
        sc.turns += 1
        hits = _hits(final, case)
        sc.false_alarms += len(final) - min(len(hits), 1)
        # Replayed week by week: the first week whose data shows the turn.
        for weeks in range(case.turn + 1, len(case.series.periods) + 1):
            found = _hits(find_alerts([_prefix(case.series, weeks)], settings, method), case)
            if found:
                sc.detected += 1
                assert sc.delays is not None and sc.start_errors is not None
                sc.delays.append(weeks - 1 - case.turn)
                sc.start_errors.append(abs((found[0].start - (START + timedelta(weeks=case.turn))).days) // 7)
                break
    return sc


def operating_points() -> list[tuple[str, str, str, Settings]]:
    """(label, method registered under, its parameter, settings) to measure."""
    base = Settings()
    pts = []
    for th in (2.5, 3.0, 3.5, 4.0):
        pts.append(("window", "window", f"z>={th}, recent 4", replace(base, threshold=th, recent=4)))
    for th in (3.0, 3.5, 4.0, 4.5):  # a longer recent window: more power as weeks come in, more chances to err
        pts.append(("window", "window", f"z>={th}, recent 8", replace(base, threshold=th, recent=8)))
    for h in (3.0, 5.0, 8.0):
        METHODS[f"cusum-h{h}"] = partial(am.cusum, h=h)
        pts.append(("cusum", f"cusum-h{h}", f"h={h}", base))
    try:
        import ruptures  # noqa: F401
    except ImportError:
        print("ruptures is not installed: PELT left out (pip install ruptures)", file=sys.stderr)
        return pts
    for beta in (2.0, 4.0, 8.0):
        METHODS[f"pelt-b{beta}"] = partial(am.pelt, beta=beta)
        pts.append(("pelt", f"pelt-b{beta}", f"beta={beta}", base))
    return pts


def _fmt(sc: Score) -> str:
    fa = 100 * sc.false_alarms / sc.weeks if sc.weeks else 0.0
    det = 100 * sc.detected / sc.turns if sc.turns else 0.0
    delay = statistics.median(sc.delays) if sc.delays else float("nan")
    mean_delay = statistics.fmean(sc.delays) if sc.delays else float("nan")
    err = statistics.fmean(sc.start_errors) if sc.start_errors else float("nan")
    ms = 1000 * sc.seconds / sc.weeks * 100 if sc.weeks else 0.0
    return f"| {fa:.2f} | {det:.0f}% | {delay:.0f} | {mean_delay:.2f} | {err:.2f} | {ms:.1f} |"


def real_store(db: Path, label: str, name: str, settings: Settings) -> str:
    with Store(db) as store:  # writable: a store of an older schema is upgraded first
        series = build_series(read_events(store, "country"), "week")
    weeks = sum(len(s.periods) for s in series)
    found = find_alerts(series, settings, name)
    return f"| {label} | {len(series)} | {weeks} | {len(found)} | {100 * len(found) / weeks if weeks else 0:.2f} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--db", type=Path, help="a real store (e.g. from `eventwire run /work/shared/corpora/aeb/html`)")
    ap.add_argument("--reps", type=int, default=60, help="series per configuration")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--methods", default="window,cusum,pelt", help="comma-separated: which methods to measure")
    args = ap.parse_args(argv)
    pools: dict[str, Pool] = {"codebook": codebook_pool()}
    if args.db:
        if not args.db.exists():
            print(f"no store at {args.db}", file=sys.stderr)
            return 2
        pools["real"] = real_pool(args.db)
        print(f"real pool from {args.db}: {len(pools['real'][0])} cooperative and {len(pools['real'][1])} conflict events")
    points = [p for p in operating_points() if p[0] in args.methods.split(",")]
    for pool_name, pool in pools.items():
        cs = cases(random.Random(args.seed), pool, args.reps)
        print(f"\n### {pool_name} pool: {len(cs)} series, {sum(len(c.series.periods) for c in cs)} dyad-weeks\n")
        print("| method | setting | false alarms / 100 dyad-weeks | detected | median delay (weeks) | mean delay |"
              " start error (weeks) | ms / 100 dyad-weeks |")
        print("|---|---|---|---|---|---|---|---|")
        for label, name, param, settings in points:
            print(f"| {label} | {param} {_fmt(measure(name, settings, cs))}", flush=True)
        print(f"\nThe default ({DEFAULT_METHOD}, {Settings()}) by events a week:\n")
        print("| events a week | false alarms / 100 dyad-weeks | detected | median delay | mean delay | start error | ms |")
        print("|---|---|---|---|---|---|---|")
        for rate in sorted({c.rate for c in cs}):
            print(f"| {rate:g} {_fmt(measure(DEFAULT_METHOD, Settings(), [c for c in cs if c.rate == rate]))}", flush=True)
    print("\n### one busy dyad: 52 weeks, about 20 events a week\n")
    print("| method | events | seconds |")
    print("|---|---|---|")
    busy = make_series(random.Random(args.seed), pools["codebook"], [0.2] * 26 + [0.6] * 26, 20.0, "busy")
    for label, name, param, settings in points:
        if param in ("z>=3.5, recent 8", "h=5.0", "beta=4.0"):
            t0 = time.perf_counter()
            find_alerts([busy], settings, name)
            n = sum(p.events for p in busy.periods)
            print(f"| {label} {param} | {n} | {time.perf_counter() - t0:.2f} |", flush=True)
    if args.db:
        print("\n### the real store itself\n")
        print("| method | dyads | dyad-weeks | alerts | alerts / 100 dyad-weeks |")
        print("|---|---|---|---|---|")
        for label, name, param, settings in points:
            print(real_store(args.db, f"{label} {param}", name, settings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
