"""Places and actors: when "Moscow" is the Russian government and when it is a city.

A capital, a major city or a seat of government ("the White House") stands for its government
only when it acts or is acted upon: "Washington is ready to impose them", "pressure from
Moscow". After a locative preposition ("talks in Paris"), as the goal of a movement ("flew to
Beijing", "a visit to Beirut") or as a modifier ("the Beijing Olympics") it is a place. The words
that decide are data (place_cues.tsv).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp.datelines import ENDS
from .atoms import Atom
from .lexicon import Lexicon

ACTING = {"nsubj", "nsubjpass", "csubj", "agent", "dobj", "dative", "poss", "attr", "oprd", "ROOT", "appos"}
# The marks that end a dateline (nlp/datelines.py), and "(" before an agency ("KABUL (Reuters) -").
DATELINE_END = ENDS | {"("}


def acts(tok: Token, lex: Lexicon) -> bool:
    """Whether the noun ``tok`` (a capital, city or seat) is an actor where it stands."""
    t = tok
    while t.dep_ == "conj" and t.head.i < t.i:  # "from Moscow and Beijing": as the first conjunct
        t = t.head
    dep = t.dep_
    if dep == "dobj":
        return not lex.cue("motion_verb", t.head.lemma_)  # "visited Beijing" names a place
    if dep in ACTING:
        return True
    if dep == "pobj":
        prep = t.head
        word = prep.lower_
        if prep.dep_ == "agent" or word == "by":
            return True
        if lex.cue("locative", word):
            return False
        if lex.cue("motion", word):
            gov = prep.head
            # "went to Moscow", "a visit to Beirut" are places; "a letter to Moscow" is not.
            return not (lex.cue("motion_verb", gov.lemma_) or (gov.pos_ in ("VERB", "AUX") and gov.lemma_ == "be"))
        return True
    return False


def dateline(doc: Doc, atoms: list[Atom]) -> tuple[str | None, int]:
    """The country of a dateline ("GAZA CITY, Palestinian Territories: ...", "KABUL (Reuters) -")
    and the token index where the dateline ends (0 when there is none).

    Only an upper-case place at the start of one of the first sentences counts: a headline such
    as "Ukraine: No Agreements Reached" is not a dateline.
    """
    for n, sent in enumerate(doc.sents):
        if n > 3:
            break
        first = sent[0]
        if not (first.is_upper and first.is_alpha and len(first) > 1):
            continue
        for t in sent[:10]:
            # "KABUL (Reuters) -", "LYON:", "GAZA CITY, Palestinian Territories:"; not "US-backed".
            if t.text in DATELINE_END and (t.text == ":" or (t.i > 0 and doc[t.i - 1].whitespace_)):
                inside = [a for a in atoms if sent.start <= a.start and a.end <= t.i
                          and a.kind in ("capital", "city", "country") and a.entries]
                if inside:
                    return inside[0].entries[0].code, t.i + 1
                break
    return None, 0
