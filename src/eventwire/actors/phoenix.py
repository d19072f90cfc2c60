"""The Phoenix / PETRARCH-2 actor dictionaries (``codebook/phoenix/``), added under eventwire's own.

``tools/build_phoenix.py`` converts the Phoenix people, groups, places, agents and discard list
into TSV files whose names are already split into spaCy tokens, so loading them is reading and
indexing, with no tokenizer. eventwire's own tables win: a window of words that any of them
names keeps only their entries, and a person ``people.tsv`` lists (by any of the person's full
names) is coded from it alone, since the Phoenix ranges end around 2015. Imported names match
only in capitalised text (``Entry.proper``): "Farah" the province, not a word that happens to be
spelt the same.

Each entry's ``source`` is the file and the Phoenix entry (``phoenix/people.tsv:JAMES_BYRNES``),
which the actor's rule carries ("dictionary:phoenix/people.tsv:JAMES_BYRNES").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..tables import codebook_path
from .lexicon import IMPORTED, Entry, Lexicon

FOLDER = IMPORTED.rstrip("/")
# How each kind of group reads: a company is a national body of its country's business ("Hyundai
# workers" are KORLAB, "Hyundai said" is KORBUS), like a national institution.
GROUP_KINDS = {"body": ("body", "body"), "igo": ("org", "igo"), "ngo": ("org", "ngo"), "company": ("body", "company"),
               "group": ("org", "group")}


def _rows(name: str) -> Iterator[list[str]]:
    path = codebook_path(f"{FOLDER}/{name}")
    if not path.exists():  # an installation without the converted files: eventwire's own tables only
        return
    with path.open(encoding="utf-8", newline="") as f:
        lines = (ln for ln in f if not ln.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader, None)  # the header
        yield from reader


@dataclass
class DiscardList:
    """Phrases whose sentence (or story) codes no events, as two case-insensitive patterns."""

    sentence: re.Pattern[str] | None = None
    story: re.Pattern[str] | None = None
    entries: dict[str, str] = field(default_factory=dict)  # lower-case phrase -> Phoenix entry

    def why(self, match: re.Match[str], scope: str) -> str:
        phrase = " ".join(match.group(0).lower().split())
        found = max((p for p in self.entries if phrase.startswith(p)), key=len, default=phrase)
        entry = self.entries.get(found, found)
        return f"discard list ({scope}): '{match.group(0)}' (phoenix/discards.tsv:{entry})"

    def story_match(self, text: str) -> re.Match[str] | None:
        return self.story.search(text) if self.story else None

    def sentence_matches(self, text: str) -> Iterator[re.Match[str]]:
        return self.sentence.finditer(text) if self.sentence else iter(())


def _pattern(phrases: list[tuple[str, str]]) -> re.Pattern[str] | None:
    """One pattern for all phrases, shaped as a trie (shared beginnings written once), which is many
    times faster than a flat alternation of some hundred phrases. It starts at a word; a "word" phrase
    also ends at one, a stem may run on ("basketballer")."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase, match in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = "stem" if "stem" in (match, node.get("")) else "word"  # type: ignore[assignment]

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        if node.get("") == "stem":
            return ""  # the stem matches whatever follows it
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if node.get("") == "word":
            alts.append(r"(?!\w)")  # after every longer phrase: the longest wins
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(r"(?<!\w)" + emit(trie), re.IGNORECASE) if trie else None


def load_discards() -> DiscardList:
    """The discard list, compiled once (``codebook/phoenix/discards.tsv``)."""
    by_scope: dict[str, list[tuple[str, str]]] = {"sentence": [], "story": []}
    entries = {}
    for phrase, scope, match, entry in _rows("discards.tsv"):
        by_scope[scope].append((phrase, match))
        entries[phrase] = entry
    return DiscardList(_pattern(by_scope["sentence"]), _pattern(by_scope["story"]), entries)


Names = list[tuple[tuple[str, ...], str]]


def _names(names: str) -> Names:
    """'Kofi Annan|K. Annan' -> [(('kofi', 'annan'), 'Kofi Annan'), ...]: each name's key and text."""
    return [(tuple(n.lower().split(" ")), n) for n in names.split("|") if n]


def _add(lex: Lexicon, ours: set[tuple[str, ...]], names: Names, kind: str, code: str, source: str, form: str = "",
         name: str = "", start: str = "", end: str = "") -> None:
    for key, text in names:
        if key in ours:
            continue  # eventwire's own tables name these words: theirs is the entry
        lex.add_key(Entry(kind, code, text, source, form, False, "", "", name, start, end, True), key)


def load_phoenix(lex: Lexicon) -> None:
    """Add the converted Phoenix entries to ``lex``, which already holds eventwire's own tables."""
    ours = set(lex.index)
    our_people = {k for k, entries in lex.index.items() if len(k) > 1 and any(e.kind == "person" for e in entries)}
    people: dict[str, list[list[str]]] = {}
    for row in _rows("people.tsv"):
        people.setdefault(row[0], []).append(row)
    for entry, rows in people.items():
        # The rows of an entry mostly list the same names: one set of strings serves them all.
        split = {text: _names(text) for text in {row[1] for row in rows}}
        if any(k in our_people for forms in split.values() for k, _ in forms):
            continue  # eventwire's people.tsv knows this person: its dates are the ones to trust
        source = f"{FOLDER}/people.tsv:{entry}"
        for row in rows:
            forms = split[row[1]]
            _add(lex, ours, forms, "person", row[2], source, name=forms[0][1], start=row[3], end=row[4])
    for entry, text, code, kind in _rows("groups.tsv"):
        ekind, form = GROUP_KINDS[kind]
        _add(lex, ours, _names(text), ekind, code, f"{FOLDER}/groups.tsv:{entry}", form)
    for entry, text, code in _rows("places.tsv"):
        _add(lex, ours, _names(text), "city", code, f"{FOLDER}/places.tsv:{entry}", "city")
    for entry, text, role, _number in _rows("agents.tsv"):
        # Role nouns read like roles.tsv's strong nouns ("Kenyan farmers" is KENAGR), in any case.
        key = tuple(text.split(" "))
        if key not in ours:
            lex.add_key(Entry("role", role, text, f"{FOLDER}/agents.tsv:{entry}", strength="strong", pos="noun"), key)
        lex.role_codes.add(role)
    lex.discards = load_discards()
