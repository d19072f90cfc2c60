"""Reading a trigger in its sentence: the frames above it, who did it to whom, and its modality.

Starting from the trigger's own code (verbs.tsv, nouns.tsv), the reader climbs the parse through the words
that govern it. Each frame word (frames.tsv) may change the code (frame_codes.tsv: "threatened sanctions"
1312, "urged X to negotiate" 026), name the source and target, and add negation or hypotheticality.
Speech verbs end the climb: the event inside "X said Y would ..." belongs to Y, and when Y is X himself
("said it would free the prisoners") it is his commitment, coded as an intention, refusal or threat.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from ..models import ActorRef
from .lexicon import Frame, Lexicon, Pattern
from .match import Match, loose_particles
from .roles import Actors, Who
from .syntax import (
    agent,
    copula_head,
    dative,
    direct_object,
    governor,
    has_expletive,
    is_passive,
    lemmas,
    particle,
    prep_objects,
    subject,
    within_clause,
)

_CODE_FRAMES = frozenset({"intent", "appeal", "demand", "threat", "reject", "halt", "ease", "attempt", "accuse",
                          "criticize", "praise", "withhold"})
_FUTURE_FRAMES = frozenset({"intent", "appeal", "demand", "threat"})
_STOP_FRAMES = frozenset({"report", "claim", "hypo"})
_OWN_SLOTS = ("poss", "mod", "prep:by", "prep:from", "prep:of")


@dataclass
class Step:
    """One frame applied on the way up: the frame row, the word it fired on, and its result."""

    frame: Frame
    word: Token
    result: str


@dataclass
class Cues:
    neg: bool = False
    modal: bool = False
    future: bool = False
    cond: bool = False


@dataclass
class Reading:
    """A trigger read in context. ``dropped`` says why it gives no event."""

    trigger: Token
    pattern: Pattern
    code: str
    src_order: list[str] = field(default_factory=list)
    src_slots: dict[str, list[Who]] = field(default_factory=dict)
    src_fixed: list[Who] | None = None
    tgt_order: list[str] = field(default_factory=list)
    tgt_slots: dict[str, list[Who]] = field(default_factory=dict)
    tgt_fixed: list[Who] | None = None
    neg: bool = False
    hypo: bool = False
    modal: bool = False
    cond: bool = False
    future: bool = False
    steps: list[Step] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)
    speaker: list[Who] = field(default_factory=list)
    pron: Token | None = None
    dropped: str | None = None
    derived: list[Reading] = field(default_factory=list)  # further events the context gives (an accusation)
    origin: Reading | None = None  # for a derived reading, the reading it came from

    @property
    def sources(self) -> list[Who]:
        if self.src_fixed is not None:
            return self.src_fixed
        for slot in self.src_order:
            if self.src_slots.get(slot):
                return self.src_slots[slot]
        return []

    @property
    def targets(self) -> list[Who]:
        keys = {w.key for w in self.sources}
        if self.tgt_fixed is not None:
            return [w for w in self.tgt_fixed if w.key not in keys]
        for slot in self.tgt_order:
            if slot == "none":
                return []
            whos = [w for w in self.tgt_slots.get(slot, []) if w.key not in keys]
            if whos:
                return whos
        return []

    @property
    def modality(self) -> str:
        if self.neg:
            return "negated"
        if self.hypo:
            return "hypothetical"
        return "asserted"

    @property
    def rule(self) -> str:
        """The lexicon rows that fired, outermost frame first: "intent:expect>meet.1"."""
        parts = [s.frame.id if s.result == "=" else f"{s.frame.id}:{s.result.removesuffix(':=')}"
                 for s in reversed(self.steps) if s.frame.frame != "report" or s.result != "="]
        return ">".join([*parts, self.pattern.id])

    @property
    def words(self) -> list[Token]:
        """The trigger and the frame words above it that are part of the event (not the speech verb)."""
        return [self.trigger] + [s.word for s in self.steps if s.frame.frame not in _STOP_FRAMES]


def cues(word: Token, lex: Lexicon) -> Cues:
    """Negation, modal, future and conditional cues on a word (and on its copula, for adjectives)."""
    c = Cues()
    holders = [word]
    head = copula_head(word)
    if head is not word:
        holders.append(head)
    for w in holders:
        for ch in w.children:
            low = ch.lower_
            if ch.dep_ == "neg" or (ch.dep_ == "det" and low in lex.cue("negation_det")):
                c.neg = True
            elif ch.dep_ in ("aux", "auxpass"):
                c.modal |= low in lex.cue("hypothetical")
                c.future |= low in lex.cue("future")
            elif (ch.dep_ == "mark" and low in lex.cue("conditional")) or (
                    ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.cue("conditional") for m in ch.children)):
                c.cond = True  # "if it did nothing", or the event inside an if-clause
    # "without meeting", "instead of attending"
    if word.dep_ in ("pcomp", "pobj") and word.head.lower_ in lex.cue("without"):
        c.neg = True
    return c


def _own_source(tok: Token, slot: str, actors: Actors) -> list[Who]:
    if slot == "poss":
        return [w for c in tok.children if c.dep_ == "poss" for w in actors.phrase(c)]
    if slot == "mod":
        return [w for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") for w in actors.phrase(c)]
    if slot.startswith("prep:"):
        return [w for o in prep_objects(tok, slot[5:]) for w in actors.phrase(o)]
    return []


def _targets_of(tok: Token, slot: str, actors: Actors, pos: str) -> list[Who]:
    if slot == "obj":
        return actors.phrase(direct_object(tok)) if pos == "VERB" else []
    if slot == "iobj":
        return actors.phrase(dative(tok))
    if slot == "ccomp":
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        return actors.phrase(subject(comp)) if comp is not None else []
    if slot in ("mod", "poss"):
        return _own_source(tok, slot, actors)
    if slot == "subj":
        return actors.phrase(subject(tok))
    if slot.startswith("prep:"):
        prep = slot[5:]
        found = prep_objects(tok, prep)
        for lp in tok.children:  # "pulled out of Kherson": "of" hangs off the particle-like "out"
            if lp.dep_ == "prep" and not any(o.dep_ == "pobj" for o in lp.children):
                found += prep_objects(lp, prep)
        obj = direct_object(tok) if pos == "VERB" else None
        for base in [obj] if obj is not None else []:
            found += prep_objects(base, prep)
        # deeper inside the object phrase: "11bn euros of financial support to Ukraine"
        base_phrase = obj if obj is not None else tok
        for t in within_clause(base_phrase):
            if t is not base_phrase and t is not tok:
                found += prep_objects(t, prep)
        return [w for o in dict.fromkeys(found) for w in actors.phrase(o)]
    return []


def start(m: Match, lex: Lexicon, actors: Actors) -> Reading:
    """The trigger's own reading, before any frame."""
    tok, p = m.token, m.pattern
    assert p is not None
    r = Reading(trigger=tok, pattern=p, code=p.code)
    c = cues(tok, lex)
    r.neg, r.modal, r.cond, r.future = c.neg, c.modal, c.cond, c.future or c.modal
    # "threatened China with tariffs if it did not ...": the condition is what makes it a threat, not a hypothesis
    r.hypo = c.modal or (c.cond and p.code[:2] != "13")
    if p.pos == "VERB":
        passive = is_passive(tok)
        doer = agent(tok) if passive else subject(tok)
        r.src_order = ["subj", "gov"]
        # a by-phrase names the doer only if its head is an actor ("killed by the crash of a Malaysia Airlines jet" does not)
        r.src_slots["subj"] = actors.head(doer, strict=True) if passive else actors.phrase(doer)
        if doer is not None and doer.lemma_.lower() in lex.cue("mishap_noun"):
            # "victims killed by the Malaysia Airlines crash", "the quake destroyed homes": a mishap has no
            # doer, whatever actor names it, so the act codes no event.
            r.src_slots["subj"] = []
            r.dropped = f"the doer is a mishap ('{doer.text}'), not an actor"
        if not r.src_slots["subj"] and doer is not None and doer.lemma_.lower() in lex.cue("document_noun"):
            r.src_slots["subj"] = _publisher(doer, lex, actors)
        if actors.is_pronoun(doer):
            r.pron = doer
        if is_passive(tok) and doer is None:
            r.src_slots["subj"] = _passive_doer(tok, p, lex, actors) or _implied_doer(tok, p, lex)
        elif passive and not r.src_slots["subj"] and doer is not None:
            r.src_slots["subj"] = _weapon_user(doer, lex, actors)
    else:
        r.src_order = list(p.source)
        for slot in p.source:
            if slot == "subj":
                doer = subject(tok)
                r.src_slots[slot] = actors.phrase(doer)
                if actors.is_pronoun(doer):
                    r.pron = doer
            elif slot not in ("gov", "speaker"):
                r.src_slots[slot] = _own_source(tok, slot, actors)
    r.tgt_order = list(p.target)
    for slot in p.target:
        if slot not in ("govobj", "loc", "none"):
            r.tgt_slots[slot] = _targets_of(tok, slot, actors, p.pos)
    if m.object_token is not None:
        r.consumed.add(m.object_token.i)
    if p.flags & {"negonly", "negfuture"}:
        r.neg = r.hypo = r.modal = False  # the negation (and modal) are part of the pattern: "will not tolerate"
    return r


def _publisher(doc_noun: Token, lex: Lexicon, actors: Actors) -> list[Who]:
    """Who speaks through a document ("a report by Amnesty alleged ...", "the ministry's statement said"): the
    actor it names as its author. The place a report was released in is not its author ("a report released in
    London" may come from anyone), so a document with no named author speaks for no one."""
    for slot in ("prep:by", "poss", "mod", "prep:from"):
        whos = _own_source(doc_noun, slot, actors)
        if whos:
            return whos
    return []


def _implied_doer(tok: Token, p: Pattern, lex: Lexicon) -> list[Who]:
    """The usual agent of an act whose passive names none: "were arrested" (---COP), "was charged" (---JUD)."""
    role = lex.implied_source(tok.lemma_.lower(), p.code)
    # only a finite passive reports the act; "a member of Hamas jailed a year ago" tells of the past in passing
    if role is None or not p.code[:1].isdigit() or not any(c.dep_ == "auxpass" for c in tok.children):
        return []
    ref = ActorRef(text=f"(unnamed {role})", code=f"---{role}", sector=role)
    return [Who(ref, tok.i, "implied", tok.i + 1)]


def _weapon_user(weapon: Token, lex: Lexicon, actors: Actors) -> list[Who]:
    """Who used the weapon a passive names as its doer: "blown up by a missile believed to be fired by rebels"."""
    if weapon.lemma_.lower() not in lex.classes.get("weapon", frozenset()):
        return []
    for t in weapon.subtree:
        if t.dep_ == "agent" and t.head.i != weapon.head.i:
            for o in t.children:
                whos = [w for w in actors.phrase(o) if w.coded] if o.dep_ == "pobj" else []
                if whos:
                    return whos
    return []


def _passive_doer(tok: Token, p: Pattern, lex: Lexicon, actors: Actors) -> list[Who]:
    """The doer of a passive without a by-phrase: "killed in an air strike by government forces",
    "killed in Israeli shelling"; for rows flagged fromsource, "a mortar was fired at it from Gaza"."""
    armed = lex.classes.get("weapon", frozenset()) | lex.classes.get("troops", frozenset())
    for prep in lex.cue("attack_prep"):
        for n in prep_objects(tok, prep):
            # The parser often ends the phrase early: "killed in [Israeli tank] fire", "killed in [Israeli]
            # shelling". A weapon or unit that is a coded actor, or a nationality (never where something
            # happened), then names who did it.
            if (n.lemma_.lower() in armed or n.ent_type_ == "NORP") and (
                    whos := [w for w in actors.phrase(n) if w.coded]):
                return whos
            if n.pos_ == "NOUN" and lex.patterns_for("NOUN", [n.lemma_.lower()]):
                for slot in ("prep:by", "mod", "poss"):
                    whos = _own_source(n, slot, actors)
                    if whos:
                        return whos
    if "fromsource" in p.flags:
        for o in prep_objects(tok, "from"):
            whos = actors.phrase(o) or actors.place(o)
            if whos:
                return whos
    return []


def _frame_candidates(word: Token, via: str, lex: Lexicon) -> list[Frame]:
    pos = "ADJ" if word.pos_ == "ADJ" else "NOUN" if word.pos_ in ("NOUN", "PROPN") else "VERB"
    prt = particle(word) if pos == "VERB" else ""
    loose = {c.lower_ for c in loose_particles(word, lex)} if pos == "VERB" and not prt else set()
    out = []
    cands = lemmas(word) if pos == "VERB" else [word.lemma_.lower()]
    found = next((c for c in cands if lex.frames_for(c, pos)), word.lemma_.lower())
    for f in lex.frames_for(found, pos):
        if via not in f.via:
            continue
        if f.particle != prt and f.particle not in loose:
            continue
        if "expl" in f.flags and not has_expletive(word):
            continue
        out.append(f)
    return out


def _subject_whos(word: Token, actors: Actors) -> tuple[list[Who], Token | None]:
    """The doer of a frame word: its subject, or the by-phrase of a passive; and the token, for pronouns."""
    if word.pos_ in ("NOUN", "PROPN"):
        for slot in _OWN_SLOTS[:4]:
            whos = _own_source(word, slot, actors)
            if whos:
                return whos, None
        return [], None
    doer = agent(word) if is_passive(word) and agent(word) is not None else subject(word)
    return actors.phrase(doer), doer


def _self(r: Reading, speaker: list[Who], lex: Lexicon | None = None) -> bool:
    """Is the reported event the speaker's own? Same actor, the same coded actor (a minister for his government),
    or a state body speaking for its own state ("Central Command said the United States launched ...")."""
    if r.pron is not None and not r.sources:
        return True
    keys = {w.key for w in speaker}
    codes = {w.ref.code for w in speaker if w.ref.code and not w.ref.code.startswith("---")}
    state = lex.cue("state_sector") if lex is not None else frozenset()
    countries = {w.ref.country for w in speaker if w.ref.country and (w.ref.sector or "").lower() in state}
    return any(w.key in keys or w.ref.code in codes or (w.ref.country in countries and not w.ref.sector)
               for w in r.sources)


def _apply_result(r: Reading, res: str | None) -> bool:
    """Apply a frame_codes result; False when the event is dropped."""
    if res in (None, "drop"):
        return False
    if res == "neg":
        r.neg = True
    elif res == "hypo":
        r.hypo = True
    elif res != "=":
        r.code = res
        r.neg = r.hypo = r.cond = r.modal = False  # the frame is the act: its complement's cues are its content
    return True


def climb(r: Reading, lex: Lexicon, actors: Actors) -> None:
    """Apply the frames governing the trigger, innermost first."""
    cur = copula_head(r.trigger) if r.pattern.pos == "ADJ" else r.trigger
    for _ in range(8):
        g = governor(cur)
        if g is None:
            break
        word, via = g
        frames = _frame_candidates(word, via, lex)
        if not frames:
            break
        if not _step(r, word, frames, lex, actors):
            return
        cur = copula_head(word) if word.pos_ == "ADJ" else word
        if r.steps[-1].frame.frame in _STOP_FRAMES:
            break
    if r.pattern.pos == "NOUN" and not r.steps and r.trigger.dep_ != "ROOT":
        r.dropped = "event noun with no support or frame word governing it"


def _step(r: Reading, word: Token, frames: list[Frame], lex: Lexicon, actors: Actors) -> bool:
    kind = frames[0].frame
    frames = [f for f in frames if f.frame == kind or (kind in _CODE_FRAMES and f.frame in _CODE_FRAMES)]
    subj, subj_tok = _subject_whos(word, actors)
    comp = r.steps[-1].word if r.steps else r.trigger
    if kind == "report":
        r.steps.append(Step(frames[0], word, "="))
        _report(r, subj, lex)
        return r.dropped is None
    if kind == "claim":
        r.steps.append(Step(frames[0], word, "="))
        _claim(r, subj, lex)
        return True
    if kind == "reverse":
        own = next((r.src_slots[s] for s in r.src_order if s not in ("gov", "subj") and r.src_slots.get(s)), [])
        if not own:  # "received weapons from the government": the sender hangs off the verb
            own = [w for prep in ("from", "by") for o in prep_objects(word, prep) for w in actors.phrase(o)]
        if not own:
            r.dropped = f"'{word.text}' reverses the roles but names no sender"
            return False
        r.steps.append(Step(frames[0], word, "="))
        r.src_fixed, r.tgt_fixed = own, subj
        r.consumed.add(word.i)
        _word_cues(r, word, frames[0], lex)
        return True
    if kind == "pass":
        r.steps.append(Step(frames[0], word, "="))
        if subj and "gov" not in r.src_slots:
            r.src_slots["gov"] = subj
        if not subj and subj_tok is not None and actors.is_pronoun(subj_tok) and r.pron is None:
            r.pron = subj_tok
        obj = direct_object(word)
        govobj = actors.phrase(dative(word)) + (actors.phrase(obj) if obj is not None and obj is not comp else [])
        _governor_targets(r, word, actors)
        if govobj and "govobj" not in r.tgt_slots:
            r.tgt_slots["govobj"] = govobj
            if "govobj" not in r.tgt_order:
                r.tgt_order.append("govobj")
        r.consumed.add(word.i)
        _word_cues(r, word, frames[0], lex)
        return True
    if kind == "hypo":
        r.steps.append(Step(frames[0], word, "hypo"))
        r.hypo = True
        return True
    return _code_frame(r, word, frames, subj, subj_tok, lex, actors)


def _code_frame(r: Reading, word: Token, frames: list[Frame], subj: list[Who], subj_tok: Token | None,
                lex: Lexicon, actors: Actors) -> bool:
    comp_neg = r.neg
    chosen, res = frames[0], None
    for f in frames:  # "end sanctions" is easing, "end talks" a halt: the first frame with a result wins
        res = lex.frame_result(f.frame, r.code)
        if comp_neg and f.frame in ("appeal", "demand", "threat"):
            res = lex.frame_result(f.frame, "*")  # "urged X not to attack": the appeal itself
            r.neg = False
        if res not in (None, "drop"):
            chosen = f
            break
    r.steps.append(Step(chosen, word, res or "drop"))
    if chosen.frame in _FUTURE_FRAMES:
        r.hypo = r.modal = r.cond = False  # "warned of consequences if ...": the condition is part of the threat
    if not _apply_result(r, res):
        r.dropped = f"frame '{chosen.id}' gives no event for code {r.code}"
        return False
    changed = res not in ("=", "neg", "hypo")
    _governor_targets(r, word, actors)
    ctl = chosen.control
    if ctl == "subj" and changed and chosen.frame in ("demand", "appeal", "reject") and subj:
        # "insisted on the withdrawal of Israeli forces": the one asked to act is the target;
        # "rejected a South Korean proposal": the one whose proposal is turned down is the target
        own = next((r.src_slots[s] for s in r.src_order if s not in ("gov", "subj", "speaker") and r.src_slots.get(s)), [])
        # "demanded an apology from Britain": the one asked hangs off the frame word
        own = own or [w for o in prep_objects(word, "from") for w in actors.phrase(o)]
        if chosen.frame == "reject" and r.steps[:-1]:  # a proposal's author named by the proposal noun itself
            own = own or (r.src_fixed or [])
        keys = {w.key for w in subj}
        if own and not any(w.key in keys for w in own):
            r.tgt_fixed = own
    if ctl == "subj":
        if changed and subj:
            r.src_fixed = subj
        elif subj and "gov" not in r.src_slots:
            r.src_slots["gov"] = subj
        if not subj and actors.is_pronoun(subj_tok) and not r.sources:
            r.pron = subj_tok
    elif ctl == "obj":
        obj = direct_object(word)
        r.src_fixed = subj or r.src_fixed
        whos = actors.phrase(obj) if obj is not None and obj.i not in {r.trigger.i, *(s.word.i for s in r.steps)} else []
        if whos:
            r.tgt_fixed = whos
    elif ctl == "ccomp":
        inner = r.sources
        r.src_fixed = subj or r.src_fixed
        if inner:
            r.tgt_fixed = inner
    elif ctl.startswith("prep:"):
        r.src_fixed = subj or r.src_fixed
        whos = [w for o in prep_objects(word, ctl[5:]) for w in actors.phrase(o)]
        if whos:
            r.tgt_fixed = whos
    elif ctl == "gov" and subj:
        r.src_fixed = subj
    if chosen.frame in _FUTURE_FRAMES:
        r.future = True
    if chosen.frame in _CODE_FRAMES:
        r.consumed.add(word.i)
    if chosen.frame == "negate":
        r.neg = True
    _word_cues(r, word, chosen, lex)
    return True


def _governor_targets(r: Reading, word: Token, actors: Actors) -> None:
    """Prepositional targets an event noun leaves to its verb: "sent aid to Haiti" ("to Haiti" hangs off sent)."""
    if r.pattern.pos != "NOUN" or word.pos_ not in ("VERB", "AUX", "ADJ"):
        return
    for slot in r.tgt_order:
        if slot.startswith("prep:") and not r.tgt_slots.get(slot):
            whos = [w for o in prep_objects(word, slot[5:]) for w in actors.phrase(o)]
            if whos:
                r.tgt_slots[slot] = whos


def _word_cues(r: Reading, word: Token, frame: Frame, lex: Lexicon) -> None:
    c = cues(word, lex)
    r.neg |= c.neg
    if frame.frame == "threat":
        c.cond = False  # "warned X of consequences if ...": the condition is what makes it a threat
    if "modal_ok" not in frame.flags:
        r.modal |= c.modal
        r.hypo |= c.modal or c.cond
    r.cond |= c.cond
    r.future |= c.future or c.modal


def _report(r: Reading, speaker: list[Who], lex: Lexicon) -> None:
    """A speech verb: the reported event keeps its own source; "I/he/it" reporting his own act commits him."""
    r.speaker = speaker
    if not r.sources and speaker and (r.pron is not None or "speaker" in r.src_order):
        r.src_fixed = speaker
    if not speaker:
        return
    if not (r.modal or r.future or r.neg or r.hypo):
        _report_violence(r, speaker, lex)
    if not (r.modal or r.future) or not _self(r, speaker, lex):
        return
    table = ("withhold" if r.cond else "reject") if r.neg else "intent"
    res = lex.frame_result(table, r.code)
    if res in (None, "drop"):
        return
    r.steps[-1] = Step(r.steps[-1].frame, r.steps[-1].word, f"{table}:{res}")
    r.future = True
    was_neg = r.neg
    _apply_result(r, res)
    if res == "=":
        r.hypo = r.modal = r.cond = False  # "said it will condemn": the speaker's stated act
        r.neg = was_neg
    elif res != "neg" and res != "hypo":
        r.neg = False


def _report_violence(r: Reading, speaker: list[Who], lex: Lexicon) -> None:
    """A party reporting violence: by itself, a claim of responsibility (015); by another, an accusation (112).
    The reported event stays; news media reporting are not a party."""
    observers = tuple(s.upper() for s in lex.cue("observer_sector"))
    if not r.sources or any(not w.ref.country or (w.ref.sector or "").upper() in observers
                            or (w.ref.code or "").endswith(observers) for w in speaker):
        return  # news media, and unnamed "officials", report; they are not a party
    if _self(r, speaker, lex):
        return
    table = "report_other"
    res = lex.frame_result(table, r.code)
    if res in (None, "drop", "=", "neg", "hypo"):
        return
    d = replace(r, code=res, src_fixed=list(speaker), tgt_fixed=list(r.sources), origin=r,
                steps=[*r.steps[:-1], Step(r.steps[-1].frame, r.steps[-1].word, f"{table}:{res}")],
                consumed=set(), derived=[], src_slots=dict(r.src_slots), tgt_slots=dict(r.tgt_slots))
    r.derived.append(d)


def _claim(r: Reading, speaker: list[Who], lex: Lexicon) -> None:
    """claim/allege: "claimed that we attacked" is responsibility (015); "that they attacked" an accusation (112)."""
    r.speaker = speaker
    if not speaker:
        return
    own = _self(r, speaker, lex)
    res = lex.frame_result("claim_self" if own else "claim_other", r.code)
    if res in (None, "drop", "=", "neg", "hypo"):
        return
    accused = r.sources
    r.code = res
    r.neg = r.hypo = r.modal = r.cond = False
    r.src_fixed = speaker
    if not own:
        r.tgt_fixed = accused
    r.steps[-1] = Step(r.steps[-1].frame, r.steps[-1].word, res)
    r.consumed.add(r.steps[-1].word.i)
