"""The `max_analysed_chars` setting: its default and its validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Config, load_config
from eventwire.errors import EventwireError


def test_config_max_analysed_chars_has_a_default() -> None:
    assert load_config().max_analysed_chars == Config().max_analysed_chars == 100_000


@pytest.mark.parametrize("value", [0, 1, 5_000_000])
def test_config_max_analysed_chars_accepts_counts(value: int) -> None:
    assert load_config(max_analysed_chars=value).max_analysed_chars == value


def test_config_max_analysed_chars_from_file(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_text("[eventwire]\nmax_analysed_chars = 20000\n", encoding="utf-8")
    assert load_config(p).max_analysed_chars == 20_000


@pytest.mark.parametrize("value", [-1, 1.5, "100000", True, [1]])
def test_config_max_analysed_chars_rejects_non_counts(value: object) -> None:
    with pytest.raises(EventwireError, match=r"E031.*max_analysed_chars"):
        load_config(max_analysed_chars=value)


def test_config_max_analysed_chars_bad_value_in_file_names_the_file(tmp_path: Path) -> None:
    p = tmp_path / "c.yaml"
    p.write_text("max_analysed_chars: -5\n", encoding="utf-8")
    with pytest.raises(EventwireError, match=r"c\.yaml.*max_analysed_chars"):
        load_config(p)
