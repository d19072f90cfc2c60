"""The DuckDB event store: writes of whole analyses, and every query the CLI, API and server ask.

All SQL of eventwire lives in this package; callers (CLI, ``eventwire.open``, ``serve``) call these
methods. Writes are idempotent per article: an article stored with status ok is never written again,
and a non-ok one only when something about it changed. Everything one call writes is one
transaction, so an interrupted run leaves whole articles or none, with the aggregated events
matching the mentions behind them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Unpack

import duckdb
import pyarrow as pa

from ..errors import Errors, EventwireError
from ..models import ActorRef, Analysis, Place
from . import queries as qb
from .aggregate import refresh_events
from .keys import actor_key, fingerprint, parse_day, place_key, source_key
from .migrate import check_readable, migrate
from .records import TABLES, ArticleRows, article_rows
from .rows import Rows, first

#: Tables a user can read and export (``event_mentions`` is also reachable as ``mentions``).
PUBLIC_TABLES = ("events", "event_mentions", "articles", "actors", "quotes", "places", "entities", "duplicates")


class Store:
    """One DuckDB database file holding articles, actors, event mentions and events, quotes, places."""

    def __init__(self, path: str | Path = "eventwire.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise EventwireError(Errors.E040, path=self.path, cause=err) from err
        try:
            if read_only:
                check_readable(self.con, self.path)
            else:
                migrate(self.con, self.path)
                self._backfill()
        except BaseException:
            self.con.close()
            raise

    @classmethod
    def from_connection(cls, con: duckdb.DuckDBPyConnection, path: str = "") -> Store:
        """A Store over a connection someone else opened (e.g. a server's read-only snapshot).

        Nothing is migrated: the store must already be at this eventwire's schema version.
        ``close()`` closes the connection.
        """
        store = cls.__new__(cls)
        store.path, store.read_only, store.con = path or "(connection)", True, con
        check_readable(con, store.path)
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def has_article(self, article_id: str) -> bool:
        """True when the article is stored with status ok (and so will not be analysed again)."""
        row = first(self.con.execute("SELECT status FROM articles WHERE id = ?", [article_id]))
        return row is not None and row[0] == "ok"

    def write(self, analysis: Analysis) -> bool:
        """Store one analysis; False when it was already stored (nothing changes then)."""
        return self.write_many([analysis]) == 1

    def write_many(self, analyses: Iterable[Analysis]) -> int:
        """Store analyses in one transaction; the number written (those already stored are left alone).

        A duplicate article (``article.duplicate_of`` set by the cleaning stage) is stored and counts
        toward the events of the article it repeats.
        """
        if self.read_only:
            raise EventwireError(Errors.E040, path=self.path, cause="it was opened read-only; open it with read_only=False"
                                                                    " to write")
        con = self.con
        now = datetime.now(UTC).replace(tzinfo=None)
        con.execute("BEGIN TRANSACTION")
        try:
            rows = ArticleRows()
            touched: set[str] = set()
            batch: dict[str, Analysis] = {}
            items = list(analyses)
            priors = self._stored_states([x.article.id for x in items])  # one query, not one per article
            for analysis in items:
                a = analysis.article
                if a.id in batch:
                    continue
                prior = priors.get(a.id)
                if prior is not None:
                    if prior[0] == "ok" or tuple(prior[:4]) == (a.status, a.reason, a.content_hash, a.duplicate_of):
                        continue
                    touched |= self._delete_article(a.id)
                batch[a.id] = analysis
                original = self._original_of(a.duplicate_of, batch) if a.duplicate_of else None
                new = article_rows(analysis, prior[4] if prior is not None else now, original)
                rows.extend(new)
                touched |= {m["fingerprint"] for m in new.event_mentions}
                if original and a.status != "ok":  # a copy: the original's events gain an article
                    touched |= self._fingerprints_of(original)
            for table in TABLES:
                self._insert(table, getattr(rows, table))
            refresh_events(con, touched)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(batch)

    def rebuild_events(self) -> int:
        """Recompute every aggregated event from the mentions; the number of events."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            n = refresh_events(self.con, None)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return n

    def _stored_states(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """``(status, reason, content_hash, duplicate_of, added)`` of each of these articles already stored."""
        if not ids:
            return {}
        rows = self.con.execute("SELECT id, status, reason, content_hash, duplicate_of, added FROM articles"
                                " WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted(set(ids))]).fetchall()
        return {r[0]: tuple(r[1:]) for r in rows}

    def _original_of(self, duplicate_of: str, batch: dict[str, Analysis]) -> str:
        """The analysed article at the end of a chain of duplicates."""
        seen = set()
        current = duplicate_of
        while current not in seen:
            seen.add(current)
            nxt = None
            if current in batch and batch[current].article.status != "ok":
                nxt = batch[current].article.duplicate_of
            elif current not in batch:
                row = first(self.con.execute("SELECT original_id FROM duplicates WHERE article_id = ? AND NOT analysed",
                                       [current]))
                nxt = row[0] if row else None
            if not nxt:
                break
            current = nxt
        return current

    def _fingerprints_of(self, article_id: str) -> set[str]:
        rows = self.con.execute("SELECT DISTINCT fingerprint FROM event_mentions WHERE article_id = ?", [article_id])
        return {r[0] for r in rows.fetchall()}

    def _delete_article(self, article_id: str) -> set[str]:
        """Remove one article's rows before it is written again; the fingerprints it had."""
        touched = self._fingerprints_of(article_id)
        row = first(self.con.execute("SELECT original_id FROM duplicates WHERE article_id = ?", [article_id]))
        if row:
            touched |= self._fingerprints_of(row[0])
        for table in ("event_mentions", "actors", "quotes", "places", "entities", "duplicates"):
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])
        return touched

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        _ew_rows = pa.Table.from_pylist(rows)
        # DuckDB reads the local Arrow table by its name (a replacement scan): a third cheaper than
        # register + unregister, which cost as much as the insert itself for one batch.
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _ew_rows")
        del _ew_rows

    def _backfill(self) -> None:
        """Fill what a migration could not compute in SQL (keys of rows stored before version 2).

        Runs on every writable open and finds nothing to do once done; one transaction, so an
        interrupted backfill is simply done again.
        """
        con = self.con
        arts = con.execute("SELECT id, source, url FROM articles WHERE source_key IS NULL").fetchall()
        old = con.execute(
            "SELECT m.id, m.code, m.modality, coalesce(m.date, a.published), m.source_code, m.source_name, m.source_text,"
            " m.target_code, m.target_name, m.target_text, m.place_name, m.place_lat, m.place_lon"
            " FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.fingerprint IS NULL").fetchall()
        if not old and not arts:
            return
        con.execute("BEGIN TRANSACTION")
        try:
            for art_id, src, url in arts:
                con.execute("UPDATE articles SET source_key = ? WHERE id = ?", [source_key(src, url, art_id), art_id])
            for mid, code, modality, day, sc, sn, st, tc, tn, tt, pn, plat, plon in old:
                skey = actor_key(ActorRef(text=st or "", name=sn, code=sc)) if (sc or sn or st) else ""
                tkey = actor_key(ActorRef(text=tt or "", name=tn, code=tc)) if (tc or tn or tt) else ""
                pkey = place_key(Place(name=pn, lat=plat, lon=plon)) if pn else ""
                fp = fingerprint(parse_day(day), skey, tkey, code, pkey, modality or "asserted")
                con.execute("UPDATE event_mentions SET fingerprint = ?, source_key = ?, target_key = ?, place_key = ?,"
                            " date = ?, base_code = substr(code, 1, 3) WHERE id = ?",
                            [fp, skey, tkey, pkey, parse_day(day), mid])
            refresh_events(con, None)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ reading

    def fetch(self, sql: str, params: list[Any] | None = None) -> Rows:
        """Run one parameterised SELECT; the rows (dicts; ``.to_pandas()``/``.to_polars()`` for frames)."""
        try:
            rel = self.con.sql(sql, params=params or None)
            table = rel.to_arrow_table() if rel is not None else pa.table({})
        except duckdb.Error as err:
            raise EventwireError(Errors.E041, cause=str(err).splitlines()[0]) from err
        return Rows(table)

    def query(self, sql: str, params: list[Any] | None = None) -> Rows:
        """Run any parameterised SQL a caller writes itself; the rows. Prefer the named queries below."""
        return self.fetch(sql, params)

    def _run(self, query: qb.Query) -> Rows:
        return self.fetch(query.sql, query.params)

    def events(self, limit: int | None = 100, offset: int = 0, newest_first: bool = False,
               **filters: Unpack[qb.EventFilters]) -> Rows:
        """Aggregated events matching the filters (see ``EventFilters``), oldest first.

        Each row is one event (fingerprint) with its codes, actors, place, NumMentions/NumSources/
        NumArticles as ``num_mentions``/``num_sources``/``num_articles``, ``avg_tone`` and the first
        report's ``source_url``. ``limit=None`` returns every match.
        """
        return self._run(qb.events_query(filters, limit, offset, newest_first))

    def dyads(self, level: str = "country", limit: int | None = 20, offset: int = 0,
              **filters: Unpack[qb.EventFilters]) -> Rows:
        """Top source-target pairs: ``events``, ``mentions``, ``articles``, ``goldstein_mean``,
        ``cooperation`` (QuadClass 1-2) and ``conflict`` (3-4) event counts, first and last date.

        ``level`` is ``country`` (the actors' countries, or their codes when they have none, e.g.
        international organisations) or ``code`` (full actor codes). Only asserted events count unless
        ``modality`` is given (None for every modality). ``limit`` and ``offset`` page the list.
        """
        filters.setdefault("modality", "asserted")
        return self._run(qb.dyads_query(filters, level, limit, offset))

    def timeline(self, by: str = "day", **filters: Unpack[qb.EventFilters]) -> Rows:
        """Events per ``day``, ``week`` (from Monday), ``month`` or ``year``: ``events``, ``mentions``,
        ``goldstein_mean``, ``cooperation`` and ``conflict`` counts, and one count per QuadClass.

        Every period between the first and last (or ``since`` and ``until``) is present, empty ones
        with zero counts. Only asserted events count unless ``modality`` is given (None for every one).
        """
        filters.setdefault("modality", "asserted")
        return self._run(qb.timeline_query(filters, by))

    def event_places(self, limit: int | None = 500, how: Sequence[str] | None = None,
                     **filters: Unpack[qb.EventFilters]) -> Rows:
        """Geocoded event places with their event counts, mentions, mean Goldstein and GDELT geography (for a
        map); ``how`` keeps the events placed by those kinds of evidence (attached, sentence, dateline, article)."""
        return self._run(qb.places_query(filters, limit, how))

    def event(self, event_id: str, mentions_limit: int | None = None) -> dict[str, Any] | None:
        """One aggregated event by id (fingerprint) or GLOBALEVENTID, with ``mentions``: every mention of it
        (the first ``mentions_limit`` when given; ``num_mentions`` counts them all)."""
        rows = self.fetch("SELECT * FROM events WHERE id = ? OR CAST(global_id AS VARCHAR) = ?", [event_id, event_id])
        if not rows:
            return None
        ev = dict(rows[0])
        ev["mentions"] = list(self.mentions(event_id=ev["id"], limit=mentions_limit))
        return ev

    def event_date_range(self, **filters: Unpack[qb.EventFilters]) -> tuple[date | None, date | None]:
        """The first and last date of the events the filters select; (None, None) when none has a date."""
        base = qb.selected_events(filters)
        row = self.fetch(f"SELECT min(date) AS first, max(date) AS last FROM ({base.sql})", base.params)[0]
        return row["first"], row["last"]

    def mentions(self, event_id: str | None = None, article_id: str | None = None, rule: str | None = None,
                 limit: int | None = 100, offset: int = 0, newest_first: bool = False) -> Rows:
        """Event mentions (of one event, in one article, or coded by one lexicon ``rule``) with their
        article's title, URL, source and publication date and every character offset.

        In article order (oldest article first), or with ``newest_first`` by event date, newest first.
        """
        q = qb.mentions_query(event_id, article_id, rule)
        order = "date DESC NULLS LAST, article_id, n" if newest_first else "article_published NULLS LAST, article_id, n"
        return self._run(qb.ordered(q, order, limit, offset))

    def articles(self, status: str | None = None, source: str | None = None, since: str | date | None = None,
                 until: str | date | None = None, limit: int | None = 100, offset: int = 0,
                 search: str | None = None) -> Rows:
        """Stored articles without their text, newest first, with the number of event mentions in each.

        ``search`` keeps the articles whose title or text holds these words (any case, no wildcards).
        """
        q = qb.articles_query(status, source, since, until, search)
        return self._run(qb.ordered(q, "published DESC NULLS LAST, added DESC, id", limit, offset))

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text and everything found in it: ``actors``, ``mentions``, ``quotes``,
        ``places``, ``entities`` and ``duplicates`` (stored copies of it); None when absent."""
        rows = self.fetch("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            return None
        art = dict(rows[0])
        for table in ("actors", "quotes", "places", "entities"):
            art[table] = list(self.fetch(f"SELECT * EXCLUDE (article_id) FROM {table} WHERE article_id = ? ORDER BY n",
                                         [article_id]))
        art["mentions"] = list(self.fetch("SELECT * FROM event_mentions WHERE article_id = ? ORDER BY n", [article_id]))
        art["duplicates"] = list(self.fetch("SELECT * FROM duplicates WHERE original_id = ? ORDER BY added, article_id",
                                            [article_id]))
        return art

    def quotes(self, speaker: str | None = None, article_id: str | None = None, kind: str | None = None,
               since: str | date | None = None, until: str | date | None = None, limit: int | None = 100,
               offset: int = 0, search: str | None = None) -> Rows:
        """Quotes with their article's title and date. ``speaker`` is a CAMEO code prefix or part of a name;
        ``search`` keeps the quotes holding these words. Both match any case and take ``%`` and ``_`` literally.
        """
        q = qb.quotes_query(speaker, article_id, kind, since, until, search)
        return self._run(qb.ordered(q, "article_published NULLS LAST, article_id, n", limit, offset))

    def actors(self, code: str | None = None, uncoded: bool = False, limit: int | None = 100, offset: int = 0) -> Rows:
        """Actors across the store, most mentioned first: name, code, country, sector, articles, mentions.

        ``code`` is a code prefix; ``uncoded=True`` lists the names no dictionary entry coded.
        """
        q = qb.actors_query(code, uncoded)
        return self._run(qb.ordered(q, "mentions DESC, articles DESC, name, code", limit, offset))

    # Totals behind the lists above, for paged views: same arguments, without paging.

    def count_events(self, **filters: Unpack[qb.EventFilters]) -> int:
        """How many aggregated events ``events`` would give without a limit."""
        return self._count(qb.selected_events(filters))

    def count_dyads(self, level: str = "country", **filters: Unpack[qb.EventFilters]) -> int:
        """How many dyads ``dyads`` would give without a limit (asserted events unless ``modality`` is given)."""
        filters.setdefault("modality", "asserted")
        return self._count(qb.dyads_query(filters, level, None))

    def count_mentions(self, event_id: str | None = None, article_id: str | None = None, rule: str | None = None) -> int:
        """How many mentions ``mentions`` would give without a limit."""
        return self._count(qb.mentions_query(event_id, article_id, rule))

    def count_articles(self, status: str | None = None, source: str | None = None, since: str | date | None = None,
                       until: str | date | None = None, search: str | None = None) -> int:
        """How many articles ``articles`` would give without a limit."""
        return self._count(qb.articles_query(status, source, since, until, search))

    def count_quotes(self, speaker: str | None = None, article_id: str | None = None, kind: str | None = None,
                     since: str | date | None = None, until: str | date | None = None, search: str | None = None) -> int:
        """How many quotes ``quotes`` would give without a limit."""
        return self._count(qb.quotes_query(speaker, article_id, kind, since, until, search))

    def count_actors(self, code: str | None = None, uncoded: bool = False) -> int:
        """How many actors ``actors`` would give without a limit."""
        return self._count(qb.actors_query(code, uncoded))

    def _count(self, q: qb.Query) -> int:
        return int(self._run(qb.counted(q))[0]["n"])

    def stats(self) -> dict[str, Any]:
        """Row counts of every table and the range of event dates."""
        counts = " , ".join(f"(SELECT count(*) FROM {t}) AS {t}" for t in PUBLIC_TABLES)
        row = dict(self.fetch(f"SELECT {counts}, (SELECT min(date) FROM events) AS first_date,"
                              " (SELECT max(date) FROM events) AS last_date")[0])
        row["articles_ok"] = self.fetch("SELECT count(*) AS n FROM articles WHERE status = 'ok'")[0]["n"]
        return row

    def table(self, name: str) -> Rows:
        """A whole public table (``mentions`` is ``event_mentions``)."""
        return self.fetch(f"SELECT * FROM {self.table_name(name)}")

    @staticmethod
    def table_name(name: str) -> str:
        """The stored table a user-facing name means; an error for anything else."""
        real = "event_mentions" if name == "mentions" else name
        if real not in PUBLIC_TABLES:
            raise EventwireError(Errors.E051, table=name, choices=(*PUBLIC_TABLES, "mentions"))
        return real
