"""The CAMEO event coder: lexicon patterns on the dependency parse, read through their frames.

For each sentence: every verb or noun the lexicon knows is matched against its row constraints
(match.py), read upward through the frame words that govern it (compose.py), then turned into events
with a date (dates.py), a place (places.py) and provenance. Readings that another reading has used up
("threatened" inside "threatened sanctions") are dropped, and so are duplicates. Every trigger that
gives no event keeps a note saying why, for ``eventwire explain``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..actors import ActorTable
from ..models import ActorRef, Article, Event, Place, Quote
from ..tables import cameo_codes
from .compose import _CODE_FRAMES, Reading, climb, start
from .dates import event_date
from .lexicon import NULL_CODE, Lexicon, load_lexicon
from .match import match
from .places import Places
from .roles import Actors, Who
from .syntax import direct_object

# How many sentences back an event without a target may borrow the target of its source's previous event.
_INHERIT_WINDOW = 2


@dataclass
class Note:
    """Why a word gave no event (or which events it gave)."""

    token: int
    text: str
    lemma: str
    message: str


@dataclass
class Coded:
    """The events of one document with the readings and notes behind them."""

    events: list[Event] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    event_readings: list[Reading] = field(default_factory=list)  # parallel to events
    event_sentences: list[int] = field(default_factory=list)  # parallel to events


def _priority(r: Reading) -> tuple[int, int, int]:
    """Which of two readings that use each other up wins: a frame that changes the code ("threatened sanctions")
    over the frame word's own pattern, a specific pattern over a vague one, the reading that accounts for more
    words, then the simpler reading."""
    changes = sum(1 for s in r.steps if s.frame.frame in _CODE_FRAMES or s.result not in ("=", "hypo", "neg", "drop"))
    return r.pattern.specificity + 3 * changes, len(r.consumed), -len(r.steps)


class Coder:
    """Codes the events of one parsed document."""

    def __init__(self, doc: Doc, table: ActorTable, quotes: list[Quote], article: Article,
                 lexicon: Lexicon | None = None) -> None:
        self.doc = doc
        self.article = article
        self.lex = lexicon or load_lexicon()
        self.actors = Actors(doc, table, quotes, self.lex)
        self.places = Places(self.lex, self.actors)
        self.codes = cameo_codes()
        self.out = Coded()
        self.memory: dict[str, list[Who]] = {}  # event noun lemma -> its last targets ("the sanctions")

    def run(self) -> Coded:
        for n, sent in enumerate(self.doc.sents):
            if discard := self.actors.table.discarded(sent):  # sports, films ...: the discard list
                self._note(sent[0], discard)
                continue
            readings = self._read(sent)
            self._settle(readings)
            for r in readings:
                self.out.readings.append(r)
                if r.dropped is None:
                    self._emit(r, sent, n)
        self._dedupe()
        self._borrow()
        self._dedupe()
        self._drop_dyadless()
        self.places.complete(self.out)  # places from the sentence, dateline or article; the actors' own places
        return self.out

    # 1. Match and read every trigger of the sentence.
    def _read(self, sent: Span) -> list[Reading]:
        readings = []
        for tok in sent:
            m = match(tok, self.lex, self.actors)
            if m is None:
                if tok.pos_ == "VERB":
                    self._note(tok, self._why_unknown(tok))
                continue
            if m.pattern is None:
                reasons = "; ".join(f"{pid}: {why}" for pid, why in m.rejected[:4])
                self._note(tok, f"no pattern fits ({reasons})")
                continue
            if m.pattern.code == NULL_CODE:
                self._note(tok, f"{m.pattern.id} fits and codes no event ({m.pattern.example})")
                continue
            r = start(m, self.lex, self.actors)
            climb(r, self.lex, self.actors)
            readings += [r, *r.derived]
        return readings

    def _why_unknown(self, tok: Token) -> str:
        frames = self.lex.frames_for(tok.lemma_.lower(), "VERB")
        if frames:
            kinds = sorted({f.frame for f in frames})
            return f"frame word ({', '.join(kinds)}): codes only the event it governs"
        return f"no lexicon entry for '{tok.lemma_.lower()}'"

    # 2. Drop readings another reading has used up, and readings that cannot give an event.
    def _settle(self, readings: list[Reading]) -> None:
        # a trigger's own reading, not one derived from it (the accusation beside a reported attack)
        by_trigger = {r.trigger.i: r for r in readings if r.dropped is None and r.origin is None}
        for r in readings:
            # "bombarded the city, killing eight people": the participle tells the result of the same act
            t = r.trigger
            head = by_trigger.get(t.head.i)
            if r.dropped is None and t.dep_ == "advcl" and t.tag_ == "VBG" and head is not None and head is not r \
                    and head.code[:2] == r.code[:2] and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                r.dropped = f"the result of the event read from '{head.trigger.text}'"
        consumed: dict[int, Reading] = {}
        for r in sorted(readings, key=_priority, reverse=True):
            if r.dropped is not None or r.origin is not None:
                continue
            if r.trigger.i in consumed:
                by = consumed[r.trigger.i]
                r.dropped = f"part of the event read from '{by.trigger.text}' ({by.rule})"
                continue
            if r.code not in self.codes:
                r.dropped = f"'{r.code}' only means something inside a frame (want to ..., refuse to ...)"
                continue
            for i in r.consumed:
                consumed.setdefault(i, r)
        for r in readings:  # a derived reading stands or falls with the reading it came from
            if r.origin is not None and r.dropped is None and r.origin.dropped is not None:
                r.dropped = f"derived from a dropped reading ({r.origin.dropped})"
        for r in readings:
            if r.dropped is None and r.pattern.pos == "NOUN" and r.targets:
                self.memory[r.trigger.lemma_.lower()] = r.targets

    # 3. Turn a reading into events, one per source and target pair.
    def _emit(self, r: Reading, sent: Span, n_sent: int) -> None:
        sources = [w for w in r.sources if w.coded]
        if not sources:
            subj = ", ".join(w.ref.text for w in r.sources) or "none found"
            r.dropped = f"no coded source actor (source: {subj})"
            return
        if "abroad" in r.pattern.flags:  # a visit abroad needs a source whose country is known (not "tourists")
            sources = [w for w in sources if w.ref.country]
            if not sources:
                r.dropped = "a visit abroad needs a source with a known country"
                return
        place = self._place(r)
        rule = r.rule
        # a visit is to another country; a protest or attack in one's own country still has it as target
        if "loc" in r.tgt_order and place is not None and place.country and (
                "abroad" not in r.pattern.flags or all(place.country != s.ref.country for s in sources)):
            ref = ActorRef(text=place.name, name=place.name, code=place.country, country=place.country, span=place.span)
            r.tgt_slots["loc"] = [Who(ref, r.trigger.i, "place")]
        targets = r.targets
        if any(s.via == "implied" for s in sources):
            rule += "+source:implied"  # passive_sources.tsv: "were arrested" by the police of no named country
        if targets and targets[0].via == "place":
            rule += "+target:place"
        if not targets and "none" not in r.tgt_order and r.pattern.pos == "NOUN":
            remembered = [w for w in self.memory.get(r.trigger.lemma_.lower(), []) if w.key not in {s.key for s in sources}]
            if remembered:  # "the sanctions" named earlier with their target
                targets, rule = remembered, rule + "+target:earlier"
        if targets and r.code[:2] in self.lex.cue("audience_root") and all(
                (t.ref.code or "").startswith("---") and (t.ref.sector or "").lower() in self.lex.cue("audience_sector")
                for t in targets):
            r.dropped = "speaking to the press is no meeting (event_cues.tsv audience_root)"
            return
        if not targets and "needtarget" in r.pattern.flags:
            r.dropped = "needs a target and found none"
            return
        pairs: list[tuple[Who, Who | None]]
        if targets:
            pairs = [(s, t) for s in sources for t in targets if s.key != t.key]
            if r.code in self.lex.cue("symmetric_code") and "recip" in r.pattern.flags:
                # "held talks with Y": Y held talks with X too
                pairs += [(t, s) for s, t in list(pairs) if t is not None and t.coded and (t, s) not in pairs]
        elif "recip" in r.pattern.flags and len(sources) > 1:
            pairs = [(a, b) for a in sources for b in sources if a.key != b.key]
        else:
            pairs = [(s, None) for s in sources]
        if not pairs:
            r.dropped = "source and target are the same actor"
            return
        speech = [s.word for s in r.steps if s.frame.frame in ("report", "claim")]
        ahead = {r.trigger.i} if r.future else set()
        later = self.lex.cue("future") | self.lex.cue("hypothetical")
        ahead |= {s.word.i for s in r.steps if any(c.dep_ == "aux" and c.lower_ in later for c in s.word.children)}
        date, _ = event_date(r.words + speech, self.article.published, ahead, self.lex)
        quote = self.actors.quote_of(r.trigger)
        if r.modality == "asserted" and sent.text.rstrip().rstrip('"”’\'').endswith("?"):
            r.hypo = True  # a question asserts nothing: "Will Russia attack?"
        for src0, tgt0 in pairs:
            src, why_s = self._localize(src0, None, place, r.code)
            tgt, why_t = self._localize(tgt0, src, place, r.code) if tgt0 is not None else (None, "")
            code, why = self._refine(self._crowd(r.code, src), src, tgt, place)
            why = why_s + why_t + why
            c = self.codes[code]
            ev = Event(
                code=code, name=c.name, root=c.root, quad_class=c.quad_class, goldstein=c.goldstein,
                source=src.ref, target=tgt.ref if tgt else None, modality=r.modality,  # type: ignore[arg-type]
                sentence=sent.text.strip(), span=(sent.start_char, sent.end_char), rule=rule + why,
                date=date, place=place, plover=c.plover(),
                trigger=(r.trigger.idx, r.trigger.idx + len(r.trigger)), quote=quote,
            )
            self.out.events.append(ev)
            self.out.event_readings.append(r)
            self.out.event_sentences.append(n_sent)

    def _place(self, r: Reading) -> Place | None:
        words = r.words
        objects = [o for w in words if (o := direct_object(w)) is not None]
        motion = "loc" in r.tgt_order or "loc" in r.pattern.flags
        return self.places.find(words, objects, motion)

    def _borrow(self) -> None:
        """An event that names no target takes the target of the same source's nearest event in the sentences
        around it ("We want to settle this conflict peacefully. We don't want to fight with Russia.")."""
        out = self.out
        sents = out.event_sentences
        # Events come in sentence order, so the ones within the window are a slice found by bisection:
        # a scan of every event for each one made long documents quadratic. Targets borrowed earlier in
        # the loop count for later events, as before: the slice is read as the loop goes.
        in_order = sents == sorted(sents)
        for i, ev in enumerate(out.events):
            r = out.event_readings[i]
            if ev.target is not None or ev.source is None or "none" in r.tgt_order:
                continue
            best: tuple[int, int] | None = None
            lo, hi = ((bisect_left(sents, sents[i] - _INHERIT_WINDOW), bisect_right(sents, sents[i] + _INHERIT_WINDOW))
                      if in_order else (0, len(sents)))
            for j in range(lo, hi):
                other = out.events[j]
                dist = abs(sents[j] - sents[i])
                if j == i or other.target is None or other.source is None or dist > _INHERIT_WINDOW:
                    continue
                if (other.source.name, other.source.code) != (ev.source.name, ev.source.code):
                    continue
                rank = (dist, 0 if j < i else 1)
                if best is None or rank < (best[0], 0 if best[1] < i else 1):
                    best = (dist, j)
            if best is not None:
                ev.target = out.events[best[1]].target
                ev.rule += "+target:nearby"

    def _localize(self, who: Who, other: Who | None, place: Place | None, code: str) -> tuple[Who, str]:
        """A participant the actors stage left without a country ("protesters", "civilians", "the finance
        minister") takes the country of the event's place; failing that, the target of a domestic kind of
        event (coercion, repression, demands ...) by a state body, or of anything police and courts do (they act at
        home: `home_sector`), takes that body's country."""
        ref = who.ref
        if ref.country or not (ref.code or "").startswith("---"):
            return who, ""
        country, why = None, ""
        if place is not None and place.country:
            country, why = place.country, "+country:place"
        elif other is not None and other.ref.country:
            sector = (other.ref.sector or "").lower()  # cue words are lower-cased
            domestic = code[:2] in self.lex.cue("domestic_root") or sector in self.lex.cue("home_sector")
            state = sector in self.lex.cue("state_sector") or (not sector and other.ref.code == other.ref.country)
            if domestic and state:
                country, why = other.ref.country, "+country:source"
        if country is None:
            return who, ""
        return replace(who, ref=replace(ref, country=country, code=country + (ref.code or "---")[3:])), why

    def _crowd(self, code: str, src: Who) -> str:
        """Violence by a crowd ("protesters stormed the embassy", "rioters torched cars") is a violent protest."""
        words = {t.lemma_.lower() for t in self.doc[src.token:max(src.end, src.token + 1)]}
        if not words & self.lex.cue("crowd"):
            return code
        res = self.lex.frame_result("crowd", code)
        return code if res in (None, "=", "drop", "neg", "hypo") else res

    def _refine(self, code: str, src: Who, tgt: Who | None, place: Place | None) -> tuple[str, str]:
        """A meeting whose place is the target's country is a visit (042), the source's a hosting (043),
        neither a meeting at a third location (044)."""
        if code != "040" or tgt is None or place is None or not place.country:
            return code, ""
        s, t = src.ref.country, tgt.ref.country
        if not s or not t or s == t:
            return code, ""
        if place.country == t:
            return "042", "+place:visit"
        if place.country == s:
            return "043", "+place:host"
        return "044", "+place:third"

    # 4. One event per code, source, target and sentence; an event without a target yields to the same
    #    source's event of the same root with one.
    def _dedupe(self) -> None:
        keep: list[int] = []
        seen: set[tuple[str, ...]] = set()
        evs = self.out.events
        # What a target-less event would yield to, looked up instead of scanned for (quadratic otherwise).
        targeted = {(str(o.span), o.root, o.modality, o.source.code if o.source else "") for o in evs if o.target is not None}
        for i, ev in enumerate(evs):
            src = ev.source.code if ev.source else ""
            key = (ev.code, ev.source.text if ev.source else "", ev.target.text if ev.target else "", str(ev.span), ev.modality)
            if key in seen:
                continue
            if ev.target is None and (str(ev.span), ev.root, ev.modality, src) in targeted:
                continue
            seen.add(key)
            keep.append(i)
        self.out.events = [evs[i] for i in keep]
        self.out.event_readings = [self.out.event_readings[i] for i in keep]
        self.out.event_sentences = [self.out.event_sentences[i] for i in keep]

    def _drop_dyadless(self) -> None:
        """Drop events that still name neither a target nor the source's country once targets are borrowed:
        "the defendants had a duty", "I was caught by police" tell no one's relation to anyone. Measured on the
        AEB dev sentences all 8 such events were wrong (petr2: 1 of 1), and no found event is lost."""
        keep = []
        for i, ev in enumerate(self.out.events):
            if ev.target is None and (ev.source is None or (ev.source.code or "").startswith("---")):
                r = self.out.event_readings[i]
                if r.dropped is None:  # one note per reading, however many events it gave
                    r.dropped = "names no dyad: no target, and a source of no known country"
                    self._note(r.trigger, f"{r.pattern.id} ({r.code}): {r.dropped}")
                continue
            keep.append(i)
        self.out.events = [self.out.events[i] for i in keep]
        self.out.event_readings = [self.out.event_readings[i] for i in keep]
        self.out.event_sentences = [self.out.event_sentences[i] for i in keep]

    def _note(self, tok: Token, message: str) -> None:
        self.out.notes.append(Note(tok.i, tok.text, tok.lemma_.lower(), message))


def code_events(doc: Doc, table: ActorTable, quotes: list[Quote], article: Article,
                lexicon: Lexicon | None = None) -> list[Event]:
    """The CAMEO events of one parsed article, each with its modality, date, place and the rows that fired."""
    return Coder(doc, table, quotes, article, lexicon).run().events
