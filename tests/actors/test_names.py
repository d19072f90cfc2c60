"""Within-document name resolution: surnames, honorifics, shared surnames and NER slips."""

from __future__ import annotations

from actorkit import actor, code, mention


def test_names_surname_and_honorific_find_the_full_name(resolve) -> None:
    t = resolve("Russian Foreign Minister Ivan Petrov arrived in Geneva. Mr Petrov said talks would go on. "
                "Later Petrov left.")
    first = actor(t, "Petrov", 0)
    assert actor(t, "Petrov", 1) is first and actor(t, "Petrov", 2) is first
    assert first.code == "RUSGOV" and first.name == "Ivan Petrov"


def test_names_two_people_sharing_a_surname_stay_apart(resolve) -> None:
    t = resolve("French President Paul Garnier met his brother, the banker Louis Garnier, on Monday. "
                "Louis Garnier said the bank would lend more. Garnier added that rates would fall.")
    paul, louis = actor(t, "Garnier", 0), actor(t, "Garnier", 1)
    assert paul is not louis
    assert paul.code == "FRAGOV" and louis.code != "FRAGOV"
    assert actor(t, "Garnier", 2) is louis  # the full name again, not the president
    assert actor(t, "Garnier", 3) is louis  # a bare surname: the latest of the two


def test_names_gender_of_the_honorific_picks_the_person(resolve) -> None:
    t = resolve("Mrs Anne Walsh met Mr Tom Walsh in Ottawa. Mrs Walsh said the meeting went well. "
                "Mr Walsh said nothing.")
    anne, tom = actor(t, "Walsh", 0), actor(t, "Walsh", 1)
    assert anne is not tom
    assert actor(t, "Walsh", 2) is anne
    assert actor(t, "Walsh", 3) is tom


def test_names_title_is_not_part_of_the_name(resolve) -> None:
    t = resolve("Mrs Ilse Becker spoke first. Mrs Becker then left the room.")
    a = actor(t, "Becker")
    assert a.name == "Ilse Becker"
    assert actor(t, "Becker", 1) is a


def test_names_country_tagged_as_person_is_still_the_country(resolve) -> None:
    t = resolve("Last week Switzerland, Austria and Liechtenstein said they were taking similar steps.")
    assert code(t, "Liechtenstein") == "LIE"
    assert actor(t, "Liechtenstein").kind == "country"


def test_names_platform_is_never_an_actor(resolve) -> None:
    t = resolve("The minister announced on Twitter that the border would reopen.")
    assert mention(t, "Twitter") is None


def test_names_known_people_are_coded_by_the_date(resolve) -> None:
    assert code(resolve("Obama spoke to reporters.", published="2014-06-01"), "Obama") == "USAGOV"
    assert code(resolve("Obama spoke to reporters.", published="2006-06-01"), "Obama") == "USALEG"
    # Outside any office in the list: no code from the list.
    assert code(resolve("Obama spoke to reporters.", published="1999-06-01"), "Obama") is None


def test_names_description_finds_the_person_with_that_title(resolve) -> None:
    t = resolve("Romanian Prime Minister Dan Ionescu visited Kyiv. The prime minister promised more aid.")
    assert actor(t, "minister") is actor(t, "Ionescu")


def test_names_description_needs_a_matching_country(resolve) -> None:
    t = resolve("Russian Foreign Minister Oleg Marin met reporters. The Russian foreign minister said little. "
                "The Polish foreign minister disagreed.")
    marin = actor(t, "Marin")
    assert actor(t, "minister", 0) is marin  # "The Russian foreign minister"
    assert actor(t, "minister", 1) is not marin and actor(t, "minister", 1).code == "POLGOV"


def test_names_a_lower_case_word_before_a_name_is_not_part_of_it(resolve) -> None:
    # The entity model can take the verb before a surname into the name ("rang Taylor").
    table = resolve("The coach rang Taylor on Friday to explain the decision.")
    names = [a.name for a in table.actors if a.kind == "person"]
    assert "Taylor" in names
    assert not any(n.startswith("rang") for n in names)


def test_names_lower_case_particles_stay_in_a_name(resolve) -> None:
    table = resolve("Crown Prince Mohammed bin Salman met the envoy in Riyadh.")
    names = [a.name for a in table.actors if a.kind == "person"]
    assert any("bin Salman" in n for n in names)
