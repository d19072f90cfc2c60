"""A dateline is its own sentence: "GAZA CITY, Palestinian Territories: Four children were killed ...".

Left to the parser, the dateline's capitals become the subject of the story's first verb ("CITY ... were
killed"), so the event loses its real participants. A component placed before the parser marks a sentence
start after a dateline at the head of a paragraph; the parser keeps preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# What ends a dateline: "LYON:", "KABUL (Reuters) -", "GENEVA (AP) —", "Lima, 12 May:".
ENDS = {":", "—", "–", "-", "--"}
MAX_TOKENS = 12  # a dateline is a place, perhaps a country, date and agency: never a long clause


def dateline_end(doc: Doc) -> int:
    """The index of the first token after a dateline at the start of ``doc``, or 0 when there is none."""
    if len(doc) < 4 or not (doc[0].is_upper and doc[0].is_alpha and len(doc[0]) > 1):
        return 0
    depth = 0
    for t in doc[:MAX_TOKENS]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and t.text in ENDS and t.i > 0 and (t.text == ":" or doc[t.i - 1].whitespace_):
            return t.i + 1 if t.i + 1 < len(doc) - 2 else 0
        elif depth == 0 and t.is_alpha and t.is_lower:
            return 0  # a lower-case word before any end: a sentence, not a dateline
    return 0


@Language.component("eventwire_datelines")
def mark_datelines(doc: Doc) -> Doc:
    end = dateline_end(doc)
    if end:
        doc[end].is_sent_start = True
    return doc


def add_datelines(nlp: Language) -> None:
    """Put the dateline component before the parser (once)."""
    if "eventwire_datelines" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_datelines", before="parser")
