"""The actor dictionary: every data file under ``codebook/actors/`` plus the user's own files.

Each name, adjective, title or organisation becomes an :class:`Entry` keyed by its lower-case
token words, so a document is matched by looking up token windows (longest first). Knowledge
lives in the data files; this module only reads them. The converted Phoenix dictionaries
(``codebook/phoenix/``, read by ``actors.phoenix``) come next and yield to eventwire's own
tables. User dictionaries (CSV ``name,code`` or YAML) are read last and win over the shipped
data for the same words.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..errors import Errors, EventwireError
from ..tables import codebook_path

if TYPE_CHECKING:
    from .phoenix import DiscardList

# Which entry a window of words stands for when several share it: the user's first, then named
# bodies, then people, then countries, then places, then role nouns.
PRIORITY = {"user": 0, "org": 1, "body": 1, "seat": 1, "platform": 1, "person": 2, "country": 3,
            "capital": 4, "city": 4, "role": 5}
COUNTRY_FORMS = ("name", "adjective", "demonym")
IMPORTED = "phoenix/"  # the source prefix of entries converted from the Phoenix dictionaries


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry: the words it matches and what they stand for.

    ``code`` is a full CAMEO actor code ("RUSGOV", "IGOUNO", "---OPPMBR") for named actors, a
    country code for country words, places and territories, and a role code ("GOV") for role
    nouns. ``source`` names the data file, so a user can ask why an actor got its code.
    """

    kind: str  # country | capital | city | seat | body | org | platform | person | role | user
    code: str
    text: str
    source: str
    form: str = ""  # country words: name | adjective | demonym; orgs: igo | ngo | group
    cased: bool = False  # match only as written (or in capitals)
    strength: str = ""  # roles: strong | weak | inherit
    pos: str = ""  # roles: noun | any
    name: str = ""  # people: the full name
    start: str = ""  # people: YYYY-MM (or YYYY-MM-DD) the office began; a person's undated entry is the default
    end: str = ""  # people: YYYY-MM (or YYYY-MM-DD) it ended
    proper: bool = False  # imported names (codebook/phoenix): match only capitalised words

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.kind, 9)

    @property
    def imported(self) -> bool:
        """True for entries converted from the Phoenix dictionaries (``codebook/phoenix``)."""
        return self.source.startswith(IMPORTED)


@dataclass
class Lexicon:
    """All actor knowledge, indexed for matching token windows."""

    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    max_len: int = 1
    # The longest key starting with each word, so the matcher tries only windows that can exist.
    first_len: dict[str, int] = field(default_factory=dict)
    honorifics: dict[str, str] = field(default_factory=dict)  # lower text -> gender m/f/-
    pronouns: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # text -> kind, gender, number
    cues: dict[str, set[str]] = field(default_factory=dict)  # kind -> words (place_cues.tsv, anaphors.tsv)
    country_names: dict[str, str] = field(default_factory=dict)  # code -> display name
    role_codes: set[str] = field(default_factory=set)
    discards: DiscardList | None = None  # sentences and stories that code no events (codebook/phoenix)

    def add(self, entry: Entry, words: Sequence[str]) -> None:
        self.add_key(entry, tuple(w.lower() for w in words))

    def add_key(self, entry: Entry, key: tuple[str, ...]) -> None:
        """Like ``add`` for words already lower-cased (the converted files store them split)."""
        if not key:
            return
        bucket = self.index.setdefault(key, [])
        for n, e in enumerate(bucket):
            if e.kind == entry.kind and e.code == entry.code and e.start == entry.start:
                # "Russian" is both an adjective and a demonym of RUS: one entry is enough, and
                # "Nato" (any case) subsumes "NATO" (as written).
                if e.cased and not entry.cased:
                    bucket[n] = entry
                return
        bucket.append(entry)
        if len(bucket) > 1:
            bucket.sort(key=lambda e: e.priority)
        self.max_len = max(self.max_len, len(key))
        if len(key) > self.first_len.get(key[0], 0):
            self.first_len[key[0]] = len(key)

    def remove(self, words: Sequence[str], kinds: Iterable[str]) -> None:
        key = tuple(w.lower() for w in words)
        kept = [e for e in self.index.get(key, []) if e.kind not in set(kinds)]
        if kept:
            self.index[key] = kept
        else:
            self.index.pop(key, None)

    def lookup(self, words: Sequence[str]) -> list[Entry]:
        return self.index.get(tuple(w.lower() for w in words), [])

    def cue(self, kind: str, word: str) -> bool:
        return word.lower() in self.cues.get(kind, set())


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    # The model's tokenizer is spaCy's English one; patterns split the way documents do.
    return spacy.blank("en").tokenizer


def words_of(text: str) -> list[str]:
    """The token words of a dictionary text, split as spaCy splits a document."""
    return [t.text for t in _tokenizer()(text)]


def split_forms(field_text: str) -> list[tuple[str, bool]]:
    """'=Turkey|Ankara' -> [('Turkey', True), ('Ankara', False)]: texts and their case flag."""
    out = []
    for part in field_text.split("|"):
        part = part.strip()
        if part:
            out.append((part[1:], True) if part.startswith("=") else (part, False))
    return out


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def plural(word: str) -> str:
    """A regular English plural, enough for role nouns and demonyms."""
    low = word.lower()
    if low.endswith("man"):
        return word[:-3] + "men"
    if low.endswith(("s", "x", "z", "ch", "sh", "ese")):
        return word if low.endswith(("ese", "ss", "sh", "ch")) else word + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _rows(name: str) -> list[dict[str, str]]:
    text = codebook_path(f"actors/{name}").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(lines, delimiter="\t")]


def _add_text(lex: Lexicon, entry: Entry, text: str, cased: bool, plurals: bool = False) -> None:
    words = words_of(text)
    e = replace(entry, text=text, cased=cased or is_acronym(text))
    lex.add(e, words)
    if plurals and words and not words[-1].lower().endswith("s"):
        pl = plural(words[-1])
        if pl != words[-1]:
            # A case-sensitive form is checked against its text: the plural carries its own ("=Kurd" -> "Kurds").
            lex.add(replace(e, text=" ".join([*words[:-1], pl])) if e.cased else e, [*words[:-1], pl])


def _load_countries(lex: Lexicon) -> None:
    supplement = _rows("countries_supplement.tsv")
    stops = {t.lower() for r in supplement if r["form"] == "stop" for t, _ in split_forms(r["text"])}
    overridden = {t.lower() for r in supplement if r["form"] != "stop" for t, _ in split_forms(r["text"])}
    for r in _rows("countries.tsv"):
        text = r["text"]
        if text.lower() in stops or text.lower() in overridden:
            continue
        if r["form"] == "canonical":
            lex.country_names.setdefault(r["code"], text)
            continue
        kind = "country" if r["form"] in COUNTRY_FORMS else r["form"]
        # Capitals and cities are proper names that are also ordinary words ("Mobile"): as written.
        _add_text(lex, Entry(kind, r["code"], text, "countries.tsv", form=r["form"]), text,
                  cased=kind in ("capital", "city"))
    for r in supplement:
        if r["form"] == "stop":
            continue
        for text, cased in split_forms(r["text"]):
            if r["form"] == "canonical":
                lex.country_names[r["code"]] = text
                continue
            kind = "country" if r["form"] in COUNTRY_FORMS else r["form"]
            _add_text(lex, Entry(kind, r["code"], text, "countries_supplement.tsv", form=r["form"]), text,
                      cased=cased or kind in ("capital", "city"), plurals=r["form"] == "demonym")
            if r["form"] == "name":
                lex.country_names.setdefault(r["code"], text)
    for r in _rows("peoples.tsv"):
        # Ethnic groups read as demonyms of their usual country (none: "-"); form "ethnic" tells
        # the phrase coder to keep the group's own name and let a country word beside it win.
        code = "" if r["code"] == "-" else r["code"]
        for text, _ in split_forms(r["text"]):
            _add_text(lex, Entry("country", code, text, "peoples.tsv", form="ethnic"), text, cased=True,
                      plurals=r["form"] == "demonym")


def _load_named(lex: Lexicon) -> None:
    for r in _rows("institutions.tsv"):
        for text, cased in split_forms(r["text"]):
            _add_text(lex, Entry(r["kind"], r["code"], text, "institutions.tsv", form=r["kind"]), text, cased)
    for r in _rows("organisations.tsv"):
        kind = "platform" if r["kind"] == "platform" else "org"
        for text, cased in split_forms(r["text"]):
            _add_text(lex, Entry(kind, r["code"].strip("-") and r["code"], text, "organisations.tsv", form=r["kind"]),
                      text, cased)
    for r in _rows("people.tsv"):
        base = Entry("person", r["code"], r["name"], "people.tsv", name=r["name"], start=r["from"], end=r["until"])
        for text, cased in [(r["name"], False), *split_forms(r["aliases"])]:
            _add_text(lex, base, text, cased)


def _load_roles(lex: Lexicon) -> None:
    for r in _rows("roles.tsv"):
        role = "" if r["role"] == "-" else r["role"]
        if role:
            lex.role_codes.add(role)
        for text, cased in split_forms(r["term"]):
            _add_text(lex, Entry("role", role, text, "roles.tsv", strength=r["strength"], pos=r["pos"]), text, cased,
                      plurals=True)


def _load_small(lex: Lexicon) -> None:
    for r in _rows("honorifics.tsv"):
        for text, _ in split_forms(r["text"]):
            lex.honorifics[text.lower()] = r["gender"]
    for r in _rows("pronouns.tsv"):
        for text, _ in split_forms(r["text"]):
            lex.pronouns[text.lower()] = (r["kind"], r["gender"], r["number"])
    for name in ("place_cues.tsv", "anaphors.tsv", "name_particles.tsv"):
        for r in _rows(name):
            for text, _ in split_forms(r["text"]):
                lex.cues.setdefault(r["kind"], set()).add(text.lower())


def load_user_dictionary(path: str | Path) -> list[tuple[str, str]]:
    """(name, code) pairs from a user's CSV (columns name or pattern, and code) or YAML file.

    YAML may be a mapping ``{name: code}`` or a list of ``{name: ..., code: ...}`` objects.
    Raises E030 when the file cannot be read or has no usable shape.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as err:
        raise EventwireError(Errors.E030, path=p, cause=err) from err
    pairs: list[tuple[str, str]] = []
    if p.suffix.lower() in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as err:
            raise EventwireError(Errors.E030, path=p, cause=err) from err
        if isinstance(data, dict):
            data = data.get("actors", data)
        if isinstance(data, dict):
            pairs = [(str(k), str(v)) for k, v in data.items()]
        elif isinstance(data, list):
            for item in data:
                if not isinstance(item, dict) or "code" not in item or not (item.get("name") or item.get("pattern")):
                    raise EventwireError(Errors.E030, path=p, cause=f"entry {item!r} lacks a name and a code")
                pairs.append((str(item.get("name") or item.get("pattern")), str(item["code"])))
        else:
            raise EventwireError(Errors.E030, path=p, cause="expected a mapping or a list")
    else:
        lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        rows = list(csv.reader(lines))
        if rows and [c.strip().lower() for c in rows[0][:2]] in (["name", "code"], ["pattern", "code"]):
            rows = rows[1:]
        for n, row in enumerate(rows, 1):
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise EventwireError(Errors.E030, path=p, cause=f"row {n} {row!r} is not `name,code`")
            pairs.append((row[0].strip(), row[1].strip()))
    for name, code in pairs:
        if not code.replace("-", "").isalnum():
            raise EventwireError(Errors.E030, path=p, cause=f"code {code!r} for {name!r} is not a CAMEO code")
    return [(name, code.upper()) for name, code in pairs]


def add_user_entries(lex: Lexicon, pairs: Iterable[tuple[str, str]], source: str) -> None:
    """Add a user's (name, code) pairs; they win over shipped entries for the same words.

    A bare role code ("COP" or "---COP") makes the name a role noun ("gendarmes,COP"); any other
    code names an actor ("Sergei Lavrov,RUSGOV", "Wagner Group,RUSUAF").
    """
    for name, code in pairs:
        text, cased = split_forms(name)[0] if split_forms(name) else (name, False)
        words = words_of(text)
        bare = code[3:] if code.startswith("---") else code
        if len(bare) == 3 and bare in lex.role_codes:
            lex.remove(words, ["role"])
            _add_text(lex, Entry("role", bare, text, source, strength="strong", pos="any"), text, cased, plurals=True)
        else:
            lex.remove(words, list(PRIORITY))
            _add_text(lex, Entry("user", code, text, source), text, cased)


@lru_cache(maxsize=8)
def load_lexicon(user_files: tuple[str, ...] = ()) -> Lexicon:
    """The shipped actor dictionary, extended and overridden by ``user_files`` (cached per tuple)."""
    from .phoenix import load_phoenix

    lex = Lexicon()
    _load_countries(lex)
    _load_named(lex)
    _load_roles(lex)
    _load_small(lex)
    load_phoenix(lex)  # after eventwire's own tables, which win over it
    for path in user_files:
        add_user_entries(lex, load_user_dictionary(path), Path(path).name)
    return lex
