"""First CAMEO coder: a verb with an actor subject and an actor object."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..actors import ActorTable
from ..models import Article, Event, Quote
from ..tables import cameo_codes, read_tsv


@lru_cache(maxsize=1)
def _verbs() -> dict[str, tuple[str, str]]:
    return {r["lemma"]: (r["code"], r["id"]) for r in read_tsv("verbs.tsv")}


def _actor(table: ActorTable, tok: Token):  # type: ignore[no-untyped-def]
    for t in tok.subtree:
        m = table.at(t.i)
        if m:
            return table.ref(m)
    return None


def code_events(doc: Doc, table: ActorTable, quotes: list[Quote], article: Article) -> list[Event]:
    events = []
    codes = cameo_codes()
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_ not in _verbs():
            continue
        code, rule = _verbs()[tok.lemma_]
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        src = _actor(table, subj) if subj is not None else None
        tgt = _actor(table, obj) if obj is not None else None
        if src is None:
            continue
        c = codes[code]
        sent = tok.sent
        neg = any(ch.dep_ == "neg" for ch in tok.children)
        events.append(Event(
            code=code, name=c.name, root=c.root, quad_class=c.quad_class, goldstein=c.goldstein,
            source=src, target=tgt, modality="negated" if neg else "asserted",
            sentence=sent.text.strip(), span=(sent.start_char, sent.end_char), rule=rule,
            date=article.published, plover=c.plover(), trigger=(tok.idx, tok.idx + len(tok)),
        ))
    return events
