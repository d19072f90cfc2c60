"""Counting what the Phoenix actor converters keep and drop, per dictionary form, with the reasons."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from phoenix_common import Count

# The order of the counts table: per dictionary, these forms first (others after, as met).
FORM_ORDER = ("people", "people: dated roles", "people: default codes", "people: named like a person of the country entries",
              "person names", "person names: titles removed", "groups", "groups: codes after the first", "groups: body",
              "groups: igo", "groups: ngo", "groups: company", "groups: group", "group names", "country entries", "place names",
              "codes cut before an unknown part", "role nouns", "noun forms", "noun forms: singular", "noun forms: plural",
              "noun forms: substituted", "substitution sets", "sentence discards", "story discards")


@dataclass
class Tally:
    """Converted and dropped entries per form, with the reasons for dropping."""

    order: list[tuple[str, str]] = field(default_factory=list)
    done: Counter[tuple[str, str]] = field(default_factory=Counter)
    dropped: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def _key(self, dictionary: str, form: str) -> tuple[str, str]:
        key = (dictionary, form)
        if key not in self.order:
            self.order.append(key)
        return key

    def ok(self, dictionary: str, form: str, n: int = 1) -> None:
        self.done[self._key(dictionary, form)] += n

    def drop(self, dictionary: str, form: str, why: str, n: int = 1) -> None:
        self.dropped[self._key(dictionary, form)][why] += n

    def counts(self, dictionaries: list[str] | None = None) -> list[Count]:
        """One Count per form, ``dictionaries`` (file names) first in their order, then FORM_ORDER."""
        names = [d.removesuffix(".txt") for d in dictionaries or []]

        def rank(key: tuple[str, str]) -> tuple[int, int, int]:
            d = names.index(key[0]) if key[0] in names else len(names)
            f = FORM_ORDER.index(key[1]) if key[1] in FORM_ORDER else len(FORM_ORDER)
            return d, f, self.order.index(key)

        out = []
        for key in sorted(self.order, key=rank):
            why = self.dropped.get(key, Counter())
            text = "; ".join(f"{reason} ({n})" for reason, n in sorted(why.items(), key=lambda x: (-x[1], x[0])))
            out.append(Count(key[0], key[1], self.done[key], sum(why.values()), text))
        return out
