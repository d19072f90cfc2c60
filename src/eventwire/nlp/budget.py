"""How much of one document goes to the parser: a cap on its characters.

Parsing and coding cost grows with a document's length, so one huge text (a 5 MB dump pasted as
an article, a whole book) could hold a worker for hours and its memory without bound. News
articles are a few thousand characters; past ``max_analysed_chars`` only the head of the text is
analysed, cut at a line break (else a sentence end, else a space) so no sentence is split when
one can be helped. The article keeps its whole text, so every span stays an offset into it, and
its reason says what was left out.
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Article

# Where a cut may fall, best first; a break further back than half the cap is not worth the loss.
_BREAKS = ("\n", ". ", " ")


def analysed_length(text: str, limit: int) -> int:
    """How many leading characters of ``text`` to analyse under a cap of ``limit`` (0: no cap)."""
    if limit <= 0 or len(text) <= limit:
        return len(text)
    head = text[:limit]
    for sep in _BREAKS:
        cut = head.rfind(sep)
        if cut >= limit // 2:
            return cut + len(sep)
    return limit


def capped(art: Article, limit: int) -> tuple[Article, str | None]:
    """The article to parse (``art`` itself, or a copy holding the head of its text) and the note on the cut."""
    n = analysed_length(art.text, limit)
    if n == len(art.text):
        return art, None
    note = f"analysed the first {n} of {len(art.text)} characters (max_analysed_chars {limit})"
    return replace(art, text=art.text[:n]), note
