"""First quote finder: text between quotation marks, with the nearest speaking subject."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..actors import ActorTable
from ..models import Quote, QuoteKind

_QUOTED = re.compile(r"[\"“]([^\"”]{3,}?)[\"”]")
_CUES = {"say", "add", "warn", "tell", "state", "insist", "tweet"}


def find_quotes(doc: Doc, table: ActorTable) -> list[Quote]:
    quotes = []
    for m in _QUOTED.finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        cue = next((t for t in sent if t.lemma_ in _CUES), None)
        speaker = None
        if cue is not None:
            for child in cue.children:
                if child.dep_ == "nsubj":
                    mention = table.at(child.i)
                    if mention:
                        speaker = table.ref(mention)
        kind: QuoteKind = "direct" if len(m.group(1).split()) > 4 else "partial"
        quotes.append(Quote(text=m.group(1), kind=kind, span=(m.start(1), m.end(1)), speaker=speaker,
                            cue=cue.text if cue is not None else None))
    return quotes
