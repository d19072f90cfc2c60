"""Actor resolution: from a parsed document to its actors, each with a CAMEO code.

The cascade for one document:

1. atoms: dictionary matches and named entities (``atoms``);
2. phrases: atoms grouped under the noun they modify, and what each phrase says (``phrases``);
3. of/in/from phrases give a role noun its country ("a court in Guyana", "leaders of Egypt's
   Muslim Brotherhood");
4. capitals, cities and seats of government are actors when they act, places otherwise (``places``);
5. appositions join a name to its title ("General David Petraeus, the US commander in Iraq");
6. a dateline ("GAZA CITY, Palestinian Territories:") gives a country to roles that lack one,
   when the story is about its country (``context.home_country``);
7. actors are created in text order: people are linked by name (``people``), then coded by
   their title, else the dictionary of people (by the article's date), else the registry of
   other documents; groups, countries and organisations are merged by code;
8. titled people still coded '---' take a country from the article (``context``); "the two
   leaders" and "both men" stand for the last two people named; pronouns are resolved ("they"
   for a pair or for coordinated people), and the registry learns the people this document
   coded by title.

Codes follow CAMEO: a country (or organisation) then a role. A role with no known country is
coded "---" + role ("---GOV" for "the government"), as the PETRARCH coders do: any country.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from ..config import Config
from ..models import Actor
from .atoms import Atom, find_atoms
from .context import home_country, institution_code, institution_country, recode, sentence_countries, sentence_country
from .items import ByEnd, Item, comma_twin, latest_first
from .lexicon import Entry, Lexicon, load_lexicon
from .people import PersonLinker, name_words, resolve_pairs, resolve_pronouns
from .phrases import NON_COUNTRY, Spec, code_phrase, group_phrases
from .places import acts, dateline
from .registry import ActorRegistry
from .table import ActorTable

PP_WORDS = ("of", "in", "from", "for", "at", "within", "inside")


def _covers(e: Entry, day: str) -> bool:
    # Dates compare at the entry's own precision: YYYY-MM (people.tsv) or YYYY-MM-DD (Phoenix).
    return (not e.start or e.start <= day[:len(e.start)]) and (not e.end or day[:len(e.end)] <= e.end)


def pick_person(entries: list[Entry], published: str | None) -> Entry | None:
    """The dictionary person in office at the article's date (the latest one when undated).

    A dated entry covering the date wins (the most recently begun when several do); a person's
    undated entry is the default for any other date (the Phoenix dictionaries give "an elite" for
    before and after office); else nobody.
    """
    people = [e for e in entries if e.kind in ("person", "user")]
    if not people:
        return None
    dated = [e for e in people if e.start or e.end]
    default = next((e for e in reversed(people) if not (e.start or e.end)), None)
    if published:
        ok = [e for e in dated if _covers(e, published)]
        return max(reversed(ok), key=lambda e: e.start) if ok else default
    return max(reversed(dated), key=lambda e: e.start) if dated else default


def _split_code(code: str | None, roles: set[str]) -> tuple[str | None, str | None]:
    """(country, sector) of a code: 'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNO' -> (None, None)."""
    if not code:
        return None, None
    country = code[:3] if not code.startswith(NON_COUNTRY) else None
    sector = code[-3:] if len(code) > 3 and code[-3:] in roles else None
    return country, sector


class ActorResolver:
    """Resolves the actors of documents with one dictionary, learning into one registry."""

    def __init__(self, lexicon: Lexicon | None = None, registry: ActorRegistry | None = None,
                 learn: bool = True) -> None:
        self.lex = lexicon or load_lexicon()
        self.registry = registry if registry is not None else ActorRegistry()
        self.learn = learn

    @classmethod
    def from_config(cls, config: Config, registry: ActorRegistry | None = None) -> ActorResolver:
        """A resolver with the shipped dictionary and the user dictionaries named in ``config``."""
        return cls(load_lexicon(tuple(config.dictionaries)), registry)

    def resolve(self, doc: Doc, published: str | None = None) -> ActorTable:
        """The actor table of one parsed document; ``published`` (YYYY-MM-DD) dates the people list."""
        lex = self.lex
        table = ActorTable(doc)
        _discards(doc, lex, table)
        atoms = find_atoms(doc, lex)
        items: list[Item] = []
        by_head: dict[int, Item] = {}
        for ph in group_phrases(doc, atoms, lex):
            coded = code_phrase(doc, ph, lex)
            members = [Item(s, e, spec, ph) for s, e, spec in coded]
            for m in members:
                m.group = members if len(members) > 1 else []
            items.extend(members)
            if members:
                by_head[ph.head] = members[-1]
        items.sort(key=lambda it: it.start)
        self._possessors(doc, items)
        self._of_phrases(doc, items, by_head)
        self._fronted_place(doc, items, by_head)
        filed, dateline_end = dateline(doc, atoms)
        self._places(doc, items, dateline_end)
        self._appositions(doc, items, by_head)
        home = home_country(filed, [it.spec.country or it.spec.place_country or "" for it in items
                                    if it.start >= dateline_end])
        for it in items:
            s = it.spec
            if home and s.kind == "group" and not s.prefix:
                s.prefix, s.rule = home, s.rule + "+dateline"
        linker = PersonLinker()
        groups: dict[tuple[str, str], Actor] = {}
        for it in items:
            if it.alias_of is None:
                self._create(doc, it, table, linker, groups, published)
        for it in items:  # appositions take the actor of what they describe
            target = it.alias_of
            found = table.at(target.phrase.head) if target is not None else None
            if found is not None:
                table.add_tokens(it.start, it.end, found.actor, rule="appos")
        for it in items:
            if len(it.group) > 1 and it is it.group[0]:
                ms = [table.at(g.phrase.head if g is it.group[-1] else g.start) for g in it.group]
                table.link([m for m in ms if m is not None])
        self._place_names(doc, table)
        self._context(doc, items, table, home)
        self._ethnic_context(doc, items, table, home)
        resolve_pairs(doc, table, lex)
        resolve_pronouns(doc, table, lex, linker)
        if self.learn:
            self.registry.learn_from(table.actors)
        return table

    def _context(self, doc: Doc, items: list[Item], table: ActorTable, home: str | None) -> None:
        """A country for titled people coded '---' from the institution, sentence or dateline."""
        seen: set[int] = set()
        for it in items:
            m = table.at(it.phrase.head)
            if it.spec.kind != "person" or m is None or id(m.actor) in seen:
                continue
            seen.add(id(m.actor))  # the context of the first mention only: "Ms X said" later says nothing
            if not (m.actor.code or "").startswith("---"):
                continue
            orgs = [a for a in it.phrase.atoms if a.kind in ("org", "user")]
            if orgs:
                # "CGT leader X" after "the CGT union": the organisation, not the country, says whose.
                known = institution_code(doc, table, it.start, orgs)
                if known:
                    recode(m, known, "organisation", whole=True)
                if known or not any(i.kind == "role" for a in orgs for i in a.inner):
                    continue  # an organisation of unknown kind ("an XYZ adviser"): no country guess
            roles = [a for a in it.phrase.atoms if a.kind == "role"]
            named = [a for a in roles[:-1] if a.entry and a.entry.code and a.entry.strength == "strong"]
            head = doc[it.phrase.head]
            country = institution_country(doc, table, it.start, named)
            if country:
                recode(m, country, "institution")
            elif country := sentence_country(doc, table, head):
                recode(m, country, "sentence")
            elif home and sentence_countries(doc, table, head) <= {home[:3]}:
                recode(m, home, "dateline")

    # 3. of/in/from phrases
    def _of_phrases(self, doc: Doc, items: list[Item], by_head: dict[int, Item]) -> None:
        for it in sorted(items, key=lambda it: -it.phrase.head):
            s = it.spec
            if s.kind not in ("group", "person") or (s.prefix and not s.role_weak and s.role):
                continue
            for prep in doc[it.phrase.head].rights:
                if prep.dep_ != "prep" or prep.lower_ not in PP_WORDS or (s.kind == "person" and prep.lower_ != "of"):
                    continue
                for obj in prep.children:
                    other = by_head.get(obj.i)
                    if obj.dep_ != "pobj" or other is None or other is it:
                        continue
                    o = other.spec
                    prefix = o.prefix if o.kind not in ("place", "capital", "city", "seat") else o.place_country
                    if not s.prefix and prefix:
                        s.prefix, s.fixed, s.igo = prefix, o.fixed, o.igo
                        s.rule = (s.rule or "role") + f"+{prep.lower_}"
                    if (s.role is None or s.role_weak) and o.role and o.kind in ("group", "organisation"):
                        s.role, s.role_weak = o.role, False
                    if s.kind == "group" and doc[it.phrase.head].tag_ in ("NNS", "NNPS") and prefix == s.prefix:
                        it.also = self._coordinated_objects(obj, s, by_head)
                break

    @staticmethod
    def _coordinated_objects(obj: Token, s: Spec, by_head: dict[int, Item]) -> list[Spec]:
        """'the foreign ministers of Saudi Arabia and Iran': one more group per further country."""
        out = []
        for conj in obj.conjuncts:
            other = by_head.get(conj.i)
            if conj.i < obj.i or other is None or other.spec.kind not in ("country", "organisation", "capital"):
                continue
            o = other.spec
            prefix = o.prefix if o.kind != "capital" else o.place_country
            if prefix and prefix != s.prefix:
                out.append(Spec(kind="group", prefix=prefix, fixed=o.fixed, igo=o.igo, role=s.role,
                                title=s.title, rule=s.rule, name=f"{s.name} ({o.name})"))
        return out

    def _possessors(self, doc: Doc, items: list[Item]) -> None:
        """'its embassy in Tehran', 'their leaders': the country of what 'its'/'their' stands for.

        The antecedent is the latest earlier country, organisation, acting capital or coded group
        of the same number in this sentence or the two before, leaving out the places the phrase
        itself names ("in Tehran" is where the embassy is, not whose it is).
        """
        sent_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        starts = [o.start for o in items]  # items come sorted by start: windows are found by bisection
        for it in items:
            s = it.spec
            head = doc[it.phrase.head]
            if s.kind != "group" or s.prefix or s.fixed:
                continue
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            info = self.lex.pronouns.get(poss.lower_) if poss is not None else None
            if poss is None or info is None or info[0] not in ("thing", "group"):
                continue
            found = self._possessor(doc, items, starts, it, poss, info[0] == "group", sent_of)
            if found is None:
                continue
            o = found.spec
            s.prefix = o.place_country if o.kind in ("capital", "city") else o.prefix
            s.fixed, s.igo = o.fixed, o.igo
            if (s.role is None or s.role_weak) and o.kind == "group" and o.role and not o.role_weak:
                s.role, s.role_weak = o.role, False
            s.rule = (s.rule or "role") + "+possessor"
            if info[0] == "group" and s.kind == "group" and found.spec.kind == "country":
                # "France and Germany said their diplomats ...": the diplomats of both.
                ante = doc[found.phrase.head]
                members = [ante, *ante.conjuncts]
                others = [x.spec for x in items if x is not found and x.spec.kind == "country"
                          and any(x.phrase.head == t.i for t in members)]
                it.also = [Spec(kind="group", prefix=x.prefix, role=s.role, title=s.title, rule=s.rule,
                                name=f"{s.name} ({x.name})") for x in others if x.prefix and x.prefix != s.prefix]

    def _possessor(self, doc: Doc, items: list[Item], starts: list[int], it: Item, poss: Token, plural: bool,
                   sent_of: dict[int, int]) -> Item | None:
        near = items[bisect_left(starts, it.start):bisect_left(starts, it.end + 8)]
        own_places = {self._place_country(o) for o in near if o is not it and _after_locative(doc[o.phrase.head], self.lex)}
        lo = sent_of.get(poss.i, 0) - 2
        for o in latest_first(items, starts, poss.i):
            if sent_of.get(o.start, 0) < lo:
                break  # earlier items are in earlier sentences still
            if o.end > poss.i or o is it:
                continue
            s, head = o.spec, doc[o.phrase.head]
            if s.kind == "person" or (s.kind in ("capital", "city", "seat") and not acts(head, self.lex)):
                continue
            if s.kind == "country" and _after_locative(head, self.lex):
                continue  # "left Iran" as a goal is a place; "in Iran" too
            if s.kind == "group":
                if (head.tag_ in ("NNS", "NNPS")) != plural:
                    continue  # "its" is not "the protesters"
                return o  # the nearest such group, even when it has no country: "the rebels ... their leaders"
            if s.kind in ("country", "organisation", "capital", "city", "seat"):
                country = self._place_country(o)
                if country and country in own_places:
                    continue
                return o if (s.prefix or s.place_country) else None
        return None

    @staticmethod
    def _place_country(it: Item) -> str | None:
        s = it.spec
        c = s.place_country if s.kind in ("capital", "city", "seat", "place") else s.prefix
        return c[:3] if c and not c.startswith(NON_COUNTRY) else None

    def _place_names(self, doc: Doc, table: ActorTable) -> None:
        """'the Yemeni port of Hodeidah': the name after a place noun is that place, in its country."""
        for p in list(table.places):
            tok = doc[p.end - 1]
            if not p.actor.country or not self.lex.cue("place_noun", tok.lemma_):
                continue
            for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                    lo, hi = obj.left_edge.i, obj.right_edge.i + 1
                    known = table.place_at(obj.i)
                    if known is not None and not known.actor.country:
                        known.actor.country = p.actor.country  # "the Syrian town of Kobani"
                    elif known is None and all(table.at(i) is None for i in range(lo, hi)):
                        table.add_place(lo, hi, Actor(name=doc[lo:hi].text, country=p.actor.country, kind="place",
                                                      rule="place name"))

    def _ethnic_context(self, doc: Doc, items: list[Item], table: ActorTable, home: str | None) -> None:
        """'Kurds protested in Istanbul': a group with no usual country takes the sentence's one country."""
        for it in items:
            if it.spec.prefix or not any(a.entry and a.entry.form == "ethnic" for a in it.phrase.atoms):
                continue
            m = table.at(it.phrase.head)
            if m is None or (m.actor.code and not m.actor.code.startswith("---")):
                continue
            sent = doc[it.phrase.head].sent
            # The sentence's places and actors' countries ("in Istanbul", "Rwandan militias"), when one.
            found = {p.actor.country[:3] for p in [*table.places, *table.mentions]
                     if sent.start <= p.start < sent.end and p.actor.country and p is not m}
            if len(found) != 1 and home and sentence_countries(doc, table, doc[it.phrase.head]) <= {home[:3]}:
                found = {home[:3]}
            if len(found) != 1:
                continue
            country = found.pop()
            a = m.actor
            a.code, a.country = country + (a.sector or ""), country
            a.rule = f"{a.rule or 'ethnic'}+sentence"

    def _fronted_place(self, doc: Doc, items: list[Item], by_head: dict[int, Item]) -> None:
        """'In Russia, President Vladimir Putin received ...': the fronted place gives the subject its country."""
        for it in items:
            s = it.spec
            head = doc[it.phrase.head]
            if s.kind not in ("group", "person") or s.prefix or not s.role or head.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for prep in head.head.children:
                if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i > head.i:
                    continue
                for obj in prep.children:
                    other = by_head.get(obj.i)
                    if other is None or other.spec.kind not in ("country", "capital", "city"):
                        continue
                    o = other.spec
                    s.prefix = o.prefix if o.kind == "country" else o.place_country
                    s.rule = (s.rule or "title") + "+in"

    # 4. capitals, cities and seats: actors or places
    def _places(self, doc: Doc, items: list[Item], dateline_end: int) -> None:
        for it in items:
            s = it.spec
            head = doc[it.phrase.head]
            if it.end <= dateline_end and s.kind in ("country", "group"):
                s.kind, s.place_country = "place", s.country  # "GAZA CITY, Palestinian Territories:"
                continue
            if s.kind not in ("capital", "city", "seat"):
                continue
            if head.i >= dateline_end and acts(head, self.lex):
                if s.kind == "capital":
                    s.prefix, s.role, s.kind = s.place_country, "GOV", "country"
                elif s.kind == "city":
                    s.role, s.kind = None, "country"
                else:
                    code = s.prefix or ""
                    igo = code.startswith("IGO")
                    s.prefix, s.role, s.igo = (code, None, True) if igo else (code[:3], code[3:6] or None, False)
                    s.kind = "organisation" if igo else "country"
                s.rule = f"metonym:{s.rule.partition(':')[2]}"
            else:
                s.kind = "place"

    # 5. appositions
    def _appositions(self, doc: Doc, items: list[Item], by_head: dict[int, Item]) -> None:
        ends = ByEnd(items)
        for it in items:
            head = doc[it.phrase.head]
            other = by_head.get(head.head.i) if head.dep_ == "appos" else comma_twin(doc, it, ends)
            if other is None or other is it:
                continue
            pair = {it.spec.kind, other.spec.kind}
            if pair == {"person", "country"} and head.dep_ == "appos":
                # "Sen. Ted Cruz, R-Texas," / "Jane Doe (Kenya)": a bare country or state beside a name
                # says whose the person is, as a title would.
                person, place = (it, other) if it.spec.kind == "person" else (other, it)
                if not person.spec.prefix and place.spec.prefix and not place.spec.role:
                    person.spec.prefix, person.spec.rule = place.spec.prefix, "appos"
                    place.alias_of = person
                continue
            if pair != {"person", "group"}:
                continue
            person, title = (it, other) if it.spec.kind == "person" else (other, it)
            if doc[title.phrase.head].tag_ in ("NNS", "NNPS"):
                continue  # "the protesters, John Smith, and ...": a list, not one person's title
            p, t = person.spec, title.spec
            if not p.prefix and t.prefix:
                p.prefix, p.fixed, p.igo = t.prefix, t.fixed, t.igo
            if (not p.role or p.role_weak) and t.role:
                p.role, p.role_weak, p.inherit = t.role, t.role_weak, t.inherit
            p.title = p.title or t.title
            if p.prefix or p.role:
                p.rule = "appos"
            title.alias_of = person

    # 7. actors
    def _create(self, doc: Doc, it: Item, table: ActorTable, linker: PersonLinker,
                groups: dict[tuple[str, str], Actor], published: str | None) -> None:
        s = it.spec
        if s.kind == "place":
            country = s.place_country or s.country
            table.add_place(it.start, it.end, Actor(name=s.name, country=country, kind="place", rule=s.rule or None))
            return
        unknown = _unknown_name(it)
        if unknown and s.kind == "organisation":
            rec = linker.find(name_words(s.name, self.lex), "") if len(s.name.split()) <= 3 else None
            if rec is not None:  # "Montoya" tagged as an organisation after "Lucia Montoya"
                rec.last = it.phrase.head
                table.add_tokens(it.start, it.end, rec.actor, rule="name")
                return
        if unknown and _after_locative(doc[it.phrase.head], self.lex) and \
                (s.kind == "organisation" or linker.find(name_words(s.name, self.lex), s.gender) is None):
            # "fighting near Goma", "strikes in Nabatieh": a place the dictionary lacks, not an actor.
            table.add_place(it.start, it.end, Actor(name=s.name, kind="place", rule="locative"))
            return
        if s.kind == "person":
            self._person(doc, it, table, linker, published)
            return
        if s.kind not in ("group", "country", "organisation"):
            return
        if s.kind == "group" and s.title and not s.fixed and not s.igo:
            rec = linker.by_title(s.title, s.country) if _definite(doc, it) else None
            if rec is not None:  # "the foreign minister" after "Foreign Minister Sergei Lavrov"
                table.add_tokens(it.start, it.end, rec.actor, rule="description")
                rec.last = it.phrase.head
                return
        if s.inherit:
            s.role = self._inherited_role(doc, it, linker) or s.role
        code = s.code()
        if code is None and not s.name:
            return
        if code is None and s.kind == "group":
            return  # "a spokesman": nobody in particular
        if s.kind == "group" and s.needs_owner and not s.prefix:
            return  # "border security", "customers": an imported role noun with nobody's name on it
        ethnic = any(a.entry and a.entry.form == "ethnic" for a in it.phrase.atoms)
        actor = self._group_actor(s, code, groups, ethnic)
        # A metonym keeps its own name on the mention ("Kremlin"), though it shares Moscow's actor.
        own = s.name if (s.rule or "").startswith("metonym:") else None
        table.add_tokens(it.start, it.end, actor, rule=s.rule or None, name=own)
        for extra in it.also:  # "the ministers of X and Y": all_at gives Y's ministers too
            table.add_also(it.start, it.end, self._group_actor(extra, extra.code(), groups, False), rule=extra.rule)

    def _group_actor(self, s: Spec, code: str | None, groups: dict[tuple[str, str], Actor], ethnic: bool) -> Actor:
        """The one actor of a document for a code (or, uncoded, a name); an ethnic group is its own."""
        key = ("code", code) if code else ("name", s.name.lower())
        if ethnic and (s.rule == "country:ethnic" or not s.prefix):
            # "Rohingya" is not Myanmar, and "Kurdish fighters" may take a country of their own.
            key = ("ethnic", f"{s.name.lower()}|{code}")
        actor = groups.get(key)
        if actor is None:
            country, sector = _split_code(code, self.lex.role_codes)
            name = s.name
            if s.kind == "country" and s.prefix and not s.role and s.rule != "country:ethnic":
                name = self.lex.country_names.get(s.prefix, name)
            actor = Actor(name=name, code=code, country=country, sector=sector, kind=s.kind, rule=s.rule or None)
            groups[key] = actor
        return actor

    def _person(self, doc: Doc, it: Item, table: ActorTable, linker: PersonLinker, published: str | None) -> None:
        s = it.spec
        words = name_words(s.name, self.lex)
        rec = linker.find(words, s.gender)
        title_code = s.code() if (s.prefix or s.role) else None
        if rec is None:
            code, rule = self._person_code(s, title_code, published)
            country, sector = _split_code(code, self.lex.role_codes)
            actor = Actor(name=" ".join(s.name.split()), code=code, country=country, sector=sector, kind="person",
                          rule=rule)
            rec = linker.add(actor, words, s.gender, it.phrase.head)
            link_rule = rule
        else:
            actor = rec.actor
            link_rule = "name"
            if len(words) > len(rec.words):  # "Lavrov", then "Sergei Lavrov"
                rec.words, actor.name = words, " ".join(s.name.split())
            if title_code and (actor.code is None or (actor.code.startswith("---") and not title_code.startswith("---"))):
                actor.code, actor.rule = title_code, s.rule or "title"
                actor.country, actor.sector = _split_code(title_code, self.lex.role_codes)
            if rec.gender in ("", "-") and not linker.ambiguous:
                rec.gender = s.gender  # "Mrs Walsh" makes the only Walsh a woman, not one of two
        if s.title:
            rec.titles.add(s.title)
        rec.last = it.phrase.head
        table.add_tokens(it.start, it.end, actor, rule=link_rule)

    def _person_code(self, s: Spec, title_code: str | None, published: str | None) -> tuple[str | None, str | None]:
        """A new person's code: the title's, else the people list's, else the registry's."""
        if title_code and not title_code.startswith("---"):
            return title_code, s.rule or "title"
        entry = pick_person(s.entries, published)
        known = entry.code if entry else None
        rule = f"dictionary:{entry.source}" if entry else None
        if known is None:
            known = self.registry.lookup(s.name)
            rule = "registry" if known else None
        if known and title_code:
            # "President Vladimir Putin": the title says GOV, the list says who: RUS.
            role = title_code[3:]
            if not known.startswith(NON_COUNTRY):
                return known[:3] + role, (rule or "") + "+title"
            return known, rule
        if known:
            return known, rule
        return title_code, ("title" if title_code else None)

    def _inherited_role(self, doc: Doc, it: Item, linker: PersonLinker) -> str | None:
        """'his Spanish counterpart': the role of the person 'his' is (the latest coded person)."""
        head = doc[it.phrase.head]
        if not any(c.dep_ == "poss" for c in head.children):
            return None
        coded = [p for p in linker.people if p.actor.sector and p.last < it.start]
        return max(coded, key=lambda p: p.last).actor.sector if coded else None


def _discards(doc: Doc, lex: Lexicon, table: ActorTable) -> None:
    """Mark the sentences (or the whole story) the discard list says code no events."""
    if lex.discards is None:
        return
    m = lex.discards.story_match(doc.text)
    if m is not None:
        table.story_discard = lex.discards.why(m, "story")
        return
    found = list(lex.discards.sentence_matches(doc.text))
    if not found:
        return
    sents = [(s.start_char, s.start) for s in doc.sents] if doc.has_annotation("SENT_START") else [(0, 0)]
    starts = [c for c, _ in sents]
    for m in found:
        _, first = sents[max(0, bisect_right(starts, m.start()) - 1)]
        table.sentence_discards.setdefault(first, lex.discards.why(m, "sentence"))


def _unknown_name(it: Item) -> bool:
    """A named entity the dictionary does not know, with no title or country words around it."""
    head = it.phrase.head_atom()
    return head is not None and head.kind in ("org", "person") and not head.entries and not head.inner \
        and not it.spec.code() and len(it.phrase.atoms) == 1


def _after_locative(tok: Token, lex: Lexicon) -> bool:
    """'in Goma', 'near El Fasher', 'the city of El Fasher': the name of a place, not an actor."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    # "in Goma", and "the town of Masisi", "west of Goma": a place noun's own name.
    return lex.cue("locative", prep.lower_) or (prep.lower_ == "of" and lex.cue("place_noun", prep.head.lemma_))


def _definite(doc: Doc, it: Item) -> bool:
    """'the president', 'the Russian foreign minister': one known person, not a new group."""
    toks = doc[it.start:it.end]
    head = doc[it.phrase.head]
    return bool(toks) and toks[0].lower_ == "the" and head.tag_ in ("NN", "NNP") and \
        all(a.kind in ("role", "country") for a in it.phrase.atoms)


_default: ActorResolver | None = None


def resolve_actors(doc: Doc, resolver: ActorResolver | None = None, published: str | None = None) -> ActorTable:
    """The actors of ``doc`` with the shipped dictionary (or ``resolver``'s dictionary and registry)."""
    global _default
    if resolver is None:
        if _default is None:
            _default = ActorResolver(learn=False)
        resolver = _default
    return resolver.resolve(doc, published)


__all__ = ["ActorResolver", "Atom", "pick_person", "resolve_actors"]
