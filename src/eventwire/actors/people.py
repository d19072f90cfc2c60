"""Within-document resolution: surnames to full names, pronouns to their actors.

News names a person in full once ("Russian Foreign Minister Sergei Lavrov"), then by surname
("Mr Lavrov", "Lavrov") and pronoun ("he"). A surname goes to the most recently mentioned person
of that name whose gender (from Mr/Mrs/Ms or an earlier "he"/"she") does not conflict, so two
people sharing a surname stay two actors. A subject pronoun goes to the subject of the clause it
is reported in ("Mr Putin told his cabinet he ...") or else to the most recent compatible actor,
subjects first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..models import Actor
from .lexicon import Lexicon
from .table import ActorTable, Mention

PRONOUN_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis", "acl", "pcomp"}
WINDOW = {"person": 8, "thing": 2, "group": 2}  # sentences back to look for an antecedent


@dataclass
class PersonRec:
    actor: Actor
    words: list[str]
    gender: str = ""
    titles: set[str] = field(default_factory=set)
    last: int = 0  # token index of the latest mention


def name_words(text: str, lex: Lexicon) -> list[str]:
    """'Mrs Angela Merkel' -> ['angela', 'merkel']."""
    words = [w.strip(".,'’").lower() for w in text.split()]
    return [w for w in words if w and w not in lex.honorifics]


class PersonLinker:
    """The people of one document, found again by full name or surname."""

    def __init__(self) -> None:
        self.people: list[PersonRec] = []
        self.ambiguous = False  # the last surname lookup had several people to choose from

    def find(self, words: list[str], gender: str) -> PersonRec | None:
        """The person these name words refer to, or None for someone new."""
        self.ambiguous = False
        if not words:
            return None
        if len(words) >= 2:
            same = [p for p in self.people if p.words == words]
            if same:
                return same[-1]
            # "Lavrov" seen first, "Sergei Lavrov" now: the same person, now with a full name.
            short = [p for p in self.people if len(p.words) == 1 and p.words[0] == words[-1] and _fits(p, gender)]
            return max(short, key=lambda p: p.last) if short else None
        w = words[0]
        # surname, then family-name-first; a "person" whose name had no words ("." tagged PERSON) never matches
        for pick in (lambda p: p.words[-1:] == [w], lambda p: p.words[:1] == [w]):
            cands = [p for p in self.people if pick(p) and _fits(p, gender)]
            if cands:
                self.ambiguous = len(cands) > 1
                return max(cands, key=lambda p: p.last)
        return None

    def by_title(self, title: str, country: str | None) -> PersonRec | None:
        """'the foreign minister': the latest person given that title (and that country, if said)."""
        cands = [p for p in self.people if title in p.titles
                 and (country is None or (p.actor.code or "").startswith(country))]
        return max(cands, key=lambda p: p.last) if cands else None

    def add(self, actor: Actor, words: list[str], gender: str, at: int) -> PersonRec:
        rec = PersonRec(actor, words, gender, set(), at)
        self.people.append(rec)
        return rec

    def of(self, actor: Actor) -> PersonRec | None:
        return next((p for p in self.people if p.actor is actor), None)


def _fits(p: PersonRec, gender: str) -> bool:
    return not gender or gender == "-" or not p.gender or p.gender == "-" or p.gender == gender


def _compatible(doc: Doc, m: Mention, kind: str, gender: str, linker: PersonLinker,
                table: ActorTable | None = None) -> bool:
    actor = m.actor
    if kind == "person":
        rec = linker.of(actor)
        return actor.kind == "person" and (rec is None or _fits(rec, gender))
    if actor.kind in ("country", "organisation"):
        return True
    if kind == "group" and actor.kind == "person":
        # "Obama and Putin ... they", "the two leaders ... they": people standing together.
        return table is not None and (m.rule == "pair" or len(_together(table, m)) > 1)
    if actor.kind != "group" or not actor.code:
        return False
    # "the regime ... it", "the rebels ... they": a group's number is its head noun's.
    plural = doc[m.end - 1].tag_ in ("NNS", "NNPS")
    return plural if kind == "group" else not plural


def _together(table: ActorTable, m: Mention) -> list[Mention]:
    """The people standing with ``m``: a pair it names, or those it is coordinated with ("X and Y")."""
    out = [x for x in table.all_at(m.start) if x.actor.kind == "person"]
    for i in range(m.start, m.end):
        for c in table.doc[i].conjuncts:
            other = table.at(c.i)
            if other is not None and other.actor.kind == "person" and all(other.actor is not o.actor for o in out):
                out.append(other)
    return out


def _expletive(tok: Token) -> bool:
    """'it is important to ...', 'it was unclear whether ...': an 'it' that stands for nothing."""
    verb = tok.head
    kids = {c.dep_ for c in verb.children}
    if verb.lemma_ in ("be", "seem", "appear", "become", "remain", "look", "take", "rain", "snow"):
        return bool(kids & {"acomp", "attr", "ccomp", "xcomp", "advcl", "csubj"}) or verb.lemma_ in ("rain", "snow")
    return tok.dep_ == "expl"


def _governing_subjects(tok: Token, table: ActorTable) -> list[Mention]:
    """Mentions that are subjects of the clause a pronoun's clause is reported in."""
    verb = tok.head
    for _ in range(4):
        if verb.dep_ not in CLAUSE_DEPS or verb.head.i == verb.i:
            return []
        verb = verb.head
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
        if subj:
            m = table.at(subj[0].i)
            if m is None:
                return []
            out = [m]
            for c in subj[0].conjuncts:
                mc = table.at(c.i)
                if mc is not None and mc.actor is not m.actor:
                    out.append(mc)
            return out
    return []


def _pair_phrase(tok: Token, lex: Lexicon) -> bool:
    """'the two leaders', 'both men', 'the pair': a phrase meaning two people named before."""
    kids = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "quantmod")}
    if lex.cue("pair_noun", tok.lower_):
        return "the" in kids
    return tok.tag_ == "NNS" and lex.cue("pair_head", tok.lower_) and any(lex.cue("pair_word", k) for k in kids)


def resolve_pairs(doc: Doc, table: ActorTable, lex: Lexicon, sents_back: int = 2) -> None:
    """Link 'the two leaders', 'both men', 'the pair' to the last two people named (``all_at`` gives both).

    Only a phrase with no country of its own ("the two Russian ministers" are others) and only
    when two different people were named in its sentence or the ``sents_back`` before it.
    """
    sents = list(doc.sents)
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or not _pair_phrase(tok, lex):
            continue
        old = table.at(tok.i)
        if old is not None and (old.actor.kind == "person" or (old.actor.code and not old.actor.code.startswith("---"))):
            continue
        n = next(k for k, s in enumerate(sents) if s.start <= tok.i < s.end)
        lo = sents[max(0, n - sents_back)].start
        people: list[Actor] = []
        for m in sorted(table.mentions, key=lambda m: -m.start):
            if lo <= m.start and m.end <= tok.left_edge.i and m.actor.kind == "person" and m.actor not in people:
                people.append(m.actor)
        if len(people) < 2:
            continue
        people = sorted(people[:2], key=lambda a: min(a.mentions) if a.mentions else (0, 0), reverse=True)
        start, end = (old.start, old.end) if old is not None else (tok.left_edge.i, tok.i + 1)
        if old is not None:
            table.remove(old)
        table.add_tokens(start, end, people[1], rule="pair")  # the earlier-named one first
        table.add_also(start, end, people[0], rule="pair")


def resolve_pronouns(doc: Doc, table: ActorTable, lex: Lexicon, linker: PersonLinker) -> None:
    """Add a mention for each subject or object pronoun whose antecedent is found."""
    sents = list(doc.sents)
    sent_of = {t.i: n for n, s in enumerate(sents) for t in s}
    by_sent: dict[int, list[Mention]] = {}
    for m in sorted(table.mentions, key=lambda m: m.start):
        by_sent.setdefault(sent_of.get(m.start, 0), []).append(m)
    for tok in doc:
        info = lex.pronouns.get(tok.lower_)
        if info is None or tok.dep_ not in PRONOUN_DEPS or table.at(tok.i) is not None:
            continue
        kind, gender, _number = info
        if kind == "thing" and (tok.dep_ not in ("nsubj", "nsubjpass") or _expletive(tok)):
            continue
        found = _antecedents(tok, kind, gender, table, linker, sents, sent_of, by_sent)
        if not found:
            continue
        if kind == "group" and len(found) == 1 and found[0].actor.kind == "person":
            found = _together(table, found[0]) or found  # "they": both of "the two leaders"
        m = table.add_tokens(tok.i, tok.i + 1, found[0].actor, rule="pronoun")
        by_sent.setdefault(sent_of.get(tok.i, 0), []).append(m)
        for extra in found[1:]:
            table.add_also(tok.i, tok.i + 1, extra.actor, rule="pronoun")
        rec = linker.of(found[0].actor)
        if rec is not None and rec.gender in ("", "-") and gender in ("m", "f"):
            rec.gender = gender  # "he" tells us the gender for later "she"/"Mrs" decisions
        if rec is not None:
            rec.last = tok.i


def _antecedents(tok: Token, kind: str, gender: str, table: ActorTable, linker: PersonLinker,
                 sents: list, sent_of: dict[int, int], by_sent: dict[int, list[Mention]]) -> list[Mention]:  # type: ignore[type-arg]
    gov = _governing_subjects(tok, table)
    if kind == "group" and len(gov) > 1:
        return gov  # "Obama and Putin said they ...": both
    gov = [m for m in gov if _compatible(table.doc, m, kind, gender, linker, table)]
    if gov:
        return gov[:1]
    here = sent_of.get(tok.i, 0)
    window = range(here, max(-1, here - WINDOW[kind] - 1), -1)
    own = {c.i for c in tok.head.children}
    later: list[Mention] = []
    for n in window:
        cands = [m for m in by_sent.get(n, []) if (n < here or m.end <= tok.i)
                 and _compatible(table.doc, m, kind, gender, linker, table)]
        if n == here:
            # Not the object of the pronoun's own verb: "Obama told Putin he ..." keeps "he" for Obama.
            cands = [m for m in cands if _is_subject(table.doc, m) or not any(i in own for i in range(m.start, m.end))]
        subjects = sorted((m for m in cands if _is_subject(table.doc, m)), key=lambda m: -m.start if n == here else m.start)
        if subjects:
            return [subjects[0]]
        later.extend(sorted(cands, key=lambda m: -m.start))
    # No subject in reach: the nearest compatible mention of any kind.
    return later[:1]


def _is_subject(doc: Doc, m: Mention) -> bool:
    return any(doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(m.start, m.end))
