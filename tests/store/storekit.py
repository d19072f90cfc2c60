"""Builders for hand-made analyses: stores with exactly known contents, no spaCy needed.

A module of its own (not conftest) so test modules can import it by a name no other folder uses.
"""

from __future__ import annotations

from eventwire.models import ActorRef, Analysis, Article, Event, Place, Quote
from eventwire.tables import cameo_codes

GENEVA = Place(name="Geneva", country="CHE", lat=46.20, lon=6.15, kind="city", span=(40, 46))
KHARKIV = Place(name="Kharkiv", country="UKR", lat=49.99, lon=36.23, kind="city", span=(10, 17))


def actor(code: str | None, text: str | None = None, country: str | None = None, span: tuple[int, int] = (0, 5)) -> ActorRef:
    """An actor reference; country defaults to the code's first three letters."""
    return ActorRef(text=text or code or "someone", name=text, code=code,
                    country=country if country is not None else (code[:3] if code else None),
                    sector=code[3:6] if code and len(code) >= 6 else None, span=span)


def event(code: str, source: ActorRef | None, target: ActorRef | None, date: str | None = "2024-05-07",
          place: Place | None = None, modality: str = "asserted", span: tuple[int, int] = (0, 60)) -> Event:
    """An event with its CAMEO name, QuadClass and Goldstein value from the codebook."""
    c = cameo_codes()[code]
    return Event(code=code, name=c.name, root=code[:2], quad_class=c.quad_class, goldstein=c.goldstein,
                 source=source, target=target, modality=modality,  # type: ignore[arg-type]
                 sentence="a sentence", span=span, rule="test", date=date, place=place,
                 trigger=(span[0] + 5, span[0] + 10))


def analysis(art_id: str, events: list[Event], *, source: str | None = "Wire A", url: str | None = None,
             published: str = "2024-05-07", tone: float | None = 1.0, text: str | None = None,
             status: str = "ok", reason: str | None = None, duplicate_of: str | None = None,
             quotes: list[Quote] | None = None) -> Analysis:
    """One analysed (or skipped) article with the given events."""
    body = text if text is not None else f"Lead paragraph of {art_id}.\n\nSecond paragraph of {art_id}, with more words in it."
    art = Article(id=art_id, text=body, title=f"Title {art_id}", published=published, url=url, source=source,
                  language="en", status=status, reason=reason, duplicate_of=duplicate_of,  # type: ignore[arg-type]
                  content_hash=f"hash-{art_id}")
    return Analysis(art, events=events, quotes=quotes or [], tone=tone)
