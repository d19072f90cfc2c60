"""The Python API for analysts: ``eventwire.open(db)`` and queries that return DataFrames.

    >>> import eventwire
    >>> with eventwire.open("eventwire.duckdb") as ew:            # doctest: +SKIP
    ...     ew.timeline(dyad="USA-RUS", by="week")                # a pandas DataFrame
    ...     ew.events(code="14", since="2024-01-01", as_="polars")

Every query is a method of :class:`eventwire.store.Store` (where all SQL lives); this wrapper picks
the output: ``as_="pandas"`` (default), ``"polars"``, ``"arrow"`` or ``"records"`` (a list of dicts).
Event filters are those of :class:`eventwire.store.EventFilters`. For one document without a
store, use :func:`eventwire.analyze`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Unpack

from .models import Analysis
from .store import EventFilters, Output, Store

__all__ = ["EventStore", "open"]


class EventStore:
    """An eventwire store opened for analysis. Read-only by default, so several can be open at once;
    a read-only handle keeps ``eventwire run`` from writing to the same file until it is closed."""

    def __init__(self, db: str | Path = "eventwire.duckdb", read_only: bool = True) -> None:
        self.store = Store(db, read_only=read_only)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def events(self, limit: int | None = None, offset: int = 0, as_: Output = "pandas",
               **filters: Unpack[EventFilters]) -> Any:
        """Aggregated events (one row per event, with NumMentions/NumSources/NumArticles and AvgTone)."""
        return self.store.events(limit=limit, offset=offset, **filters).to(as_)

    def dyads(self, level: str = "country", limit: int | None = 20, as_: Output = "pandas",
              **filters: Unpack[EventFilters]) -> Any:
        """Top dyads: event counts, mentions, mean Goldstein, cooperation against conflict (asserted events)."""
        return self.store.dyads(level=level, limit=limit, **filters).to(as_)

    def timeline(self, by: str = "day", as_: Output = "pandas", **filters: Unpack[EventFilters]) -> Any:
        """Counts, mean Goldstein and cooperation against conflict per day, week, month or year."""
        return self.store.timeline(by=by, **filters).to(as_)

    def places(self, limit: int | None = 500, as_: Output = "pandas", **filters: Unpack[EventFilters]) -> Any:
        """Geocoded event places with counts, for a map."""
        return self.store.event_places(limit=limit, **filters).to(as_)

    def mentions(self, event_id: str | None = None, article_id: str | None = None, limit: int | None = None,
                 as_: Output = "pandas") -> Any:
        """Every mention (of one event, or in one article) with its article and character offsets."""
        return self.store.mentions(event_id=event_id, article_id=article_id, limit=limit).to(as_)

    def articles(self, status: str | None = None, source: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int | None = None, as_: Output = "pandas") -> Any:
        """Stored articles (without text)."""
        return self.store.articles(status=status, source=source, since=since, until=until, limit=limit).to(as_)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, actors, mentions, quotes, places and entities."""
        return self.store.article(article_id)

    def quotes(self, speaker: str | None = None, article_id: str | None = None, kind: str | None = None,
               limit: int | None = None, as_: Output = "pandas") -> Any:
        """Quotes, optionally by speaker (code prefix or part of a name)."""
        return self.store.quotes(speaker=speaker, article_id=article_id, kind=kind, limit=limit).to(as_)

    def actors(self, code: str | None = None, uncoded: bool = False, limit: int | None = None,
               as_: Output = "pandas") -> Any:
        """Actors across the store, most mentioned first."""
        return self.store.actors(code=code, uncoded=uncoded, limit=limit).to(as_)

    def alerts(self, by: str = "week", level: str = "country", both_ways: bool = False,
               since: str | None = None) -> list[dict[str, Any]]:
        """Dyads whose asserted events turned toward conflict or away from it (``eventwire alerts``), each in
        the shape of ``eventwire alerts --json`` (docs/output.md)."""
        from .alerts import alerts

        return [a.to_dict() for a in alerts(self.store, by, level, both_ways, since)]  # type: ignore[arg-type]

    def table(self, name: str, as_: Output = "pandas") -> Any:
        """A whole stored table (events, event_mentions/mentions, articles, actors, quotes, places, entities, duplicates)."""
        return self.store.table(name).to(as_)

    def sql(self, query: str, params: list[Any] | None = None, as_: Output = "pandas") -> Any:
        """Any parameterised SQL over the store's tables (values as ``?`` parameters, never in the text)."""
        return self.store.query(query, params).to(as_)

    def write(self, analysis: Analysis) -> bool:
        """Store one analysis (needs ``read_only=False``); False when already stored."""
        return self.store.write(analysis)


def open(db: str | Path = "eventwire.duckdb", read_only: bool = True) -> EventStore:
    """Open an eventwire store for queries returning pandas or polars DataFrames."""
    return EventStore(db, read_only=read_only)
