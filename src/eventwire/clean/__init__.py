"""Cleaning: from a raw Document to an Article with clean text, title, date and language."""

from .article import clean_document

__all__ = ["clean_document"]
