"""Alerts found in stores of weekly stories with known turns (written through the store's API, no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alertkit import COOPERATE, FIGHT, plan, steady, turning_store, week, write

from eventwire.alerts import METHODS, Alert, Settings, alerts
from eventwire.store import Store

TURN = week(10)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return turning_store(tmp_path_factory.mktemp("alerts") / "turns.duckdb")


def _of(found: list[Alert], source: str, target: str) -> list[Alert]:
    return [a for a in found if (a.source, a.target) == (source, target)]


def test_alerts_escalation_flagged_near_turn(db: Path) -> None:
    with Store(db, read_only=True) as store:
        found = alerts(store)
        [esc] = _of(found, "USA", "RUS")
        assert esc.kind == "escalation"
        assert abs((esc.start - TURN).days) <= 7
        # Before the turn the dyad cooperated, after it fought: the windows must say so.
        assert esc.baseline.goldstein is not None and esc.recent.goldstein is not None
        assert esc.recent.goldstein < esc.baseline.goldstein
        assert esc.baseline.conflict_share == 0 and esc.recent.conflict_share == 1
        assert esc.score >= Settings().threshold
        # The events behind it are stored conflict events of this dyad from the turn on.
        assert esc.events and esc.events_total >= len(esc.events)
        for event_id in esc.events:
            ev = store.event(event_id)
            assert ev is not None and ev["quad_class"] in (3, 4)
            assert ev["source_country"] == "USA" and ev["target_country"] == "RUS" and ev["date"] >= esc.start


def test_alerts_steady_dyad_not_flagged(db: Path) -> None:
    with Store(db, read_only=True) as store:
        assert _of(alerts(store), "FRA", "DEU") == []


def test_alerts_de_escalation_flagged_near_turn(db: Path) -> None:
    with Store(db, read_only=True) as store:
        [de] = _of(alerts(store), "ISR", "LBN")
    assert de.kind == "de-escalation"
    assert abs((de.start - TURN).days) <= 7
    assert de.recent.conflict_share is not None and de.baseline.conflict_share is not None
    assert de.recent.conflict_share < de.baseline.conflict_share


@pytest.mark.parametrize("method", sorted(METHODS))
def test_alerts_every_method_sees_the_escalation(db: Path, method: str) -> None:
    # The benchmark compares these methods; each must at least find the plain turn.
    if method == "pelt":
        pytest.importorskip("ruptures", reason="the PELT candidate needs `pip install ruptures` (in the dev extras)")
    with Store(db, read_only=True) as store:
        esc = [a for a in _of(alerts(store, method=method), "USA", "RUS") if a.kind == "escalation"]
    assert esc and abs((esc[0].start - TURN).days) <= 7
    assert esc[0].method == method


def test_alerts_since_keeps_later_turns_only(db: Path) -> None:
    with Store(db, read_only=True) as store:
        before = alerts(store, since=week(8))
        after = alerts(store, since=week(12))
    assert {(a.source, a.target) for a in before} == {("USA", "RUS"), ("ISR", "LBN")}
    assert after == []


def test_alerts_level_actor_uses_full_codes(db: Path) -> None:
    with Store(db, read_only=True) as store:
        found = alerts(store, level="actor")
    assert {(a.source, a.target, a.kind) for a in found} == {("USAGOV", "RUSGOV", "escalation"),
                                                              ("ISRMIL", "LBNGOV", "de-escalation")}
    assert all(a.level == "actor" for a in found)


def test_alerts_both_ways_pools_directions(tmp_path: Path) -> None:
    # The two directions take turns week by week; pooled, they are one dyad named in alphabetical order.
    path = write(tmp_path / "both.duckdb", [*plan("RUSGOV", "UKRGOV", range(0, 10, 2), COOPERATE),
                                            *plan("UKRGOV", "RUSGOV", range(1, 10, 2), COOPERATE),
                                            *plan("RUSGOV", "UKRGOV", range(10, 16, 2), FIGHT),
                                            *plan("UKRGOV", "RUSGOV", range(11, 16, 2), FIGHT)])
    with Store(path, read_only=True) as store:
        apart = alerts(store)
        pooled = alerts(store, both_ways=True)
    assert [(a.source, a.target, a.kind, a.both_ways) for a in pooled] == [("RUS", "UKR", "escalation", True)]
    assert abs((pooled[0].start - TURN).days) <= 7
    # Apart, whatever is found is found per direction, and not pooled.
    assert {(a.source, a.target) for a in apart} <= {("RUS", "UKR"), ("UKR", "RUS")}
    assert all(not a.both_ways for a in apart)


def test_alerts_too_few_events_no_alert(tmp_path: Path) -> None:
    # One event a week for three weeks, then conflict: far below the minimum evidence.
    path = write(tmp_path / "thin.duckdb", [*plan("USAGOV", "CHNGOV", range(3), COOPERATE[:1]),
                                            *plan("USAGOV", "CHNGOV", range(3, 5), FIGHT[:1])])
    with Store(path, read_only=True) as store:
        assert alerts(store) == []


def test_alerts_empty_store(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as store:
        assert alerts(store) == []


def test_alerts_monthly_periods(tmp_path: Path) -> None:
    # Eight months of cooperation and four of fighting, one story a week: the turn is found by month too.
    path = write(tmp_path / "months.duckdb", [*plan("USAGOV", "IRNGOV", range(35), COOPERATE),
                                              *plan("USAGOV", "IRNGOV", range(35, 52), FIGHT)])
    with Store(path, read_only=True) as store:
        found = alerts(store, by="month")
    assert [(a.kind, a.by) for a in found] == [("escalation", "month")]
    turn = week(35)
    assert found[0].start == turn.replace(day=1) or abs((found[0].start - turn).days) <= 31


def test_alerts_steady_store_quiet(tmp_path: Path) -> None:
    path = write(tmp_path / "steady.duckdb", steady("FRAGOV", "DEUGOV", range(30)))
    with Store(path, read_only=True) as store:
        assert alerts(store) == []
        assert alerts(store, by="day") == []
