"""Pipeline components that mend the parse: datelines as sentences, typographic negation labelled."""

from __future__ import annotations

import pytest

from eventwire.nlp.datelines import dateline_end


@pytest.mark.parametrize(("text", "first_word"), [
    ("GAZA CITY, Palestinian Territories: Four children were killed on Friday.", "Four"),
    ("KABUL (Reuters) - Taliban fighters attacked a police post.", "Taliban"),
    ("LYON: Interpol has said it will send a team.", "Interpol"),
])
def test_nlp_dateline_is_its_own_sentence(nlp, text: str, first_word: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    sents = list(doc.sents)
    assert len(sents) == 2 and sents[1][0].text == first_word


@pytest.mark.parametrize("text", [
    "US forces attacked the base: officials said so.",  # a colon inside a sentence, lower case before it
    "Ukraine: No Agreements Reached",  # a headline: the place is not in capitals
    "NATO SUMMIT",  # capitals with no end mark
])
def test_nlp_no_dateline(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert dateline_end(nlp.make_doc(text)) == 0


def test_nlp_typographic_negation_is_labelled(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("When the advisers suggested a deal, Mr. Trump wasn’t satisfied.")
    neg = [t for t in doc if t.lower_ == "n’t"]
    assert neg and neg[0].dep_ == "neg"


def test_nlp_negation_relabels_only_the_contraction() -> None:
    import spacy
    from spacy.tokens import Doc

    from eventwire.nlp.negation import relabel_negation

    words = ["It", "was", "n’t", "so", ",", "not", "only", "here"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 1, 1, 7, 1],
              deps=["nsubj", "ROOT", "punct", "acomp", "punct", "preconj", "advmod", "advmod"],
              pos=["PRON", "AUX", "PART", "ADV", "PUNCT", "PART", "ADV", "ADV"])
    relabel_negation(doc)
    assert doc[2].dep_ == "neg"  # "n’t" attached as punctuation is the negation it is
    assert doc[5].dep_ == "preconj"  # "not only" is left as the parser read it
