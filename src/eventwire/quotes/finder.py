"""Who said what: direct, partial and indirect quotes of one parsed document.

Each quoted stretch is first attributed from its own sentence (attribution.py). A direct quote
with no cue of its own then takes its speaker from where news puts it:

- a paragraph that continues a quote the previous paragraph left open (no closing mark) keeps
  that quote's speaker;
- a second quote in a paragraph ('"...," he said. "..."') has the first one's speaker;
- a quote that is a sentence of its own follows a sentence about a person ('Whitfield was
  defiant. "We will win."'): that person's;
- a paragraph that is nothing but a quote follows the speaker of the paragraph before.

Quotes with no speaker and no cue anywhere are dropped: they are titles, scare quotes or slogans.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors import ActorTable
from ..models import Quote
from .attribution import Attribution, QuoteDoc
from .cues import CueLexicon, default_cues
from .indirect import find_indirect


def find_quotes(doc: Doc, table: ActorTable, cues: CueLexicon | None = None) -> list[Quote]:
    """Every quote of ``doc`` in text order, with its speaker resolved through ``table``.

    ``cues`` replaces the shipped reporting-verb lexicon (see ``load_cues`` to extend it).
    """
    qd = QuoteDoc(doc, table, cues or default_cues())
    kinds = [qd.kind(k) for k in range(len(qd.segs))]
    own: dict[int, Attribution] = {}
    for k, kind in enumerate(kinds):
        if kind is None:
            continue
        a = qd.attribute(k)
        if a is not None:
            own[k] = a
    direct_spans = [(qd.segs[k].start, qd.segs[k].end) for k, kind in enumerate(kinds) if kind == "direct"]
    indirect = find_indirect(qd, direct_spans)

    quotes: dict[int, Quote] = {}  # by segment
    for k, kind in enumerate(kinds):
        if kind is None:
            continue
        if k in own:
            quotes[k] = _quote(qd, own[k])
            continue
        if kind != "direct":
            continue  # a fragment nobody is said to have said is a scare quote
        carried = _carry(qd, k, quotes, own, [q for q, _ in indirect])
        if carried is not None:
            quotes[k] = carried
    out = list(quotes.values()) + [q for q, _ in indirect]
    return sorted(out, key=lambda q: (q.span[0], q.kind != "direct"))


def _quote(qd: QuoteDoc, a: Attribution) -> Quote:
    seg = qd.segs[a.seg]
    cue = a.cue
    return Quote(text=qd.text[seg.start:seg.end], kind=a.kind, span=(seg.start, seg.end), speaker=a.speaker,
                 cue=cue.text if cue is not None else None,
                 cue_span=(cue.idx, cue.idx + len(cue)) if cue is not None else None, rule=a.rule)


def _carry(qd: QuoteDoc, k: int, quotes: dict[int, Quote], own: dict[int, Attribution],
           indirect: list[Quote]) -> Quote | None:
    """A direct quote without a cue of its own, attributed by the news conventions above."""
    seg = qd.segs[k]

    def like(src: Quote, rule: str) -> Quote:
        return Quote(text=qd.text[seg.start:seg.end], kind="direct", span=(seg.start, seg.end),
                     speaker=src.speaker, cue=src.cue, cue_span=src.cue_span, rule=rule)

    if seg.continued and k - 1 in quotes:
        return like(quotes[k - 1], "continued")
    same = [j for j in range(len(qd.segs)) if j != k and qd.segs[j].para == seg.para and j in own
            and own[j].kind == "direct" and own[j].speaker is not None]
    if same:
        before = [j for j in same if j < k]
        j = before[-1] if before else same[0]
        return like(_quote(qd, own[j]), "same-paragraph")
    lead = qd.lead_in(k)
    if lead is not None:
        return Quote(text=qd.text[seg.start:seg.end], kind="direct", span=(seg.start, seg.end), speaker=lead,
                     rule="previous-sentence")
    if seg.at_para_start and not _has_words_outside(qd, seg.para):
        prev = [q for j, q in quotes.items() if qd.segs[j].para == seg.para - 1 and q.speaker is not None]
        prev += [q for q in indirect if _para_of(qd, q.span[0]) == seg.para - 1 and q.speaker is not None]
        if prev:
            return like(max(prev, key=lambda q: q.span[0]), "previous-paragraph")
    return None


def _has_words_outside(qd: QuoteDoc, para: int) -> bool:
    lo, hi = qd.paras[para]
    span = qd.doc.char_span(lo, hi, alignment_mode="expand")
    return span is not None and any(qd.frame(t) and not t.is_punct for t in span)


def _para_of(qd: QuoteDoc, char: int) -> int:
    return next((n for n, (lo, hi) in enumerate(qd.paras) if lo <= char < hi), -1)
