"""The registry across documents, in memory and rebuilt from the store."""

from __future__ import annotations

from pathlib import Path

from actorkit import code

from eventwire.actors import ActorRegistry, ActorResolver
from eventwire.models import Actor, Analysis, Article


def test_registry_learns_by_full_name_and_surname() -> None:
    r = ActorRegistry()
    r.learn("Ivan Petrov", "RUSGOV")
    assert r.lookup("Ivan Petrov") == "RUSGOV"
    assert r.lookup("Petrov") == "RUSGOV"
    assert r.lookup("Sokolov") is None


def test_registry_ambiguous_surname_is_not_guessed() -> None:
    r = ActorRegistry()
    r.learn("Ivan Petrov", "RUSGOV")
    r.learn("Olga Petrov", "BGRBUS")
    assert r.lookup("Petrov") is None
    r.learn("Ivan Petrov", "RUSGOV", count=4)
    assert r.lookup("Petrov") == "RUSGOV"  # one code dominates


def test_registry_ignores_codes_without_a_country() -> None:
    r = ActorRegistry()
    r.learn("Hector Valdano", "---GOV")
    assert r.lookup("Valdano") is None


def test_registry_codes_a_bare_surname_in_a_later_document(resolve) -> None:
    resolver = ActorResolver()
    resolve("Moldovan Foreign Minister Andrei Cebotari met EU envoys.", resolver=resolver)
    later = resolve("Cebotari said the talks had been useful.", resolver=resolver)
    assert code(later, "Cebotari") == "MDAGOV"
    alone = resolve("Cebotari said the talks had been useful.")  # a resolver that never saw him
    assert code(alone, "Cebotari") is None


def test_registry_does_not_learn_from_its_own_guesses(resolve) -> None:
    resolver = ActorResolver()
    resolver.registry.learn("Andrei Cebotari", "MDAGOV")
    resolve("Andrei Cebotari said the talks had been useful.", resolver=resolver)
    assert resolver.registry.by_name["andrei cebotari"]["MDAGOV"] == 1


def test_registry_is_rebuilt_from_the_store(tmp_path: Path) -> None:
    from eventwire.store import Store

    art = Article(id="a1", text="Moldovan Foreign Minister Andrei Cebotari spoke.", published="2020-01-01")
    actors = [Actor(name="Andrei Cebotari", code="MDAGOV", country="MDA", sector="GOV", kind="person", rule="title"),
              Actor(name="Zed Quill", code="USAGOV", kind="person", rule="dictionary:people.tsv"),
              Actor(name="Moldova", code="MDA", kind="country", rule="country:name")]
    with Store(tmp_path / "s.duckdb") as store:
        store.write(Analysis(art, actors=actors))
        r = ActorRegistry()
        assert r.load_store(store) == 1  # only the person coded by a title in the text
    assert r.lookup("Cebotari") == "MDAGOV"
    assert r.lookup("Quill") is None
