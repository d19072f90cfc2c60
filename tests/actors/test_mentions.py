"""Mentions the entity model mislabels, and the names metonyms keep."""

from __future__ import annotations

from actorkit import actor, code, mention

from eventwire.actors import ActorTable


def test_mentions_metonym_keeps_its_own_name(resolve) -> None:
    t = resolve("Moscow said it would respond. The Kremlin said the sanctions were illegal.")
    m = mention(t, "Kremlin")
    assert m is not None and actor(t, "Kremlin") is actor(t, "Moscow")
    ref = ActorTable.ref(m)
    assert ref.name == "Kremlin" and ref.code == "RUSGOV"
    assert ActorTable.ref(mention(t, "Moscow")).name == "Moscow"  # type: ignore[arg-type]


def test_mentions_surname_tagged_as_organisation_joins_the_person(resolve) -> None:
    t = resolve("Colombian Foreign Minister Lucia Restrepo spoke on Monday. Restrepo said the talks were useful.")
    assert actor(t, "Restrepo", 1) is actor(t, "Restrepo", 0)


def test_mentions_title_then_name_between_commas(resolve) -> None:
    t = resolve("Mrs Arango spoke with her Peruvian counterpart, Hector Quispe, on Wednesday.")
    assert code(t, "Quispe") == "PERGOV"


def test_mentions_plural_title_before_names_is_a_list(resolve) -> None:
    t = resolve("The protesters, John Smith, and Mary Jones were arrested.")
    assert code(t, "Smith") is None


def test_mentions_unknown_name_after_locative_is_a_place(resolve) -> None:
    t = resolve("Fighting continued in the town of Kalemie, officials said.")
    assert mention(t, "Kalemie") is None


def test_mentions_coordinator_takes_its_organisation(resolve) -> None:
    t = resolve("\"Help is late,\" said Kerstin Dahl, the UN humanitarian coordinator for Chad.")
    assert code(t, "Dahl") == "IGOUNO"
