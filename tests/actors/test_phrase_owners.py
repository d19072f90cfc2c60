"""Whose is a phrase: possessive countries and pronouns, coordinated owners, ethnic groups, things."""

from __future__ import annotations

from actorkit import code, mention

from eventwire.actors import ActorTable


def _at(t: ActorTable, word: str) -> int:
    return next(tok.i for tok in t.doc if tok.text == word)


def _all_codes(t: ActorTable, word: str) -> list[str | None]:
    hits = [tok.i for tok in t.doc if tok.text == word]
    return [m.actor.code for m in t.all_at(hits[0])]


def test_possessive_country_gives_a_sector_its_role(resolve) -> None:
    t = resolve("Chile's mining sector lost orders after the strike.")
    assert code(t, "sector") == "CHLBUS"


def test_possessive_country_with_an_ordinary_place_noun_stays_a_place(resolve) -> None:
    t = resolve("Shells fell on Chile's northern border overnight.")
    assert code(t, "border") is None


def test_possessive_country_and_institution(resolve) -> None:
    t = resolve("Peru's interior ministry banned the march.")
    assert code(t, "ministry") == "PERGOV"


def test_flagged_ship_is_a_business_of_the_flag_state(resolve) -> None:
    t = resolve("Gunmen boarded a Maltese-flagged cargo ship off the coast.")
    assert code(t, "ship") == "MLTBUS"


def test_nationality_adjective_on_a_place_noun_is_not_an_actor(resolve) -> None:
    t = resolve("Artillery hit the Chilean port of Arica.")
    assert code(t, "port") is None
    place = t.place_at(_at(t, "port"))
    assert place is not None and place.actor.country == "CHL"


def test_coordinated_countries_after_a_role_give_one_actor_each(resolve) -> None:
    t = resolve("The defence ministers of Peru and Chile signed the accord.")
    assert _all_codes(t, "ministers") == ["PERGOV", "CHLGOV"]


def test_single_country_after_a_role_gives_one_actor(resolve) -> None:
    t = resolve("The defence ministers of Peru signed the accord with Chile.")
    assert _all_codes(t, "ministers") == ["PERGOV"]


def test_possessive_pronoun_takes_the_antecedent_not_the_place(resolve) -> None:
    t = resolve("Norway expelled two diplomats. Crowds then marched on its consulate in Moscow.")
    assert code(t, "consulate") == "NORGOV"


def test_possessive_pronoun_skips_a_plural_group_for_its(resolve) -> None:
    t = resolve("Poland recalled its envoy after students picketed its embassy in Minsk.")
    assert code(t, "embassy") == "POLGOV"


def test_their_takes_a_groups_role(resolve) -> None:
    t = resolve("The insurgents said their commanders had agreed to talks.")
    assert code(t, "commanders") == "---REB"


def test_without_possessive_the_place_still_gives_the_country(resolve) -> None:
    t = resolve("The consulate in Minsk was closed on Friday.")
    assert code(t, "consulate") == "BLRGOV"


def test_ethnic_group_with_a_usual_country_keeps_its_name(resolve) -> None:
    t = resolve("Soldiers burned the homes of Rohingya near the border.")
    m = mention(t, "Rohingya")
    assert m is not None and m.actor.code == "MMR" and m.actor.name == "Rohingya"


def test_ethnic_group_is_not_merged_with_its_country(resolve) -> None:
    t = resolve("Myanmar denied that Rohingya had been expelled.")
    a, b = mention(t, "Myanmar"), mention(t, "Rohingya")
    assert a is not None and b is not None and a.actor is not b.actor


def test_ethnic_group_role_from_head_noun(resolve) -> None:
    t = resolve("Police detained Uighur activists in Urumqi.")
    assert code(t, "activists") == "CHNOPP"


def test_country_word_beats_an_ethnic_groups_usual_country(resolve) -> None:
    t = resolve("Iraqi Kurds voted in a referendum.")
    assert code(t, "Kurds") == "IRQ"


def test_ethnic_group_without_a_usual_country_takes_the_sentence_country(resolve) -> None:
    t = resolve("Hundreds of Kurds rallied in Ankara on Sunday.")
    assert code(t, "Kurds") == "TUR"


def test_ethnic_group_without_any_country_stays_uncoded(resolve) -> None:
    t = resolve("Kurds in Syria and Turkey celebrated the new year.")
    m = mention(t, "Kurds")
    assert m is not None and m.actor.code is None and m.actor.name == "Kurds"


def test_city_holding_a_country_name_is_the_city(resolve) -> None:
    t = resolve("Clashes broke out in Port Sudan and in Benin City.")
    assert code(t, "Sudan") is None
    sudan = t.place_at(_at(t, "Sudan"))
    benin = t.place_at(_at(t, "Benin"))
    assert sudan is not None and sudan.actor.country == "SDN"
    assert benin is not None and benin.actor.country == "NGA"


def test_rescue_workers_are_civilians_and_plain_workers_labour(resolve) -> None:
    t = resolve("Rescue workers in Nepal searched the rubble while factory workers in Chile went on strike.")
    assert code(t, "Rescue") == "NPLCVL"
    assert code(t, "factory") == "CHLLAB"


def test_warring_parties_are_the_country_alone(resolve) -> None:
    t = resolve("The warring parties in Mali agreed to a truce.")
    assert code(t, "parties") == "MLI"


def test_name_after_a_place_noun_is_a_place_of_that_country(resolve) -> None:
    t = resolve("Jets bombed the Chilean port of Arica.")
    place = t.place_at(_at(t, "Arica"))
    assert place is not None and place.actor.country == "CHL"
    assert code(t, "Arica") is None


def test_nationality_and_ethnic_words_tagged_as_a_person_are_not_a_person(resolve) -> None:
    t = resolve("Rwandan Hutu militias attacked the camp.")
    assert code(t, "militias") == "RWAUAF"


def test_flagged_needs_the_hyphen_form(resolve) -> None:
    # "backed" is not ownership: a US-backed force is not American.
    t = resolve("A US-backed militia seized the town.")
    assert code(t, "militia") != "USAUAF"


def test_their_after_coordinated_countries_gives_both(resolve) -> None:
    t = resolve("Peru and Chile said their diplomats had left Quito.")
    assert sorted(c or "" for c in _all_codes(t, "diplomats")) == ["CHLGOV", "PERGOV"]


def test_its_after_coordinated_countries_gives_one(resolve) -> None:
    t = resolve("Peru and Chile met. Chile said its diplomats had left Quito.")
    assert _all_codes(t, "diplomats") == ["CHLGOV"]
