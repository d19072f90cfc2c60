"""What makes two event mentions the same event, and two articles the same outlet.

GDELT counts an event once however many articles report it: mentions that agree on date, source
actor, target actor, CAMEO code and place are one event. eventwire adds modality to the fingerprint:
"talks were held" and "talks were not held" are not the same event.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from urllib.parse import urlsplit

from ..models import ActorRef, Place

_SPACE = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(the|a|an)\s+")


def _norm(text: str) -> str:
    return _ARTICLE.sub("", _SPACE.sub(" ", text).strip().casefold())


def actor_key(ref: ActorRef | None) -> str:
    """The actor as the fingerprint sees it: its CAMEO code, else its normalised name; '' for none.

    An uncoded actor keeps its name so that "gunmen" and "protesters" do not merge into one blank
    actor, while "the police" and "Police" in two copies of a story do.
    """
    if ref is None:
        return ""
    if ref.code:
        return ref.code
    return "~" + _norm(ref.name or ref.text or "")


def place_key(place: Place | None) -> str:
    """The place as the fingerprint sees it: rounded coordinates when geocoded, else its name."""
    if place is None:
        return ""
    if place.lat is not None and place.lon is not None:
        return f"{place.lat:.2f},{place.lon:.2f}"
    return _norm(place.name or "")


def fingerprint(day: date | None, source: str, target: str, code: str, place: str, modality: str) -> str:
    """The id of the aggregated event a mention with these keys belongs to."""
    key = "|".join([day.isoformat() if day else "", source, target, code, place, modality])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]


def global_id(fp: str) -> int:
    """GDELT's numeric GLOBALEVENTID, derived from the fingerprint so it is stable across stores and runs."""
    return int(fp[:15], 16)  # 60 bits: fits a signed 64-bit integer


def source_key(source: str | None, url: str | None, article_id: str) -> str:
    """The outlet NumSources counts: the source name, else the URL's host, else the article itself."""
    if source and source.strip():
        return _norm(source)
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return "article:" + article_id


def parse_day(value: str | date | None) -> date | None:
    """An ISO date (or datetime) string as a date; None when absent or malformed, so one bad value loses nothing."""
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
