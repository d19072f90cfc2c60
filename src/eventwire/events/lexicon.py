"""The event lexicon: patterns, frames, frame codes, word classes and cue words, read from ``codebook/``.

Everything the coder knows about words lives in these files; the code only reads them. A user extends
or overrides them with files of the same names in a folder of their own (``load_lexicon(folder)``):
a pattern row with an existing ``id`` replaces the shipped one, new rows are added, and class rows
add words to a class.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..tables import codebook_path

VERBS = "verbs.tsv"
NOUNS = "nouns.tsv"
ADJECTIVES = "adjectives.tsv"
FRAMES = "frames.tsv"
FRAME_CODES = "frame_codes.tsv"
CLASSES = "event_word_classes.tsv"
CUES = "event_cues.tsv"
DATES = "event_dates.tsv"
PLACES = "places_extra.tsv"
PASSIVE_SOURCES = "passive_sources.tsv"
FILES = (VERBS, NOUNS, ADJECTIVES, FRAMES, FRAME_CODES, CLASSES, CUES, DATES, PLACES, PASSIVE_SOURCES)
# The PETRARCH-2 verb dictionary, converted by tools/build_phoenix.py (codebook/phoenix/README.md).
PHOENIX_VERBS = "phoenix/verbs.tsv"
PHOENIX_CLASSES = "phoenix/event_word_classes.tsv"
NULL_CODE = "---"  # PETRARCH's "no event": a pattern that fits and codes nothing


def _alts(text: str) -> list[str]:
    """``a|b|c`` as a list, lower-cased, keeping empty alternatives (``|out`` = none or "out")."""
    return [a.strip().lower() for a in text.split("|")] if text.strip() else []


@dataclass(frozen=True)
class Pattern:
    """One row of verbs.tsv or nouns.tsv, indexed under one head word."""

    id: str
    pos: str  # VERB, NOUN or ADJ
    phrase: str  # the lemma as written for this head: "strike" or "air strike"
    head: str
    particles: frozenset[str]  # allowed particles; "" = no particle
    preps: frozenset[str]  # required prepositions (one of); empty = none required; "" inside = optional
    objects: frozenset[str]  # object words after class expansion; "@actor" for any actor; empty = any
    governors: frozenset[str]
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    flags: frozenset[str]
    object_spec: str
    example: str
    subjects: frozenset[str] = frozenset()  # words or class words the subject must match (Phoenix rows)
    origin: str = "eventwire"  # eventwire's own rows, or "phoenix" for the converted PETRARCH-2 dictionary

    @property
    def specificity(self) -> int:
        """How much of the context the row constrains; the most specific matching row wins."""
        n = 2 * (len(self.phrase.split()) - 1)
        n += 1 if self.particles - {""} else 0
        n += 1 if self.preps - {""} else 0
        n += 2 if self.objects else 0
        n += 1 if self.subjects else 0
        n += 1 if self.governors else 0
        n += 1 if self.flags & {"actorobj", "objperson"} else 0
        n += 1 if self.flags & {"negonly", "negfuture"} else 0  # the negation is part of the pattern
        return n


@dataclass(frozen=True)
class Frame:
    """One frame word with one way of attaching the event it governs."""

    lemma: str
    particle: str
    pos: str
    via: frozenset[str]
    frame: str
    control: str
    flags: frozenset[str]
    example: str

    @property
    def id(self) -> str:
        word = f"{self.lemma} {self.particle}".strip()
        return f"{self.frame}:{word.replace(' ', '_')}"


@dataclass
class Lexicon:
    """The loaded lexicon. Build it with :func:`load_lexicon`."""

    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    adjectives: dict[str, list[Pattern]] = field(default_factory=dict)
    frames: dict[tuple[str, str], list[Frame]] = field(default_factory=dict)
    frame_codes: dict[str, dict[str, str]] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    dates: dict[str, tuple[str, str]] = field(default_factory=dict)
    places: list[dict[str, str]] = field(default_factory=list)
    passive_sources: dict[str, str] = field(default_factory=dict)  # lemma or code prefix -> role

    def implied_source(self, lemma: str, code: str) -> str | None:
        """The usual agent's role of an act whose passive names no doer (passive_sources.tsv)."""
        if lemma in self.passive_sources:
            return self.passive_sources[lemma]
        for n in range(len(code), 1, -1):
            if code[:n] in self.passive_sources:
                return self.passive_sources[code[:n]]
        return None

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())

    def frame_result(self, frame: str, code: str) -> str | None:
        """What ``frame`` makes of an event coded ``code``: longest matching code prefix, else the default."""
        table = self.frame_codes.get(frame)
        if not table:
            return "="
        if code in table:
            return table[code]
        if code[:1].isdigit():
            for n in range(len(code), 1, -1):
                if code[:n] in table:
                    return table[code[:n]]
        return table.get("*")

    def patterns_for(self, pos: str, keys: Iterable[str]) -> list[Pattern]:
        index = {"VERB": self.verbs, "NOUN": self.nouns, "ADJ": self.adjectives}[pos]
        out: list[Pattern] = []
        seen: set[str] = set()
        for k in keys:
            for p in index.get(k, ()):
                if p.id not in seen:
                    seen.add(p.id)
                    out.append(p)
        return out

    def frames_for(self, lemma: str, pos: str) -> list[Frame]:
        return self.frames.get((lemma, pos), [])


def _read_rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "") for k, v in row.items() if k} for row in csv.DictReader(lines, delimiter="\t")]


def _rows(name: str, extra: Sequence[Path]) -> list[dict[str, str]]:
    rows = _read_rows(codebook_path(name))
    for folder in extra:
        path = folder / name if folder.is_dir() else folder
        if path.name == name and path.exists():
            rows.extend(_read_rows(path))
    return rows


def _expand(spec: str, classes: dict[str, frozenset[str]]) -> frozenset[str]:
    out: set[str] = set()
    for alt in _alts(spec):
        if alt == "@actor":
            out.add(alt)
        elif alt.startswith("@"):
            out |= classes.get(alt[1:], frozenset())
        elif alt:
            out.add(alt)
    return frozenset(out)


def _head_of(phrase: str) -> str:
    words = phrase.split()
    if " of " in f" {phrase} ":
        return words[0]
    return words[-1]


def _patterns(rows: list[dict[str, str]], pos: str, classes: dict[str, frozenset[str]],
              origin: str = "eventwire") -> dict[str, list[Pattern]]:
    by_id: dict[str, dict[str, str]] = {}
    for r in rows:
        by_id[r["id"]] = r  # a later row with the same id (a user's) replaces the shipped one
    default = by_id.pop("_default", {})
    index: dict[str, list[Pattern]] = {}
    for r in by_id.values():
        particles = frozenset(_alts(r.get("particle", ""))) or frozenset({""})
        for phrase in _alts(r.get("lemma", "")):
            if not phrase:
                continue
            p = Pattern(
                id=r["id"], pos=pos, phrase=phrase, head=_head_of(phrase), particles=particles,
                preps=frozenset(_alts(r.get("prep", ""))), objects=_expand(r.get("object", ""), classes),
                governors=frozenset(a for a in _alts(r.get("governor", "")) if a), code=r["code"].strip(),
                source=tuple(_alts(r.get("source", "") or default.get("source", ""))),
                target=tuple(_alts(r.get("target", "") or default.get("target", ""))),
                flags=frozenset(_alts(r.get("flags", ""))), object_spec=r.get("object", ""),
                example=r.get("example", ""), subjects=_expand(r.get("subject", ""), classes), origin=origin,
            )
            index.setdefault(p.head, []).append(p)
    return index


def _frames(rows: list[dict[str, str]]) -> dict[tuple[str, str], list[Frame]]:
    index: dict[tuple[str, str], list[Frame]] = {}
    for r in rows:
        for word in _alts(r["lemma"]):
            lemma, _, particle = word.partition(" ")
            f = Frame(lemma=lemma, particle=particle, pos=r["pos"].strip().upper(), via=frozenset(_alts(r["via"])),
                      frame=r["frame"].strip(), control=r["control"].strip(), flags=frozenset(_alts(r.get("flags", ""))),
                      example=r.get("example", ""))
            index.setdefault((lemma, f.pos), []).append(f)
    return index


def load_lexicon(*extra: str | Path) -> Lexicon:
    """The shipped lexicon extended by the user's folders or files (same file names as in ``codebook/``)."""
    return _load(tuple(Path(p) for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Lexicon:
    classes: dict[str, set[str]] = {}
    for r in [*_read_rows(codebook_path(PHOENIX_CLASSES)), *_rows(CLASSES, extra)]:
        classes.setdefault(r["class"].strip(), set()).update(w for w in _alts(r["words"]) if w)
    frozen = {k: frozenset(v) for k, v in classes.items()}
    lex = Lexicon(classes=frozen)
    lex.verbs = _patterns(_rows(VERBS, extra), "VERB", frozen)
    lex.nouns = _patterns(_rows(NOUNS, extra), "NOUN", frozen)
    lex.adjectives = _patterns(_rows(ADJECTIVES, extra), "ADJ", frozen)
    lex.frames = _frames(_rows(FRAMES, extra))
    for r in _rows(FRAME_CODES, extra):
        lex.frame_codes.setdefault(r["frame"].strip(), {})[r["complement"].strip()] = r["result"].strip()
    lex.cues = {r["cue"].strip(): frozenset(w for w in _alts(r["words"]) if w) for r in _rows(CUES, extra)}
    lex.dates = {r["word"].strip().lower(): (r["kind"].strip(), r["value"].strip()) for r in _rows(DATES, extra)}
    lex.places = _rows(PLACES, extra)
    for r in _rows(PASSIVE_SOURCES, extra):
        for key in _alts(r["key"]):
            lex.passive_sources[key] = r["role"].strip().upper()
    # The dictionary's rows come after eventwire's own under each head word, and the matcher prefers an own row
    # that fits. Two kinds of dictionary rows are left out, because they lowered precision on every development set
    # (docs/events.md): rows for verbs eventwire reads as frames ("say", "hope", "urge": the frame codes the event
    # they govern, where PETRARCH's bare "say" gives 010 to every report), and a verb's bare default code with no
    # word, preposition or subject constraint (a voice of its own does not make it specific).
    frame_lemmas = {lemma for lemma, pos in lex.frames if pos == "VERB"}
    phoenix = _patterns(_read_rows(codebook_path(PHOENIX_VERBS)), "VERB", frozen, origin="phoenix")
    for head, pats in phoenix.items():
        if head not in frame_lemmas:
            lex.verbs.setdefault(head, []).extend(p for p in pats if p.specificity > 0 or "negonly" in p.flags)
    return lex
