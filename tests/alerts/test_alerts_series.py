"""Series building and the baseline-vs-recent comparison, on hand-made rows (no store needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.alerts import Settings, build_series
from eventwire.alerts.methods import compare, window
from eventwire.alerts.series import Point, next_period, period_start, periods_before
from eventwire.errors import EventwireError


@pytest.mark.parametrize(("day", "by", "start"), [(date(2025, 3, 19), "week", date(2025, 3, 17)),
                                                  (date(2025, 3, 17), "week", date(2025, 3, 17)),
                                                  (date(2025, 3, 19), "month", date(2025, 3, 1)),
                                                  (date(2025, 3, 19), "day", date(2025, 3, 19))])
def test_alerts_series_period_start(day: date, by: str, start: date) -> None:
    assert period_start(day, by) == start  # type: ignore[arg-type]


def test_alerts_series_period_arithmetic_crosses_years() -> None:
    assert next_period(date(2024, 12, 1), "month") == date(2025, 1, 1)
    assert periods_before(date(2025, 2, 1), "month", 3) == date(2024, 11, 1)
    assert periods_before(date(2025, 1, 6), "week", 2) == date(2024, 12, 23)


def test_alerts_series_unknown_period_is_coded() -> None:
    with pytest.raises(EventwireError) as e:
        period_start(date(2025, 1, 1), "year")  # type: ignore[arg-type]
    assert e.value.code == "E041"


def _row(i: int, day: date, src: str, tgt: str, quad: int, g: float) -> dict[str, object]:
    return {"id": f"e{i}", "day": day, "source": src, "target": tgt, "goldstein": g, "quad_class": quad}


def test_alerts_series_fills_empty_periods_to_the_store_end() -> None:
    rows = [_row(1, date(2025, 1, 6), "USA", "RUS", 1, 1.0), _row(2, date(2025, 1, 22), "USA", "RUS", 4, -10.0),
            _row(3, date(2025, 2, 3), "FRA", "DEU", 1, 3.0)]
    series = {(s.source, s.target): s for s in build_series(rows, "week")}
    usa = series[("USA", "RUS")]
    # Weeks of Jan 6, 13 (empty), 20, 27 (empty) and Feb 3 (the store's last event, another dyad's).
    assert [p.start for p in usa.periods] == [date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20), date(2025, 1, 27),
                                              date(2025, 2, 3)]
    assert [p.events for p in usa.periods] == [1, 0, 1, 0, 0]
    assert usa.periods[2].conflict_share == 1.0 and usa.periods[1].goldstein is None
    bucket = usa.periods[2].bucket()
    assert (bucket["conflict"], bucket["quad"]["material_conflict"], bucket["goldstein_mean"]) == (1, 1, -10.0)


def test_alerts_series_both_ways_pools_in_alphabetical_order() -> None:
    rows = [_row(1, date(2025, 1, 6), "USA", "RUS", 1, 1.0), _row(2, date(2025, 1, 7), "RUS", "USA", 3, -2.0)]
    apart = build_series(rows, "week")
    pooled = build_series(rows, "week", both_ways=True)
    assert {(s.source, s.target) for s in apart} == {("USA", "RUS"), ("RUS", "USA")}
    assert [(s.source, s.target, s.periods[0].events) for s in pooled] == [("RUS", "USA", 2)]


def _pts(values: list[tuple[float, int]]) -> list[Point]:
    return [Point(f"p{i}", date(2025, 1, 1), g, q) for i, (g, q) in enumerate(values)]


def test_alerts_compare_direction_and_strength() -> None:
    calm = _pts([(4.0, 1), (1.0, 1), (8.0, 2), (1.0, 1), (4.0, 1), (-2.0, 3)])
    war = _pts([(-10.0, 4), (-4.4, 3), (-10.0, 4), (-2.0, 3)])
    esc = compare(calm, war)
    assert esc.kind == "escalation" and esc.shift < 0 and esc.share_shift > 0 and esc.score > 3
    de = compare(war, calm)
    assert de.kind == "de-escalation" and de.score == pytest.approx(esc.score, rel=0.5)
    # The same events on both sides: no evidence of anything.
    assert compare(calm, calm).score <= 0


def test_alerts_window_needs_the_minimum_evidence() -> None:
    # Two cooperative events, then two hostile ones: a turn to the eye, too little to claim one.
    rows = [_row(1, date(2025, 1, 6), "A", "B", 1, 4.0), _row(2, date(2025, 1, 13), "A", "B", 1, 4.0),
            _row(3, date(2025, 1, 20), "A", "B", 4, -10.0), _row(4, date(2025, 1, 27), "A", "B", 4, -10.0)]
    [series] = build_series(rows, "week")
    assert window(series, Settings()) == []
    lenient = Settings(min_baseline=2, min_recent=2, threshold=1.0)
    assert [c.kind for c in window(series, lenient)] == ["escalation"]


def test_alerts_series_since_at_the_edge_of_the_calendar(tmp_path: Path) -> None:
    # The baseline before a since in year 1 reaches before the calendar: read from the start instead.
    from eventwire.alerts import load_series
    from eventwire.store import Store

    with Store(tmp_path / "e.duckdb") as store:
        for by in ("day", "week", "month"):
            assert load_series(store, by, since=date(1, 1, 3), lookback=8) == []  # type: ignore[arg-type]
