"""Choosing the lexicon pattern that fits a trigger word in its context.

A trigger is a verb, or a noun, whose lemma heads rows of verbs.tsv or nouns.tsv. Each row's constraints
(particle, preposition, object, governor, flags) are checked against the parse; of the rows that fit, the
most specific wins. The rows that did not fit say why, for ``eventwire explain``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Lexicon, Pattern
from .roles import Actors
from .syntax import (
    agent,
    direct_object,
    governor,
    is_passive,
    lemmas,
    particle,
    phrase_keys,
    prep_children,
    prep_objects,
    subject,
    within_clause,
    word_keys,
)


@dataclass
class Match:
    """The pattern chosen for a trigger (or None) and why the other candidate rows failed."""

    token: Token
    pattern: Pattern | None
    object_token: Token | None = None  # the word the pattern's object constraint matched
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (pattern id, reason)


def trigger_pos(tok: Token) -> str | None:
    if tok.pos_ == "VERB":
        return "VERB"
    if tok.pos_ == "NOUN":
        return "NOUN"
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "attr", "ROOT"):
        return "ADJ"  # predicate adjectives only: "was illegal", not "an illegal act"
    return None


def _object_candidates(tok: Token, p: Pattern) -> list[Token]:
    """Words a pattern's object constraint is checked against: the object, then the objects of its prepositions."""
    cands: list[Token] = []
    obj = direct_object(tok) if p.pos == "VERB" else None
    if obj is not None:
        cands.append(obj)
    loose = [c for c in tok.children if c.dep_ == "prep" and not any(o.dep_ == "pobj" for o in c.children)]
    for prep in p.preps or {""}:
        if prep:
            cands += prep_objects(tok, prep)
            if obj is not None:
                cands += prep_objects(obj, prep)
            for lp in loose:  # "walked out of the talks": "of" hangs off "out"
                cands += prep_objects(lp, prep)
    if p.pos == "VERB":
        cands += [c for c in tok.children if c.dep_ in ("attr", "oprd", "acomp", "dative")]
        # "allowed aid convoys to enter": the subject of the verb's clause is what is allowed
        cands += [s for c in tok.children if c.dep_ in ("xcomp", "ccomp")
                  for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return cands


def through_quantity(tok: Token | None, lex: Lexicon) -> Token | None:
    """The noun a quantity stands for: "hundreds of protesters" -> protesters, "$500 million in aid" -> aid,
    "20 tonnes of relief supplies" -> supplies."""
    if tok is not None and tok.lemma_.lower() in lex.cue("quantity_noun"):
        for prep in ("of", "in"):
            for o in prep_objects(tok, prep):
                return o
    return tok


def is_money(tok: Token, lex: Lexicon) -> bool:
    """An amount of money ("$1 billion", "500 million euros"): matched as the word class key "money"."""
    if tok.ent_type_ == "MONEY":
        return True
    return any(c.lower_ in lex.cue("currency") for c in [tok, *tok.children])


def loose_particles(tok: Token, lex: Lexicon) -> list[Token]:
    """Particle words the parser read as an adverb or preposition: "stepped down" (advmod), "walked out of"
    (prep "out" holding "of"). They count only for rows that name them."""
    words = lex.cue("particle")
    return [c for c in tok.children if c.i > tok.i and c.lower_ in words and (
        c.dep_ == "advmod" or (c.dep_ == "prep" and not any(o.dep_ == "pobj" for o in c.children)))]


def _object_ok(tok: Token, p: Pattern, actors: Actors, lex: Lexicon) -> tuple[bool, Token | None]:
    for c0 in _object_candidates(tok, p):
        c = through_quantity(c0, lex) or c0
        # "welcomed Britain's decision": a decision or proposal stands for an act, not for its author
        if "@actor" in p.objects and (actors.head(c) or actors.place(c)) and not lex.frames_for(c.lemma_.lower(), "NOUN"):
            return True, c
        if set(phrase_keys(c)) & p.objects or ("money" in p.objects and is_money(c, lex)):
            return True, c
    return False, None


def _check(tok: Token, p: Pattern, actors: Actors, lex: Lexicon) -> tuple[str | None, Token | None]:
    """None when the pattern fits, else the reason it does not; and the object word it used."""
    keys = phrase_keys(tok) if p.pos == "NOUN" else word_keys(tok)
    if p.phrase not in keys:
        return f"needs the words '{p.phrase}'", None
    prt = particle(tok)
    loose = None if prt else next((c for c in loose_particles(tok, lex) if c.lower_ in p.particles), None)
    if prt not in p.particles and loose is None:
        return (f"needs particle '{'/'.join(sorted(p.particles - {''}))}'" if p.particles - {""}
                else f"the particle '{prt}' changes the meaning"), None
    if p.preps and "" not in p.preps:
        here = {c.lower_ for c in prep_children(tok)}
        if loose is not None:  # "walked out of the talks": "of" hangs off "out"
            here |= {c.lower_ for c in prep_children(loose)} | ({loose.lower_} if loose.dep_ == "prep" else set())
        obj = direct_object(tok)
        if obj is not None:
            here |= {c.lower_ for c in prep_children(obj)}
        if not here & p.preps:
            return f"needs preposition '{'/'.join(sorted(p.preps))}'", None
    obj_tok = None
    if p.objects:
        ok, obj_tok = _object_ok(tok, p, actors, lex)
        if not ok:
            obj = direct_object(tok)
            return f"needs object {p.object_spec} (object: '{obj.text if obj is not None else 'none'}')", None
    if p.governors:
        g = governor(tok)
        if g is None or not set(lemmas(g[0])) & p.governors:
            return f"needs governing word {'/'.join(sorted(p.governors))}", None
    if p.subjects:
        doer = (agent(tok) if is_passive(tok) else None) or subject(tok)
        if doer is None or not set(phrase_keys(doer)) & p.subjects:
            return f"needs subject {'/'.join(sorted(p.subjects)[:3])}", None
    flags = p.flags
    obj = through_quantity(direct_object(tok), lex) if p.pos == "VERB" else None
    if "active" in flags and is_passive(tok):
        return "active voice only", None
    if "passive" in flags and not is_passive(tok):
        return "passive voice only", None
    if "actorobj" in flags and not actors.head(obj):
        return "needs an actor as object", None
    persons = lex.classes.get("person", frozenset())
    # people named by nationality or group ("Tutsis", "Yazidis") count as persons
    if "objperson" in flags and not (obj is not None and (actors.head(obj) or set(phrase_keys(obj)) & persons
                                                          or obj.ent_type_ in ("NORP", "PERSON"))):
        return "needs a person or actor as object", None
    if "noobj" in flags and obj is not None and not is_passive(tok):
        return "only without an object", None
    if "notarget" in flags and any(c.lower_ in lex.cue("target_prep") and any(
            o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children) for c in prep_children(tok)):
        return "only without a target (\"at/on/into ...\")", None
    if "objrequired" in flags and obj is None:
        return "needs an object", None
    if "noxcomp" in flags and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return "not with a to-clause (a frame reads it)", None
    # "demanded that Germany pay reparations": the demand stands on its own when its clause codes nothing
    if "nocodedclause" in flags and any(
            c.dep_ in ("xcomp", "ccomp") and (cm := match(c, lex, actors)) is not None and cm.pattern is not None
            for c in tok.children):
        return "not with a coded clause (a frame reads it)", None
    if "negonly" in flags and not any(c.dep_ == "neg" for c in tok.children):
        return "only when negated", None
    if "negfuture" in flags and not (any(c.dep_ == "neg" for c in tok.children) and any(
            c.dep_ == "aux" and c.lower_ in lex.cue("hypothetical") | lex.cue("future") for c in tok.children)):
        return "only negated with will/can/would", None
    return None, obj_tok


def _origin_rank(p: Pattern) -> int:
    """eventwire's own rows before the converted dictionary's: where both fit, ours won on every dev set."""
    return 1 if p.origin == "eventwire" else 0


def match(tok: Token, lex: Lexicon, actors: Actors) -> Match | None:
    """The best pattern for ``tok``, or a Match with no pattern and the reasons; None if no row names the word."""
    pos = trigger_pos(tok)
    if pos is None:
        return None
    cands = lex.patterns_for(pos, word_keys(tok))
    if not cands and pos == "VERB" and tok.tag_ == "VBN" and (
            tok.dep_ in ("acomp", "oprd") or any(c.dep_ == "auxpass" for c in tok.children)):
        cands = lex.patterns_for("ADJ", [tok.lower_])  # "was deeply worried by": a participle as adjective
    if not cands:
        return None
    m = Match(tok, None)
    best: tuple[int, int, int] | None = None
    for n, p in enumerate(cands):
        why, obj_tok = _check(tok, p, actors, lex)
        if why is not None:
            m.rejected.append((p.id, why))
            continue
        rank = (_origin_rank(p), p.specificity, -n)
        if best is None or rank > best:
            best, m.pattern, m.object_token = rank, p, obj_tok
    return m


def clause_words(tok: Token) -> list[Token]:
    """The trigger's own phrase (for cue and place searches)."""
    return within_clause(tok)
