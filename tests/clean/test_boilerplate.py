"""Line-level boilerplate removal: furniture goes, body sentences stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean.boilerplate import Boilerplate, is_boilerplate, looks_like_link, strip_boilerplate
from eventwire.errors import EventwireError


@pytest.mark.parametrize("line", [
    "Share this article",
    "Share on Facebook",
    "Follow us on Twitter",
    "3 / 12",
    "Image 2 of 9",
    "By using this site you agree to our use of cookies.",
    "We use cookies to improve your experience and to show personalised ads from our partners.",
    "Sign up for our free morning newsletter",
    "Subscribe",
    "Photo: Reuters/Jane Doe",
    "Read more: Minister resigns after budget row",
    "READ MORE: Floods cut off villages in the north",
    "Related: Ten charts that explain the election",
    "Advertisement",
    "Like this story? Share it with a friend!",
    "(Reporting by Anna Smith; Editing by Tom Jones)",
    "Maria Lopez contributed reporting from Caracas.",
    "Copyright 2021 Example Broadcasting. All rights reserved.",
    "Write to Jo Bloggs at jo.bloggs@example.com",
    "Updated at 4:05 p.m.",
    "Tags: politics, budget, parliament",
    "12 comments",
    "- Print Article",
    "Home | World | Business | Sport",
    "Lakers beat Nets in overtime thriller [VIDEO]",
])
def test_boilerplate_recognises_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Related talks were held in Geneva on Monday, officials said.",
    "Share prices fell 3% in Tokyo after the announcement.",
    "Subscribers to the state broadcaster complained about the coverage.",
    "Photographers were kept away from the summit venue.",
    "Read more carefully, the treaty commits both sides to a ceasefire.",
    "Follow-up talks are planned for next week in Vienna.",
    "Copyright lawyers for the company said they would appeal.",
    "The minister told supporters to follow him on Twitter for updates.",
    "Updated figures show 40 people were killed in the attack.",
    "Comments by the general angered opposition leaders.",
    "Sources said the deal was close.",
    "Reporting by the newspaper revealed that the contracts were never signed.",
])
def test_boilerplate_keeps_body_sentences(line: str) -> None:
    assert not is_boilerplate(line)
    assert strip_boilerplate([line, "Another sentence of the article follows here."])[0] == line


def test_boilerplate_drops_link_block_up_to_prose() -> None:
    paras = [
        "Rebels seized the town on Sunday.",
        "Related stories",
        "Army sends reinforcements north",
        "- Who are the rebels?",
        "The government said it would retake the town within days.",
    ]
    assert strip_boilerplate(paras) == [paras[0], paras[4]]


def test_boilerplate_drops_gallery_counter_and_caption() -> None:
    paras = ["1 / 2", "Protesters 'Ready To Stay For Weeks'", "Thousands marched through the capital on Saturday."]
    assert strip_boilerplate(paras) == [paras[2]]


def test_boilerplate_drops_leading_repeat_of_title_only() -> None:
    title = "Floods Hit Northern Villages - Example News"
    paras = ["Floods hit northern villages", "Floods hit northern villages after days of rain, officials said."]
    assert strip_boilerplate(paras, title) == [paras[1]]
    assert strip_boilerplate(paras[1:], title) == paras[1:]


def test_boilerplate_looks_like_link_tells_headlines_from_sentences() -> None:
    assert looks_like_link("Army sends reinforcements north")
    assert looks_like_link("- Who are the rebels")
    assert not looks_like_link("The army sent reinforcements north.")
    assert not looks_like_link("He said:")
    assert not looks_like_link("政府は月曜日に声明を発表した。")


def test_boilerplate_user_files_extend_the_shipped_patterns(tmp_path: Path) -> None:
    lines = tmp_path / "mine.txt"
    lines.write_text("# my site\n^brought to you by acme\n", encoding="utf-8")
    sections = tmp_path / "sections.txt"
    sections.write_text("^partner content from acme$\n", encoding="utf-8")
    bp = Boilerplate.load([str(lines)], [str(sections)])
    paras = ["Talks resumed on Monday.", "Brought to you by ACME", "Partner content from ACME", "Storm warning issued",
             "The talks ended without agreement."]
    assert bp.strip(paras) == [paras[0], paras[4]]
    assert Boilerplate.load().strip(paras) == paras  # the shipped set alone knows nothing of ACME


def test_boilerplate_bad_user_pattern_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("^(unclosed\n", encoding="utf-8")
    with pytest.raises(EventwireError) as info:
        Boilerplate.load([str(bad)])
    assert info.value.code == "E032"
