"""Cue words that attribute speech, read from ``codebook/quote_cues.tsv`` (and any user files).

A cue is found on the surface form first, then on the lemma, so a lemmatiser slip does not lose
it. Typos ("sad" for "said") are matched only where the caller vouches for the position - right
before ``: "`` or right after a closing mark - because a typo form is often a real word elsewhere.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import DamerauLevenshtein
from spacy.tokens import Token

from ..tables import codebook_path, data_lines

Role = str  # "direct" | "indirect" | "partial"

# Verb-like parts of speech and Penn tags a reporting verb carries when the tagger gets it right.
_VERB_POS = frozenset({"VERB"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
# The shortest form fuzzy matching may correct: shorter words are too often other real words.
_FUZZY_MIN = 4


@dataclass(frozen=True)
class Cue:
    """One reporting word: its lemma, the roles it can play and whether it is a verb or ``according to``."""

    lemma: str
    roles: frozenset[Role]
    kind: str = "verb"
    particle: str | None = None  # "back" in "fired back": must follow the verb

    def can(self, role: Role) -> bool:
        return role in self.roles


class CueLexicon:
    """Reporting verbs by surface form, lemma and known misspelling."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self.by_form: dict[str, Cue] = {}
        self.by_lemma: dict[str, Cue] = {}
        self.by_typo: dict[str, Cue] = {}
        self.preps: dict[str, Cue] = {}  # first word of a multi-word cue -> cue ("according")
        self.phrasal: dict[str, list[Cue]] = {}  # verb form -> cues that need a particle after it
        for row in rows:
            lemma = (row.get("lemma") or "").strip().lower()
            if not lemma:
                continue
            roles = frozenset(r.strip() for r in (row.get("roles") or "direct").split(",") if r.strip())
            particle = (row.get("particle") or "").strip().lower() or None
            cue = Cue(lemma, roles, (row.get("kind") or "verb").strip() or "verb", particle)
            forms = [f.strip().lower() for f in (row.get("forms") or "").split(",") if f.strip()]
            if cue.kind == "prep":
                for f in forms:
                    self.preps[f] = cue
                continue
            if particle:
                for f in forms:
                    self.phrasal.setdefault(f, []).append(cue)
                continue
            self.by_lemma[lemma] = cue
            for f in forms:
                self.by_form[f] = cue
            for t in (row.get("typos") or "").split(","):
                if t.strip():
                    self.by_typo[t.strip().lower()] = cue

    def match(self, tok: Token, loose: bool = False) -> Cue | None:
        """The cue ``tok`` is, if any.

        A known form or lemma counts when the tagger calls the token a verb. With ``loose`` (the
        caller has checked the position is one only a reporting verb fills) a form counts whatever
        its tag, and so do listed typos and forms one edit away from a known one.
        """
        low = tok.lower_
        if low in self.preps:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            return self.preps[low] if nxt is not None and nxt.lower_ == "to" else None
        verbish = tok.pos_ in _VERB_POS or tok.tag_ in _VERB_TAGS
        if low in self.phrasal and (verbish or loose) and tok.i + 1 < len(tok.doc):
            particle = tok.nbor(1).lower_
            found = next((c for c in self.phrasal[low] if c.particle == particle), None)
            if found is not None:
                return found
        cue = self.by_form.get(low)
        if cue is not None and (verbish or loose):
            return cue
        if verbish and tok.lemma_.lower() in self.by_lemma:
            return self.by_lemma[tok.lemma_.lower()]
        if not loose or not tok.is_alpha or not tok.is_lower:
            return None
        if low in self.by_typo:
            return self.by_typo[low]
        return self._fuzzy(low)

    def _fuzzy(self, low: str) -> Cue | None:
        for form, cue in self.by_form.items():
            if len(form) >= _FUZZY_MIN and abs(len(form) - len(low)) <= 1 and DamerauLevenshtein.distance(form, low) == 1:
                return cue
        return None


def read_cue_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a cue file in the ``quote_cues.tsv`` layout (tab-separated, ``#`` comments)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_cues(extra: Sequence[str | Path] = ()) -> CueLexicon:
    """The shipped cue lexicon, extended (or overridden, lemma by lemma) by user files."""
    rows = read_cue_rows(codebook_path("quote_cues.tsv"))
    for p in extra:
        rows += read_cue_rows(Path(p))
    return CueLexicon(rows)


@lru_cache(maxsize=1)
def default_cues() -> CueLexicon:
    """The shipped cue lexicon, loaded once per process."""
    return load_cues()


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Titles before a person's name ("Mr", and misspellings such as "IMr"), from the codebook."""
    return frozenset(data_lines("quote_honorifics.txt"))
