"""The converted PETRARCH-2 verb dictionary in the coder, and rules that once fitted one sentence (issue 12)."""

from __future__ import annotations

import pytest
from eventkit import asserted, coder_for

from eventwire.events.lexicon import load_lexicon


@pytest.fixture()
def code(pipeline):  # type: ignore[no-untyped-def]
    return coder_for(pipeline)


# Counterexamples: each once coded what the sentence does not say.
def test_coder_dictionary_refusal_to_allow_is_no_threat_and_no_hosting(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("India said it would not allow Pakistan to host the cricket tournament."))
    assert not any(c.startswith("13") for c, _, _ in got)
    assert not any(c == "043" for c, _, _ in got)


def test_coder_dictionary_not_accepting_a_result_is_no_threat(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("The opposition leader said his party will not accept the election result."))
    assert not any(c.startswith("13") for c, _, _ in got)


def test_coder_dictionary_release_place_is_not_the_accuser(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("A report released in London alleged that Nigeria's army tortured detainees."))
    assert not any(s.startswith("GBR") for _, s, _ in got)
    # the reported act itself is still coded
    assert any(c.startswith("18") and s.startswith("NGA") for c, s, _ in got)


def test_coder_dictionary_press_conference_is_no_meeting(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("The Kenyan president spoke at a news conference with reporters."))
    assert not any(c.startswith("04") for c, _, _ in got)
    # a meeting with another party at a press event still is one
    got = asserted(code("The Kenyan president held talks with Tanzania's president in Nairobi."))
    assert any(c.startswith("04") and s.startswith("KEN") and t.startswith("TZA") for c, s, t in got)


# The dictionary itself.
def test_coder_dictionary_rows_are_loaded_after_our_own() -> None:
    lex = load_lexicon()
    phoenix = [p for ps in lex.verbs.values() for p in ps if p.origin == "phoenix"]
    assert len(phoenix) > 3000
    # no bare dictionary row (PETRARCH's default code for a verb alone) and no row for a frame verb
    assert all(p.specificity > 0 or "negonly" in p.flags for p in phoenix)
    assert not any(p.head in ("say", "urge", "hope") for p in phoenix)
    for head, ps in lex.verbs.items():
        origins = [p.origin for p in ps]
        assert origins == sorted(origins, key=lambda o: o != "eventwire"), head


def test_coder_dictionary_fires_where_ours_is_silent_and_names_its_entry(code) -> None:  # type: ignore[no-untyped-def]
    # "abstain from violence" is not among eventwire's own rows; the dictionary codes it (087, de-escalate)
    events = [e for e in code("Colombia's rebels abstained from violence during the election.") if e.modality == "asserted"]
    hit = [e for e in events if e.code.startswith("08")]
    assert hit and hit[0].rule.startswith("px.abstain.")
    row = next(p for p in load_lexicon().verbs["abstain"] if hit[0].rule.startswith(p.id))
    assert "CAMEO.2.0.txt line" in row.example


def test_coder_dictionary_subject_constraint(code) -> None:  # type: ignore[no-untyped-def]
    # "- PARLIAMENT * POLL": only a parliament's authorising of a poll fits that pattern
    fits = [e for e in code("Britain's parliament authorized an early poll.") if e.rule.startswith("px.allow.")]
    assert fits and fits[0].source.code == "GBRLEG"
    assert not [e for e in code("The mayor authorized an early poll.") if e.rule.startswith("px.allow.")]


def test_coder_dictionary_null_code_blocks_and_says_so(pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.events import Coder
    from eventwire.models import Article
    from eventwire.nlp import parse_articles
    from eventwire.quotes import find_quotes

    art = Article(id="t", text="Syrian villagers celebrated Christmas.", published="2024-12-26", language="en")
    _, doc = next(iter(parse_articles(pipeline.nlp, [art])))
    table = pipeline.actors.resolve(doc, art.published)
    coded = Coder(doc, table, find_quotes(doc, table), art).run()
    assert not coded.events
    assert any("fits and codes no event" in n.message and "CHRISTMAS" in n.message for n in coded.notes)


# Wire copy: datelines and weapons.
def test_coder_dictionary_dateline_is_not_the_subject(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("GAZA CITY, Palestinian Territories: Four children were killed in Israeli tank shelling "
                         "on Friday, medics said."))
    assert any(c.startswith("19") and s.startswith("ISR") for c, s, _ in got)


def test_coder_dictionary_weapon_user_in_passive(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("The airliner was shot down by a missile believed to be fired by Syrian rebels."))
    assert any(s.startswith("SYR") for _, s, _ in got)


# Passives that name no doer, and who reports violence.
@pytest.mark.parametrize(("text", "prefix", "role"), [
    ("Two Kenyan activists were arrested in Nairobi on Monday.", "173", "COP"),
    ("The former minister was charged with fraud in Lagos.", "173", "JUD"),
    ("New sanctions were imposed on Iran on Friday.", "16", "GOV"),
])
def test_coder_dictionary_passive_without_doer_takes_the_usual_agent(code, text: str, prefix: str,  # type: ignore[no-untyped-def]
                                                                    role: str) -> None:
    events = [e for e in code(text) if e.modality == "asserted" and e.code.startswith(prefix)]
    assert events and events[0].source.sector == role and "+source:implied" in events[0].rule


def test_coder_dictionary_past_participle_in_passing_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    # "a Hamas member jailed a year ago": background, not a reported arrest; and no agent is made up for it
    events = code("Israel released a Hamas member jailed a year ago.")
    assert not [e for e in events if e.code == "173" and e.source.code == "---COP"]


def test_coder_dictionary_medics_reporting_deaths_accuse_no_one(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Three civilians were killed in Israeli shelling in Gaza on Friday, medics said."))
    assert any(c.startswith("19") and s.startswith("ISR") for c, s, _ in got)
    assert not any(c.startswith("11") for c, _, _ in got)
    # a party reporting another's violence still accuses it
    got = asserted(code("Hamas said Israeli troops killed three civilians in Gaza on Friday."))
    assert any(c.startswith("112") and s.startswith("PSE") for c, s, _ in got)


def test_coder_dictionary_own_null_row_for_a_sense_that_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    # "appeal" as attraction, held by a stance, is no appeal for help (020)
    assert not asserted(code("Australia's tough stance on China holds appeal to voters in the north."))
    got = asserted(code("Kenya's president made an appeal to donors for aid."))
    assert any(c.startswith("02") and s.startswith("KEN") for c, s, _ in got)


def test_coder_dictionary_visit_without_destination_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Forty Indian teachers left at dawn for the rally."))
    assert not any(c.startswith("04") for c, _, _ in got)


def test_coder_dictionary_talks_go_both_ways(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("The US commander held talks with Lebanon's president in Beirut on Wednesday."))
    assert any(c == "046" and s.startswith("USA") and t.startswith("LBN") for c, s, t in got)
    assert any(c == "046" and s.startswith("LBN") and t.startswith("USA") for c, s, t in got)


def test_coder_dictionary_crowd_with_heavy_weapons_is_no_riot(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Georgian demonstrators launched missiles at the Georgian government."))
    assert any(c == "194" for c, _, _ in got) and not any(c.startswith("145") for c, _, _ in got)
    got = asserted(code("Georgian demonstrators attacked the police station in Tbilisi."))
    assert any(c.startswith("145") for c, _, _ in got)


def test_coder_dictionary_result_participle_beside_an_accusation(code) -> None:  # type: ignore[no-untyped-def]
    # "shelled ..., killing six": one act, even when a reporting party's accusation is derived from it
    got = asserted(code("Russian forces shelled the city of Kharkiv overnight, killing six civilians, "
                        "Ukrainian officials said."))
    assert [c for c, _, _ in got if c.startswith("19")] == ["194"]
    assert any(c == "1123" and s.startswith("UKR") for c, s, _ in got)


def test_coder_dictionary_both_named_parties_act(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Trump and Chinese leader Xi Jinping met in Osaka on Saturday.", published="2019-06-29"))
    assert any(s == "USAGOV" and t == "CHNGOV" for _, s, t in got)
    got = asserted(code("Trump and Chinese leader Xi Jinping have been expected to sign a trade deal.",
                        published="2019-11-19"))
    assert {"USAGOV", "CHNGOV"} <= {s for _, s, _ in got}


def test_coder_dictionary_siege_impeachment_and_police_at_home(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Hong Kong police laid siege to a university and threatened to use live ammunition.",
                        published="2019-11-18"))
    # the siege (191) and the threat (137); police act at home, so the university is Hong Kong's
    assert ("191", "HKGCOP", "HKGEDU") in got and any(c == "137" and t == "HKGEDU" for c, _, t in got)
    got = asserted(code("The House of Representatives impeached President Trump on Wednesday.", published="2019-12-19"))
    assert ("1121", "USALEG", "USAGOV") in got


@pytest.mark.parametrize("text", ["Mr. Trump wasn’t satisfied with the offer.", "Mr. Trump wasn't satisfied with the offer."])
def test_coder_dictionary_typographic_negation(code, text: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in code(text, published="2019-11-18") if e.code.startswith("05")]
    assert events and all(e.modality == "negated" for e in events)


def test_coder_dictionary_no_comment_and_testimony(code) -> None:  # type: ignore[no-untyped-def]
    assert ("011", "KENGOV", "") in asserted(code("Kenya's foreign ministry would not comment on the report."))
    assert not asserted(code("Kenya's foreign ministry commented on the report."))
    got = asserted(code("The former US ambassador testified before the Senate on Friday.", published="2019-11-18"))
    assert any(c == "010" and s.startswith("USA") and t.endswith("LEG") for c, s, t in got)
