"""Actors: who is who in a document, coded the CAMEO way."""

from .resolve import resolve_actors
from .table import ActorTable, Mention

__all__ = ["ActorTable", "Mention", "resolve_actors"]
