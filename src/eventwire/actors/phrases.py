"""Noun phrases built from atoms, and what each phrase says about its actor.

Atoms that modify one noun ("Russian", "Foreign Minister", "Sergei Lavrov") form one phrase
whose head decides what kind of actor it is: a person, a group named by a role noun ("the
police"), a country, an organisation, or a place. The modifiers give its country, organisation
and role: "Russian Foreign Minister Sergei Lavrov" is a person, RUS, GOV. This module reads one
phrase at a time; linking phrases to one another (titles in appositions, surnames, pronouns) is
done in ``resolve``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Token

from .atoms import Atom
from .lexicon import Entry, Lexicon

# Dependencies by which a word modifies the noun to its right inside one noun phrase.
PREMOD = {"compound", "amod", "nmod", "poss", "nummod", "det", "flat", "predet", "quantmod", "case"}
NAMED = ("org", "body", "seat", "user")
NON_COUNTRY = ("IGO", "NGO", "IMG", "MNC", "NGM", "INT", "---")  # code prefixes that are not a country


@dataclass
class Phrase:
    """A noun phrase holding at least one atom: tokens [start, end), its head and its atoms."""

    start: int
    end: int
    head: int
    atoms: list[Atom] = field(default_factory=list)

    def head_atom(self) -> Atom | None:
        return next((a for a in self.atoms if a.start <= self.head < a.end), None)

    def mods(self) -> list[Atom]:
        h = self.head_atom()
        return [a for a in self.atoms if a is not h]


@dataclass
class Spec:
    """What a phrase says: the kind of actor and the parts of its CAMEO code."""

    kind: str  # person | country | organisation | group | capital | city | seat | place | skip
    prefix: str | None = None  # country or organisation part of the code: "RUS", "IGOUNO", "PSEREBHMS"
    fixed: bool = False  # the prefix is a named group's own code: roles are not appended to it
    igo: bool = False
    role: str | None = None
    role_weak: bool = False  # the role came only from a weak head ("leader"): a better one may replace it
    inherit: bool = False  # "his counterpart": the role of whoever "his" is
    title: str = ""  # the title words, for "the foreign minister" later in the text
    name: str = ""
    rule: str = ""
    gender: str = ""
    entries: list[Entry] = field(default_factory=list)  # dictionary people who may be this person
    place_country: str | None = None  # capitals, cities, seats: the country they are in
    # The phrase is named by an imported role noun (codebook/phoenix agents): it is an actor only with
    # an owner ("Somali fishermen", "lawyers in Guyana"); alone ("border security", "customers") it
    # is too often a topic or a thing.
    needs_owner: bool = False

    @property
    def country(self) -> str | None:
        p = self.prefix
        return p[:3] if p and not p.startswith(NON_COUNTRY) else None

    def code(self) -> str | None:
        return compose(self.prefix, self.role, self.fixed, self.igo)


def compose(prefix: str | None, role: str | None, fixed: bool = False, igo: bool = False) -> str | None:
    """A CAMEO code from its parts: 'RUS' + 'GOV' -> 'RUSGOV'; no country -> '---GOV'.

    A named group's code already says what it is ("PSEREBHMS"), and an international
    organisation's own leadership is the organisation itself, so neither gets GOV appended;
    "UN troops" still become IGOUNOMIL.
    """
    if not prefix:
        return f"---{role}" if role else None
    if not role or role in prefix[3:] or fixed or (igo and role == "GOV"):
        return prefix
    return prefix + role


def atom_root(doc: Doc, atom: Atom) -> Token:
    """The token of an atom whose head lies outside it (the last such)."""
    root = doc[atom.end - 1]
    for t in doc[atom.start:atom.end]:
        if not (atom.start <= t.head.i < atom.end) or t.head.i == t.i:
            root = t
    return root


def np_head(tok: Token) -> Token:
    """Climb from a modifier to the noun it modifies: 'Russian' -> 'Lavrov' in 'Russian ... Lavrov'."""
    t = tok
    for _ in range(12):
        h = t.head
        if h.i == t.i:
            break
        if t.dep_ in PREMOD and h.i > t.i and h.pos_ not in ("VERB", "AUX"):
            t = h
        elif t.dep_ == "conj" and h.i < t.i and h.dep_ in PREMOD and h.head.i > t.i:
            t = h.head  # "US and British activists": British -> US -> activists
        elif t.dep_ == "punct" and h.i > t.i and t.text in ("-", "–"):
            t = h
        else:
            break
    return t


def group_phrases(doc: Doc, atoms: list[Atom], lex: Lexicon) -> list[Phrase]:
    """One phrase per noun that atoms modify or are; nested phrases fold into the outer one."""
    by_head: dict[int, list[Atom]] = {}
    split = [a for a in atoms if _coordinated_name(doc, a)]
    for a in atoms:
        by_head.setdefault(a.end - 1 if a in split else np_head(atom_root(doc, a)).i, []).append(a)
    phrases = []
    for head_i, group in by_head.items():
        if doc[head_i].ent_type_ in ("DATE", "TIME") and not any(a.start <= head_i < a.end for a in group):
            # "Syrian President Bashar Assad Tuesday": the date is not what the phrase names.
            head_i = atom_root(doc, max(group, key=lambda a: a.end)).i
        if _hyphen_modifier(doc, group, head_i, lex):
            continue
        last = max(a.end for a in group)
        if last + 1 < len(doc) and doc[last].text in ("-", "–") and lex.cue("leader", doc[last + 1].lower_):
            head_i = np_head(doc[last + 1]).i  # "Saudi-led coalition": the phrase is the coalition
        head = doc[head_i]
        start = min([head.left_edge.i, *(a.start for a in group)])
        end = max([head_i + 1, *(a.end for a in group)])
        # A left edge past a comma or a verb belongs to a clause, not to the noun phrase.
        for j in range(head_i - 1, start - 1, -1):
            if doc[j].pos_ in ("VERB", "AUX", "PUNCT") and doc[j].text not in ("-", "'s", "’s", ".", "&") \
                    and not any(a.start <= j < a.end for a in group):
                start = j + 1
                break
        for a in split:  # the phrase starts after a name coordinated before it
            if a not in group and start <= a.start and a.end < head_i:
                start = max(start, a.end + 1)
        phrases.append(Phrase(start, end, head_i, sorted(group, key=lambda a: a.start)))
    phrases.sort(key=lambda p: (p.end - p.start), reverse=True)
    kept: list[Phrase] = []
    owner: dict[int, Phrase] = {}
    for p in phrases:
        outer = owner.get(p.head)
        if outer is not None:
            outer.atoms.extend(p.atoms)
            outer.atoms.sort(key=lambda a: a.start)
            continue
        kept.append(p)
        for i in range(p.start, p.end):
            owner.setdefault(i, p)
    # Trim overlaps so that every token belongs to one phrase.
    kept.sort(key=lambda p: p.start)
    for prev, nxt in pairwise(kept):
        if nxt.start < prev.end:
            if prev.head < nxt.start:
                prev.end = nxt.start
            else:
                nxt.start = prev.end
    return [p for p in kept if p.start < p.end and p.start <= p.head < p.end]


def _leader_country(mods: list[Atom]) -> str | None:
    """"the Trump administration", "the Putin government": a known person naming an institution gives its country
    (the one country every dictionary entry of that person has, whatever the date)."""
    for a in mods:
        people = [e for e in a.entries if e.kind in ("person", "user")]
        countries = {e.code[:3] for e in people if e.code and not e.code.startswith(NON_COUNTRY)}
        if people and len(countries) == 1 and all(not e.code.startswith(NON_COUNTRY) for e in people):
            return countries.pop()
    return None


def _coordinated_name(doc: Doc, atom: Atom) -> bool:
    """A known person joined by "and" to the next noun phrase but parsed as its modifier: "Trump and Chinese
    leader Xi Jinping" (the tagger read the sentence-initial "Trump" as an adjective). Two actors, not one."""
    person = atom.kind == "person" or any(e.kind in ("person", "user") for e in atom.entries)
    if not person or atom.end + 1 >= len(doc) or doc[atom.end].lower_ not in ("and", "&"):
        return False
    return atom_root(doc, atom).dep_ in PREMOD and doc[atom.end].dep_ == "cc"


def _hyphen_modifier(doc: Doc, group: list[Atom], head_i: int, lex: Lexicon) -> bool:
    """'government-held', 'Qaeda-linked', 'military-ruled': words inside an adjective, not actors.

    'Saudi-led coalition' is the exception (place_cues.tsv, kind leader): the coalition is Saudi.
    """
    last = max(a.end for a in group)
    if last + 1 >= len(doc) or doc[last].text not in ("-", "–") or head_i >= last:
        return False
    nxt = doc[last + 1]
    return nxt.tag_ in ("VBN", "VBD", "VBG", "JJ") and nxt.i > head_i and not lex.cue("leader", nxt.lower_)


def against(doc: Doc, atom: Atom, lex: Lexicon) -> bool:
    """'pro-Russian rebels' are not Russian: a country word after 'pro-' or 'anti-'. Nor is 'the envoy to
    Ukraine Kurt Volker': a country word right after a noun's 'to' is where the person is sent."""
    i = atom.start - 1
    if i >= 0 and doc[i].lower_ == "to" and doc[i].head.i < i and any(
            e.kind == "role" for e in lex.lookup((doc[i].head.lower_,))):
        return True  # a role noun's "to" ("travel to Tunisia" still names a party)
    if i >= 0 and doc[i].text in ("-", "–"):
        i -= 1
    return i >= 0 and lex.cue("against", doc[i].lower_)


def _country_of(atom: Atom) -> str | None:
    e = atom.entry
    if e is None:
        return None
    if e.kind in ("country", "capital", "city"):
        return e.code
    if e.kind in ("body", "seat"):
        return e.code[:3]
    return None


def pick_role(head_role: Atom | None, roles: list[Atom]) -> tuple[str | None, str, bool, bool]:
    """(role, title words, weak, inherit) from a phrase's role atoms; the head's word first if strong."""
    others = [a for a in roles if a is not head_role and a.entry and a.entry.code]
    if head_role is None and roles:
        head_role = roles[-1]  # a person's title: the last one before the name ("Deputy Secretary of Energy")
        others = [a for a in roles[:-1] if a.entry and a.entry.code]
    if head_role is None or head_role.entry is None:
        return None, "", False, False
    he = head_role.entry
    title = he.text.lower()
    if he.strength == "strong" and he.code:
        return he.code, title, False, False
    strong = [a for a in others if a.entry and a.entry.strength == "strong"]
    picks = strong or others
    if picks and picks[-1].entry is not None:
        return picks[-1].entry.code, title, False, False
    return (he.code or None), title, True, he.strength == "inherit"


def code_phrase(doc: Doc, ph: Phrase, lex: Lexicon) -> list[tuple[int, int, Spec]]:
    """What the phrase says, as (start, end, spec); coordinated countries give one spec each."""
    head = ph.head_atom()
    # An organisation name the dictionary lacks, used as a modifier ("Chinese Foreign Ministry
    # spokesman"), says what its own words say.
    flat = [x for a in ph.mods() for x in (a.inner if a.kind == "org" and not a.entries else [a])]
    mods = [a for a in flat if not (a.kind == "country" and against(doc, a, lex))]
    roles = [a for a in mods if a.kind == "role"]
    head_role = head if head is not None and head.kind == "role" else None
    role, title, weak, inherit = pick_role(head_role, [*roles, *([head_role] if head_role else [])])
    for a in mods:  # "Pentagon officials": a body's own role when the head only defers
        if (weak or role is None) and a.kind in ("body", "seat") and a.entry:
            role, weak = a.entry.code[3:6] or role, False
    spec = Spec(kind="skip", role=role, role_weak=weak, inherit=inherit, title=title, rule="")
    he = head_role.entry if head_role is not None else None
    if he is not None and he.imported and he.code == role:
        # "government forces" refines eventwire's own "forces"; "border security" has no noun of ours.
        own = lex.lookup((doc[ph.head].lower_,))
        spec.needs_owner = not any(e.kind == "role" and not e.imported for e in own)
    countries = [a for a in mods if a.kind in ("country", "capital", "city", "body", "seat")]
    named = [a for a in mods if a.kind in ("org", "user")]
    if head is not None and head.kind == "role":
        split = _coordinated(doc, [a for a in mods if a.kind in ("country", "org", "user")])
        if split:
            return _split(doc, ph, split, spec)
    _apply_mods(spec, countries, named)
    if head is not None and head.kind == "role" and spec.prefix is None:
        spec.prefix = _leader_country(mods)
    if head is None:
        return _code_thing(doc, ph, spec, lex, countries, named, bool(roles))
    if head.kind == "platform" or (head.kind == "country" and against(doc, head, lex)):
        return []
    _code_head(doc, ph, head, spec, lex, bool(roles))
    spec.name = spec.name or display_name(doc, ph.start, ph.end)
    return [(ph.start, ph.end, spec)]


def _code_head(doc: Doc, ph: Phrase, head: Atom, spec: Spec, lex: Lexicon, has_roles: bool) -> None:
    """Fill ``spec`` by the kind of the phrase's head atom."""
    e = head.entry
    kind = head.kind
    if kind == "person":
        spec.kind, spec.gender, spec.entries = "person", head.gender, list(head.entries)
        spec.name = head.text(doc)
        spec.rule = "title" if (spec.prefix or spec.role) else ""
    elif kind == "role":
        spec.kind, spec.rule = "group", "role:" + spec.title
    elif kind == "org":
        _code_org(doc, head, spec, lex)
    elif e is None:
        return
    elif kind == "user" or (kind == "org" and e.proper and head.ner == "PERSON"):
        # A user's name, or an imported one the entity model reads as a person: the Phoenix lists
        # mix people into their organisations ("GILLIAN_MELLSOP [IGOUNOKID]").
        spec.kind = "person" if head.ner == "PERSON" else "organisation"
        spec.name, spec.prefix, spec.fixed, spec.rule = head.text(doc), e.code, True, f"dictionary:{e.source}"
        spec.role = None
    elif kind == "country" and e.form == "ethnic":
        # "Rohingya", "Iraqi Kurds": the group under its own name; a country word beside it wins.
        spec.kind, spec.rule, spec.name = "country", "country:ethnic", display_name(doc, head.start, head.end)
        spec.prefix = spec.prefix or e.code or None
        spec.role = spec.role if has_roles else None
    elif kind == "country":
        spec.kind, spec.prefix, spec.rule = "country", e.code, f"country:{e.form}"
        spec.role = spec.role if has_roles else None
    elif kind in ("capital", "city", "seat"):
        spec.kind, spec.rule, spec.prefix = kind, f"{kind}:{e.text}", e.code
        place = next((x for x in head.entries if x.kind in ("capital", "city")), e)
        spec.place_country = place.code[:3]
    elif kind == "body":
        spec.kind, spec.rule = "organisation", f"dictionary:{e.source}"
        spec.prefix, spec.role = spec.prefix or e.code[:3], e.code[3:6] or None


def _code_thing(doc: Doc, ph: Phrase, spec: Spec, lex: Lexicon, countries: list[Atom], named: list[Atom],
                has_roles: bool) -> list[tuple[int, int, Spec]]:
    """A phrase whose head is an ordinary noun: "Israeli tank shelling", "the Rwandan capital"."""
    country_words = any(a.kind == "country" for a in countries)
    if lex.cue("place_noun", doc[ph.head].lemma_) or (countries and not country_words and not named):
        # "the Rwandan capital", "the Beijing Olympics": a place, which is not an actor.
        if not spec.prefix:
            return []
        spec.kind, spec.place_country = "place", spec.country
    elif (country_words and spec.prefix) or named:
        spec.kind, spec.rule = ("organisation" if named and not countries else "country"), "modifier"
        if not has_roles:
            spec.role = None
    else:
        return []
    spec.name = display_name(doc, ph.start, ph.end)
    return [(ph.start, ph.end, spec)]


def _apply_mods(spec: Spec, countries: list[Atom], named: list[Atom]) -> None:
    """Country and organisation from modifiers; a country beats an IGO ('Russia's UN envoy')."""
    # A country word beats an ethnic group's usual country: "Bangladeshi Rohingya" is BGD.
    ranked = sorted(countries, key=lambda a: bool(a.entry and a.entry.form == "ethnic"))
    country = next((c for a in ranked if (c := _country_of(a))), None)
    org = named[-1].entry if named and named[-1].entry else None
    if org is not None and org.code and org.form != "platform":
        national = not org.code.startswith(NON_COUNTRY)
        if country and (org.code.startswith("---") or (national and not org.code.startswith(country[:3]))):
            spec.prefix, spec.fixed = country[:3] + org.code[3:], True  # "Jordan's Muslim Brotherhood"
        elif org.code.startswith("IGO") and country:
            spec.prefix = country
        else:
            spec.prefix, spec.fixed, spec.igo = org.code, org.form != "igo", org.form == "igo"
        spec.rule = f"dictionary:{org.source}"
    elif country:
        spec.prefix = country


def _code_org(doc: Doc, head: Atom, spec: Spec, lex: Lexicon) -> None:
    """An organisation: from the dictionary, or from the words inside an unknown name."""
    spec.kind = "organisation"
    spec.name = head.text(doc)
    e = head.entry
    if e is not None:
        outer = spec.prefix if spec.prefix and spec.prefix != e.code else None
        _apply_mods(spec, [], [head])
        if outer and (e.code.startswith("---") or (not e.code.startswith(NON_COUNTRY) and not e.code.startswith(outer[:3]))):
            spec.prefix = outer[:3] + e.code[3:]
        spec.role = None
        return
    inner = [a for a in head.inner if not (a.kind == "country" and against(doc, a, lex))]
    inner_roles = [a for a in inner if a.kind == "role"]
    role = pick_role(inner_roles[-1] if inner_roles else None, inner_roles)[0]
    spec.role = role or spec.role
    if not spec.prefix:
        _apply_mods(spec, [a for a in inner if a.kind in ("country", "capital", "city", "body", "seat")],
                    [a for a in inner if a.kind in ("org", "user")])
    spec.rule = "organisation name" if (spec.prefix or spec.role) else ""


def _coordinated(doc: Doc, named: list[Atom]) -> list[Atom]:
    """Countries or organisations joined by 'and' inside one phrase: 'US and British activists'."""
    if len(named) < 2:
        return []
    roots = {atom_root(doc, a).i: a for a in named}
    joined = [a for a in named if atom_root(doc, a).dep_ == "conj" and atom_root(doc, a).head.i in roots]
    return [roots[atom_root(doc, joined[0]).head.i], *joined] if joined else []


def _split(doc: Doc, ph: Phrase, members: list[Atom], base: Spec) -> list[tuple[int, int, Spec]]:
    out = []
    bounds = [ph.start] + [a.start for a in members[1:]] + [ph.end]
    for n, a in enumerate(members):
        s = Spec(kind="group", role=base.role, role_weak=base.role_weak, title=base.title, rule="role:" + base.title)
        _apply_mods(s, [a] if a.kind == "country" else [], [a] if a.kind in ("org", "user") else [])
        s.name = display_name(doc, a.start, ph.end) if n else display_name(doc, a.start, a.end) + " " + doc[ph.head].text
        out.append((bounds[n], bounds[n + 1], s))
    return out


def display_name(doc: Doc, start: int, end: int) -> str:
    """A phrase's words without leading articles, numbers and possessive pronouns."""
    toks = list(doc[start:end])
    while toks and (toks[0].pos_ in ("DET", "NUM", "PRON") or toks[0].dep_ in ("det", "nummod", "predet")
                    or toks[0].lower_ in ("some", "several", "many", "few")):
        toks = toks[1:]
    while toks and toks[-1].tag_ == "POS":
        toks = toks[:-1]
    return "".join(t.text_with_ws for t in toks).strip() or doc[start:end].text
