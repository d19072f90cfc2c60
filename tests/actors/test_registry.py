"""The registry across documents, in memory and rebuilt from the store."""

from __future__ import annotations

from pathlib import Path

from actorkit import code

from eventwire.actors import ActorRegistry, ActorResolver
from eventwire.actors.registry import learnable
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


def test_registry_rebuilt_from_the_store_learns_what_a_running_one_learns(tmp_path: Path) -> None:
    from eventwire.store import Store

    art = Article(id="a2", text="Jordanian envoy Omar Haddad spoke in Amman.", published="2020-01-01")
    actors = [Actor(name="Omar Haddad", code="JORGOV", kind="person", rule="title+dateline"),
              Actor(name="Ana Ruiz", code="ESPGOV", kind="person", rule="registry+title")]
    running = ActorRegistry()
    running.learn_from(actors)
    with Store(tmp_path / "s.duckdb") as store:
        store.write(Analysis(art, actors=actors))
        reloaded = ActorRegistry()
        reloaded.load_store(store)
    for registry in (running, reloaded):
        assert registry.lookup("Haddad") == "JORGOV"
        assert registry.lookup("Ruiz") is None


def test_registry_learn_from_takes_only_people_the_document_coded_itself() -> None:
    r = ActorRegistry()
    actors = [
        Actor(name="Ivan Petrov", code="RUSGOV", kind="person", rule="title"),
        Actor(name="Lena Kraus", code="DEUGOV", kind="person", rule="appos:spokeswoman"),
        Actor(name="Omar Haddad", code="JORGOV", kind="person", rule="title+dateline"),  # title, country added after
        Actor(name="Zed Quill", code="USAGOV", kind="person", rule="dictionary:people.tsv"),  # the dictionary's
        Actor(name="Ana Ruiz", code="ESPGOV", kind="person", rule="registry+title"),  # the registry's own guess
        Actor(name="Hector Valdano", code="---GOV", kind="person", rule="title"),  # no country
        Actor(name="Bo Lind", code=None, kind="person", rule="title"),
        Actor(name="Moldova", code="MDA", kind="country", rule="title"),  # not a person
    ]
    assert r.learn_from(actors) == 3
    assert r.lookup("Petrov") == "RUSGOV" and r.lookup("Kraus") == "DEUGOV" and r.lookup("Haddad") == "JORGOV"
    for name in ("Zed Quill", "Ana Ruiz", "Hector Valdano", "Bo Lind", "Moldova"):
        assert r.lookup(name) is None
    assert r.learn_from([]) == 0


def test_registry_learnable_is_the_rule_the_resolver_uses(resolve) -> None:
    resolver = ActorResolver()
    table = resolve("Moldovan Foreign Minister Andrei Cebotari met EU envoys.", resolver=resolver)
    taught = {a.name for a in table.actors if learnable(a)}
    assert taught == {"Andrei Cebotari"}
    assert {n for n, _, _ in resolver.registry.rows()} == taught
    quiet = ActorResolver(learn=False)
    resolve("Moldovan Foreign Minister Andrei Cebotari met EU envoys.", resolver=quiet)
    assert len(quiet.registry) == 0
