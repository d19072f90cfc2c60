"""One Analysis as rows of the store's tables (plain dicts keyed by column name)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..models import Analysis, Event, Place
from .keys import actor_key, fingerprint, parse_day, place_key, source_key

Row = dict[str, Any]


@dataclass
class ArticleRows:
    """Every row one analysis adds, table by table."""

    articles: list[Row] = field(default_factory=list)
    actors: list[Row] = field(default_factory=list)
    event_mentions: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    places: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    duplicates: list[Row] = field(default_factory=list)

    def extend(self, other: ArticleRows) -> None:
        for name in TABLES:
            getattr(self, name).extend(getattr(other, name))


TABLES = ("articles", "actors", "event_mentions", "quotes", "places", "entities", "duplicates")


def mention_id(article_id: str, ev: Event) -> str:
    """One mention: the same code, span, trigger and actors in one article are the same mention."""
    key = "|".join([article_id, ev.code, str(ev.span), str(ev.trigger), actor_key(ev.source), actor_key(ev.target)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _float(x: float | None) -> float | None:
    return None if x is None else float(x)


def _start(span: tuple[int, int] | None) -> int | None:
    return span[0] if span else None


def _end(span: tuple[int, int] | None) -> int | None:
    return span[1] if span else None


def _lead_end(text: str) -> int:
    """End of the lead paragraph: events there are GDELT's root events."""
    cut = text.find("\n\n")
    return len(text) if cut < 0 else cut


def article_rows(analysis: Analysis, added: datetime, original_id: str | None) -> ArticleRows:
    """The rows of one analysis. ``original_id`` is the analysed article a duplicate counts toward."""
    a = analysis.article
    out = ArticleRows()
    published = parse_day(a.published)
    out.articles.append({
        "id": a.id, "status": a.status, "reason": a.reason, "title": a.title, "published": published,
        "url": a.url, "source": a.source, "author": a.author, "language": a.language, "origin": a.origin,
        "content_hash": a.content_hash, "duplicate_of": a.duplicate_of, "tone": _float(analysis.tone),
        "text": a.text, "added": added, "source_key": source_key(a.source, a.url, a.id), "doc_len": len(a.text or ""),
        "encoding": a.encoding,
    })
    if a.duplicate_of and original_id:
        out.duplicates.append({"article_id": a.id, "duplicate_of": a.duplicate_of, "original_id": original_id,
                               "reason": a.reason, "analysed": a.status == "ok", "added": added})
    for n, act in enumerate(analysis.actors):
        out.actors.append({"article_id": a.id, "n": n, "name": act.name, "code": act.code, "country": act.country,
                           "sector": act.sector, "kind": act.kind, "mentions": len(act.mentions),
                           "spans": json.dumps([list(m) for m in act.mentions]), "rule": act.rule})
    for n, ent in enumerate(analysis.entities):
        out.entities.append({"article_id": a.id, "n": n, "text": ent.text, "label": ent.label,
                             "span_start": ent.span[0], "span_end": ent.span[1]})
    for n, q in enumerate(analysis.quotes):
        spk = q.speaker
        out.quotes.append({"article_id": a.id, "n": n, "speaker_name": (spk.name or spk.text) if spk else None,
                           "speaker_code": spk.code if spk else None, "text": q.text, "kind": q.kind, "cue": q.cue,
                           "span_start": q.span[0], "span_end": q.span[1],
                           "speaker_start": _start(spk.span) if spk else None, "speaker_end": _end(spk.span) if spk else None,
                           "cue_start": _start(q.cue_span), "cue_end": _end(q.cue_span), "rule": getattr(q, "rule", None)})
    lead = _lead_end(a.text or "")
    seen: set[str] = set()
    places: dict[tuple[str, int | None], Place] = {}
    for ev in analysis.events:
        mid = mention_id(a.id, ev)
        if mid in seen:  # the coder found the same thing twice: one mention
            continue
        seen.add(mid)
        out.event_mentions.append(_mention_row(a.id, len(out.event_mentions), ev, mid, published, lead))
        if ev.place is not None:
            places.setdefault((ev.place.name, _start(ev.place.span)), ev.place)
        for ref in (ev.source, ev.target):
            if ref is not None and ref.place is not None:
                places.setdefault((ref.place.name, _start(ref.place.span)), ref.place)
    # Places the analysis lists on its own (if a stage provides them), then those of the events.
    for p in getattr(analysis, "places", None) or []:
        places.setdefault((p.name, _start(p.span)), p)
    for n, p in enumerate(places.values()):
        out.places.append({"article_id": a.id, "n": n, "name": p.name, "country": p.country, "lat": _float(p.lat),
                           "lon": _float(p.lon), "kind": p.kind, "span_start": _start(p.span), "span_end": _end(p.span),
                           "how": p.how, "type": p.geo_type, "adm1": p.adm1, "adm1_name": p.adm1_name,
                           "feature": p.feature_id})
    return out


def _mention_row(article_id: str, n: int, ev: Event, mid: str, published: Any, lead_end: int) -> Row:
    s, t, p = ev.source, ev.target, ev.place
    day = parse_day(ev.date) or published
    skey, tkey, pkey = actor_key(s), actor_key(t), place_key(p)
    return {
        "id": mid, "fingerprint": fingerprint(day, skey, tkey, ev.code, pkey, ev.modality),
        "article_id": article_id, "n": n, "code": ev.code, "base_code": ev.code[:3], "root": ev.root or ev.code[:2],
        "name": ev.name, "quad_class": ev.quad_class, "goldstein": _float(ev.goldstein),
        "plover_event": (ev.plover or {}).get("event"), "plover_mode": (ev.plover or {}).get("mode"),
        "source_text": s.text if s else None, "source_name": s.name if s else None, "source_code": s.code if s else None,
        "source_country": s.country if s else None, "source_sector": s.sector if s else None, "source_key": skey,
        "source_start": _start(s.span) if s else None, "source_end": _end(s.span) if s else None,
        "target_text": t.text if t else None, "target_name": t.name if t else None, "target_code": t.code if t else None,
        "target_country": t.country if t else None, "target_sector": t.sector if t else None, "target_key": tkey,
        "target_start": _start(t.span) if t else None, "target_end": _end(t.span) if t else None,
        "modality": ev.modality, "date": day,
        "place_name": p.name if p else None, "place_country": p.country if p else None,
        "place_lat": _float(p.lat) if p else None, "place_lon": _float(p.lon) if p else None,
        "place_kind": p.kind if p else None, "place_key": pkey, **_geo_columns(ev),
        "sentence": ev.sentence, "span_start": ev.span[0], "span_end": ev.span[1],
        "trigger_start": _start(ev.trigger), "trigger_end": _end(ev.trigger), "rule": ev.rule, "quote_n": ev.quote,
        "is_root": ev.span[0] < lead_end,
    }


def _geo_columns(ev: Event) -> Row:
    """The event place's evidence and GDELT geography, and the places of its participants (migration 003)."""
    p = ev.place
    row: Row = {"place_how": p.how if p else None, "place_type": p.geo_type if p else None,
                "place_adm1": p.adm1 if p else None, "place_adm1_name": p.adm1_name if p else None,
                "place_feature": p.feature_id if p else None}
    for side, ref in (("source", ev.source), ("target", ev.target)):
        q = ref.place if ref is not None else None
        row.update({f"{side}_place_name": q.name if q else None, f"{side}_place_country": q.country if q else None,
                    f"{side}_place_lat": _float(q.lat) if q else None, f"{side}_place_lon": _float(q.lon) if q else None,
                    f"{side}_place_type": q.geo_type if q else None, f"{side}_place_adm1": q.adm1 if q else None,
                    f"{side}_place_feature": q.feature_id if q else None})
    return row
