"""First actor resolution: named entities coded by country name."""

from __future__ import annotations

import pycountry
from spacy.tokens import Doc

from ..models import Actor
from .table import ActorTable


def _country(name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def resolve_actors(doc: Doc) -> ActorTable:
    table = ActorTable(doc)
    by_name: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        country = _country(ent.text) if ent.label_ in ("GPE", "NORP") else None
        key = ent.text
        actor = by_name.get(key)
        if actor is None:
            actor = Actor(name=ent.text, code=country, country=country,
                          kind="country" if country else "person" if ent.label_ == "PERSON" else "organisation")
            by_name[key] = actor
        table.add(ent, actor)
    return table
