"""Attributing one quoted stretch: its cue, its speaker and whether it is a direct or a partial quote.

The constructions of news English, tried in this order:

- cue after the quote: ``"...," said X`` / ``"...," X said`` / ``"...," according to X``;
- cue before it: ``X said: "..."``, ``X told reporters on Monday, "..."``, ``X added that "..."``;
- a name and a colon: ``Lavrov: "..."``;
- a cue that governs the quoted words in the parse: ``X described the talks as "constructive"``.

The surface patterns come first because they survive a bad parse (a typo such as "sad" for "said"
turns the verb into an adjective); the parse then finds the cues the surface patterns cannot reach.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors import ActorTable
from ..models import ActorRef, QuoteKind
from .cues import Cue, CueLexicon, honorifics
from .marks import Segment, find_segments, marks, paragraphs
from .speakers import Speakers

_SENT_END = frozenset({".", "!", "?", "…"})
_OPEN_SET_OFF = frozenset({":", ",", "—", "–", "-", "(", ";", "--"})
_CLOSE_SET_OFF = frozenset({".", "!", "?", "…", ",", ":", ";", ")", "—", "–", "-", "--"})
# Parts of speech of a speaker's noun phrase between a quote and its cue ('"...," the Russian
# foreign minister, Sergei Lavrov, has since said').
_NP_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART", "ADV"})
_NOUNISH = frozenset({"PROPN", "NOUN", "PRON"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WINDOW = 12  # tokens searched for a cue on either side of a quote
_WINDOW_AFTER = 18  # after a quote: room for a name with a long apposition before the cue
_MIN_DIRECT_WORDS = 3  # shorter set-off quotes without a verb are scare quotes or labels


@dataclass
class Attribution:
    """What was found for one segment."""

    seg: int
    kind: QuoteKind
    cue: Token | None
    cue_entry: Cue | None
    speaker: ActorRef | None
    rule: str


class QuoteDoc:
    """A parsed document with its quoted stretches, and the token-level questions asked of them."""

    def __init__(self, doc: Doc, table: ActorTable, cues: CueLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.cues = cues
        self.paras = paragraphs(self.text)
        self.segs: list[Segment] = find_segments(self.text, self.paras)
        starts = [t.idx for t in doc]
        self.seg_at = [-1] * len(doc)  # segment (marks included) covering each token
        self.content: list[list[Token]] = []
        self._own: list[list[int]] = []  # token indices of each segment, marks included
        for k, s in enumerate(self.segs):
            lo = max(0, bisect_right(starts, s.open_at) - 1)
            hi = bisect_left(starts, s.close_end)
            own = []
            for i in range(lo, hi):
                t = doc[i]
                if t.idx < s.close_end and t.idx + len(t) > s.open_at and self.seg_at[i] == -1:
                    self.seg_at[i] = k
                    own.append(i)
            self._own.append(own or [min(lo, len(doc) - 1)])
            self.content.append([doc[i] for i in range(lo, hi)
                                 if doc[i].idx < s.end and doc[i].idx + len(doc[i]) > s.start and not doc[i].is_space])
        para_starts = [p[0] for p in self.paras]
        self.para_of = [max(0, bisect_right(para_starts, t.idx) - 1) for t in doc]
        self.speakers = Speakers(doc, table, self.quoted, lambda t: self.cues.match(t) is not None)

    # -- token questions ------------------------------------------------------------------

    def quoted(self, i: int) -> bool:
        return self.seg_at[i] != -1

    def frame(self, t: Token) -> bool:
        """A token of the reporter's own words: outside every quotation, not a space."""
        return self.seg_at[t.i] == -1 and not t.is_space

    def _neighbour(self, k: int, step: int) -> Token | None:
        """The first non-space token before (step -1) or after (+1) segment k, within its paragraph."""
        own = self._own[k]
        i = (own[0] - 1) if step < 0 else (own[-1] + 1)
        while 0 <= i < len(self.doc) and self.doc[i].is_space:
            i += step
        if not 0 <= i < len(self.doc) or self.para_of[i] != self.segs[k].para:
            return None
        return self.doc[i]

    def before(self, k: int) -> list[Token]:
        """The reporter's words before segment k, back to a sentence end, another quote or the paragraph start."""
        out: list[Token] = []
        prev = self._neighbour(k, -1)
        i = prev.i if prev is not None else -1
        while i >= 0:
            t = self.doc[i]
            if t.is_space:
                i -= 1
                continue
            if self.para_of[i] != self.segs[k].para or not self.frame(t) or t.text in _SENT_END:
                break
            out.append(t)
            i -= 1
        return out[::-1]

    def after(self, k: int) -> list[Token]:
        """The reporter's words after segment k, up to a sentence end, another quote or the paragraph end."""
        out: list[Token] = []
        nxt = self._neighbour(k, 1)
        i = nxt.i if nxt is not None else len(self.doc)
        while i < len(self.doc):
            t = self.doc[i]
            if t.is_space:
                i += 1
                continue
            if self.para_of[i] != self.segs[k].para or not self.frame(t) or t.text in _SENT_END:
                break
            out.append(t)
            i += 1
        return out

    # -- kinds --------------------------------------------------------------------------------

    def set_off(self, k: int) -> bool:
        """Whether segment k stands apart from the reporter's syntax, as a whole utterance does."""
        seg = self.segs[k]
        prev, nxt = self._neighbour(k, -1), self._neighbour(k, 1)
        opened = (seg.at_para_start or prev is None or prev.text in _SENT_END or prev.text in _OPEN_SET_OFF
                  or self.quoted(prev.i) or self._speech_cue(prev)
                  or (prev.lower_ == "that" and any(self._speech_cue(t) for t in self.before(k)[-6:])))
        closed = (not seg.closed or self._inner_end(k) in _CLOSE_SET_OFF or nxt is None or nxt.text in _CLOSE_SET_OFF
                  or self.quoted(nxt.i) or self.cues.match(nxt, loose=True) is not None)
        return opened and closed

    def _speech_cue(self, tok: Token) -> bool:
        """A cue that introduces whole utterances ("said"), not labels ("dubbed", "called")."""
        entry = self.cues.match(tok)
        return entry is not None and entry.can("direct")

    def _inner_end(self, k: int) -> str:
        """The last character inside the closing mark, past any nested marks ('...‘No, you first,’”')."""
        seg = self.segs[k]
        if not seg.closed:
            return ""
        i = self.segs[k].close_end - 2
        while i > seg.open_at and (self.text[i].isspace() or self.text[i] in marks()):
            i -= 1
        return self.text[i] if i > seg.open_at else ""

    def _closes_with_punct(self, k: int) -> bool:
        """A comma, full stop or dash at the quote's end, inside or just outside the closing mark."""
        seg = self.segs[k]
        if not seg.closed:
            return False
        nxt = self._neighbour(k, 1)
        return self._inner_end(k) in _CLOSE_SET_OFF or (nxt is not None and nxt.text in _CLOSE_SET_OFF)

    def kind(self, k: int) -> QuoteKind | None:
        """direct, partial, or None for a stretch that is a title or label rather than speech."""
        words = self.text[self.segs[k].start: self.segs[k].end].split()
        toks = self.content[k]
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in toks)
        ends = self.text[self.segs[k].end - 1] in _SENT_END if words else False
        if self.title_like(k) and not ends:
            return None
        if self.set_off(k) and (len(words) >= _MIN_DIRECT_WORDS or has_verb or ends):
            return "direct"
        return "partial"

    def title_like(self, k: int) -> bool:
        """Every content word capitalised, as in a title or a name ("the 'Arab Spring'")."""
        toks = [t for t in self.content[k] if t.is_alpha and not t.is_stop]
        if not toks or len(toks) > 8:
            return False
        return all(t.text[0].isupper() for t in toks) and not (len(toks) == 1 and toks[0].pos_ in ("VERB", "ADJ"))

    # -- attribution --------------------------------------------------------------------------

    def attribute(self, k: int) -> Attribution | None:
        """Cue and speaker of segment k from its own sentence, or None when it has none there."""
        kind = self.kind(k)
        if kind is None:
            return None
        for finder in (self._cue_after, self._cue_before, self._name_colon, self._governing):
            found = finder(k)
            if found is not None:
                cue, entry, speaker, rule = found
                if rule == "cue-after" and kind == "partial" and self.set_off(k) and entry is not None \
                        and entry.can("direct"):
                    kind = "direct"  # '"Amazing," Davis said.': short, but a whole utterance, not a label
                return Attribution(k, kind, cue, entry, speaker, rule)
        return None

    def _cue_after(self, k: int) -> tuple[Token | None, Cue | None, ActorRef | None, str] | None:
        if not self._closes_with_punct(k):
            return None  # '"self-defence" forces who do not answer': the quote runs on into the sentence
        after = self.after(k)
        while after and after[0].is_punct:
            after = after[1:]
        # The speaker's phrase may carry an apposition with prepositions ('"...," Li Wei, the former
        # director for China at the IMF, said'; '"...," the notice on the website reads'), so the
        # window is wider after a quote and prepositions do not end the phrase; verbs still do.
        window = after[:_WINDOW_AFTER]
        for n, t in enumerate(window):
            between = window[:n]
            if any(x.pos_ not in _NP_POS and not (x.pos_ == "AUX" and x.tag_ in _FINITE)
                   and x.text != "," and x.pos_ != "ADP" for x in between):
                return None  # another predicate stands between the quote and any cue
            loose = n == 0 or between[-1].pos_ in _NOUNISH
            entry = self.cues.match(t, loose=loose)
            if entry is None:
                continue
            if not (entry.can("direct") or entry.can("after") or entry.can("partial")):
                return None
            if self._inner_end(k) in (".", "…") and window[0].is_title and any(
                    c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in t.children):
                return None  # '"...". Read our review of it': a new sentence with a verb of its own
            return t, entry, self._speaker(t, entry, between, window[n + 1:]), "cue-after"
        return None

    def _cue_before(self, k: int) -> tuple[Token | None, Cue | None, ActorRef | None, str] | None:
        before = self.before(k)
        if not before:
            return None
        last = before[-1]
        if not (last.text in _OPEN_SET_OFF or last.lower_ == "that" or self.cues.match(last) is not None):
            return None
        lo = max(0, len(before) - _WINDOW)
        for n in range(len(before) - 1, lo - 1, -1):
            t = before[n]
            between = before[n + 1:]
            loose = (n > 0 and before[n - 1].pos_ in _NOUNISH
                     and all(x.pos_ in ("ADV", "PUNCT") or x.lower_ == "that" for x in between))
            entry = self.cues.match(t, loose=loose)
            if entry is not None and entry.can("direct"):
                return t, entry, self._speaker(t, entry, before[:n], []), "cue-before"
            if entry is None and t.tag_ in _FINITE:
                return None  # a finite verb of another clause: the cue, if any, is not ours
        return None

    def _name_colon(self, k: int) -> tuple[Token | None, Cue | None, ActorRef | None, str] | None:
        before = self.before(k)
        if len(before) < 2 or before[-1].text != ":":
            return None
        name = before[:-1]
        # Only a bare name, with its title ("Senator Ramon Cruz:"), not a clause ending in a colon.
        if len(name) > 6 or any(t.pos_ not in ("PROPN", "DET", "ADJ", "NOUN", "PART") for t in name):
            return None
        m = self.speakers.table.at(name[-1].i)
        if m is not None:
            return None, None, self.speakers.table.ref(m), "name-colon"
        if name[-1].ent_type_ == "PERSON" or (name[0].text in honorifics() and name[-1].pos_ == "PROPN"):
            return None, None, self.speakers.of_token(name[-1]), "name-colon"
        return None

    def _governing(self, k: int) -> tuple[Token | None, Cue | None, ActorRef | None, str] | None:
        toks = self.content[k]
        inside = {t.i for t in toks}
        for t in toks:
            # The quote's words hang off a cue: 'described the talks as "constructive"'.
            h, steps = t.head, 0
            while h.i not in inside and steps < 8:
                if self.frame(h):
                    entry = self.cues.match(h)
                    if entry is not None and entry.roles - {"after"}:
                        return h, entry, self.speakers.of_cue(h), "governing-cue"
                if h.head is h:
                    break
                h, steps = h.head, steps + 1
            # Or the cue hangs off the quote's words (a parse that makes the quote the main clause).
            for c in t.children:
                if self.frame(c) and c.dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep"):
                    entry = self.cues.match(c)
                    if entry is not None and (entry.can("direct") or entry.can("after")):
                        return c, entry, self.speakers.of_cue(c), "governing-cue"
        return None

    def lead_in(self, k: int) -> ActorRef | None:
        """The person a quote with no cue belongs to when the sentence before introduces them.

        'Whitfield was defiant. "We will win this state."': the quote is a sentence of its own,
        right after one whose subject is a person, in the same paragraph.
        """
        prev, nxt = self._neighbour(k, -1), self._neighbour(k, 1)
        if prev is None or prev.text not in _SENT_END or not self.frame(prev):
            return None
        if not (self._inner_end(k) in _SENT_END or nxt is None or nxt.text in _SENT_END):
            return None  # the sentence goes on after the quote: it is not a sentence of its own
        subj = self.speakers.subject(prev.sent.root)
        who = self.speakers.person(subj) if subj is not None and self.frame(subj) else None
        return who if who is not None else self._reporter_in(prev.sent)

    def _reporter_in(self, sent: Span) -> ActorRef | None:
        """The person a reporting verb in the reporter's words of ``sent`` has as subject.

        'The cell, Herbert said, keeps sensing its surroundings. "Once ..."': the sentence before a
        free-standing quote reports that person's words, so the quote goes on in their voice.
        """
        for t in sent:
            if not self.frame(t):
                continue
            entry = self.cues.match(t)
            if entry is None or entry.kind == "prep" or not (entry.can("indirect") or entry.can("direct")):
                continue
            subj = self.speakers.subject(t)
            who = self.speakers.person(subj) if subj is not None and self.frame(subj) else None
            if who is not None:
                return who
        return None

    def _speaker(self, cue: Token, entry: Cue, before: list[Token], after: list[Token]) -> ActorRef | None:
        """The speaker of a cue found next to a quote: by the parse, then by position."""
        if entry.kind == "prep":  # "according to X"
            to = cue.nbor(1)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None:
                obj = next((t for t in after if t.pos_ in _NOUNISH), None)
            return self.speakers.of_token(obj) if obj is not None else None
        subj = self.speakers.subject(cue)
        if subj is not None and self.frame(subj):
            ref = self.speakers.of_token(subj)
            if ref is not None:
                return ref
        # The parse missed the subject (often because a typo hid the verb): the noun phrase
        # right before the cue, else (inverted: '"...," said X') the one right after it.
        for t in reversed(before):
            if t.pos_ not in _NP_POS and t.text != ",":
                break
            if t.pos_ in _NOUNISH and (self.speakers.table.at(t.i) is not None or t.pos_ == "PRON" or t is before[-1]):
                ref = self.speakers.of_token(t)
                if ref is not None:
                    return ref
        for t in after:
            if t.pos_ in _NOUNISH or self.speakers.table.at(t.i) is not None:
                return self.speakers.of_token(t)
            if t.is_title and t.is_alpha:  # '"...," says Early.': a surname the tagger took for another word
                return ActorRef(text=t.text, name=t.text, span=(t.idx, t.idx + len(t)))
            if t.pos_ not in _NP_POS:
                break
        return None
