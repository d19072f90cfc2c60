"""Actors: who is who in a document, coded the CAMEO way, within and across documents."""

from .lexicon import Lexicon, load_lexicon, load_user_dictionary
from .registry import ActorRegistry
from .resolve import ActorResolver, resolve_actors
from .table import ActorTable, Mention

__all__ = ["ActorRegistry", "ActorResolver", "ActorTable", "Lexicon", "Mention", "load_lexicon",
           "load_user_dictionary", "resolve_actors"]
