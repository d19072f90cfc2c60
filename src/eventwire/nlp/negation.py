"""Negation the parser mislabels: "wasn’t" with a typographic apostrophe.

News copy writes "n’t" with U+2019 far more often than with an ASCII quote; the tokenizer splits it
off and the tagger calls it a particle, but the parser attaches it as punctuation, so "Mr. Trump wasn’t
satisfied" read as satisfied. A component at the end of the pipeline gives such a particle the ``neg`` label that
every later stage reads.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Only the contraction: "not" the parser labels well, and "not only" is no negation of the verb.
NEGATORS = {"n't", "n’t"}


@Language.component("eventwire_negation")
def relabel_negation(doc: Doc) -> Doc:
    for tok in doc:
        if tok.dep_ != "neg" and tok.pos_ == "PART" and tok.lower_ in NEGATORS and tok.head.i != tok.i \
                and tok.head.pos_ in ("AUX", "VERB", "ADJ"):
            tok.dep_ = "neg"
    return doc


def add_negation(nlp: Language) -> None:
    """Put the negation component at the end of the pipeline, where parts of speech are set (once)."""
    if "eventwire_negation" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_negation", last=True)
