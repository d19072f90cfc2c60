"""Who did what to whom: voice, coordination, prepositions, event nouns, frames, reported speech, quotes,
and the date, place and provenance every event carries. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from eventkit import coder_for

from eventwire.models import Event

Code = Callable[..., list[Event]]


@pytest.fixture()
def code(pipeline):  # type: ignore[no-untyped-def]
    return coder_for(pipeline)


def _dyads(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.code, (e.source.code or "")[:3] if e.source else "", (e.target.code or "")[:3] if e.target else "")
            for e in events if e.modality == "asserted"}


def test_coder_passive_voice_takes_the_agent_as_source(code: Code) -> None:
    dy = _dyads(code("Twelve Turkish soldiers were arrested by Syrian police near the border."))
    assert ("173", "SYR", "TUR") in dy


def test_coder_coordinated_sources_give_one_event_each(code: Code) -> None:
    dy = _dyads(code("Germany, France and Italy imposed sanctions on Russia."))
    assert {("163", "DEU", "RUS"), ("163", "FRA", "RUS"), ("163", "ITA", "RUS")} <= dy


def test_coder_reciprocal_event_pairs_coordinated_parties(code: Code) -> None:
    dy = _dyads(code("Chile and Peru held talks in Lima on Monday."))
    assert {("046", "CHL", "PER"), ("046", "PER", "CHL")} <= dy


def test_coder_prepositional_target_on_verb_and_noun(code: Code) -> None:
    assert ("040", "NOR", "SWE") in _dyads(code("Norway spoke with Sweden about the fishing quota."))
    assert ("111", "GHA", "TGO") in _dyads(code("Ghana voiced strong criticism of Togo over the arrests."))


def test_coder_nominal_event_with_reversed_roles(code: Code) -> None:
    dy = _dyads(code("The Polish president received a telephone call from the Lithuanian president."))
    assert ("041", "LTU", "POL") in dy


def test_coder_threat_is_coded_as_threat_not_as_sanction(code: Code) -> None:
    events = code("Australia threatened new sanctions against Fiji.")
    assert ("1312", "AUS", "FJI") in _dyads(events)
    assert not [e for e in events if e.code.startswith("163") and e.modality == "asserted"]


def test_coder_intention_takes_an_03_code(code: Code) -> None:
    events = code("The Austrian chancellor is expected to visit Slovenia next week.")
    assert any(e.code == "036" for e in events)
    assert not [e for e in events if e.code.startswith("04") and e.modality == "asserted"]


def test_coder_refusal_is_a_rejection(code: Code) -> None:
    dy = _dyads(code("Serbia refused to negotiate with Kosovo."))
    assert ("125", "SRB", "XKX") in dy or any(c == "125" and s == "SRB" for c, s, _ in dy)


def test_coder_reported_event_belongs_to_its_own_subject(code: Code) -> None:
    events = code("Egypt said Israel attacked a convoy in Gaza.")
    assert any(e.code.startswith("19") and e.source and (e.source.code or "").startswith("ISR") for e in events)
    assert not any(e.code.startswith("19") and e.source and (e.source.code or "").startswith("EGY") for e in events)


def test_coder_speaker_commitment_is_an_intention(code: Code) -> None:
    dy = _dyads(code("Qatar said it would provide humanitarian aid to Sudan."))
    assert ("0333", "QAT", "SDN") in dy


def test_coder_speaker_refusal_with_condition_is_a_threat(code: Code) -> None:
    events = code("Brazil said it would not attend the summit in Caracas if the elections were cancelled.")
    assert any(e.code.startswith("13") and e.modality == "asserted" for e in events)
    assert not any(e.code.startswith("04") and e.modality == "asserted" for e in events)


def test_coder_quote_speaker_stands_for_we(code: Code) -> None:
    text = '"We condemn the attack on our embassy," the Japanese foreign minister said of the raid by Peruvian police.'
    events = code(text)
    assert any(e.code == "111" and e.source and (e.source.code or "").startswith("JPN") for e in events)


def test_coder_past_weekday_is_the_latest_one_and_future_weekday_the_next(code: Code) -> None:
    past = code("Chile and Peru held talks on Monday.")  # published Thursday 9 May 2024
    assert {e.date for e in past if e.code == "046"} == {"2024-05-06"}
    ahead = code("The Austrian chancellor is expected to visit Slovenia on Monday.")
    assert {e.date for e in ahead if e.code == "036"} == {"2024-05-13"}


def test_coder_relative_day_words_resolve_against_publication(code: Code) -> None:
    events = code("Indonesia expelled two Malaysian diplomats yesterday.")
    assert {e.date for e in events if e.code.startswith("16")} == {"2024-05-08"}
    undated = code("Indonesia expelled two Malaysian diplomats.")
    assert {e.date for e in undated if e.code.startswith("16")} == {"2024-05-09"}


def test_coder_place_is_geocoded(code: Code) -> None:
    events = [e for e in code("Kenya and Uganda held talks in Nairobi.") if e.code == "046"]
    assert events and all(e.place is not None for e in events)
    place = events[0].place
    assert place is not None and place.name == "Nairobi" and place.country == "KEN"
    assert place.lat is not None and -2 < place.lat < 0


def test_coder_meeting_in_a_third_country_is_044(code: Code) -> None:
    events = code("The Indian foreign minister met the Pakistani foreign minister in Moscow.")
    assert any(e.code == "044" for e in events)


def test_coder_events_carry_provenance(code: Code) -> None:
    text = "Peru lodged a formal protest with Bolivia."
    events = code(text)
    ev = next(e for e in events if e.code == "114")
    assert ev.sentence == text
    assert text[ev.span[0]:ev.span[1]].strip() == text
    assert ev.trigger is not None and text[ev.trigger[0]:ev.trigger[1]] == "lodged"
    assert ev.rule == "lodge.complaint"
    assert ev.goldstein == -2.0 and ev.quad_class == 3 and ev.plover and ev.plover["event"] == "ACCUSE"


def test_coder_source_without_actor_gives_no_event(code: Code) -> None:
    assert code("The pair met briefly in the corridor before lunch.") == []


def test_coder_question_asserts_nothing(code: Code) -> None:
    events = code("Will Russia attack Ukraine again this winter?")
    assert events and all(e.modality == "hypothetical" for e in events)


def test_coder_being_a_threat_is_not_a_threat_event(code: Code) -> None:
    assert not any(e.code.startswith("13") for e in code("Hungary said the new Polish law is a threat to Europe."))


def test_coder_sports_result_is_not_an_assault(code: Code) -> None:
    assert not any(e.code.startswith("18") for e in code("Argentina beat Brazil in the final on Sunday."))


def test_coder_appeal_for_elections_is_an_appeal_for_reform(code: Code) -> None:
    assert ("024", "VEN", "") in _dyads(code("Venezuela's opposition called for new elections."))


def test_coder_party_reporting_anothers_violence_adds_an_accusation(code: Code) -> None:
    events = code("Armenia said Azerbaijani troops shelled a village in the south.")
    codes = {(e.code[:2], (e.source.code or "")[:3] if e.source else "") for e in events}
    assert ("19", "AZE") in codes and ("11", "ARM") in codes


def test_coder_media_reporting_violence_accuses_nobody(code: Code) -> None:
    events = code("Azerbaijani troops shelled a village, Armenian state television reported.")
    assert any(e.code.startswith("19") for e in events)
    assert not any(e.code.startswith("11") for e in events)


def test_coder_claim_of_own_attack_is_claim_of_responsibility(code: Code) -> None:
    events = code("The Pakistani Taliban claimed that they had attacked the police station.")
    assert any(e.code == "015" for e in events)


def test_coder_document_speaks_for_its_named_author(code: Code) -> None:
    events = code("A report by Kenya's human rights commission alleged that Uganda armed the rebels.")
    assert any(e.code.startswith("11") and (e.source.code or "").startswith("KEN") and e.target
               and (e.target.code or "").startswith("UGA") for e in events)
    # where it was released says nothing of who wrote it (tests/events/test_coder_dictionary.py)
    events = code("A report released in the Kenyan capital alleged that Uganda armed the rebels.")
    assert not any((e.source.code or "").startswith("KEN") for e in events)
