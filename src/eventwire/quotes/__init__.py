"""Quotes: who said what."""

from .direct import find_quotes

__all__ = ["find_quotes"]
