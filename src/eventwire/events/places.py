"""Where an event happened: the place the text gives it, geocoded offline, with the evidence it came from.

Evidence, strongest first (``Place.how``):

1. ``attached``: a place phrase on the event's verb or its arguments ("clashed with police in Senkata",
   "met Lavrov in Rome", "shelled the city of X", "on the border with Y");
2. ``sentence``: a place the same sentence names after a locative word, or failing that anywhere in it,
   when it is no actor ("Washington said") and no organisation named after a place ("the Paris Club");
3. ``dateline``: the place the story is filed from ("KYIV, March 5 (Reuters) -", "GENEVA (AP) —");
4. ``article``: the place the story is clearly about (at least half of its place names are in one country).

The weaker kinds (2-4) only place an event none of whose participants is of another country than the place:
a dateline in Hong Kong says nothing of where Washington and Beijing negotiate. A dateline still places
statements, which are made where the reporter hears them. Only an attached place
changes the event's coding (a meeting's place makes it a visit, 042, or a hosting, 043); the others are
for maps and filters. Names go through the gazetteer (gazetteer.py) with the article's countries and
first-level divisions as context, so "Paris" is in France unless the story is about Texas.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..models import ActorRef, Event, Place, PlaceHow
from ..nlp.datelines import ENDS
from .entities import entity_at
from .gazetteer import Gazetteer, Spot, adjectives, fold, gazetteer_for, place_words
from .lexicon import Lexicon
from .roles import Actors
from .syntax import SUBJECT_DEPS, prep_children, prep_objects, within_clause

if TYPE_CHECKING:
    from .coder import Coded

_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_BIG_CITY = 500_000
_DATELINE_TOKENS = 10  # a dateline is a place, perhaps a region or country, and an agency: never a clause
# Statements (verbal cooperation and conflict) are made where the reporter hears them: a dateline places them
# whoever they are about ("HANOI (AP) — U.S. Defense Secretary Esper accused China ...").
_SAID = frozenset({1, 3})
_DOMINANT_SHARE = 0.5  # the article is about one country when at least half of its place names are there ...
_DOMINANT_MIN = 2  # ... and it names places at least twice (measured on the AEB dev set: docs/events.md)


def gazetteer(lex: Lexicon) -> Gazetteer:
    """The gazetteer for a lexicon's extra places, built once per process and kept with the lexicon, so a
    document does not re-key the cache from every extra place row."""
    gaz = lex.__dict__.get("_gazetteer")
    if not isinstance(gaz, Gazetteer):
        gaz = lex.__dict__["_gazetteer"] = gazetteer_for(lex.places)
    return gaz


def _phrase_and_participles(tok: Token) -> list[Token]:
    """A phrase with its reduced relatives ("a summit scheduled for June in Sochi")."""
    out = within_clause(tok)
    for t in list(out):
        for c in t.children:
            if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"):
                out += within_clause(c)
    return out


def to_place(spot: Spot, span: tuple[int, int] | None, how: PlaceHow) -> Place:
    """The record of a gazetteer place found as ``how`` says."""
    return Place(name=spot.name, country=spot.country, lat=spot.lat, lon=spot.lon, kind=spot.kind, span=span,
                 how=how, geo_type=spot.geo_type, adm1=spot.adm1, adm1_name=spot.adm1_name, feature_id=spot.feature_id)


class Places:
    """Finds and geocodes the places of the events of one document."""

    def __init__(self, lex: Lexicon, actors: Actors) -> None:
        self.gaz = gazetteer(lex)
        self.lex = lex
        self.actors = actors
        self.doc = actors.doc
        self.preps = lex.cue("place_prep")
        self.motion = lex.cue("place_prep_motion")
        self.place_nouns = lex.cue("place_noun")
        words = place_words()  # read once per process; looked up here by kind, not copied per document
        self.org_heads = words.get("org_head", {})
        self.not_places = words.get("not_place", {})
        self.region_words = words.get("region_word", {})
        self.border_nouns = words.get("border_noun", {})
        self.local_preps = words.get("local_prep", {})
        self.border_preps = words.get("border_prep", {})
        self._context: tuple[set[str], set[tuple[str, str]]] | None = None
        self._mentions: list[tuple[Span, Spot, int]] | None = None
        self._dateline: Place | bool | None = False  # False: not looked for yet
        self._article: Place | bool | None = False

    # -- attached: the event's own words ------------------------------------------------------------

    def find(self, words: list[Token], objects: list[Token], motion: bool) -> Place | None:
        """The first place phrase on the event's words, then inside its objects ("met Lavrov in Rome")."""
        preps = self.preps | self.motion if motion else self.preps
        for w in words:
            for p in prep_children(w):
                if p.lower_ in preps or p.lower_ in self.border_preps:
                    for o in prep_objects(w, p.lower_):
                        if p.lower_ not in preps and o.lemma_.lower() not in self.border_nouns:
                            continue  # "on" places only a border: "clashed on the border with Syria"
                        if (place := self.resolve(o)) is not None:
                            return place
        for obj in objects:
            # "visited the port of Y"; whatever the verb, a place noun as object is a place ("shelled the
            # Syrian town of X")
            if (motion or obj.lemma_.lower() in self.place_nouns) and (place := self.resolve(obj)) is not None:
                return place
        for obj in objects:  # "attend the Beijing Olympics"
            own = entity_at(obj)
            for c in obj.children:
                if own is not None and own.start <= c.i < own.end:
                    continue  # part of the object's own name ("accused the United States")
                if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and not self._named_after(c):
                    place = self.resolve(c)
                    spot = self._spot(c.text) if place is None else None
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
        """The place a noun phrase names: a named location, "the city of X", "the Syrian town of X", "the Rwandan
        capital", "the Idlib province", "the border with X"."""
        low = tok.lemma_.lower()
        if low in self.border_nouns and tok.ent_type_ not in _PLACE_ENTS:  # "on the border with Syria"
            for prep in ("with", "of", "between"):
                for o in prep_objects(tok, prep):
                    if (place := self.resolve(o)) is not None:
                        return place
            return None
        if low in self.place_nouns and tok.ent_type_ not in _PLACE_ENTS:
            within = self._demonym(tok)  # "the Syrian town of X": X in Syria
            for o in prep_objects(tok, "of"):
                if (place := self.resolve_entity(o, within)) is not None or (place := self.resolve(o)) is not None:
                    return place
                if o.pos_ == "PROPN" and (spot := self._spot(o.text, within)) is not None:
                    return self._place(spot, tok.doc[o.i:o.i + 1])  # "the town of X": X is a place, whatever NER said
            fallback = None
            for c in tok.children:  # "Syria's second city Aleppo", "the port city Y", "the Idlib province"
                if c.dep_ in ("appos", "compound", "poss") and c.pos_ == "PROPN":
                    kinds = ("adm1", "region") if low in self.region_words else None
                    place = self.resolve_entity(c, within, kinds)
                    if place is None and (spot := self._spot(c.text, within, kinds)) is not None:
                        place = self._place(spot, tok.doc[c.i:c.i + 1])
                    if place is not None and c.dep_ == "appos":
                        return place
                    if place is not None:
                        fallback = place
                        break
            if low in self.lex.cue("capital_word"):
                if within and (spot := self.gaz.capital(within)):  # "the Afghan capital"
                    return self._place(spot, tok.doc[tok.i:tok.i + 1])
                for c in tok.children:
                    who = self.actors.phrase(c) if c.dep_ in ("amod", "poss", "compound") else []
                    if who and who[0].ref.country and (spot := self.gaz.capital(who[0].ref.country)):
                        return self._place(spot, tok.doc[tok.i:tok.i + 1])
            return fallback
        return self.resolve_entity(tok)

    def resolve_entity(self, tok: Token, within: str | None = None, kinds: tuple[str, ...] | None = None) -> Place | None:
        """The place of the named location ``tok`` belongs to, if it is one."""
        ent = entity_at(tok)
        if ent is not None and ent.label_ in ("NORP", "") and tok.pos_ == "PROPN" and tok.dep_ == "pobj" \
                and tok.head.lower_ in self.local_preps:
            # "protesters in Aleppo" with Aleppo tagged as a nationality: after "in" a proper name the
            # gazetteer knows as a city or division is one
            spot = self._spot(ent.text, within, ("city", "adm1", "region"))
            return self._place(spot, ent) if spot is not None else None
        if ent is not None and ent.label_ == "EVENT":
            return self._host(ent, within)
        if ent is None or ent.label_ not in _PLACE_ENTS or self._not_place(ent):
            return None
        within = within or self._country_hint(tok)
        text = ent.text
        spot = self._spot(text, within, kinds)
        if spot is None:  # "the Idlib province", "Idlib region": the division
            last = ent[-1].lower_
            if last in self.region_words and len(ent) > 1:
                spot = self._spot(ent[:-1].text, within, ("adm1", "region"))
        if spot is None:
            here = self.actors.at(tok)
            if here is not None and here.ref.country:
                spot = self.gaz.country(here.ref.country)
        return self._place(spot, ent) if spot is not None else None

    def _host(self, ent: Span, within: str | None) -> Place | None:
        """The place an event is named after, where it is held: "the Beijing Olympics", "the Munich Security
        Conference". Only a name that opens the event's name counts ("the World Cup" names no place)."""
        names = [t for t in ent if t.pos_ != "DET"]
        for n in (2, 1):
            if len(names) > n and all(t.pos_ == "PROPN" for t in names[:n]):
                span = ent.doc[names[0].i:names[n - 1].i + 1]
                spot = self._spot(span.text, within, ("city", "adm1", "country"))
                if spot is not None:
                    return self._place(spot, span)
        return None

    def _country_hint(self, tok: Token) -> str | None:
        for c in tok.children:  # "Sochi, Russia", "Hayward, Calif."
            if c.dep_ in ("appos", "npadvmod", "conj") and c.ent_type_ == "GPE":
                spot = self.gaz.best(c.text)
                if spot is not None and spot.kind in ("country", "adm1"):
                    return spot.country
        return None

    def _demonym(self, tok: Token) -> str | None:
        """The country of an adjective on a place noun: "the Syrian town of X", "a Ukrainian village"."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and (c.pos_ == "ADJ" or c.ent_type_ == "NORP"):
                if (cc := adjectives().get(fold(c.text))) is not None:
                    return cc
                who = self.actors.phrase(c)
                if who and who[0].ref.country:
                    return who[0].ref.country
        return None

    def _not_place(self, ent: Span) -> bool:
        """An organisation named after a place ("the Paris Club", "the Washington Post"), or a person's name."""
        if fold(ent.text) in self.not_places:
            return True
        doc = ent.doc
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.is_title and fold(nxt.text) in self.org_heads:
            return True
        return any(t.ent_type_ in ("PERSON", "ORG") for t in ent)

    def _named_after(self, tok: Token) -> bool:
        return tok.head.is_title and fold(tok.head.text) in self.org_heads

    def _spot(self, name: str, within: str | None = None, kinds: tuple[str, ...] | None = None) -> Spot | None:
        countries, adm1s = self.context()
        return self.gaz.best(name, countries, adm1s, within, kinds)

    @staticmethod
    def _place(spot: Spot, span: Span, how: PlaceHow = "attached") -> Place:
        return to_place(spot, (span.start_char, span.end_char), how)

    # -- the document: its countries, divisions, dateline and dominant place ------------------------

    def context(self) -> tuple[set[str], set[tuple[str, str]]]:
        """The countries and first-level divisions the article names, read without context: what
        disambiguates the rest ("Paris" with "Texas" in the article is Paris, Texas)."""
        if self._context is None:
            countries: set[str] = set()
            adm1s: set[tuple[str, str]] = set()
            for ent in self.doc.ents:
                if ent.label_ != "GPE" or self._not_place(ent):
                    continue
                spot = self.gaz.best(ent.text)
                if spot is not None and spot.kind in ("country", "adm1") and spot.country:
                    countries.add(spot.country)
                    if spot.kind == "adm1" and spot.adm1:
                        adm1s.add((spot.country, spot.adm1))
            self._context = (countries, adm1s)
        return self._context

    def mentions(self) -> list[tuple[Span, Spot, int]]:
        """Every place the document names where it is a place, not an actor: (words, place, rank), rank 0
        after a locative word ("in", "near"), 1 elsewhere, 2 as a modifier ("the Hong Kong court")."""
        if self._mentions is None:
            out = []
            for ent in self.doc.ents:
                if ent.label_ not in _PLACE_ENTS or self._not_place(ent):
                    continue
                rank = self._rank(ent.root)
                if rank is None:
                    continue
                spot = self._spot(ent.text)
                if spot is None and len(ent) > 1 and ent[-1].lower_ in self.region_words:
                    spot = self._spot(ent[:-1].text, None, ("adm1", "region"))
                if spot is not None:
                    out.append((ent, spot, rank))
            self._mentions = out
        return self._mentions

    def _rank(self, root: Token) -> int | None:
        """How surely a named place stands as a place where it is (None: as an actor, "Washington said")."""
        t = root
        while t.dep_ == "conj" and t.head.i < t.i:
            t = t.head
        dep = t.dep_
        if dep == "pobj":
            # "in X", "near X" place; "from X", "with X", "against X", "by X" mostly name a party
            return 0 if t.head.lower_ in self.local_preps else None
        if dep in SUBJECT_DEPS or dep in ("dobj", "dative", "attr", "ROOT", "agent"):
            return None  # acts, is acted upon, or is the topic: an actor
        if dep == "poss":
            # "southern Syria's al-Tanf" names a place; "Beijing's demands" an actor's
            return 1 if t.head.ent_type_ in _PLACE_ENTS or t.head.lemma_.lower() in self.place_nouns else None
        if dep in ("compound", "nmod", "amod"):
            return 2
        return 1

    def dateline(self) -> Place | None:
        """The place of the article's dateline ("KYIV, March 5 (Reuters) -", "HAYWARD, Calif. (AP) —",
        "Indianapolis –", "NEW DELHI:"), at the head of the text or of one of its first paragraphs."""
        if self._dateline is False:
            self._dateline = None
            for sent in islice(self.doc.sents, 3):
                if (place := self._dateline_at(sent)) is not None:
                    self._dateline = place
                    break
        return self._dateline  # type: ignore[return-value]

    def _dateline_at(self, sent: Span) -> Place | None:
        first = sent[0]
        if not (first.is_alpha and first.text[:1].isupper()):
            return None
        parts: list[list[Token]] = [[]]
        for t in sent[:_DATELINE_TOKENS]:
            if t.text == "(" or (t.text in ENDS and t.i > sent.start and (t.text == ":" or t.nbor(-1).whitespace_)):
                break
            if t.text == ",":
                parts.append([])
            elif t.like_num or t.ent_type_ in ("DATE", "TIME"):
                continue  # "KYIV, March 5": the date
            elif t.text[:1].isupper() or t.text in (".", "'", "-"):
                parts[-1].append(t)
            else:
                return None  # a lower-case word before the end: a sentence, not a dateline
        else:
            return None
        parts = [p for p in parts if p]
        if not parts:
            return None
        within = None
        adm1s: set[tuple[str, str]] = set()
        for p in parts[1:]:  # "HANOI, Vietnam", "COLUMBIA, S.C."
            hint = self.gaz.best(self.doc[p[0].i:p[-1].i + 1].text, kinds=("country", "adm1", "region"))
            if hint is not None and hint.country:
                within = hint.country
                if hint.adm1:
                    adm1s.add((hint.country, hint.adm1))
        head = self.doc[parts[0][0].i:parts[0][-1].i + 1]
        countries, known = self.context()
        spot = self.gaz.best(head.text, countries, known | adm1s, within)
        if spot is None:
            return None
        return to_place(spot, (head.start_char, head.end_char), "dateline")

    def article(self) -> Place | None:
        """The place the story is clearly about: at least half of its place names (two or more) lie in one country;
        then its most named place there, if that has at least half of the country's namings, else the country."""
        if self._article is False:
            self._article = None
            spots = [(ent, s) for ent, s, _ in self.mentions() if s.country]
            by_country = Counter(s.country for _, s in spots)
            if by_country:
                cc, n = by_country.most_common(1)[0]
                if n >= _DOMINANT_MIN and n / sum(by_country.values()) >= _DOMINANT_SHARE:
                    named = Counter((s.name, s.kind) for _, s in spots if s.country == cc and s.kind != "country")
                    top = named.most_common(1)[0] if named else None
                    pick = None
                    if top is not None and top[1] * 2 >= n:
                        pick = next((e, s) for e, s in spots if (s.name, s.kind) == top[0])
                    spot = pick[1] if pick else self.gaz.country(cc or "")
                    if spot is not None:
                        span = (pick[0].start_char, pick[0].end_char) if pick else None
                        self._article = to_place(spot, span, "article")
        return self._article  # type: ignore[return-value]

    # -- the whole document's events ----------------------------------------------------------------

    def sentence_place(self, sent: Span, trigger: Token) -> tuple[Place, bool] | None:
        """The surest, then nearest, place the sentence names where it stands as a place: a phrase after a
        locative word ("in the heart of the Afghan capital", "near Evansville"), then a named place standing
        as no actor and no modifier; and whether it came after a locative word (then the sentence says where
        its events happened, whoever takes part in them)."""
        best: tuple[int, int, Place] | None = None
        for t in sent:
            prep = t.head.lower_
            at = prep in self.local_preps or (prep in self.border_preps and t.lemma_.lower() in self.border_nouns)
            if t.dep_ == "pobj" and at and (place := self.resolve(t)) is not None:
                key = (0, abs(t.i - trigger.i))
                if best is None or key < best[:2]:
                    best = (*key, place)
        if best is None:
            for ent, spot, rank in self.mentions():
                if ent.start < sent.start or ent.end > sent.end or rank > 1:
                    continue  # "the New York attorney general", "Syrian troops": the actor's place, not the event's
                key = (rank, abs(ent.root.i - trigger.i))
                if best is None or key < best[:2]:
                    best = (*key, to_place(spot, (ent.start_char, ent.end_char), "sentence"))
        if best is None:
            return None
        return replace(best[2], how="sentence"), best[0] == 0

    def complete(self, coded: Coded) -> None:
        """Give every event the text does not place by its own words a place from the weaker evidence
        (sentence, dateline, article), and every participant the place the text puts it in."""
        for ev, r in zip(coded.events, coded.event_readings, strict=True):
            ev.source = self._actor_place(ev.source)
            ev.target = self._actor_place(ev.target)
            if ev.place is not None:
                continue
            trig = r.trigger
            found = self.sentence_place(trig.sent, trig)
            if found is not None and (found[1] or self._fits(ev, found[0])):
                ev.place = found[0]
                if found[0].country:
                    continue
                # a place of no country ("in the South China Sea") yields to a dateline or article that has one
            for place in (self.dateline(), self.article()):
                if place is not None and (self._fits(ev, place) or (place.how == "dateline" and ev.quad_class in _SAID)):
                    ev.place = place
                    break

    @staticmethod
    def _fits(ev: Event, place: Place) -> bool:
        """A place from beyond the event's own words fits an event none of whose participants is of another
        country (a dateline in Hong Kong does not place talks between Washington and Beijing)."""
        countries = {a.country for a in (ev.source, ev.target) if a is not None and a.country}
        return not countries or place.country in countries

    def _actor_place(self, ref: ActorRef | None) -> ActorRef | None:
        """The actor with the place its own words give it: "protesters in Senkata", "U.S. forces in al-Tanf",
        "the Hong Kong police", "a New York man"."""
        if ref is None or ref.span is None or ref.place is not None:
            return ref
        span = self.doc.char_span(ref.span[0], ref.span[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            return ref
        head = span.root
        for p in prep_children(head):
            if p.lower_ in self.local_preps:
                for o in prep_objects(head, p.lower_):
                    if (place := self.resolve_entity(o)) is not None:
                        return replace(ref, place=replace(place, how="attached"))
        for t in span:
            if t.dep_ in ("compound", "nmod") and t.ent_type_ in _PLACE_ENTS and t.head.i >= t.i \
                    and (place := self.resolve_entity(t)) is not None and place.kind != "country":
                return replace(ref, place=replace(place, how="attached"))
        return ref
