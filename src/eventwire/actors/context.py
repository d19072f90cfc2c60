"""A country for a title that names none, from the article around it.

"President Michel Suleiman" alone is ``---GOV``. News leaves the country out when the context
gives it, and this module reads that context, in order, and only where it is unambiguous:

1. an institution named again without its country: "Russia's Defence Ministry ... Ministry
   spokesman Colonel X" (the latest earlier mention holding the same institution words);
2. the places of the sentence: "... held talks with President X during a visit to Beirut" gives
   LBN when the sentence's places (not those the person goes to, nor those of another actor's
   phrase: "the US commander in Iraq") all lie in one country;
3. the dateline, when the article is about its country: "PARIS, June 24 - ... Government
   spokeswoman X" is French unless the sentence names another country.

The dateline counts as the article's home only when no other country is mentioned more than twice
as often as it in the body: a story filed from Addis Ababa about Congo is not about Ethiopia, but
one filed from London about Russian spies is still British where it names no other country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .atoms import Atom
from .table import ActorTable, Mention


def home_country(dateline_country: str | None, body_countries: Iterable[str]) -> str | None:
    """The dateline's country unless another country is named over twice as often in the body."""
    if not dateline_country:
        return None
    counts = Counter(c[:3] for c in body_countries if c)
    own = counts.pop(dateline_country[:3], 0)
    return dateline_country if all(n <= 2 * own for n in counts.values()) else None


def _governor(tok: Token) -> Token:
    """The word a noun attaches to, through a preposition: 'visit' for 'Beirut' in 'a visit to Beirut'."""
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return tok.head.head
    return tok.head


def institution_country(doc: Doc, table: ActorTable, start: int, institutions: list[Atom]) -> str | None:
    """The country of the latest earlier mention holding one of these institution words."""
    return _earlier(doc, table, start, institutions, whole=False)


def institution_code(doc: Doc, table: ActorTable, start: int, orgs: list[Atom]) -> str | None:
    """The code of the latest earlier coded mention holding one of these organisation names."""
    return _earlier(doc, table, start, orgs, whole=True)


def _earlier(doc: Doc, table: ActorTable, start: int, atoms: list[Atom], whole: bool) -> str | None:
    best: tuple[int, str] | None = None
    institutions = atoms
    for atom in institutions:
        words = [t.lower_ for t in doc[atom.start:atom.end]]
        n = len(words)
        for m in table.mentions:
            country = m.actor.code if whole and m.actor.country else m.actor.country
            if m.end > start or not country:
                continue
            toks = [t.lower_ for t in doc[m.start:m.end]]
            if any(toks[k:k + n] == words for k in range(len(toks) - n + 1)) and (best is None or m.start > best[0]):
                best = (m.start, country)
    return best[1] if best else None


def sentence_country(doc: Doc, table: ActorTable, head: Token) -> str | None:
    """The one country of the sentence's places, leaving out the person's own destinations and
    places inside another actor's phrase; None when there are none or several."""
    sent = head.sent
    own = _governor(head)
    # Only the one who acts goes somewhere: "X arrived in Paris", "a visit to Paris by X"; the
    # one met there ("met President X in Amman") is usually at home.
    mover = head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ == "by")
    found: set[str] = set()
    for p in table.places:
        if not (sent.start <= p.start < sent.end) or not p.actor.country:
            continue
        gov = _governor(doc[p.end - 1])
        if gov.i == own.i and mover:
            continue  # "President X arrived in Paris": where he goes, not where he governs
        holder = table.at(gov.i)
        if holder is not None and holder.actor.kind != "place":
            continue  # "the US commander in Iraq": that place belongs to another actor's phrase
        found.add(p.actor.country[:3])
    return found.pop() if len(found) == 1 else None


def sentence_countries(doc: Doc, table: ActorTable, head: Token) -> set[str]:
    """Every country an actor or a place of the sentence belongs to."""
    sent = head.sent
    out = {m.actor.country[:3] for m in [*table.mentions, *table.places]
           if sent.start <= m.start < sent.end and m.actor.country}
    return out


def recode(mention: Mention, country: str, how: str, whole: bool = False) -> None:
    """Give a '---' actor its country ('---GOV' -> 'LBNGOV'), or with ``whole`` a whole code."""
    a = mention.actor
    if not a.code or not a.code.startswith("---"):
        return
    a.code = country if whole else country[:3] + a.code[3:]
    a.country = country[:3]
    if whole and len(country) >= 6:
        a.sector = country[3:6]
    a.rule = f"{a.rule or 'title'}+{how}"
