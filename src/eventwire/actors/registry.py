"""The registry across documents: who was coded what, so a bare name elsewhere is coded too.

Once an article has "Russian Foreign Minister Sergei Lavrov" (RUSGOV from his title), a later
article's bare "Lavrov" is RUSGOV as well. The registry learns only from codes a document gave by
itself (titles, appositions), never from its own guesses, so one mistake does not feed itself.
It lives in memory for a run and is rebuilt from the store's ``actors`` table, which already
holds every coded person with the rule that coded them: the store needs no table of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, Protocol

from ..models import Actor

LEARN_RULES = ("title", "appos", "description")  # rules under which a person's code was read in the text
DOMINANT = 2 / 3  # a surname shared by people coded differently is used only when one code dominates


class Queryable(Protocol):
    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]: ...


def _norm(name: str) -> str:
    return " ".join(w.strip(".,'’").lower() for w in name.split())


def _has_country(code: str | None) -> bool:
    # "---GOV" says a role without a country: nothing another document could reuse.
    return bool(code) and not str(code).startswith("---")


def learnable(actor: Actor) -> bool:
    """True when ``actor`` is a person whose code the document gave by itself.

    The rule that coded it must start with one of LEARN_RULES (its title, an apposition, a
    description), whatever was added after it ("title+dateline"), and the code must name a
    country. People coded from the dictionary or the registry itself are not learnt: the
    registry must not feed on its own guesses.
    """
    base = (actor.rule or "").split("+")[0].split(":")[0]
    return actor.kind == "person" and _has_country(actor.code) and base in LEARN_RULES


class ActorRegistry:
    """Names and the codes documents gave them, counted."""

    def __init__(self) -> None:
        self.by_name: dict[str, Counter[str]] = {}
        self.by_surname: dict[str, Counter[str]] = {}
        self.names: dict[str, str] = {}  # normalised -> as first written

    def learn(self, name: str, code: str, count: int = 1) -> None:
        """Record that ``name`` was coded ``code`` (by its title) ``count`` times."""
        key = _norm(name)
        if not key or not _has_country(code):
            return
        self.names.setdefault(key, name)
        self.by_name.setdefault(key, Counter())[code] += count
        words = key.split()
        if len(words) >= 2:
            self.by_surname.setdefault(words[-1], Counter())[code] += count

    def learn_from(self, actors: Iterable[Actor]) -> int:
        """Learn the people of one document that it coded by itself (see :func:`learnable`).

        This is the one place that decides what a document teaches the registry: the actor
        resolver calls it after each document, and so does anything else that feeds a registry
        from resolved actors. Returns how many actors were learnt.
        """
        n = 0
        for a in actors:
            if learnable(a):
                self.learn(a.name, str(a.code))
                n += 1
        return n

    def lookup(self, name: str) -> str | None:
        """The code a name was given elsewhere: by full name, else by a surname that is unambiguous."""
        key = _norm(name)
        counts = self.by_name.get(key)
        if counts:
            return counts.most_common(1)[0][0]
        words = key.split()
        if len(words) == 1:
            counts = self.by_surname.get(words[0])
            if counts:
                code, n = counts.most_common(1)[0]
                if n >= DOMINANT * sum(counts.values()):
                    return code
        return None

    def __len__(self) -> int:
        return len(self.by_name)

    def rows(self) -> list[tuple[str, str, int]]:
        """(name, code, count) for every learnt name and code, most frequent first."""
        out = [(self.names[k], code, n) for k, c in self.by_name.items() for code, n in c.items()]
        return sorted(out, key=lambda r: (-r[2], r[0]))

    def load(self, rows: Iterable[tuple[str, str, int]]) -> None:
        for name, code, n in rows:
            self.learn(name, code, n)

    def load_store(self, store: Queryable) -> int:
        """Learn from every person a stored document coded by title; returns the names learnt."""
        before = len(self)
        self.load((r["name"], r["code"], int(r["n"])) for r in known_people(store))
        return len(self) - before


def known_people(store: Queryable) -> list[dict[str, Any]]:
    """Persons coded in stored documents by their own titles: name, code, n (documents)."""
    # The SQL only narrows the rows; `learnable` decides, so a reloaded registry learns exactly
    # what a running one learnt.
    rows = store.query(
        "SELECT name, code, rule, count(*) AS n FROM actors WHERE kind = 'person' AND code IS NOT NULL"
        " GROUP BY name, code, rule"
    )
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        if learnable(Actor(name=r["name"], code=r["code"], kind="person", rule=r["rule"])):
            key = (r["name"], r["code"])
            counts[key] = counts.get(key, 0) + int(r["n"])
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    return [{"name": name, "code": code, "n": n} for (name, code), n in ranked]
