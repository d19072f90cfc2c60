"""Indirect speech: "X said (that) ...", "X told Y ...", "X warned that ...", "..., X said", "according to X".

The reported content is the cue's clausal complement in the parse. A complement that is mostly a
direct quote is left to the direct finder, so the same words are not reported twice.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from spacy.tokens import Token

from ..models import ActorRef, Quote
from .attribution import QuoteDoc

_MIN_TOKENS = 3  # shorter complements ("he said so") report nothing worth coding
_TRIM = frozenset({",", ";", ":", "-", "—", "–", "."})


def find_indirect(qd: QuoteDoc, direct_spans: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """Indirect quotes of the document with the cue token of each, in text order."""
    out: list[tuple[Quote, Token]] = []
    direct = _Spans(direct_spans)
    for tok in qd.doc:
        if not qd.frame(tok):
            continue
        entry = qd.cues.match(tok)
        if entry is None or not entry.can("indirect"):
            continue
        if entry.kind == "prep":
            found = _according(qd, tok)
        else:
            if any(c.dep_ == "neg" for c in tok.children):
                continue  # "did not say that ..." reports nothing
            content = _complement(qd, tok)
            speaker = qd.speakers.of_cue(tok) if content else None
            found = (content, speaker) if content and speaker else None
        if found is None:
            continue
        content, speaker = found
        start, end = content[0].idx, content[-1].idx + len(content[-1])
        if direct.covered(start, end) * 2 > end - start:  # mostly a direct quote
            continue
        out.append((Quote(text=qd.text[start:end], kind="indirect", span=(start, end), speaker=speaker,
                          cue=tok.text, cue_span=(tok.idx, tok.idx + len(tok)), rule=f"indirect:{entry.lemma}"), tok))
    return out


def _complement(qd: QuoteDoc, cue: Token) -> list[Token] | None:
    """The reported clause of a reporting verb, as tokens, trimmed."""
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    if comps:
        after = [c for c in comps if c.i > cue.i]
        clause = list((after or comps)[0].subtree)
    elif cue.dep_ in ("parataxis", "ccomp") and cue.head.i < cue.i and cue.head.pos_ in ("VERB", "AUX"):
        # "Putin received a call from Merkel, the Kremlin said.": the report is the main clause.
        skip = {t.i for t in cue.subtree}
        clause = [t for t in cue.head.subtree if t.i not in skip and t.i < cue.i]
    else:
        return None
    return _trim(qd, clause)


def _according(qd: QuoteDoc, tok: Token) -> tuple[list[Token], ActorRef] | None:
    """'according to X': X speaks, and the clause the phrase hangs off is what X reported."""
    to = tok.nbor(1)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    speaker = qd.speakers.of_token(obj)
    if speaker is None:
        return None
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp") and head.head is not head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
    clause = [t for t in head.sent if t.i not in phrase] if head.dep_ == "ROOT" else \
        [t for t in head.subtree if t.i not in phrase]
    content = _trim(qd, clause)
    return (content, speaker) if content else None


def _trim(qd: QuoteDoc, clause: list[Token]) -> list[Token] | None:
    toks = sorted((t for t in clause if not t.is_space), key=lambda t: t.i)
    # Only the contiguous stretch: a clause torn by the cue phrase keeps its longer side.
    runs: list[list[Token]] = []
    for t in toks:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    if not runs:
        return None
    toks = max(runs, key=len)
    # The complementiser is the reporter's word, not part of what was said.
    while toks and (toks[0].text in _TRIM or (toks[0].dep_ == "mark" and toks[0].lower_ == "that")):
        toks = toks[1:]
    while toks and toks[-1].text in _TRIM:
        toks = toks[:-1]
    if len(toks) < _MIN_TOKENS or not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return toks


class _Spans:
    """Character spans, asked how much of a range they cover: a search instead of a scan of every span
    for every indirect quote, which made documents with many quotes quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        # the furthest end reached by the spans up to each one: where spans can first overlap a range
        self.reach = list(accumulate((e for _, e in self.spans), max))

    def covered(self, start: int, end: int) -> int:
        """Characters of [start, end) inside the spans (a character inside two spans counts twice)."""
        total = 0
        for i in range(bisect_right(self.reach, start), bisect_left(self.starts, end)):
            s, e = self.spans[i]
            total += max(0, min(end, e) - max(start, s))
        return total
