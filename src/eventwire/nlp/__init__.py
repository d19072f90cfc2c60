"""spaCy: the model loaded once per process, articles parsed paragraph by paragraph in batches."""

from .model import load_model, parse_articles

__all__ = ["load_model", "parse_articles"]
