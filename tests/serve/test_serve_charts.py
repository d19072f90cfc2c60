"""Geometry of the server-rendered timeline and map."""

from __future__ import annotations

import pytest

from eventwire.serve.charts import goldstein_class, map_chart, nice_max, project, timeline_chart


def bucket(period: str, q: tuple[int, int, int, int], g: float | None) -> dict[str, object]:
    keys = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
    return {"period": period, "events": sum(q), "goldstein_mean": g, "cooperation": q[0] + q[1],
            "conflict": q[2] + q[3], "quad": dict(zip(keys, q, strict=True))}


@pytest.mark.parametrize(("value", "expected"), [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (40, 50), (120, 200)])
def test_serve_charts_nice_max(value: float, expected: int) -> None:
    assert nice_max(value) == expected


def test_serve_charts_timeline_cooperation_up_conflict_down() -> None:
    chart = timeline_chart([bucket("2025-01-01", (2, 1, 0, 3), 0.5), bucket("2025-02-01", (0, 0, 0, 0), None)])
    bars = chart["bars"]
    assert [(b["q"], b["n"]) for b in bars] == [(1, 2), (2, 1), (4, 3)]  # empty classes draw nothing
    up = [b for b in bars if b["q"] in (1, 2)]
    assert all(b["y"] + b["h"] <= chart["mid"] + 1e-9 for b in up)
    down = next(b for b in bars if b["q"] == 4)
    assert down["y"] == pytest.approx(chart["mid"])
    # heights are proportional to counts
    assert bars[0]["h"] == pytest.approx(2 * bars[1]["h"])
    assert len(chart["points"]) == 1  # no Goldstein line point for an empty period


def test_serve_charts_timeline_goldstein_scale() -> None:
    chart = timeline_chart([bucket("2025-01-01", (1, 0, 0, 0), 10.0), bucket("2025-01-02", (0, 0, 0, 1), -10.0)])
    (_, y_top), (_, y_bottom) = chart["points"]
    assert y_top == pytest.approx(chart["top"]) and y_bottom == pytest.approx(chart["bottom"])


def test_serve_charts_projection_and_points() -> None:
    assert project(0, 0) == (180, 90)
    assert project(90, -180) == (0, 0)
    chart = map_chart([{"name": "A", "country": "FRA", "lat": 48.86, "lon": 2.35, "events": 4, "goldstein_mean": 5.0},
                       {"name": "B", "country": None, "lat": -33.9, "lon": 151.2, "events": 1, "goldstein_mean": -3.0}])
    a, b = chart["points"]
    assert (a["x"], a["y"]) == (182.35, 41.14)
    assert a["r"] > b["r"] and (a["cls"], b["cls"]) == ("coop", "conf")
    assert any(c["active"] and c["iso3"] == "FRA" for c in chart["countries"])
    assert sum(c["active"] for c in chart["countries"]) == 1


@pytest.mark.parametrize(("g", "cls"), [(None, "neutral"), (0.0, "neutral"), (1.5, "coop"), (-1.5, "conf")])
def test_serve_charts_goldstein_class(g: float | None, cls: str) -> None:
    assert goldstein_class(g) == cls
