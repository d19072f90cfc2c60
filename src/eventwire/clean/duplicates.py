"""Exact and near-duplicate articles: a content hash, then MinHash LSH over word shingles.

The same wire story reaches an analyst many times: verbatim from two feeds (exact duplicates), or
with another headline, byline or closing paragraph (near duplicates). Both are found across the
whole store: the index is seeded from the stored articles before a run, then grows as it goes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from datasketch import MinHash, MinHashLSH

from ..models import Article

_WORD = re.compile(r"\w+")

# Word n-grams as the set MinHash estimates Jaccard similarity on.
SHINGLE = 3
NUM_PERM = 128
# Below this many shingles the MinHash estimate is too coarse: only exact duplicates are found.
MIN_SHINGLES = 8


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    """A hash of the words alone: case, punctuation and spacing do not change it."""
    return hashlib.sha1(" ".join(_words(text)).encode("utf-8")).hexdigest()


def _shingles(text: str) -> set[bytes]:
    w = _words(text)
    if len(w) < SHINGLE:
        return {" ".join(w).encode("utf-8")} if w else set()
    return {" ".join(w[i:i + SHINGLE]).encode("utf-8") for i in range(len(w) - SHINGLE + 1)}


class DuplicateIndex:
    """Texts seen so far, to tell whether a new one repeats one of them.

    >>> index = DuplicateIndex()
    >>> index.add("a", "Troops crossed the border on Monday, officials said.")
    >>> index.find("Troops crossed the border on Monday, officials said!")
    'a'
    """

    def __init__(self, threshold: float = 0.85, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"near-duplicate threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self._by_hash: dict[str, str] = {}
        self._minhash: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        template = MinHash(num_perm=num_perm)
        self._permutations, self._scheme = template.permutations, template.scheme

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._order

    def _signature(self, text: str) -> MinHash | None:
        shingles = _shingles(text)
        if len(shingles) < MIN_SHINGLES:
            return None
        # The permutations depend only on num_perm and the seed: made once, not per text.
        m = MinHash(num_perm=self.num_perm, permutations=self._permutations, scheme=self._scheme)
        m.update_batch(list(shingles))
        return m

    def add(self, doc_id: str, text: str, content_hash_: str | None = None) -> None:
        """Remember a text under its id (adding an id twice keeps the first text)."""
        if doc_id not in self._order:
            self._remember(doc_id, text, content_hash(text), content_hash_, self._signature(text))

    def find(self, text: str, exclude: str | None = None) -> str | None:
        """The id of a text this one duplicates (exactly, or above the threshold), or None.

        ``exclude`` is the text's own id, so a document seen before is not its own duplicate.
        """
        return self._match(text, content_hash(text), exclude)[0]

    def find_or_add(self, doc_id: str, text: str, content_hash_: str | None = None) -> str | None:
        """``find(text, exclude=doc_id)``, and when it finds nothing, ``add(doc_id, text, content_hash_)``.

        The text's hash and MinHash are computed once for both (they are most of the cost of each).
        """
        chash = content_hash(text)
        original, sig = self._match(text, chash, doc_id)
        if original is None and doc_id not in self._order:
            self._remember(doc_id, text, chash, content_hash_, sig)
        return original

    def _remember(self, doc_id: str, text: str, chash: str, content_hash_: str | None, sig: MinHash | None) -> None:
        self._order[doc_id] = len(self._order)
        self._by_hash.setdefault(chash, doc_id)
        if content_hash_:  # a hash stored by an older version still identifies the text
            self._by_hash.setdefault(content_hash_, doc_id)
        if sig is not None:
            self._minhash[doc_id] = sig
            self._lsh.insert(doc_id, sig)

    def _match(self, text: str, chash: str, exclude: str | None) -> tuple[str | None, MinHash | None]:
        """The id this text duplicates (or None), and its MinHash when one was computed.

        An exact match needs no MinHash; a text too short for one is only matched exactly.
        """
        exact = self._by_hash.get(chash)
        if exact is not None and exact != exclude:
            return exact, None
        sig = self._signature(text)
        if sig is None:
            return None, None
        best: tuple[float, int, str] | None = None
        for cand in self._lsh.query(sig):
            if cand == exclude:
                continue
            # LSH finds candidates; the estimated Jaccard similarity decides.
            sim = sig.jaccard(self._minhash[cand])
            if sim >= self.threshold:
                key = (-sim, self._order[cand], cand)
                best = key if best is None or key < best else best
        return (best[2] if best else None), sig

    def seed(self, rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> int:
        """Add stored articles, given as ``(id, text, content_hash)`` rows or mappings; returns how many."""
        n = 0
        for row in rows:
            if isinstance(row, Mapping):
                doc_id, text, chash = row.get("id"), row.get("text"), row.get("content_hash")
            else:
                doc_id, text, chash = [*list(row), None, None, None][:3]
            if doc_id is None:
                continue
            self.add(str(doc_id), str(text or ""), str(chash) if chash else None)
            n += 1
        return n


def screen_duplicate(art: Article, index: DuplicateIndex) -> Article:
    """Mark an article that repeats one already seen as skipped, with the id it duplicates.

    An article that is not a duplicate joins the index, so later ones are checked against it.
    """
    if art.status != "ok":
        return art
    original = index.find_or_add(art.id, art.text, art.content_hash)
    if original is not None:
        art.status, art.reason, art.duplicate_of = "skipped", f"duplicate of {original}", original
    return art
