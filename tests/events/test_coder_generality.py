"""Wire-style phrasings the coder reads the general way: particles the parser takes for adverbs, amounts of
money and goods, crowds turning violent, participants placed by the event's country, conditional threats."""

from __future__ import annotations

import pytest
from eventkit import asserted, coder_for


@pytest.fixture()
def code(pipeline):  # type: ignore[no-untyped-def]
    return coder_for(pipeline)


def test_coder_generality_adverb_particles(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Peru's president stepped down on Monday."))
    assert any(c == "0831" and s.startswith("PER") for c, s, _ in got)
    got = asserted(code("The Libyan delegation walked out of the peace talks in Rome."))
    assert any(c == "164" and s.startswith("LBY") for c, s, _ in got)
    # "stepped up" is not a resignation
    assert not any(c.startswith("083") for c, _, _ in asserted(code("Peru's president stepped up security.")))


def test_coder_generality_amounts(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Norway pledged $200 million in reconstruction aid to Sudan."))
    assert any(c.startswith("033") and s.startswith("NOR") and t.startswith("SDN") for c, s, t in got)
    got = asserted(code("Qatar gave Jordan $500 million."))
    assert any(c == "071" and s.startswith("QAT") and t.startswith("JOR") for c, s, t in got)
    got = asserted(code("India sent ten tonnes of medical supplies to Sri Lanka."))
    assert any(c == "073" and s.startswith("IND") and t.startswith("LKA") for c, s, t in got)


def test_coder_generality_crowd_violence(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Kenyan protesters torched a police station in Nairobi."))
    assert any(c == "145" and s.startswith("KEN") for c, s, _ in got)
    # soldiers doing the same are not protesting
    got = asserted(code("Kenyan soldiers torched a police station in Nairobi."))
    assert got and not any(c.startswith("14") for c, _, _ in got)


def test_coder_generality_countryless_target_takes_place(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Police detained dozens of protesters in Caracas on Sunday."))
    assert not got or all(not t.startswith("---") for _, _, t in got)
    got = asserted(code("Egyptian police arrested dozens of protesters on Friday."))
    assert any(c.startswith("173") and t.startswith("EGY") for c, _, t in got)


def test_coder_generality_visits_need_a_country(code) -> None:  # type: ignore[no-untyped-def]
    assert not any(c.startswith("04") for c, _, _ in asserted(code("Thousands of tourists visited Rome last week.")))
    assert any(c == "042" for c, _, _ in asserted(code("The Chilean president visited Rome last week.")))


def test_coder_generality_conditional_threat_isasserted(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Japan threatened Russia with sanctions if it did not withdraw."))
    assert any(c.startswith("13") and s.startswith("JPN") and t.startswith("RUS") for c, s, t in got)
    # a conditional attack stays hypothetical
    assert not asserted(code("Russia would attack Japan if it joined the alliance."))


def test_coder_generality_polysemous_hit(code) -> None:  # type: ignore[no-untyped-def]
    assert not asserted(code("Japanese shares hit a record high on Monday."))
    got = asserted(code("Turkish jets struck Kurdish targets in northern Iraq."))
    assert any(c.startswith("19") and s.startswith("TUR") for c, s, _ in got)


def test_coder_generality_missile_launch_without_target(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Pakistan launched a new cruise missile on Tuesday."))
    assert any(c == "150" and s.startswith("PAK") for c, s, _ in got)
    got = asserted(code("Hamas fired rockets at Israel on Tuesday."))
    assert any(c.startswith("19") for c, _, _ in got)


def test_coder_generality_demand_with_uncoded_clause(code) -> None:  # type: ignore[no-untyped-def]
    # the demand stands on its own when what is demanded has no code of its own
    got = asserted(code("Lithuania demanded that Belarus compensate the farmers."))
    assert any(c.startswith("10") and s.startswith("LTU") and t.startswith("BLR") for c, s, t in got)
    # a coded clause is still read through the demand frame (one event, the specific demand code)
    got = asserted(code("The rebels demanded that Kabul release their commanders."))
    assert [c for c, _, _ in got if c.startswith("10")] == ["1053"]
    # a negated demand is not asserted
    assert not any(c.startswith("10") for c, _, _ in
                   asserted(code("Lithuania did not demand that Belarus compensate the farmers.")))


def test_coder_generality_owner_of_seized_property(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Ukrainian border guards seized a Moldovan cargo ship."))
    assert any(c == "1711" and s.startswith("UKR") and t.startswith("MDA") for c, s, t in got)
    # nothing owned by an actor: no target is invented
    got = asserted(code("Ukrainian border guards seized the cargo."))
    assert any(c == "1711" and s.startswith("UKR") and t == "" for c, s, t in got)


def test_coder_generality_welcomed_decision_is_praise(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Chile welcomed Bolivia's decision to return to the negotiating table."))
    assert not any(c == "043" for c, _, _ in got)
    assert any(c == "051" and s.startswith("CHL") for c, s, _ in got)
    # welcoming a person is still hosting
    got = asserted(code("Chile welcomed the Bolivian foreign minister."))
    assert any(c == "043" and s.startswith("CHL") for c, s, _ in got)


def test_coder_generality_joint_projects(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Ghana and Togo set up a joint commission on border security."))
    assert {(c, s[:3], t[:3]) for c, s, t in got if c.startswith("06")} >= {("060", "GHA", "TGO"), ("060", "TGO", "GHA")}
    assert not any(c.startswith("06") for c, _, _ in
                   asserted(code("Ghana refused to set up a joint commission with Togo.")))


def test_coder_generality_rejected_proposal_author_is_target(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Serbia rejected a Croatian proposal for talks on the border."))
    assert any(c.startswith("12") and s.startswith("SRB") and t.startswith("HRV") for c, s, t in got)
    # a proposal with no author named: no target is invented
    got = asserted(code("Serbia rejected the proposal for talks on the border."))
    assert any(c.startswith("12") and s.startswith("SRB") and t == "" for c, s, t in got)


def test_coder_generality_stone_throwing(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("Turkish demonstrators threw stones at Greek riot police."))
    assert any(c == "145" and s.startswith("TUR") and t.startswith("GRC") for c, s, t in got)
    # throwing something that is not a missile of protest is no event
    assert not asserted(code("The Turkish goalkeeper threw the ball to a Greek defender."))


def test_coder_generality_rounds_and_waves(code) -> None:  # type: ignore[no-untyped-def]
    # "a round of", "a wave of": the event is what the round is of
    got = asserted(code("Azerbaijan and Armenia held a third round of talks in Moscow."))
    assert any(c.startswith("04") and s.startswith("AZE") and t.startswith("ARM") for c, s, t in got)
    got = asserted(code("Turkey launched a new wave of air strikes on Kurdish militants in Iraq."))
    assert any(c.startswith("19") and s.startswith("TUR") for c, s, _ in got)
    assert not any(c.startswith("04") for c, _, _ in got)
    # a round that is not of anything is not a meeting
    assert not asserted(code("The Peruvian election will be held in two rounds."))


@pytest.mark.parametrize("text", [
    "Rescuers searched for victims killed by the Air India crash near Ahmedabad.",
    "The earthquake killed 300 people in Nepal.",
    "Dozens of homes in Kerala were destroyed by the floods.",
])
def test_coder_generality_mishaps_have_no_doer(code, text: str) -> None:  # type: ignore[no-untyped-def]
    # an airline named in the crash, or the country hit, is not who used force
    assert not any(c[:2] in ("18", "19", "20") for c, _, _ in asserted(code(text)))


def test_coder_generality_weapon_in_bombing_is_military(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("The airliner was blown up over Syria by a missile fired by Turkish forces."))
    assert any(c.startswith("19") and s.startswith("TUR") for c, s, _ in got)
    # without a military weapon, blowing up stays a bombing
    got = asserted(code("Militants blew up a gas pipeline in Sinai."))
    assert any(c == "183" for c, _, _ in got)


def test_coder_generality_events_name_a_dyad(code) -> None:  # type: ignore[no-untyped-def]
    # no target and a source of no country: nothing to say about anyone's relations
    assert not asserted(code("Officials praised the plan."))
    # the same act with a country, or a target, is kept
    assert any(c.startswith("05") and s.startswith("KEN") for c, s, _ in asserted(code("Kenyan officials praised the plan.")))
    assert any(c.startswith("05") and t.startswith("FRA") for c, _, t in asserted(code("Officials praised France.")))


def test_coder_generality_lodged_concern_is_a_complaint(code) -> None:  # type: ignore[no-untyped-def]
    got = asserted(code("The Indian envoy registered his concerns over the visa rules with the British government."))
    assert any(c == "114" and s.startswith("IND") for c, s, _ in got)
    # voicing concern stays a pessimistic comment
    got = asserted(code("The Indian envoy raised concerns over the visa rules with the British government."))
    assert any(c == "012" for c, _, _ in got) and not any(c == "114" for c, _, _ in got)
