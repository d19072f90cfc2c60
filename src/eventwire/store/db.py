"""Writing analyses to DuckDB and reading them back.

Writes are idempotent per article: an article already stored with status ok is not written
again, and everything of one article is written in one transaction, so an interrupted run leaves
whole articles or none.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..errors import Errors, EventwireError
from ..models import Analysis, Event


def event_id(article_id: str, ev: Event) -> str:
    key = "|".join([article_id, ev.code, str(ev.span), str(ev.trigger),
                    ev.source.code or ev.source.text if ev.source else "",
                    ev.target.code or ev.target.text if ev.target else ""])
    return hashlib.sha1(key.encode()).hexdigest()[:20]


class Store:
    """One DuckDB database file holding articles, actors, events and quotes."""

    def __init__(self, path: str | Path = "eventwire.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise EventwireError(Errors.E040, path=self.path, cause=err) from err
        if not read_only:
            self.con.execute((resources.files("eventwire.store") / "schema.sql").read_text())

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None and row[0] == "ok"

    def write(self, analysis: Analysis) -> bool:
        """Store one analysis; False when the article was already stored."""
        a = analysis.article
        if self.has_article(a.id):
            return False
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in ("events", "actors", "quotes"):
                con.execute(f"DELETE FROM {table} WHERE article_id = ?", [a.id])
            con.execute("DELETE FROM articles WHERE id = ?", [a.id])
            con.execute(
                "INSERT INTO articles (id, status, reason, title, published, url, source, author, language,"
                " origin, content_hash, duplicate_of, tone, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [a.id, a.status, a.reason, a.title, a.published, a.url, a.source, a.author, a.language,
                 a.origin, a.content_hash, a.duplicate_of, analysis.tone, a.text],
            )
            for n, act in enumerate(analysis.actors):
                con.execute("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?)",
                            [a.id, n, act.name, act.code, act.country, act.sector, act.kind,
                             len(act.mentions), json.dumps(act.mentions), act.rule])
            seen = set()
            for ev in analysis.events:
                eid = event_id(a.id, ev)
                if eid in seen:
                    continue
                seen.add(eid)
                s, t, p = ev.source, ev.target, ev.place
                con.execute(
                    "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [eid, a.id, ev.code, ev.root, ev.name, ev.quad_class, ev.goldstein,
                     (ev.plover or {}).get("event"), (ev.plover or {}).get("mode"),
                     s.text if s else None, s.name if s else None, s.code if s else None,
                     s.country if s else None, s.sector if s else None,
                     t.text if t else None, t.name if t else None, t.code if t else None,
                     t.country if t else None, t.sector if t else None,
                     ev.modality, ev.date, p.name if p else None, p.country if p else None,
                     p.lat if p else None, p.lon if p else None,
                     ev.sentence, ev.span[0], ev.span[1], ev.rule],
                )
            for n, q in enumerate(analysis.quotes):
                spk = q.speaker
                con.execute("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?)",
                            [a.id, n, (spk.name or spk.text) if spk else None, spk.code if spk else None,
                             q.text, q.kind, q.cue, q.span[0], q.span[1]])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return True

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def events(self, actor: str | None = None, dyad: str | None = None, code: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        where: list[str] = ["1=1"]
        params: list[object] = []
        if actor:
            where.append("(source_code LIKE ? OR target_code LIKE ?)")
            params += [actor + "%", actor + "%"]
        if dyad:
            a, _, b = dyad.partition("-")
            where.append("source_code LIKE ? AND target_code LIKE ?")
            params += [a + "%", b + "%"]
        if code:
            where.append("code LIKE ?")
            params.append(code + "%")
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("date <= ?")
            params.append(until)
        params.append(limit)
        return self.query(
            f"SELECT * FROM events WHERE {' AND '.join(where)} ORDER BY date, article_id, span_start LIMIT ?", params
        )
