"""tools/phoenix_actors.py: the Phoenix actor, agent and discard dictionaries converted for the actor coder.

The snippets below are written for these tests (invented people and groups in the dictionaries'
formats); the last test rebuilds the shipped files from the real dictionaries in ../shared.
"""

from __future__ import annotations

import csv
from pathlib import Path

import phoenix_actors
import pytest
from phoenix_codes import convert, role_of
from phoenix_records import phoenix_date, read_records, restriction

from sharedkit import ROOT, shared_or_skip

COUNTRIES = """\
# an invented country entry, its people and a national body
MALTA_  [MLT]
+MALTESE_
+VALLETTA_
+QORMILLA_PROVINCE_
+CONGO,_REPUBLIC_OF_THE_

TANCREDI_VELLAMORE_  # CountryInfo.txt
+T._VELLAMORE_
\t[MLTMIL <470101]
\t[MLTELI 19480101-990315]
\t[MLTGOVBUS 990315-040601]
\t[MLTGOV >20080310]
\t[MLTELI]
ORSOLA_BRINCATTU_
PRESIDENT_ORSOLA_BRINCATTU_
\t[MLTGOVLEG 100101-120101]
GIULIO_ZAMMITOR_
\t[MLTGOV 2004017-20061201]
\t[MLTGOV 20100931-20110101]
\t[MLTGOV 050101-060101]
PAOLO_XUERIBBI_
\t[KKLGOV 800101-850101]

MALTESE_COASTAL_WATCH
+COASTAL_WATCH_OF_MALTA
\t[MLTMIL]
"""

INTERNATIONAL = """\
LEAGUE_OF_HARBOUR_TOWNS_\t[IGOEUR]
SEAFARERS_FOR_PEACE_\t[NGOHRI] # an NGO
ACME_TURBINE_WORKS_\t[MNCMLT]
ELENA_RASTOVA_\t[IGOUNOKID 030101-071231] [ELI]
PIOUS_LEAGUE_\t[NGOCHRPRO214]
"""

MILNONSTATE = """\
FRONT_FOR_THE_FREE_SHORE_(FFS)_ [MLTREB] # invented
+FREE_SHORE_FRONT_
+FFS_
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON

LIGHTHOUSE_KEEPER [~CVL]
SALMON_FISHERMAN {SALMON_FISHERMEN} [~AGR]
HARBOUR_PILOT {} [~BUS]
FERRY!PERSON! [~BUS]
BUOY_COMPANY [~BUS]
COASTAL_PATROL [~COPMIL]
TRUCE_OBSERVER [IGO~]
RELIGIOUS_HERMIT [~REL]
"""

DISCARDS = """\
# sentence and story discards
WATER POLO
+REGATTA_
1999
THREE YEARS AGO
"""


def _tsv(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[tuple[str, str], phoenix_actors.Count]]:
    src = tmp_path_factory.mktemp("phoenix")
    for name, text in (("Phoenix.Countries.actors.txt", COUNTRIES), ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILNONSTATE), ("Phoenix.agents.txt", AGENTS),
                       ("Phoenix.discards.txt", DISCARDS)):
        (src / name).write_text(text, encoding="utf-8")
    files, counts = phoenix_actors.build(src)
    return files, {(c.dictionary, c.form): c for c in counts}


@pytest.mark.parametrize(("text", "want"), [("930627", "1993-06-27"), ("080101", "2008-01-01"), ("300101", "2030-01-01"),
                                            ("310101", "1931-01-01"), ("19270101", "1927-01-01"), ("20100931", None),
                                            ("2004017", None), ("1920030320", None)])
def test_phoenix_records_reads_six_and_eight_digit_dates(text: str, want: str | None) -> None:
    assert phoenix_date(text) == want


@pytest.mark.parametrize(("body", "code", "start", "end"), [
    ("AFGGOV 331108-730717", "AFGGOV", "1933-11-08", "1973-07-17"), ("BENGOV >081201", "BENGOV", "2008-12-01", ""),
    ("HTIOPP <061231", "HTIOPP", "", "2006-12-31"), ("IGOUNO  >070201", "IGOUNO", "2007-02-01", ""),
    ("AFGELI", "AFGELI", "", ""),
])
def test_phoenix_records_reads_restrictions(body: str, code: str, start: str, end: str) -> None:
    r = restriction(body)
    assert (r.code, r.start, r.end, r.broken) == (code, start, end, "")


def test_phoenix_records_consecutive_primaries_share_the_codes_that_follow(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("FIRST_NAME_\nSECOND_NAME_\n\t[MLTGOV]\nTHIRD_ [MLTMIL]\n", encoding="utf-8")
    recs = read_records(tmp_path / "a.txt")
    assert [r.names for r in recs] == [["FIRST_NAME_", "SECOND_NAME_"], ["THIRD_"]]
    assert [c.code for c in recs[0].codes] == ["MLTGOV"]


@pytest.mark.parametrize(("raw", "want"), [
    ("AZEGOVBUS", "AZEGOV"), ("INDGOVLEG", "INDLEG"), ("MNCUSA", "USABUS"), ("MNCUSAMED", "USAMED"), ("ELI", "---ELI"),
    ("IGOUNOREFHCR", "IGOUNOREFHCR"), ("IMGMUSALQ", "IMGMUSALQ"), ("ROUGOV", "ROMGOV"), ("IMGSEAMUSJMA", "IMGSEAMUS"),
    ("NGOCHRPRO214", None), ("KKLREB", None), ("---", None),
])
def test_phoenix_codes_convert_to_one_role_and_cameo_parts(raw: str, want: str | None) -> None:
    assert convert(raw).code == want


@pytest.mark.parametrize(("raw", "want"), [("~COP", "COP"), ("~GOVFRM", "GOV"), ("~BUDEDU", "EDU"), ("~BUD", "BUD"),
                                           ("~PPL", None), ("~REL", None)])
def test_phoenix_codes_agent_role(raw: str, want: str | None) -> None:
    assert role_of(raw) == want


def test_phoenix_actors_people_get_dated_roles_and_a_default(built) -> None:  # type: ignore[no-untyped-def]
    files, _ = built
    rows = [r for r in _tsv(files["people.tsv"]) if r["entry"] == "TANCREDI_VELLAMORE"]
    got = {(r["code"], r["from"], r["until"]) for r in rows}
    assert got == {("MLTMIL", "", "1947-01-01"), ("MLTELI", "1948-01-01", "1999-03-15"),
                   ("MLTGOV", "1999-03-15", "2004-06-01"),  # GOVBUS: one role
                   ("MLTGOV", "2008-03-10", ""), ("MLTELI", "", "")}  # ">date", and the default
    assert rows[0]["names"] == "Tancredi Vellamore|T. Vellamore"


def test_phoenix_actors_titles_leave_names_and_legislature_pairs_read_as_leg(built) -> None:  # type: ignore[no-untyped-def]
    files, _ = built
    rows = [r for r in _tsv(files["people.tsv"]) if r["entry"] == "ORSOLA_BRINCATTU"]
    assert [(r["names"], r["code"]) for r in rows] == [("Orsola Brincattu", "MLTLEG")]


def test_phoenix_actors_counts_malformed_dates_and_codes_that_are_not_cameo(built) -> None:  # type: ignore[no-untyped-def]
    files, counts = built
    assert [r["from"] for r in _tsv(files["people.tsv"]) if r["entry"] == "GIULIO_ZAMMITOR"] == ["2005-01-01"]
    dated = counts[("Phoenix.Countries.actors", "people: dated roles")]
    assert "malformed date (2)" in dated.why and "code is not CAMEO (unknown country part) (1)" in dated.why
    assert "PAOLO_XUERIBBI" not in files["people.tsv"]
    assert counts[("Phoenix.International.actors", "groups")].dropped == 1  # NGOCHRPRO214


def test_phoenix_actors_places_add_only_what_eventwire_lacks(built) -> None:  # type: ignore[no-untyped-def]
    files, counts = built
    places = {r["names"]: r["code"] for r in _tsv(files["places.tsv"])}
    assert places == {"Qormilla Province": "MLT"}  # Malta, Maltese, Valletta are eventwire's already
    why = counts[("Phoenix.Countries.actors", "place names")].why
    assert "already in eventwire's countries tables (3)" in why and "inverted name" in why


def test_phoenix_actors_groups_by_kind(built) -> None:  # type: ignore[no-untyped-def]
    files, _ = built
    groups = {r["entry"]: (r["names"], r["code"], r["kind"]) for r in _tsv(files["groups.tsv"])}
    assert groups["MALTESE_COASTAL_WATCH"] == ("Maltese Coastal Watch|Coastal Watch Of Malta", "MLTMIL", "body")
    assert groups["LEAGUE_OF_HARBOUR_TOWNS"][1:] == ("IGOEUR", "igo")
    assert groups["SEAFARERS_FOR_PEACE"][1:] == ("NGOHRI", "ngo")
    assert groups["ACME_TURBINE_WORKS"][1:] == ("MLTBUS", "company")
    # the parenthesised acronym goes, and so does a three-letter one-word name
    assert groups["FRONT_FOR_THE_FREE_SHORE_(FFS)"] == ("Front For The Free Shore|Free Shore Front", "MLTREB", "group")


def test_phoenix_actors_international_people_with_ranges_and_a_bare_role_default(built) -> None:  # type: ignore[no-untyped-def]
    files, _ = built
    got = {(r["code"], r["from"], r["until"]) for r in _tsv(files["people.tsv"]) if r["entry"] == "ELENA_RASTOVA"}
    assert got == {("IGOUNOKID", "2003-01-01", "2007-12-31"), ("---ELI", "", "")}


def test_phoenix_agents_plurals_substitutions_and_tildes(built) -> None:  # type: ignore[no-untyped-def]
    files, counts = built
    agents = {r["text"]: (r["role"], r["number"]) for r in _tsv(files["agents.tsv"])}
    assert agents["lighthouse keepers"] == ("CVL", "plural")  # generated
    assert agents["salmon fishermen"] == ("AGR", "plural")  # given in {}
    assert "harbour pilots" not in agents and agents["harbour pilot"] == ("BUS", "singular")  # {}: none
    assert agents["buoy companies"] == ("BUS", "plural")
    assert agents["ferrywomen"] == ("BUS", "plural") and agents["ferryperson"] == ("BUS", "singular")  # !PERSON!
    assert agents["coastal patrol"] == ("COP", "singular")  # ~COPMIL: one role
    assert "truce observer" not in agents and "religious hermit" not in agents
    why = counts[("Phoenix.agents", "role nouns")].why
    assert "code goes before the actor's (IGO~, NGO~) (1)" in why and "not a CAMEO role (REL, PPL) (1)" in why


def test_phoenix_agents_discards_by_scope_and_match(built) -> None:  # type: ignore[no-untyped-def]
    files, counts = built
    rows = {r["phrase"]: (r["scope"], r["match"]) for r in _tsv(files["discards.tsv"])}
    assert rows == {"water polo": ("sentence", "stem"), "regatta": ("story", "word")}
    assert counts[("Phoenix.discards", "sentence discards")].dropped == 2  # the year and the time reference


def test_phoenix_actors_output_is_sorted_and_deterministic(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files, _ = built
    src = tmp_path / "again"
    src.mkdir()
    for name, text in (("Phoenix.Countries.actors.txt", COUNTRIES), ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILNONSTATE), ("Phoenix.agents.txt", AGENTS),
                       ("Phoenix.discards.txt", DISCARDS)):
        (src / name).write_text(text, encoding="utf-8")
    assert phoenix_actors.build(src)[0] == files


def test_phoenix_actors_shipped_files_regenerate_byte_identically() -> None:
    src = shared_or_skip("reference", "phoenix", "Phoenix.Countries.actors.txt").parent
    files, _ = phoenix_actors.build(src)
    shipped = ROOT / "src" / "eventwire" / "codebook" / "phoenix"
    for name, text in files.items():
        assert (shipped / name).read_bytes() == text.encode("utf-8"), f"{name} is stale: run tools/build_phoenix.py"
