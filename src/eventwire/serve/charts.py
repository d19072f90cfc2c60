"""Geometry for the dashboard's server-rendered SVG charts: the timeline and the map.

Charts are computed here in plain Python and drawn by the templates as SVG, so they need no
charting library, no script and no network, and a test can check their numbers in the HTML.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

# QuadClass names and the colours the templates use (CSS classes q1..q4).
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_QUAD_KEYS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


def nice_max(value: float) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5, 10, 20, 50 ...)."""
    if value <= 1:
        return 1
    mag = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * mag >= value:
            return int(step * mag)
    return int(10 * mag)


def timeline_chart(buckets: list[dict[str, Any]], width: int = 900, height: int = 320) -> dict[str, Any]:
    """Bars of cooperation (up) against conflict (down) per period, and the mean Goldstein line.

    Cooperation stacks QuadClass 1 then 2 above the zero line; conflict stacks 3 then 4 below it.
    The Goldstein mean (-10..10) is drawn on its own right-hand scale.
    """
    left, right, top, bottom = 44, 44, 16, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    mid = top + plot_h / 2
    peak = max([max(b["cooperation"], b["conflict"]) for b in buckets] + [1])
    ymax = nice_max(peak)
    unit = (plot_h / 2) / ymax
    n = max(len(buckets), 1)
    slot = plot_w / n
    bar_w = max(2.0, min(48.0, slot * 0.7))
    bars: list[dict[str, Any]] = []
    line: list[tuple[float, float]] = []
    labels: list[dict[str, Any]] = []
    label_every = max(1, math.ceil(n / 12))
    for i, b in enumerate(buckets):
        cx = left + slot * (i + 0.5)
        x = cx - bar_w / 2
        up = mid
        for q in (1, 2):
            h = b["quad"][_QUAD_KEYS[q]] * unit
            if h:
                bars.append({"x": x, "y": up - h, "w": bar_w, "h": h, "q": q, "n": b["quad"][_QUAD_KEYS[q]],
                             "period": b["period"]})
                up -= h
        down = mid
        for q in (3, 4):
            h = b["quad"][_QUAD_KEYS[q]] * unit
            if h:
                bars.append({"x": x, "y": down, "w": bar_w, "h": h, "q": q, "n": b["quad"][_QUAD_KEYS[q]],
                             "period": b["period"]})
                down += h
        if b.get("goldstein_mean") is not None:
            line.append((cx, mid - b["goldstein_mean"] / 10 * (plot_h / 2)))
        if i % label_every == 0:
            labels.append({"x": cx, "text": str(b["period"])})
    ticks = [{"y": mid - v * unit, "label": str(v)} for v in (ymax, ymax // 2) if v] + [{"y": mid, "label": "0"}]
    ticks += [{"y": mid + v * unit, "label": str(v)} for v in (ymax // 2, ymax) if v]
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "bottom": top + plot_h, "mid": mid, "bars": bars, "ticks": ticks, "labels": labels,
            "line": " ".join(f"{x:.1f},{y:.1f}" for x, y in line), "points": line, "ymax": ymax,
            "g_ticks": [{"y": mid - g / 10 * (plot_h / 2), "label": f"{g:+d}" if g else "0"} for g in (10, 5, 0, -5, -10)]}


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """The shipped world outline (see tools/build_world_map.py): country paths in a 360 x 180 box."""
    text = (resources.files("eventwire.serve") / "static" / "world-110m.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection into the world outline's 360 x 180 box."""
    return lon + 180.0, 90.0 - lat


def goldstein_class(g: float | None) -> str:
    """A CSS class for a Goldstein value: coop (> 1), conf (< -1) or neutral."""
    if g is None:
        return "neutral"
    return "coop" if g > 1 else "conf" if g < -1 else "neutral"


def map_chart(places: list[dict[str, Any]]) -> dict[str, Any]:
    """Points for places (area proportional to the event count) over the country outlines."""
    peak = max([p["events"] for p in places] + [1])
    points = []
    for p in places:
        x, y = project(p["lat"], p["lon"])
        points.append({**p, "x": round(x, 2), "y": round(y, 2), "r": round(1.2 + 4.0 * math.sqrt(p["events"] / peak), 2),
                       "cls": goldstein_class(p.get("goldstein_mean"))})
    countries_with_events = {p["country"] for p in places if p.get("country")}
    w = world()
    return {"width": w["width"], "height": w["height"], "points": points,
            "countries": [{**c, "active": c.get("iso3") in countries_with_events} for c in w["countries"]],
            "graticule": {"lons": list(range(-150, 180, 30)), "lats": list(range(-60, 90, 30))}}
