"""Parsing paragraph by paragraph keeps offsets and sentence boundaries right."""

from __future__ import annotations

from eventwire.models import Article
from eventwire.nlp import parse_articles
from eventwire.nlp.model import split_paragraphs


def test_nlp_split_paragraphs_reassembles_the_text() -> None:
    text = "Headline words here\n\nFirst paragraph. Second sentence.\n\nLast one"
    assert "".join(split_paragraphs(text)) == text


def test_nlp_parse_keeps_offsets_and_breaks_sentences_at_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Talks stall in Geneva\n\nThe minister met his counterpart on Thursday.\n\nMore talks follow"
    art = Article(id="a", text=text)
    [(out, doc)] = list(parse_articles(nlp, [art]))
    assert out is art
    assert doc.text == text
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Talks stall in Geneva"
    assert "The minister met his counterpart on Thursday." in sents
