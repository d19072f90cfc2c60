"""The PETRARCH-2 verb dictionary converter (tools/phoenix_verbs.py): each pattern form it maps, each it drops."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import phoenix_verbs  # noqa: E402
from phoenix_verbs import Dropped, convert_pattern  # noqa: E402

# A small dictionary in the PETRARCH-2 format, written for these tests.
SAMPLE = """\
# a comment
&VEHICLE
+TRUCK
+ARMORED_CAR

---  SEIZE   [---]  ---
SEIZE {SEIZES SEIZING SEIZED}
GRAB  [171]
+TAKE_OVER {+TOOK_OVER +TAKES_OVER}
WIRE_+TAP
- * &VEHICLE                                      [1711]   # SEIZE
- * (FROM +)                                      [171]
- POLICE * {DRUG SHIPMENT}                        [1711]
- WILL NOT * LAND                                 [---]
- * CONTROL BOARD THING                           [171]
- * FROM (FROM $)                                 [171]

---  VISIT   [042:043]  ---
VISIT
- * (IN &UNDEFINED)                               [042]

~ a (a b SEIZE) SAY = a b 171
"""


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    (tmp_path / "CAMEO.2.0.txt").write_text(SAMPLE, encoding="utf-8")
    return tmp_path


def _rows(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:]]


@pytest.mark.parametrize(("pattern", "field", "want"), [
    ("* &VEHICLE", "object", "@px_vehicle"),  # a synonym set becomes a word class
    ("* {DRUG SHIPMENT}", "object", "drug shipment"),  # a braced phrase: modifier and head
    ("* (FROM +)", "target", "prep:from"),  # a target in a prepositional phrase
    ("* (FROM +)", "prep", "from"),
    ("* (FOR AID)", "prep", "for"),  # a prepositional noun: the preposition and its object
    ("* (FOR AID)", "object", "aid"),
    ("* OFF (FOR)", "particle", "off"),  # a particle right after the verb
    ("POLICE *", "subject", "police"),  # a word before the verb constrains the subject
    ("&VEHICLE *", "subject", "@px_vehicle"),
    ("WILL NOT * (TOWARDS +)", "flags", "negonly"),  # negation before the verb is part of the pattern
    ("* +", "target", "obj"),
    ("$ * AID", "object", "aid"),  # the source before the verb is the subject, as by default
])
def test_phoenix_verbs_pattern_forms(pattern: str, field: str, want: str) -> None:
    assert convert_pattern(pattern)[field] == want


@pytest.mark.parametrize(("pattern", "why"), [
    ("* CONTROL BOARD THING", "several unbracketed words after the verb"),
    ("* (IN $)", "source after the verb"),
    ("+ * ROCKET", "target before the verb"),
    ("ABRUPTLY * TALKS", "adverb before the verb"),
    ("* % ROCKET", "compound-actor or skip marker"),
    ("SPY_*_DEAL", "verb inside a compound word"),
    ("* (WITH {BIG TALKS}) (ON SANCTIONS)", "several prepositional nouns"),
])
def test_phoenix_verbs_drops_forms_it_cannot_map(pattern: str, why: str) -> None:
    with pytest.raises(Dropped, match=why.replace("(", r"\(")):
        convert_pattern(pattern)


def test_phoenix_verbs_build_blocks_voices_and_counts(sample: Path) -> None:
    files, counts = phoenix_verbs.build(sample)
    rows = _rows(files["verbs.tsv"])
    by_id = {r["id"]: r for r in rows}
    # synonyms share a block's patterns; a multi-word verb keeps its particle
    vehicle = next(r for r in rows if r["object"] == "@px_vehicle" and not r["particle"])
    assert vehicle["lemma"] == "grab|seize" and vehicle["code"] == "1711"
    assert any(r["lemma"] == "take" and r["particle"] == "over" and r["object"] == "@px_vehicle" for r in rows)
    # a verb's own code is a bare row; the block's null code gives none
    assert by_id["px.seize.grab"]["code"] == "171" and "px.seize.seize" not in by_id
    # [042:043]: the active and the passive voice each get their code
    assert by_id["px.visit.visit.active"]["code"] == "042" and by_id["px.visit.visit.passive"]["code"] == "043"
    assert by_id["px.visit.visit.passive"]["flags"] == "passive|needtarget"  # a visit needs someone visited
    # a null-code pattern stays: it blocks the verb's default code where it fits
    assert any(r["code"] == "---" and r["flags"] == "negonly" for r in rows)
    # provenance: the source file, line and original pattern
    assert "CAMEO.2.0.txt line" in vehicle["example"] and "&VEHICLE" in vehicle["example"]
    assert "px_vehicle\tarmored car|truck" in files["event_word_classes.tsv"]
    got = {c.form: c for c in counts}
    assert got["verb synonyms"].dropped == 1  # WIRE_+TAP
    assert got["transformations (~)"].dropped == 1
    assert "undefined synonym set 1" in got["patterns"].why
    assert got["patterns"].dropped == 3 and got["patterns"].converted == 4


def test_phoenix_verbs_build_is_deterministic(sample: Path) -> None:
    assert phoenix_verbs.build(sample)[0] == phoenix_verbs.build(sample)[0]


def test_phoenix_build_regenerates_every_shipped_file_identically() -> None:
    """The whole driver (verbs, actors, README with the counts, licence): what ships is what a rebuild gives."""
    import build_phoenix

    from sharedkit import shared_or_skip

    src = shared_or_skip("reference", "phoenix", "CAMEO.2.0.txt").parent
    files, counts = build_phoenix.build(src)
    shipped = ROOT / "src" / "eventwire" / "codebook" / "phoenix"
    assert sorted(p.name for p in shipped.iterdir() if p.is_file()) == sorted(files)
    for name, text in files.items():
        assert (shipped / name).read_bytes() == text.encode("utf-8"), f"{name} is stale: run tools/build_phoenix.py"
    assert any(c.form == "patterns" and c.converted > 4000 for c in counts)
