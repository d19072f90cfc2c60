"""The named entity a token belongs to, found from the token's own IOB tags.

``doc.ents`` builds a Span for every entity of the document on each access, so asking it "which
entity holds this token?" once per candidate word made date and place finding quadratic in the
document's length (a 250 KB article spent minutes there). The token's IOB tags answer the same
question by walking only the entity's own tokens.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token


def entity_at(tok: Token, labels: Collection[str] | None = None) -> Span | None:
    """The entity of ``doc.ents`` that holds ``tok`` (of one of ``labels`` when given), or None.

    The Span is the one ``doc.ents`` would give: it starts at the nearest "B" tag at or before the
    token, runs over the following "I" tags and takes the label, KB id and entity id of its first
    token, as spaCy's ``Doc.ents`` does.
    """
    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    first = doc[start]
    if first.ent_iob_ != "B":  # an "I" with no "B" before it: doc.ents itself refuses such a Doc
        return None
    if labels is not None and first.ent_type_ not in labels:
        return None
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)
