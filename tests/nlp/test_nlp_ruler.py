"""The fast attribute-ruler matcher gives exactly the stock ruler's annotations."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.ruler import FastRulerMatch, speed_up_attribute_ruler


def _blank_with_ruler() -> tuple[Language, object]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": "NN", "LOWER": {"IN": ["someone", "anyone"]}}]], {"POS": "PRON"})  # later rule wins
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"})
    ruler.add([[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]], {"LEMMA": "get"})
    return nlp, ruler


def _tagged(nlp: Language, words: list[str], tags: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags)


def _annotations(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_nlp_ruler_matches_are_the_stock_matches() -> None:
    nlp, ruler = _blank_with_ruler()
    fast = FastRulerMatch.build(ruler)  # type: ignore[arg-type]
    assert fast is not None
    words = ["someone", "gon", "na", "see", "y'", "all", "and", "the", "cat", "got", "gets", "gon"]
    tags = ["NN", "VBG", "TO", "VB", "PRP", "DT", "CC", "DT", "NN", "VBD", "VBZ", "VBG"]
    doc = _tagged(nlp, words, tags)
    assert fast(doc) == ruler.match(doc)  # type: ignore[attr-defined]


def test_nlp_ruler_gives_the_same_annotations_and_keeps_rule_precedence() -> None:
    nlp_a, _ = _blank_with_ruler()
    nlp_b, _ = _blank_with_ruler()
    assert speed_up_attribute_ruler(nlp_b)
    words, tags = ["someone", "saw", "a", "cat", "gon", "na"], ["NN", "VBD", "DT", "NN", "VBG", "TO"]
    a = nlp_a.get_pipe("attribute_ruler")(_tagged(nlp_a, words, tags))
    b = nlp_b.get_pipe("attribute_ruler")(_tagged(nlp_b, words, tags))
    assert _annotations(a) == _annotations(b)
    assert b[0].pos_ == "PRON"  # the later, more specific rule
    assert b[3].pos_ == "NOUN" and str(b[3].morph) == "Number=Sing"
    assert (b[4].lemma_, b[5].lemma_) == ("go", "to")  # a two-token rule with an index


def test_nlp_ruler_leaves_a_ruler_it_cannot_read_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})  # an operator: beyond the fast matcher
    assert FastRulerMatch.build(ruler) is None
    assert not speed_up_attribute_ruler(nlp)
    assert "match" not in vars(ruler)


def test_nlp_ruler_model_annotations_unchanged(nlp: Language) -> None:
    stock = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    texts = [
        "Y'all gonna see it: the ministers ain't leaving Geneva until there's a deal, let's be clear.",
        "Someone fired at the convoy near Kharkiv on Tuesday, and police said nothing was stolen.",
        "The union, which represents 40,000 workers, got what it wanted and gets a pay rise in May.",
    ]
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs]
    assert "match" in vars(nlp.get_pipe("attribute_ruler"))  # the fast matcher is in use
