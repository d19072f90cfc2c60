"""Cleaning: from a raw Document to an Article with clean text, title, date and language."""

from .article import clean_document
from .boilerplate import Boilerplate
from .duplicates import DuplicateIndex, content_hash, screen_duplicate
from .language import detect_language, screen_language

__all__ = [
    "Boilerplate",
    "DuplicateIndex",
    "clean_document",
    "content_hash",
    "detect_language",
    "screen_duplicate",
    "screen_language",
]
