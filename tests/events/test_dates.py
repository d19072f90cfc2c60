"""Relative dates resolved against the publication date (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.dates import parse_published, resolve
from eventwire.events.lexicon import load_lexicon

PUB = date(2014, 3, 5)  # a Wednesday


@pytest.mark.parametrize(("expr", "future", "want"), [
    ("Thursday", True, "2014-03-06"),
    ("Thursday", False, "2014-02-27"),
    ("Wednesday", False, "2014-03-05"),
    ("last Wednesday", False, "2014-02-26"),
    ("next Monday", False, "2014-03-10"),
    ("yesterday", False, "2014-03-04"),
    ("tomorrow", True, "2014-03-06"),
    ("last week", False, "2014-02-26"),
    ("in May", False, "2013-05-01"),
    ("in May", True, "2014-05-01"),
    ("this May", False, "2014-05-01"),
    ("Monday night", False, "2014-03-03"),
    ("Wednesday's", False, "2014-03-05"),
    ("6 March 2014", False, "2014-03-06"),
    ("three days ago", False, "2014-03-02"),
])
def test_dates_resolve_relative_expressions(expr: str, future: bool, want: str) -> None:
    got = resolve(expr, PUB, future, load_lexicon())
    assert got is not None and got.isoformat() == want


def test_dates_unknown_expression_gives_none() -> None:
    assert resolve("soon", PUB, False, load_lexicon()) is None


def test_dates_published_accepts_datetimes_and_rejects_garbage() -> None:
    assert parse_published("2014-03-05T10:00:00Z") == PUB
    assert parse_published("not a date") is None
    assert parse_published(None) is None
