"""The CAMEO event coder: lexicon patterns on the parse, frames, modality, dates, places and provenance."""

from .coder import Coded, Coder, Note, code_events
from .lexicon import Lexicon, load_lexicon

__all__ = ["Coded", "Coder", "Lexicon", "Note", "code_events", "load_lexicon"]
