"""Every CAMEO root category, asserted, negated and hypothetical, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from eventkit import coder_for

from eventwire.models import Event


@pytest.fixture()
def code(pipeline):  # type: ignore[no-untyped-def]
    return coder_for(pipeline)


def _find(events: list[Event], root: str, src: str, tgt: str | None) -> list[Event]:
    out = []
    for e in events:
        s = (e.source.code or "") if e.source else ""
        t = (e.target.code or "") if e.target else ""
        if e.code.startswith(root) and s.startswith(src) and (tgt is None or t.startswith(tgt)):
            out.append(e)
    return out


# (sentence, code prefix, source country, target country or None)
ASSERTED = [
    ("France described the talks with Germany as constructive.", "013", "FRA", None),
    ("The Kenyan government expressed deep concern about the fighting.", "012", "KEN", None),
    ("Germany urged Russia to release the detained journalists.", "0253", "DEU", "RUS"),
    ("Japan pledged to provide humanitarian aid to Nepal.", "0333", "JPN", "NPL"),
    ("The Indian prime minister met the Chinese president in Geneva.", "044", "IND", "CHN"),
    ("Ukraine signed a trade agreement with Moldova.", "057", "UKR", "MDA"),
    ("Spain shared intelligence with Morocco on Tuesday.", "064", "ESP", "MAR"),
    ("Canada sent humanitarian aid to Haiti.", "073", "CAN", "HTI"),
    ("The European Union lifted sanctions on Belarus.", "085", "IGOEU", "BLR"),
    ("The Dutch government launched an investigation into Russia's role in the crash.", "09", "NLD", "RUS"),
    ("Pakistan demanded that India withdraw its troops from the border.", "106", "PAK", "IND"),
    ("Iran accused Saudi Arabia of war crimes.", "1124", "IRN", "SAU"),
    ("Iran rejected talks with the United States.", "125", "IRN", "USA"),
    ("The United States threatened sanctions against Venezuela.", "1312", "USA", "VEN"),
    ("Thousands of Armenians protested against the government of Azerbaijan.", "14", "ARM", "AZE"),
    ("Russia deployed troops to the border with Ukraine.", "154", "RUS", "UKR"),
    ("Saudi Arabia severed diplomatic ties with Iran.", "161", "SAU", "IRN"),
    ("Police in Turkey arrested two German journalists.", "173", "TUR", "DEU"),
    ("Somali pirates hijacked a Danish ship.", "181", "SOM", "DNK"),
    ("Syrian troops shelled the town of Homs.", "194", "SYR", "SYR"),
    ("The Syrian army used chemical weapons against civilians.", "2041", "SYR", None),
]


@pytest.mark.parametrize(("text", "root", "src", "tgt"), ASSERTED, ids=[a[1] for a in ASSERTED])
def test_coder_codes_each_root(code: Callable[..., list[Event]], text: str, root: str, src: str, tgt: str | None) -> None:
    events = code(text)
    hits = _find(events, root, src, tgt)
    assert hits, f"{text!r}: want {root} {src}->{tgt}, got {[(e.code, e.source and e.source.code) for e in events]}"
    assert all(e.modality == "asserted" for e in hits)


# Negated and hypothetical variants: the event may be coded, but never as asserted.
NOT_ASSERTED = [
    ("France did not describe the talks with Germany as constructive.", "01", "negated"),
    ("Spain might share intelligence with Morocco.", "06", "hypothetical"),
    ("The Dutch government could launch an investigation into Russia's role.", "09", "hypothetical"),
    ("Iran did not reject talks with the United States.", "12", "negated"),
    ("Armenians might protest against the government of Azerbaijan.", "14", "hypothetical"),
    ("Somali pirates did not hijack the Danish ship.", "18", "negated"),
    ("The Syrian army would use chemical weapons against civilians if it were attacked.", "20", "hypothetical"),
    ("Germany did not urge Russia to release the journalists.", "02", "negated"),
    ("Japan did not pledge aid to Nepal.", "03", "negated"),
    ("The Indian prime minister did not meet the Chinese president.", "04", "negated"),
    ("The Indian minister left Beijing without meeting the Chinese president.", "04", "negated"),
    ("The Indian prime minister would meet the Chinese president if Beijing agreed.", "04", "hypothetical"),
    ("Egypt could praise Jordan for its mediation.", "05", "hypothetical"),
    ("Canada might send humanitarian aid to Haiti.", "07", "hypothetical"),
    ("Israel has not released the Palestinian prisoners.", "08", "negated"),
    ("Turkey did not condemn Syria.", "11", "negated"),
    ("Pakistan may demand that India withdraw its troops.", "10", "hypothetical"),
    ("The United States did not threaten Venezuela.", "13", "negated"),
    ("Russia could deploy troops to the border with Ukraine.", "15", "hypothetical"),
    ("Saudi Arabia would sever diplomatic ties with Iran.", "16", "hypothetical"),
    ("Police in Turkey did not arrest the German journalists.", "17", "negated"),
    ("Russia could attack Ukraine next month.", "19", "hypothetical"),
    ("Israel did not attack Lebanon.", "19", "negated"),
    ("We don't want to fight with Russia, the Ukrainian minister said.", "13", "negated"),
]


@pytest.mark.parametrize(("text", "root", "modality"), NOT_ASSERTED, ids=[t[0][:40] for t in NOT_ASSERTED])
def test_coder_negated_and_hypothetical_are_not_asserted(code: Callable[..., list[Event]], text: str, root: str,
                                                          modality: str) -> None:
    events = [e for e in code(text) if e.code.startswith(root)]
    assert events, f"{text!r}: no {root} event read at all"
    assert all(e.modality != "asserted" for e in events)
    assert any(e.modality == modality for e in events)


def test_coder_sentence_without_event_gives_none(code: Callable[..., list[Event]]) -> None:
    assert code("The weather in Paris was mild on Tuesday.") == []
