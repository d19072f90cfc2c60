"""Finding quoted stretches of text from the quotation marks alone (no parse needed).

Works paragraph by paragraph, because news closes every quote within its paragraph except in one
convention: a quote that runs on into the next paragraph leaves its closing mark off and the next
paragraph opens with a fresh mark. Such a stretch is returned unclosed, and the next paragraph's
stretch is flagged ``continued``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..tables import read_tsv

# A paragraph is a run of text between line breaks (the nlp stage parses the same units).
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
# What may stand right before an opening mark, or right after a closing one.
_BEFORE_OPEN = set(" \t\n([{—–-/") | {"\u00a0"}
_TRAILING = set(",;:—–-")
_PLURAL_POSSESSIVE = re.compile(r" [a-z]")
_AFTER_CLOSE_PUNCT = set(" \t\n.,;:!?)]}—–-/…") | {"\u00a0"}


@dataclass(frozen=True)
class Mark:
    char: str
    role: str  # open | close | either
    family: str  # double | single
    closers: frozenset[str] = frozenset()  # for an opening mark: the marks that close it


@dataclass(frozen=True)
class Segment:
    """One quoted stretch: ``[start, end)`` is its content, without the marks."""

    start: int
    end: int
    open_at: int  # the opening mark
    close_end: int  # just after the closing mark, or ``end`` when the paragraph ends first
    para: int  # index into the paragraph list
    closed: bool
    continued: bool = False  # the previous paragraph left a quote open and this one opens a mark
    at_para_start: bool = False  # the opening mark is the paragraph's first character


@lru_cache(maxsize=1)
def marks() -> dict[str, Mark]:
    """Quotation marks by character, from ``codebook/quote_marks.tsv``."""
    out = {}
    for r in read_tsv("quote_marks.tsv"):
        char = chr(int(r["codepoint"].removeprefix("U+"), 16))
        closers = {chr(int(c.removeprefix("U+"), 16)) for c in (r.get("closers") or "").split()}
        if r["role"] == "either":
            closers.add(char)
        out[char] = Mark(char, r["role"], r["family"], frozenset(closers))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank line of ``text``."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def _side(text: str, i: int, lo: int, hi: int, mark: Mark) -> str:
    """Whether the mark at ``i`` can open, close, or either, judged by its neighbours."""
    if mark.role != "either":
        return mark.role
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if mark.family == "single" and prev.isalnum() and nxt.isalnum():
        return "none"  # an apostrophe inside a word: don't, Kremlin's
    can_open = (prev in _BEFORE_OPEN or prev in marks()) and not nxt.isspace()
    can_close = not prev.isspace() and (nxt in _AFTER_CLOSE_PUNCT or nxt in marks())
    if mark.family == "single":
        # A single straight mark opens only before a letter or digit, and after "s" it is the
        # plural possessive ("the ministers' meeting") unless a quote is open.
        can_open = can_open and nxt.isalnum()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if can_open or mark.family == "double":
        return "either"  # no clue from the neighbours: the count of marks decides
    return "none"


def _paragraph_segments(text: str, lo: int, hi: int, para: int, family: str) -> list[Segment]:
    table = marks()
    segs: list[Segment] = []
    open_at: int | None = None
    for i in range(lo, hi):
        mark = table.get(text[i])
        if mark is None or mark.family != family:
            continue
        side = _side(text, i, lo, hi, mark)
        if side == "none":
            continue
        if open_at is None:
            if side in ("open", "either") or (side == "close" and _misused_closer(text, i, lo, hi, mark)):
                open_at = i
            continue
        opener = table[text[open_at]]
        if mark.char not in opener.closers and mark.role == "open":
            # An explicit opening mark while a quote is open: the earlier one lost its closing
            # mark. End it here rather than swallow the rest of the paragraph.
            segs.append(_segment(text, open_at, i, i, para, lo, closed=False))
            open_at = i
            continue
        if mark.char not in opener.closers and side == "open" and family == "single":
            continue  # a stray apostrophe-like mark before a word, inside a single-quoted stretch
        if family == "single" and _possessive(text, i, hi):
            continue  # 'The voters' patience has run out,' he said: the quote closes further on
        segs.append(_segment(text, open_at, i, i + 1, para, lo, closed=True))
        open_at = None
    if open_at is not None:
        segs.append(_segment(text, open_at, hi, hi, para, lo, closed=False))
    return [s for s in segs if s.end > s.start]


def _misused_closer(text: str, i: int, lo: int, hi: int, mark: Mark) -> bool:
    """A closing double mark typed where a quote opens (`said: ”We ...”`): pages made with the wrong key.

    Only a double mark, after a space or the paragraph start and right before a word, so a real
    closing mark (after a word or punctuation) or a single mark (also the apostrophe) never opens.
    """
    if mark.family != "double":
        return False
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return prev in _BEFORE_OPEN and nxt.isalnum()


def _possessive(text: str, i: int, hi: int) -> bool:
    """A plural possessive ("voters' patience") inside a single-quoted stretch that closes later."""
    if text[i - 1: i] != "s" or not _PLURAL_POSSESSIVE.match(text, i + 1):
        return False
    table = marks()
    return any(text[j] in table and table[text[j]].family == "single" and _side(text, j, 0, hi, table[text[j]])
               in ("close", "either") for j in range(i + 1, hi))


def _segment(text: str, open_at: int, end: int, close_end: int, para: int, lo: int, closed: bool) -> Segment:
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    e = end
    # A comma, colon or dash before the closing mark belongs to the attribution ('"...," he said'),
    # not to what was said; a full stop, question or exclamation mark stays.
    while e > start and (text[e - 1].isspace() or text[e - 1] in _TRAILING):
        e -= 1
    return Segment(start, e, open_at, close_end if closed else e, para, closed, at_para_start=open_at == lo)


def find_segments(text: str, paras: list[tuple[int, int]] | None = None) -> list[Segment]:
    """Every quoted stretch of ``text``, in order, with paragraph continuations flagged."""
    paras = paragraphs(text) if paras is None else paras
    table = marks()
    out: list[Segment] = []
    prev_open = False
    for n, (lo, hi) in enumerate(paras):
        chunk = text[lo:hi]
        family = "double" if any(table[c].family == "double" for c in chunk if c in table) else "single"
        segs = _paragraph_segments(text, lo, hi, n, family)
        if segs and prev_open and segs[0].at_para_start:
            first = segs[0]
            segs[0] = Segment(first.start, first.end, first.open_at, first.close_end, first.para, first.closed,
                              continued=True, at_para_start=True)
        prev_open = bool(segs) and not segs[-1].closed
        out.extend(segs)
    return out
