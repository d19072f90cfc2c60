"""A page whose article sits deeper than the HTML parser's default depth limit (256 elements)."""

from __future__ import annotations

import pytest

from eventwire.clean.html import extract_html

_BODY = "".join(
    f"<p>Paragraph {i}: the foreign ministers of France and Germany met in Berlin on Tuesday to discuss the "
    "crisis in eastern Ukraine and agreed to press both sides for a ceasefire.</p>" for i in range(6))


def _page(depth: int) -> str:
    return ("<html><head><title>Ministers meet</title></head><body>" + "<div>" * depth
            + f"<article><h1>Ministers meet</h1>{_BODY}</article>" + "</div>" * depth + "</body></html>")


@pytest.mark.parametrize("depth", [20, 300, 800])
def test_html_deep_nesting_keeps_the_article(depth: int) -> None:
    got = extract_html(_page(depth))
    assert "Paragraph 5: the foreign ministers" in got.text
    assert got.title == "Ministers meet"
