"""Quotes: who said what - direct, partial and indirect - with speakers resolved through the actors stage."""

from .cues import CueLexicon, load_cues
from .finder import find_quotes

__all__ = ["CueLexicon", "find_quotes", "load_cues"]
