from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Config, load_config
from eventwire.errors import EventwireError


def test_config_defaults_without_file() -> None:
    assert load_config() == Config()


def test_config_yaml_file_overrides_defaults(tmp_path: Path) -> None:
    path = tmp_path / "ew.yaml"
    path.write_text("batch_size: 8\nlanguages: [en, fr]\n")
    cfg = load_config(path)
    assert cfg.batch_size == 8
    assert cfg.languages == ("en", "fr")


def test_config_toml_file_with_section(tmp_path: Path) -> None:
    path = tmp_path / "ew.toml"
    path.write_text("[eventwire]\nmin_words = 12\n")
    assert load_config(path).min_words == 12


def test_config_unknown_key_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ew.yaml"
    path.write_text("batch_sise: 8\n")
    with pytest.raises(EventwireError) as info:
        load_config(path)
    assert info.value.code == "E031"
    assert "batch_sise" in str(info.value)


def test_config_keyword_overrides_win(tmp_path: Path) -> None:
    path = tmp_path / "ew.yaml"
    path.write_text("batch_size: 8\n")
    assert load_config(path, batch_size=4).batch_size == 4
