"""The event lexicon is data: every CAMEO root is covered, every code is real, users can override rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events.lexicon import NULL_CODE, load_lexicon
from eventwire.tables import cameo_codes

RESULT_WORDS = {"=", "hypo", "neg", "drop"}


def _all_patterns():  # type: ignore[no-untyped-def]
    lex = load_lexicon()
    for index in (lex.verbs, lex.nouns, lex.adjectives):
        for pats in index.values():
            yield from pats


def _concepts() -> set[str]:
    lex = load_lexicon()
    return {k for table in lex.frame_codes.values() for k in table if not k[:1].isdigit() and k != "*"}


@pytest.mark.parametrize("root", [f"{n:02d}" for n in range(1, 21)])
def test_lexicon_covers_every_root(root: str) -> None:
    codes = {p.code for p in _all_patterns()}
    assert any(c.startswith(root) for c in codes), f"no pattern for CAMEO root {root}"


def test_lexicon_codes_are_cameo_codes_or_frame_concepts() -> None:
    known = set(cameo_codes())
    concepts = _concepts()
    # "---" is the null code: a row that fits and codes nothing (a sense of the word that is no event)
    bad = sorted({(p.id, p.code) for p in _all_patterns()
                  if p.code not in known and p.code not in concepts and p.code != NULL_CODE})
    assert not bad


def test_lexicon_frame_results_are_codes_or_keywords() -> None:
    known = set(cameo_codes())
    lex = load_lexicon()
    bad = [(f, k, v) for f, table in lex.frame_codes.items() for k, v in table.items()
           if v not in known and v not in RESULT_WORDS]
    assert not bad


def test_lexicon_frames_name_known_frames() -> None:
    lex = load_lexicon()
    kinds = {f.frame for frames in lex.frames.values() for f in frames}
    assert kinds <= set(lex.frame_codes) | {"pass", "reverse", "report", "claim"}


def test_lexicon_frame_result_uses_longest_prefix_then_default() -> None:
    lex = load_lexicon()
    assert lex.frame_result("threat", "163") == "1312"
    assert lex.frame_result("intent", "0841") == "0353"
    assert lex.frame_result("appeal", "999") == "020"
    assert lex.frame_result("halt", "163") == "drop"  # "end sanctions" is not a halt: the ease frame reads it


def test_lexicon_user_folder_overrides_and_extends(tmp_path: Path) -> None:
    (tmp_path / "verbs.tsv").write_text(
        "id\tlemma\tparticle\tprep\tobject\tcode\ttarget\tflags\texample\n"
        "meet.1\tmeet\t\t\t\t043\tobj\t\toverridden\n"
        "snub.user\tcold-shoulder\t\t\t\t120\tobj\t\tadded\n", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert [p.code for p in lex.verbs["meet"] if p.id == "meet.1"] == ["043"]
    assert "cold-shoulder" in lex.verbs
    assert [p.code for p in load_lexicon().verbs["meet"] if p.id == "meet.1"] == ["040"]  # shipped copy untouched


def test_lexicon_multiword_noun_is_more_specific_than_its_head() -> None:
    lex = load_lexicon()
    by_phrase = {p.phrase: p for p in lex.nouns["strike"]}
    assert by_phrase["air strike"].specificity > by_phrase["strike"].specificity
