"""Imported once by the process pool's fork server: loads what every worker needs, once.

Workers are forked from the fork server, so what is loaded here (the spaCy model, the actor and
event dictionaries, the gazetteer, the language identifier: several seconds and a few hundred MB)
is loaded once and shared, instead of once per worker. A worker whose config names other data
loads that itself. Importing this module never fails: a problem here only means each worker
loads for itself, where the error is reported properly.
"""

from __future__ import annotations


def warm_up() -> bool:
    """Run one short document through the default pipeline so that every lazy load happens now."""
    try:
        from ..models import Document
        from ..pipeline import Pipeline

        text = ("Officials said the foreign minister of France met his German counterpart in Berlin on Monday "
                "and condemned the attack. \"We will not give in,\" she told reporters.")
        list(Pipeline().analyze([Document(id="warm-up", text=text, published="2025-01-01")]))
        return True
    except Exception:  # a worker will load (and report) it for itself
        return False


WARM = warm_up()
