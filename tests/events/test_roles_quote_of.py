"""`Actors.quote_of` finds the first quote holding a token, as a scan of the quotes does (no model needed)."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.events.lexicon import load_lexicon
from eventwire.events.roles import Actors
from eventwire.models import Quote

WORDS = [f"w{n}" for n in range(60)]


def scan(quotes: list[Quote], idx: int) -> int | None:
    return next((n for n, q in enumerate(quotes) if q.span[0] <= idx < q.span[1]), None)


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("in_order", [True, False])
def test_roles_quote_of_matches_a_scan(seed: int, in_order: bool) -> None:
    doc = Doc(Vocab(), words=WORDS)
    rng = random.Random(seed)
    spans = []
    for _ in range(rng.randint(0, 8)):  # overlapping and nested spans too (a direct quote inside an indirect one)
        lo = rng.randrange(len(doc.text))
        spans.append((lo, lo + rng.randint(1, 60)))
    spans.sort(key=lambda s: s[0])
    if not in_order:
        rng.shuffle(spans)
    quotes = [Quote(text="", kind="direct", span=s) for s in spans]
    actors = Actors(doc, None, quotes, load_lexicon())  # type: ignore[arg-type]
    for tok in doc:
        assert actors.quote_of(tok) == scan(quotes, tok.idx), (spans, tok.idx)
