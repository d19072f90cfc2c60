"""Who a cue's speaker is: the cue's subject, resolved to an actor through the actors stage.

The actors stage answers for names (and, when it can, pronouns). When it has no answer for a
pronoun ("he said"), this module falls back on salience: the person (or, for "it", the
organisation) most recently named outside quotation marks, preferring a sentence's subject.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..actors import ActorTable, Mention
from ..models import ActorRef
from ..tables import read_tsv
from .cues import honorifics

_SUBJ = ("nsubj",)
# Dependencies through which a clause without a subject of its own takes its head's subject:
# "met X and said ...", "left saying ...", '"...," he said, adding: "..."'.
_INHERIT = ("conj", "xcomp", "advcl", "pcomp")
# Children that are not part of the speaker's noun phrase.
_NP_STOP = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "parataxis", "ccomp", "prep"})
# How far back (sentences with text outside quotes) a pronoun looks for its antecedent.
_LOOKBACK = 4
_PERSON_LABELS = ("PERSON",)
_THING_LABELS = ("ORG", "GPE", "FAC")


@lru_cache(maxsize=1)
def pronouns() -> dict[str, str]:
    """Speaker pronouns and what they refer to (person, thing or group), from the codebook."""
    return {r["pronoun"].lower(): r["refers"] for r in read_tsv("quote_pronouns.tsv")}


@dataclass
class _Candidate:
    i: int  # token index
    ref: ActorRef
    person: bool
    rank: int  # salience: 0 a subject, 1 another role, 2 a possessor ("Mike Ford's death")
    speaker_like: bool = False  # a name the tagger did not call a person, but that speaks ("Sasse said")


class Speakers:
    """Speaker resolution for one document."""

    def __init__(self, doc: Doc, table: ActorTable, quoted: Callable[[int], bool],
                 speaks: Callable[[Token], bool] = lambda t: False) -> None:
        self.doc = doc
        self.table = table
        self.quoted = quoted  # is token i inside a quotation?
        self.speaks = speaks  # is this token a reporting verb?
        self._sents = list(doc.sents)
        self._by_sent: list[list[_Candidate]] = []
        self._pronoun: dict[int, ActorRef | None] = {}
        self._ent_of = {t.i: ent for ent in doc.ents for t in ent}
        self._surnames = self._known_people()
        self._collect()

    # -- the subject of a cue ---------------------------------------------------------------

    def subject(self, cue: Token) -> Token | None:
        """The cue's subject token, taken from the clause it hangs off when it has none."""
        tok: Token | None = cue
        for _ in range(4):
            if tok is None:
                return None
            subjs = [c for c in tok.children if c.dep_ in _SUBJ and not self.quoted(c.i)]
            if subjs:
                # Two subjects is a parse slip on a long title ('Wikileaks editor-in-chief Kristinn
                # Hrafnsson said' gives both "Wikileaks" and "Hrafnsson"): the head of such a phrase
                # is its last word, so take the subject nearest the cue on its side.
                before = [c for c in subjs if c.i < tok.i]
                return before[-1] if before else subjs[0]
            if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return tok.head  # "officials saying ...", "a spokesman adding ..."
            if tok.dep_ in _INHERIT and tok.head is not tok:
                tok = tok.head
                continue
            return None
        return None

    def of_cue(self, cue: Token) -> ActorRef | None:
        subj = self.subject(cue)
        return self.of_token(subj) if subj is not None else None

    # -- from a token to an actor -----------------------------------------------------------

    def of_token(self, tok: Token) -> ActorRef | None:
        """The speaker a subject token stands for, or None when it stands for no one we can name."""
        if tok.lower_ in pronouns():
            return self.pronoun(tok)
        m = self.table.at(tok.i)
        while m is None and tok.dep_ in ("compound", "flat") and tok.head is not tok:
            tok = tok.head  # "President" in "President Obama": the name is the head
            m = self.table.at(tok.i)
        if m is not None:
            return self._ref(m, tok)
        known = self._surname(tok)
        if known is not None:
            return known
        if tok.dep_ in _SUBJ and tok.head.dep_ == "relcl" and tok.tag_ in ("WP", "WDT", "IN"):
            return self.of_token(tok.head.head)  # "X, who said ..." speaks for X
        if tok.pos_ in ("ADJ", "NUM") and tok.dep_ in _SUBJ:
            return self._unlisted(self.noun_phrase(tok))  # "the 56-year-old said": a description, no name
        if tok.pos_ not in ("PROPN", "NOUN"):
            return None
        # "Japan's prime minister, Kenji Watanabe, said": the apposition names the speaker.
        for c in tok.children:
            if c.dep_ == "appos":
                m = self.table.at(c.i)
                if m is not None:
                    return self._ref(m, c)
        np = self.noun_phrase(tok)
        for t in np:
            m = self.table.at(t.i)
            if m is not None:
                # "a Kremlin spokesman", "the U.S. attorney's office": the words name the speaker,
                # the actor inside them gives the code.
                text = self._np_text(np)
                return replace(self._ref(m, tok), text=text, name=text)
        return self._unlisted(np)

    def person(self, tok: Token) -> ActorRef | None:
        """The person ``tok`` names ("Whitfield", "she"), or None when it names no person."""
        low = tok.lower_
        if low in pronouns():
            return self.pronoun(tok) if pronouns()[low] == "person" else None
        m = self.table.at(tok.i)
        while m is None and tok.dep_ in ("compound", "flat") and tok.head is not tok:
            tok = tok.head
            m = self.table.at(tok.i)
        if m is not None and m.actor.kind == "person":
            return self._ref(m, tok)
        known = self._surname(tok)
        if known is not None:
            return known
        if tok.ent_type_ in _PERSON_LABELS and tok.i in self._ent_of:
            ent = self._ent_of[tok.i]
            return ActorRef(text=ent.text, name=ent.text, span=(ent.start_char, ent.end_char))
        return None

    def noun_phrase(self, head: Token) -> list[Token]:
        """The head and its modifiers ("a senior US official"), without clauses or appositions."""
        out = [head]
        stack = [c for c in head.children if c.dep_ not in _NP_STOP]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ not in _NP_STOP)
        # "of"/"for" phrases complete titles ("a spokesman for the Kremlin", "Secretary of State").
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for") and not self.quoted(c.i):
                out.extend(c.subtree)
        lo, hi = min(t.i for t in out), max(t.i for t in out)
        return [t for t in self.doc[lo: hi + 1] if not t.is_space]

    def _np_text(self, np: list[Token]) -> str:
        return self.doc[np[0].i: np[-1].i + 1].text.strip()

    def _ref(self, m: Mention, tok: Token) -> ActorRef:
        return self.table.ref(m)

    def _unlisted(self, np: list[Token]) -> ActorRef:
        """A speaker the actors stage does not know: the words used, and a name without its title."""
        titles = honorifics()
        # A name only when the phrase is headed by one ("IMr Deshchytsya"), not for "Wednesday's talks".
        ids = {t.i for t in np}
        head = next((t for t in np if t.head.i not in ids or t.head is t), np[-1])
        names = [t.text for t in np if t.pos_ == "PROPN" and t.text not in titles] if head.pos_ == "PROPN" else []
        return ActorRef(text=self._np_text(np), name=" ".join(names) or None,
                        span=(np[0].idx, np[-1].idx + len(np[-1])))

    # -- pronouns -----------------------------------------------------------------------------

    def pronoun(self, tok: Token) -> ActorRef | None:
        """What a speaker pronoun stands for: the actors stage's answer, else the most salient antecedent."""
        m = self.table.at(tok.i)
        ref = self._pronoun.get(tok.i)
        if m is not None and not (ref is not None and self._named_only_in_quotes(m, tok)):
            return self._ref(m, tok)
        if ref is None:
            return None
        # The words used are the pronoun; the name and code are its antecedent's.
        return replace(ref, text=tok.text, name=ref.name or ref.text, span=(tok.idx, tok.idx + len(tok)))

    def _known_people(self) -> dict[str, ActorRef]:
        """People named in the document by their last name, so that a bare "Volker" the tagger
        missed (or took for an organisation) is still known as the person "Kurt Volker"."""
        out: dict[str, ActorRef] = {}
        for tok in self.doc:
            m = self.table.at(tok.i)
            if m is None or m.actor.kind != "person" or tok.pos_ != "PROPN":
                continue
            ref = self.table.ref(m)
            if ref.span is not None and tok.idx + len(tok) == ref.span[1]:  # the mention's last word
                out.setdefault(tok.text, ref)
        for ent in self.doc.ents:
            if ent.label_ in _PERSON_LABELS and ent[-1].pos_ == "PROPN":
                out.setdefault(ent[-1].text, ActorRef(text=ent.text, name=ent.text, span=(ent.start_char, ent.end_char)))
        return out

    def _surname(self, tok: Token) -> ActorRef | None:
        ref = self._surnames.get(tok.text) if tok.pos_ == "PROPN" else None
        return replace(ref, text=tok.text, span=(tok.idx, tok.idx + len(tok))) if ref is not None else None

    def _named_only_in_quotes(self, m: Mention, tok: Token) -> bool:
        """Whether the pronoun's antecedent is named in its sentence only inside quotation marks.

        '"Heads needed to roll the day Jeffrey Epstein died," he said': people seldom speak of
        themselves by name, so "he" is not Epstein; the salience fallback decides instead.
        """
        inside = outside = False
        for t in tok.sent:
            other = self.table.at(t.i) if t.i != tok.i else None
            if other is not None and other.actor is m.actor:
                inside, outside = inside or self.quoted(t.i), outside or not self.quoted(t.i)
        return inside and not outside

    def _collect(self) -> None:
        """Candidates sentence by sentence, resolving pronouns in order so that "he" can follow "he"."""
        for n, sent in enumerate(self._sents):
            cands: list[_Candidate] = []
            self._by_sent.append(cands)
            seen: set[int] = set()
            for tok in sent:
                if tok.is_space or self.quoted(tok.i):
                    continue
                low = tok.lower_
                if low in pronouns() and tok.dep_ in ("nsubj", "nsubjpass"):
                    ref = self._antecedent(tok, n, cands, pronouns()[low])
                    self._pronoun[tok.i] = ref
                    if ref is not None:
                        person = pronouns()[low] == "person"
                        cands.append(_Candidate(tok.i, ref, person, 0))
                    continue
                cand = self._candidate(tok)
                key = cand.ref.span[0] if cand is not None and cand.ref.span else tok.i
                if cand is not None and key not in seen:  # one candidate per mention, not per token
                    seen.add(key)
                    cands.append(cand)

    def _candidate(self, tok: Token) -> _Candidate | None:
        m = self.table.at(tok.i)
        known = self._surname(tok)
        if known is not None and (m is None or m.actor.kind != "person"):
            return _Candidate(tok.i, known, True, self._rank(tok))
        if m is not None:
            kind = m.actor.kind
            person = kind == "person" or (kind == "unknown" and tok.ent_type_ in _PERSON_LABELS)
            if not person and tok.pos_ not in ("PROPN", "NOUN"):
                return None  # "Russian" in "Russian officials" is not what "it" points back to
            ref = self.table.ref(m)
            return _Candidate(tok.i, ref, person, self._rank(tok), not person and self._speaking_name(tok, ref.text))
        if tok.ent_type_ in _PERSON_LABELS and tok.pos_ == "PROPN" and tok.ent_iob_ == "B":
            ent = self._ent_of[tok.i]
            ref = ActorRef(text=ent.text, name=ent.text, span=(ent.start_char, ent.end_char))
            return _Candidate(tok.i, ref, True, self._rank(tok))
        nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        if (tok.text in honorifics() and nxt is not None and nxt.pos_ == "PROPN" and self.table.at(nxt.i) is None
                and nxt.ent_type_ not in _PERSON_LABELS):
            # "Mr Hague" that the tagger missed: the title says it is a person.
            ref = ActorRef(text=f"{tok.text} {nxt.text}", name=nxt.text, span=(tok.idx, nxt.idx + len(nxt)))
            return _Candidate(tok.i, ref, True, self._rank(nxt))
        if tok.ent_type_ in _THING_LABELS and tok.ent_iob_ == "B" and tok.pos_ in ("PROPN", "NOUN"):
            ent = self._ent_of[tok.i]
            ref = ActorRef(text=ent.text, name=ent.text, span=(ent.start_char, ent.end_char))
            return _Candidate(tok.i, ref, False, min(self._rank(t) for t in ent), self._speaking_name(tok, ent.text))
        return None

    def _speaking_name(self, tok: Token, text: str) -> bool:
        """A name written like a person's ("Sasse", "Petra Novak", not "NASA") that is the subject of
        a reporting verb: "he" or "she" may well point back to it even if the tagger said organisation."""
        words = text.split()
        if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
            return False
        head = tok
        while head.dep_ in ("compound", "flat") and head.head is not head:
            head = head.head
        return head.dep_ == "nsubj" and self.speaks(head.head)

    @staticmethod
    def _rank(tok: Token) -> int:
        """0 when the token heads or sits in its clause's subject, 2 in a possessor, else 1."""
        t = tok
        for _ in range(4):
            if t.dep_ in ("nsubj", "nsubjpass"):
                return 0
            if t.dep_ == "poss":
                return 2
            if t.dep_ not in ("compound", "appos", "flat", "amod", "nmod", "det") or t.head is t:
                return 1
            t = t.head
        return 1

    def _antecedent(self, tok: Token, sent_n: int, current: list[_Candidate], refers: str) -> ActorRef | None:
        """The most salient earlier candidate of the right sort: a subject before an object before a possessor."""
        kinds = [True] if refers == "person" else [False] if refers == "thing" else [False, True]
        for want_person in kinds:
            # The same sentence first ("Mr Putin told his cabinet he ..."), nearest first.
            same = [c for c in current if self._fits(c, want_person) and c.i < tok.i]
            if same:
                return min(same, key=lambda c: (c.rank, -c.i)).ref
            # Then the last few sentences with words of the reporter's own, leftmost first.
            window: list[tuple[int, int, _Candidate]] = []
            looked = 0
            for n in range(sent_n - 1, -1, -1):
                if not any(not self.quoted(t.i) and not t.is_punct and not t.is_space for t in self._sents[n]):
                    continue  # a sentence wholly inside quotation marks names no antecedent
                looked += 1
                window += [(c.rank, looked, c) for c in self._by_sent[n] if self._fits(c, want_person)]
                if looked >= _LOOKBACK:
                    break
            if window:
                return min(window, key=lambda w: (w[0], w[1], w[2].i))[2].ref
        if refers == "person":
            return self._mislabelled_person(sent_n)
        return None

    @staticmethod
    def _fits(c: _Candidate, want_person: bool) -> bool:
        return c.person or c.speaker_like if want_person else not c.person

    def _mislabelled_person(self, sent_n: int) -> ActorRef | None:
        """With no person in sight, "he" or "she" most likely means a name the tagger took for an
        organisation ("Petra Novak" as ORG): the nearest subject written like a personal name."""
        for n in range(sent_n - 1, max(-1, sent_n - 1 - _LOOKBACK), -1):
            for c in self._by_sent[n]:
                words = c.ref.text.split()
                if (c.rank == 0 and not c.person and self.doc[c.i].ent_type_ == "ORG" and 2 <= len(words) <= 3
                        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)):
                    return c.ref
        return None
