"""A faster matcher for spaCy's attribute ruler, with exactly the same output.

In en_core_web_sm the attribute ruler (tag -> POS and morphology, a few lemma exceptions) costs as
much as the dependency parser: its Matcher tries ~180 one-token patterns on every token. Almost
all of them test TAG, LOWER, DEP or IS_SPACE against a constant, so the set of patterns whose first
token matches depends only on those few values of a token. We compute that set once per distinct
combination (a few thousand in a corpus) and only walk the rare multi-token patterns token by
token. The matches come back in the ruler's own format and go through the ruler's own
``set_annotations``, so precedence between patterns is spaCy's.

Anything this module does not understand (an operator, a set predicate, an unknown attribute)
leaves the ruler untouched: a custom model keeps its stock, slower matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

Match = tuple[int, int, int, int]  # (pattern number, match id, start, end): the ruler's format

# Pattern keys we can evaluate, and how to read them from a token.
_GETTERS: dict[str, Callable[[Token], Any]] = {
    "ORTH": lambda t: t.orth_,
    "TEXT": lambda t: t.text,
    "LOWER": lambda t: t.lower_,
    "NORM": lambda t: t.norm_,
    "TAG": lambda t: t.tag_,
    "POS": lambda t: t.pos_,
    "DEP": lambda t: t.dep_,
    "LEMMA": lambda t: t.lemma_,
    "SHAPE": lambda t: t.shape_,
    "ENT_TYPE": lambda t: t.ent_type_,
    "IS_SPACE": lambda t: t.is_space,
    "IS_PUNCT": lambda t: t.is_punct,
    "IS_ALPHA": lambda t: t.is_alpha,
    "IS_DIGIT": lambda t: t.is_digit,
    "IS_TITLE": lambda t: t.is_title,
    "IS_UPPER": lambda t: t.is_upper,
    "IS_LOWER": lambda t: t.is_lower,
    "IS_STOP": lambda t: t.is_stop,
    "LIKE_NUM": lambda t: t.like_num,
}

Predicate = Callable[[Any], bool]
_CACHE_LIMIT = 200_000
_MISSING = object()
_OTHER = object()  # stands for every value that no pattern names: fails equality, IN and REGEX


def _value_test(value: Any) -> Predicate | None:
    """A test for one attribute value of a pattern, or None when it uses an unsupported form."""
    if isinstance(value, bool | str | int):
        want: bool | str | int = value
        return lambda v: bool(v == want)
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda v: isinstance(v, str) and rx.search(v) is not None
    return None


TokenSpec = list[tuple[str, Predicate]]


def _token_spec(spec: dict[str, Any]) -> TokenSpec | None:
    out: TokenSpec = []
    for key, value in spec.items():
        test = _value_test(value)
        if key not in _GETTERS or test is None:
            return None
        out.append((key, test))
    return out


def _patterns(ruler: AttributeRuler) -> list[list[list[dict[str, Any]]]]:
    """The ruler's patterns in rule order: each rule a list of alternatives, each a list of token specs."""
    return [cast(list[list[dict[str, Any]]], entry["patterns"]) for entry in ruler.patterns]


class FastRulerMatch:
    """A drop-in for ``AttributeRuler.match``: same matches, computed per distinct token signature."""

    def __init__(self, ruler: AttributeRuler, alternatives: list[tuple[int, list[TokenSpec]]],
                 mentioned: dict[str, tuple[frozenset[Any], list[re.Pattern[str]]]]) -> None:
        self.ruler = ruler
        self.alternatives = alternatives  # (pattern number, token specs), in pattern order
        self.keys = sorted(mentioned)
        self.getters = [_GETTERS[k] for k in self.keys]
        # A value no pattern mentions behaves like any other such value: one signature for all of
        # them keeps the caches small (tags x deps x the few words the patterns name).
        self.mentioned = [mentioned[k] for k in self.keys]
        self.match_ids = {n: ruler.vocab.strings[str(n)] for n, _ in alternatives}
        self._canon: list[dict[Any, Any]] = [{} for _ in self.keys]
        # first-token results per signature: (one-token pattern numbers, multi-token alternatives)
        self._cache: dict[tuple[Any, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def _canonical(self, k: int, value: Any) -> Any:
        cache = self._canon[k]
        got = cache.get(value, _MISSING)
        if got is _MISSING:
            literals, regexes = self.mentioned[k]
            named = value in literals or (isinstance(value, str) and any(rx.search(value) for rx in regexes))
            got = value if named else _OTHER
            if len(cache) >= _CACHE_LIMIT:  # a long run meets ever new words: stay bounded
                cache.clear()
            cache[value] = got
        return got

    @classmethod
    def build(cls, ruler: AttributeRuler) -> FastRulerMatch | None:
        """The fast matcher for this ruler, or None if one of its patterns is beyond it."""
        patterns = _patterns(ruler)
        alternatives: list[tuple[int, list[TokenSpec]]] = []
        for n, entry in enumerate(patterns):
            for pattern in entry:
                if not pattern:
                    return None
                specs = [_token_spec(tok) for tok in pattern]
                if any(s is None for s in specs):
                    return None
                alternatives.append((n, [s for s in specs if s is not None]))
        mentioned: dict[str, tuple[frozenset[Any], list[re.Pattern[str]]]] = {}
        for entry in patterns:
            for pattern in entry:
                for tok in pattern:
                    for key, value in tok.items():
                        literals, regexes = mentioned.get(key, (frozenset(), []))
                        if isinstance(value, dict):
                            (op, arg), = value.items()
                            if op == "REGEX":
                                regexes = [*regexes, re.compile(arg)]
                            else:
                                literals = literals | frozenset(arg)
                        else:
                            literals = literals | {value}
                        mentioned[key] = (literals, regexes)
        return cls(ruler, alternatives, mentioned)

    def _signature_hits(self, tok: Token) -> tuple[tuple[int, ...], tuple[int, ...]]:
        sig = tuple(self._canonical(k, get(tok)) for k, get in enumerate(self.getters))
        hit = self._cache.get(sig)
        if hit is None:
            values = dict(zip(self.keys, sig, strict=True))
            single: list[int] = []
            multi: list[int] = []
            for a, (n, specs) in enumerate(self.alternatives):
                if all(test(values[key]) for key, test in specs[0]):
                    (single if len(specs) == 1 else multi).append(n if len(specs) == 1 else a)
            hit = (tuple(single), tuple(multi))
            self._cache[sig] = hit
        return hit

    def __call__(self, doc: Doc) -> list[Match]:
        found: set[tuple[int, int, int]] = set()
        n_tokens = len(doc)
        for tok in doc:
            single, multi = self._signature_hits(tok)
            i = tok.i
            for n in single:
                found.add((n, i, i + 1))
            for a in multi:
                n, specs = self.alternatives[a]
                end = i + len(specs)
                if end <= n_tokens and all(
                    all(test(_GETTERS[key](doc[j])) for key, test in spec)
                    for j, spec in zip(range(i + 1, end), specs[1:], strict=True)
                ):
                    found.add((n, i, end))
        return sorted((n, self.match_ids[n], s, e) for n, s, e in found)


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the fast matcher; False when it keeps its own."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    fast = FastRulerMatch.build(ruler)
    if fast is None:
        return False
    # An instance attribute shadows the method: AttributeRuler.__call__ calls self.match(doc).
    ruler.match = fast  # type: ignore[method-assign]
    return True
