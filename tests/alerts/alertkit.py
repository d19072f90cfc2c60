"""Stores of weekly stories with known turns, written through the store's own write API (no spaCy).

Each week a dyad gets one article with three events on Monday, Tuesday and Wednesday, cooperative
or hostile by the plan; Goldstein values and QuadClasses come from the CAMEO codebook, never typed.
A module of its own (not conftest) so test modules import it by a name no other folder uses.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from eventwire.models import ActorRef, Analysis, Article, Event
from eventwire.store import Store
from eventwire.tables import cameo_codes

FIRST_MONDAY = date(2025, 1, 6)
# Cooperation: consult, express intent to cooperate, sign formal agreement.
COOPERATE = ("040", "030", "057")
# Conflict: criticize or denounce, threaten, use conventional military force.
FIGHT = ("111", "130", "190")


def week(n: int) -> date:
    """The Monday of week ``n`` of the stories."""
    return FIRST_MONDAY + timedelta(weeks=n)


def _actor(code: str) -> ActorRef:
    return ActorRef(text=code, name=code, code=code, country=code[:3], sector=code[3:6] or None, span=(0, 3))


def _event(code: str, source: str, target: str, day: date) -> Event:
    c = cameo_codes()[code]
    return Event(code=code, name=c.name, root=code[:2], quad_class=c.quad_class, goldstein=c.goldstein,
                 source=_actor(source), target=_actor(target), modality="asserted", sentence="a sentence",
                 span=(0, 10), rule="test", date=day.isoformat())


def story(source: str, target: str, n: int, codes: tuple[str, ...]) -> Analysis:
    """The article of week ``n`` about ``source`` acting on ``target``: one event per code, a day apart."""
    day = week(n)
    events = [_event(code, source, target, day + timedelta(days=i)) for i, code in enumerate(codes)]
    art = Article(id=f"{source}-{target}-w{n}", text=f"Week {n}: {source} and {target}.", title=f"{source} {target} {n}",
                  published=day.isoformat(), source="Wire", language="en", content_hash=f"h-{source}-{target}-{n}")
    return Analysis(art, events=events, tone=0.0)


def plan(source: str, target: str, weeks: range, codes: tuple[str, ...]) -> list[Analysis]:
    return [story(source, target, n, codes) for n in weeks]


def steady(source: str, target: str, weeks: range) -> list[Analysis]:
    """A steady, mostly cooperative dyad with a criticism every third week: noise, not a turn."""
    return [story(source, target, n, ("040", "111", "057") if n % 3 == 0 else COOPERATE) for n in weeks]


def write(path: Path, analyses: list[Analysis]) -> Path:
    with Store(path) as s:
        s.write_many(analyses)
    return path


def turning_store(path: Path) -> Path:
    """USA→RUS cooperates ten weeks then fights six; FRA→DEU stays steady all sixteen weeks;
    ISR→LBN fights ten weeks then cooperates six (the turns are week 10)."""
    return write(path, [*plan("USAGOV", "RUSGOV", range(10), COOPERATE), *plan("USAGOV", "RUSGOV", range(10, 16), FIGHT),
                        *steady("FRAGOV", "DEUGOV", range(16)),
                        *plan("ISRMIL", "LBNGOV", range(10), FIGHT), *plan("ISRMIL", "LBNGOV", range(10, 16), COOPERATE)])
