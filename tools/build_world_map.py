"""Build the dashboard's offline world outline from Natural Earth country shapes.

The dashboard's map must work with no internet, so it ships a small file of SVG paths in an
equirectangular projection (x = lon + 180, y = 90 - lat, a 360 x 180 box). This tool makes that
file from the TopoJSON of the npm package ``world-atlas`` (ISC licence; the shapes are Natural
Earth's Admin 0 countries at 1:110m, public domain):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/build_world_map.py /tmp/package/countries-110m.json

It writes ``src/eventwire/serve/static/world-110m.json``: ``{"countries": [{"id", "iso3", "name", "d"}]}``.
Run it again only to change the resolution or the source; the output is committed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "serve" / "static" / "world-110m.json"


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs, delta-decoded and de-quantized to (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], idx: list[int]) -> list[tuple[float, float]]:
    """One closed ring from arc indices (a negative index ~i means arc i reversed)."""
    pts: list[tuple[float, float]] = []
    for i in idx:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc if not pts else arc[1:])  # consecutive arcs share their end point
    return pts


def path_d(rings: list[list[tuple[float, float]]], digits: int) -> str:
    """SVG path data for rings, projected to the 360 x 180 equirectangular box."""
    parts = []
    for r in rings:
        coords = []
        last = None
        for lon, lat in r:
            p = (round(lon + 180, digits), round(90 - lat, digits))
            if p != last:  # rounding merges near points: drop the repeats
                coords.append(p)
                last = p
        if len(coords) < 3:
            continue
        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in coords) + "Z")
    return "".join(parts)


def iso3(numeric: str | None) -> str | None:
    if not numeric:
        return None
    c = pycountry.countries.get(numeric=numeric)
    return c.alpha_3 if c else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("topojson", type=Path, help="countries-110m.json from the world-atlas npm package")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--digits", type=int, default=1, help="decimals kept in degrees (1 = ~11 km)")
    args = ap.parse_args()
    topo = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        rings = [ring(arcs, r) for poly in polys for r in poly]
        d = path_d(rings, args.digits)
        if d:
            countries.append({"id": g.get("id"), "iso3": iso3(g.get("id")), "name": g["properties"]["name"], "d": d})
    out = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain) via the world-atlas npm package 2.0.2 (ISC)",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat",
        "width": 360,
        "height": 180,
        "countries": countries,
    }
    args.out.write_text(json.dumps(out, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
