from __future__ import annotations

import re

from eventwire.errors import Errors, EventwireError


def test_errors_codes_match_names_and_are_unique() -> None:
    for err in Errors:
        assert str(err.value).startswith(err.name + " ")
    assert len({e.name for e in Errors}) == len(list(Errors))


def test_errors_messages_format_their_details() -> None:
    e = EventwireError(Errors.E004, what="big.html", size=10, limit=5)
    assert e.code == "E004"
    assert "big.html" in str(e) and "10" in str(e)
    assert not re.search(r"\{\w+\}", str(e))
