"""Atoms: the smallest pieces an actor is built from, found in a parsed document.

An atom is a dictionary match (a country word, a capital, a title, an organisation, a known
person) or a named entity the dictionary does not know (a person, an organisation). Where the
named-entity model and the dictionary disagree, the dictionary decides for exact matches (the
model tags "Twitter" and "Liechtenstein" as people) and the model decides for longer names
("Georgia Smith" is a person, not a country).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import Entry, Lexicon

NOUNISH = {"NOUN", "PROPN"}
MODIFIER_POS = {"NOUN", "PROPN", "ADJ"}
# Entity labels of words that are no name: an imported name never matches them ("Black Friday",
# "May 15" name militant groups in the Phoenix lists, and dates and sales in the news).
NOT_NAMES = {"DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART"}


@dataclass
class Atom:
    start: int
    end: int
    kind: str  # an Entry kind, or "person" / "org" for named entities the dictionary does not know
    entries: list[Entry] = field(default_factory=list)
    gender: str = ""  # persons: from an honorific before the name
    ner: str = ""  # the entity label that produced or confirmed it
    inner: list[Atom] = field(default_factory=list)  # unknown organisations: the atoms inside the name

    @property
    def entry(self) -> Entry | None:
        return self.entries[0] if self.entries else None

    def text(self, doc: Doc) -> str:
        return doc[self.start:self.end].text


def _cased_ok(entry: Entry, tokens: list[Token]) -> bool:
    """A case-sensitive entry matches as written, or in capitals (datelines, headlines)."""
    if entry.proper:
        return _proper_ok(tokens)
    if not entry.cased:
        return True
    got = "".join(t.text.strip("-–—") or t.text for t in tokens)
    want = "".join(entry.text.split())
    return got == want or (got.isupper() and got == want.upper()) or _title_matches(got, want)


def _proper_ok(tokens: list[Token]) -> bool:
    """An imported name (codebook/phoenix) matches capitalised words only: its words of four or more
    letters start with a capital (short ones may not: "of", "al", "bin"; nor words after a hyphen:
    "Ban Ki-moon"), none is a date or a number, and a one-word name must be read as a proper noun
    ("Farah", not "Nice weather") that is not part of a longer name."""
    first = tokens[0]
    if not first.text[:1].isupper() or any(t.ent_type_ in NOT_NAMES for t in tokens):
        return False
    for prev, t in zip([None, *tokens], tokens, strict=False):
        if t.is_alpha and len(t) > 3 and not t.text[0].isupper() and (prev is None or prev.text not in ("-", "–")):
            return False
    if len(tokens) > 1:
        return True
    # One word: a proper noun, and not a word inside a longer name ("Foundation" in "Gates Foundation").
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    return first.pos_ == "PROPN" and first.ent_iob_ != "I" and (after is None or after.ent_iob_ != "I")


def _title_matches(got: str, want: str) -> bool:
    # "Washington, D.C." vs the data's spacing; compare without punctuation.
    strip = str.maketrans("", "", ".,'’-")
    return got.translate(strip) == want.translate(strip)


def dictionary_atoms(doc: Doc, lex: Lexicon) -> list[Atom]:
    """Greedy longest dictionary matches, left to right, as atoms (none overlap)."""
    # "Beijing--" is one token in some wire copy: match the word without the dashes.
    lowers = [t.lower_.strip("-–—") or t.lower_ for t in doc]
    out: list[Atom] = []
    i = 0
    while i < len(doc):
        found: Atom | None = None
        for n in range(min(lex.first_len.get(lowers[i], 0), len(doc) - i), 0, -1):
            entries = lex.index.get(tuple(lowers[i:i + n]))
            if not entries:
                continue
            toks = list(doc[i:i + n])
            ok = [e for e in entries if _cased_ok(e, toks) and _pos_ok(e, toks)]
            if ok:
                found = Atom(i, i + n, ok[0].kind, ok)
                break
        if found:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


def _pos_ok(entry: Entry, toks: list[Token]) -> bool:
    """Role words count as nouns (and, for some, as modifiers), never as verbs: "to press"."""
    if entry.kind != "role":
        return True
    last = toks[-1]
    if entry.pos == "mod":
        return last.dep_ in ("amod", "compound", "nmod") and last.head.i > last.i
    if last.pos_ in NOUNISH or (last.pos_ == "X" and last.is_title):
        return True
    return entry.pos == "any" and (last.pos_ in MODIFIER_POS or last.dep_ in ("amod", "compound", "nmod"))


def _strip_name(doc: Doc, start: int, end: int, lex: Lexicon, roles: set[int]) -> tuple[int, int, str]:
    """A person entity without its leading honorifics and titles, and the gender they imply."""
    gender = ""
    particles = lex.cues.get("name_particle", set())
    while start < end - 1 and (doc[start].lower_ in lex.honorifics or start in roles or doc[start].lower_ == "the"
                               or (doc[start].is_lower and doc[start].lower_ not in particles)):
        gender = lex.honorifics.get(doc[start].lower_, gender) or gender
        start += 1
    if end - 1 > start and doc[end - 1].tag_ == "POS":  # "Putin's"
        end -= 1
    if start > 0 and doc[start - 1].lower_ in lex.honorifics:
        gender = lex.honorifics[doc[start - 1].lower_] or gender
    return start, end, gender


def find_atoms(doc: Doc, lex: Lexicon) -> list[Atom]:
    """Dictionary atoms merged with the named entities the dictionary lacks, in text order."""
    atoms = dictionary_atoms(doc, lex)
    found = _Found(atoms)
    role_tokens = {i for a in atoms if a.kind == "role" for i in range(a.start, a.end)}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        start, end = ent.start, ent.end
        label = ent.label_
        if label == "ORG" and ((start > 0 and _person_slot(doc, start, end, lex, role_tokens))
                               or _titled_name(doc, start, end, role_tokens)):
            label = "PERSON"  # "Mr Novak", "opposition leader Morgan Tsvangirai" tagged as organisations
        if label == "PERSON":
            start, end, gender = _strip_name(doc, start, end, lex, role_tokens)
        else:
            gender = ""
            if doc[start].lower_ == "the":
                start += 1
        if start >= end:
            continue
        inside = found.overlapping(start, end)
        exact = found.last_starting(start)
        if exact is not None and exact.end == end:
            exact.ner = label
            if label == "PERSON" and exact.kind == "person":
                exact.gender = exact.gender or gender
            continue  # the dictionary knows these words: it decides what they are
        if any(a.start < start or a.end > end for a in inside if a.kind != "role"):
            continue  # the entity cuts across a longer dictionary name
        covered = {i for a in inside if a.kind == "country" for i in range(a.start, a.end)}
        if label == "PERSON" and covered >= set(range(start, end)):
            continue  # "Rwandan Hutu" tagged as a person: nationality and ethnic words only
        if label == "PERSON":
            # A longer person name wins over countries, places and titles inside it ("Georgia Smith").
            found.drop(a for a in inside if a.start >= start and a.end <= end)
            found.add(Atom(start, end, "person", [], gender, "PERSON"))
        else:
            if inside and all(a.kind == "role" and a.start == start and a.end == end for a in inside):
                continue  # "Senate", "Congress": a role noun the entity model calls an organisation
            if any(a.kind in ("org", "body", "seat", "user", "person", "platform") for a in inside):
                continue
            found.add(Atom(start, end, "org", [], "", "ORG"))
    atoms = found.live()
    atoms.extend(_honorific_names(doc, lex, atoms))
    atoms.sort(key=lambda a: (a.start, -a.end))
    return _drop_nested(atoms)


class _Found:
    """The atoms found so far, in the order found, looked up by token and by first token.

    Each entity asks which atoms it overlaps; scanning every atom of the document for it made
    atom finding quadratic in the document's length. A dropped atom stays in the list, marked, so
    the live ones keep their order: the final sort is stable, and ties keep that order.
    """

    def __init__(self, atoms: list[Atom]) -> None:
        self.atoms: list[Atom] = []
        self.dropped: set[int] = set()  # ids of the atoms dropped
        self.by_token: dict[int, list[Atom]] = {}
        self.by_start: dict[int, list[Atom]] = {}
        for a in atoms:
            self.add(a)

    def add(self, atom: Atom) -> None:
        self.atoms.append(atom)
        for i in range(atom.start, atom.end):
            self.by_token.setdefault(i, []).append(atom)
        self.by_start.setdefault(atom.start, []).append(atom)

    def drop(self, atoms: Iterable[Atom]) -> None:
        self.dropped.update(id(a) for a in atoms)

    def overlapping(self, start: int, end: int) -> list[Atom]:
        """The live atoms sharing a token with ``[start, end)``."""
        out = {id(a): a for i in range(start, end) for a in self.by_token.get(i, ()) if id(a) not in self.dropped}
        return list(out.values())

    def last_starting(self, start: int) -> Atom | None:
        """The live atom found last among those starting at ``start``."""
        return next((a for a in reversed(self.by_start.get(start, [])) if id(a) not in self.dropped), None)

    def live(self) -> list[Atom]:
        return [a for a in self.atoms if id(a) not in self.dropped]


def _person_slot(doc: Doc, start: int, end: int, lex: Lexicon, role_tokens: set[int]) -> bool:
    """Proper nouns right after an honorific or a singular title are a person's name."""
    before = doc[start - 1]
    if before.lower_ in lex.honorifics:
        return True
    names = doc[start:end]
    return (start - 1 in role_tokens and before.tag_ in ("NN", "NNP") and 2 <= len(names) <= 4
            and all(t.pos_ == "PROPN" and t.is_title for t in names))


def _titled_name(doc: Doc, start: int, end: int, role_tokens: set[int]) -> bool:
    """'Lieutenant General Jan Novak' tagged as one organisation: titles, then a two-to-four-word name."""
    k = start
    while k < end and k in role_tokens:
        k += 1
    names = doc[k:end]
    return k > start and 2 <= len(names) <= 4 and all(t.pos_ == "PROPN" and t.is_title for t in names)


def _honorific_names(doc: Doc, lex: Lexicon, atoms: list[Atom]) -> list[Atom]:
    """'Mr Deshchytsya' when the entity model missed the name: an honorific and proper nouns."""
    taken = {i for a in atoms for i in range(a.start, a.end)}
    out = []
    for t in doc:
        if t.lower_ not in lex.honorifics or t.i + 1 >= len(doc):
            continue
        j = t.i + 1
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and j not in taken:
            j += 1
        if j > t.i + 1:
            out.append(Atom(t.i + 1, j, "person", [], lex.honorifics[t.lower_], "HONORIFIC"))
    return out


def _drop_nested(atoms: list[Atom]) -> list[Atom]:
    """Atoms sorted by start; one inside another is dropped (the longer one holds its words).

    An organisation the dictionary does not know keeps the atoms inside its name, which code it:
    "Malaysia Airlines" is a Malaysian business.
    """
    out: list[Atom] = []
    for a in atoms:
        if out and a.start < out[-1].end:
            keep, drop = (a, out[-1]) if a.end - a.start > out[-1].end - out[-1].start else (out[-1], a)
            if keep.kind == "org" and not keep.entries and drop.start >= keep.start and drop.end <= keep.end:
                keep.inner.append(drop)
            out[-1] = keep
            continue
        out.append(a)
    return out
