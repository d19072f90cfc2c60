"""`entity_at`: the entity holding a token, read from its IOB tags, is the one a scan of `doc.ents` finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from eventwire.events.entities import entity_at

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "samples"


def scan(tok: Token, labels: tuple[str, ...] | None = None) -> Span | None:
    """What dates.py and places.py did before: the first entity of the document holding the token."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and (labels is None or ent.label_ in labels):
            return ent
    return None


def same(a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.start, a.end, a.label_, a.kb_id_, a.id_) == (b.start, b.end, b.label_, b.kb_id_, b.id_)


@pytest.mark.parametrize("labels", [None, ("DATE", "TIME"), ("GPE",)])
def test_events_entities_match_a_scan_on_hand_built_docs(labels: tuple[str, ...] | None) -> None:
    words = ["On", "Tuesday", "night", "Geneva", "Paris", "and", "New", "York", "met", "last", "week"]
    ents = ["O", "B-DATE", "I-DATE", "B-GPE", "B-GPE", "O", "B-GPE", "I-GPE", "O", "B-DATE", "I-DATE"]
    doc = Doc(Vocab(), words=words, ents=ents)
    for tok in doc:
        assert same(entity_at(tok, labels), scan(tok, labels)), tok.text
    # adjacent entities of one label stay apart; a label not asked for gives nothing
    assert entity_at(doc[4]).text == "Paris"  # type: ignore[union-attr]
    assert entity_at(doc[2], ("DATE",)).text == "Tuesday night"  # type: ignore[union-attr]
    assert entity_at(doc[2], ("GPE",)) is None


def test_events_entities_none_without_entities() -> None:
    doc = Doc(Vocab(), words=["no", "names", "here"])
    assert [entity_at(t) for t in doc] == [None, None, None]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_events_entities_match_a_scan_on_the_samples(nlp, path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(path.read_text(encoding="utf-8"))
    assert doc.ents
    for tok in doc:
        assert same(entity_at(tok), scan(tok))
        assert same(entity_at(tok, ("DATE", "TIME")), scan(tok, ("DATE", "TIME")))
