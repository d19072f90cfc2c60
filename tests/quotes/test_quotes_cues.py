"""Reporting cues: surface forms, lemmas, typos only where the position vouches, user files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quotekit import StubTable, parse, quotes_in

from eventwire.quotes import find_quotes, load_cues
from eventwire.quotes.cues import default_cues


def _tok(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


def test_cues_verb_forms_and_lemmas_match(nlp: Any) -> None:
    cues = default_cues()
    said = cues.match(_tok(nlp, "The minister said it was over.", "said"))
    assert said is not None and said.lemma == "say" and said.can("indirect")
    assert cues.match(_tok(nlp, "She tweeted that it was over.", "tweeted")) is not None


def test_cues_typos_only_in_a_vouched_position(nlp: Any) -> None:
    cues = default_cues()
    sad = _tok(nlp, "It was a sad day for the country.", "sad")
    assert cues.match(sad) is None
    entry = cues.match(sad, loose=True)
    assert entry is not None and entry.lemma == "say"
    # One edit from a known form, in the same position: "stted" for "stated".
    assert cues.match(_tok(nlp, "He stted it.", "stted"), loose=True) is not None
    # Not a cue, however loose: too far from any reporting verb.
    assert cues.match(_tok(nlp, "He walked out.", "walked"), loose=True) is None


def test_cues_nouns_are_not_verbs(nlp: Any) -> None:
    assert default_cues().match(_tok(nlp, "The state media reported it.", "state")) is None


def test_cues_a_sad_day_is_not_an_attribution(nlp: Any) -> None:
    found = quotes_in(nlp, 'Mr Lavrov had a sad day: "a terrible day" for everyone.')
    assert all(q.cue != "sad" for q in found)


def test_cues_user_file_adds_a_reporting_verb(nlp: Any, tmp_path: Path) -> None:
    text = '"We will win," Petra Novak thundered.'
    doc = parse(nlp, text)
    assert find_quotes(doc, StubTable(doc)) == []  # type: ignore[arg-type]
    extra = tmp_path / "cues.tsv"
    extra.write_text("lemma\tforms\ttypos\troles\tkind\nthunder\tthundered\t\tdirect\tverb\n", encoding="utf-8")
    (q,) = find_quotes(doc, StubTable(doc), cues=load_cues([extra]))  # type: ignore[arg-type]
    assert (q.cue, q.kind, q.text) == ("thundered", "direct", "We will win")
