"""Why a sentence got the codes it got: the parse, the actors, the events with the rows that fired,
and for every verb or event word that gave nothing, the reason. Library side of ``eventwire explain``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Article, Event
from .coder import Coded, Coder
from .lexicon import Lexicon


@dataclass
class TokenRow:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    entity: str
    actor: str


@dataclass
class SentenceExplanation:
    """One sentence: its parse, the actors in it, its events and the words that gave no event."""

    text: str
    span: tuple[int, int]
    tokens: list[TokenRow] = field(default_factory=list)
    actors: list[tuple[str, str]] = field(default_factory=list)  # (words, code)
    events: list[Event] = field(default_factory=list)
    silent: list[tuple[str, str]] = field(default_factory=list)  # (word, why no event)
    # the dictionary entries behind codes: an event rule id or actor words -> "CAMEO.2.0.txt line 6694, block ..."
    entries: dict[str, str] = field(default_factory=dict)

    def entries_for(self, rule: str) -> list[str]:
        """The dictionary entries behind an event's rule, outermost first."""
        return [self.entries[part] for part in rule_parts(rule) if part in self.entries]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.text,
            "span": list(self.span),
            "tokens": [t.__dict__ for t in self.tokens],
            "actors": [{"text": a, "code": c} for a, c in self.actors],
            "events": [e.to_dict() for e in self.events],
            "silent": [{"word": w, "why": why} for w, why in self.silent],
            "entries": dict(self.entries),
        }


def rule_parts(rule: str) -> list[str]:
    """The row ids in an event's rule: "report:say:report_other:1123>shell.1+target:place" gives the frame
    step, "shell.1" and the note after "+"."""
    return rule.replace("+", ">").split(">")


def explain_parsed(doc: Any, table: Any, quotes: list[Any], article: Article,
                   lexicon: Lexicon | None = None) -> list[SentenceExplanation]:
    """Explain the coding of an already parsed document (the pipeline's Doc, actor table and quotes)."""
    coder = Coder(doc, table, quotes, article, lexicon)
    coded: Coded = coder.run()
    rows = {p.id: p for index in (coder.lex.verbs, coder.lex.nouns, coder.lex.adjectives)
            for pats in index.values() for p in pats if p.origin != "eventwire"}
    out = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        ex = SentenceExplanation(sent.text.strip(), (sent.start_char, sent.end_char))
        for t in sent:
            m = table.at(t.i)
            ex.tokens.append(TokenRow(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_,
                                      (m.actor.code or "?") if m is not None else ""))
        seen: set[int] = set()
        for m in table.mentions:
            if sent.start <= m.start < sent.end and id(m) not in seen:
                seen.add(id(m))
                ex.actors.append((m.text, m.actor.code or "(uncoded)"))
                if m.rule and m.rule.startswith("dictionary:phoenix/"):
                    ex.entries[m.text] = m.rule.removeprefix("dictionary:")
        ex.events = [e for e in coded.events if e.trigger and sent.start_char <= e.trigger[0] < sent.end_char]
        for e in ex.events:
            for part in rule_parts(e.rule):
                if part in rows:
                    ex.entries[part] = rows[part].example
        silent: list[tuple[int, str, str]] = []
        fired = {e.trigger[0] for e in ex.events if e.trigger}
        used = {s.word.i for r in coded.event_readings for s in r.steps}  # frame words of events that were coded
        for r in coded.readings:
            t = r.trigger
            if sent.start <= t.i < sent.end and r.dropped is not None and t.idx not in fired:
                silent.append((t.i, t.text, f"{r.rule} ({r.code}): {r.dropped}"))
        for n in coded.notes:
            if sent.start <= n.token < sent.end and n.token not in used:
                silent.append((n.token, n.text, n.message))
        ex.silent = [(w, why) for _, w, why in sorted(silent, key=lambda x: x[0])]
        out.append(ex)
    return out
