"""The actor dictionary: shipped data files, derived forms, and the user's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.lexicon import add_user_entries, load_lexicon, load_user_dictionary, plural
from eventwire.errors import EventwireError


@pytest.mark.parametrize(("word", "want"), [("minister", "ministers"), ("spokesman", "spokesmen"),
                                            ("party", "parties"), ("Afghan", "Afghans"), ("Chinese", "Chinese"),
                                            ("Swiss", "Swiss"), ("day", "days")])
def test_lexicon_plural_of_role_nouns_and_demonyms(word: str, want: str) -> None:
    assert plural(word) == want


def test_lexicon_covers_every_country_by_name() -> None:
    import pycountry

    lex = load_lexicon()
    codes = {e.code for entries in lex.index.values() for e in entries if e.kind == "country"}
    # CAMEO keeps a few pre-2002 codes (ROM, TMP, MTN); every other ISO country is there as itself.
    missing = {c.alpha_3 for c in pycountry.countries} - codes - {"ROU", "TLS", "MNE"}
    assert not missing


@pytest.mark.parametrize(("words", "kind", "code"), [
    (("russian",), "country", "RUS"), (("ukrainians",), "country", "UKR"), (("britain",), "country", "GBR"),
    (("kremlin",), "seat", "RUSGOV"), (("nato",), "org", "IGOWSTNAT"), (("european", "commission"), "org", "IGOEUREEC"),
    (("foreign", "minister"), "role", "GOV"), (("troops",), "role", "MIL"), (("policemen",), "role", "COP"),
    (("romania",), "country", "ROM"),
])
def test_lexicon_knows_names_adjectives_demonyms_and_roles(words: tuple[str, ...], kind: str, code: str) -> None:
    entries = load_lexicon().lookup(words)
    assert entries and entries[0].kind == kind and entries[0].code == code


def test_lexicon_case_sensitive_forms_only_match_as_written() -> None:
    us = load_lexicon().lookup(("us",))[0]
    assert us.cased  # "US" the country, not "us" the pronoun


def test_lexicon_reads_user_csv_with_or_without_header(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("name,code\nIvo Marek,CZEGOV\n")
    (tmp_path / "b.csv").write_text("Ivo Marek,CZEGOV\n# a comment\nLunar Front,---REB\n")
    assert load_user_dictionary(tmp_path / "a.csv") == [("Ivo Marek", "CZEGOV")]
    assert load_user_dictionary(tmp_path / "b.csv") == [("Ivo Marek", "CZEGOV"), ("Lunar Front", "---REB")]


def test_lexicon_reads_user_yaml_mapping_and_list(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("Ivo Marek: CZEGOV\n")
    (tmp_path / "b.yml").write_text("actors:\n  - name: Ivo Marek\n    code: czegov\n")
    assert load_user_dictionary(tmp_path / "a.yaml") == [("Ivo Marek", "CZEGOV")]
    assert load_user_dictionary(tmp_path / "b.yml") == [("Ivo Marek", "CZEGOV")]


@pytest.mark.parametrize("content", ["just one column\n", "name,code\nIvo Marek,\n", "Ivo Marek,CZE GOV\n"])
def test_lexicon_bad_user_csv_is_error_e030(tmp_path: Path, content: str) -> None:
    (tmp_path / "bad.csv").write_text(content)
    with pytest.raises(EventwireError) as e:
        load_user_dictionary(tmp_path / "bad.csv")
    assert e.value.code == "E030"


def test_lexicon_missing_user_file_is_error_e030(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as e:
        load_user_dictionary(tmp_path / "nope.yaml")
    assert e.value.code == "E030"


def test_lexicon_user_entries_override_shipped_ones() -> None:
    lex = load_lexicon.__wrapped__()  # a fresh copy, not the shared cached one
    assert not lex.lookup(("ranger",))
    add_user_entries(lex, [("Kremlin", "RUSSPY"), ("ranger", "---COP")], "mine.csv")
    kremlin = lex.lookup(("kremlin",))
    assert [e.code for e in kremlin] == ["RUSSPY"] and kremlin[0].source == "mine.csv"
    # A bare role code makes the name a role noun, plural included.
    rangers = lex.lookup(("rangers",))
    assert rangers[0].kind == "role" and rangers[0].code == "COP"
