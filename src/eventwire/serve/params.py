"""Query parameters of the API and the dashboard, validated once, in one place.

Each endpoint takes one of these models as its query (FastAPI ``Query()`` models), so a value
of the wrong type, out of range, or a parameter that does not exist is a 422 with the parameter
named, never an error deeper down. Unknown parameters are refused rather than ignored: a typo
like ``?actr=USA`` would otherwise return every event and look like an answer.

The event filters are those of ``eventwire events`` and of :class:`eventwire.store.EventFilters`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from ..store import EventFilters
from ..store.queries import PLACE_HOWS
from .errors import ApiError

M = TypeVar("M", bound=BaseModel)
MAX_PAGE = 500
# Periods one timeline answers at most (13 years by day): every period of the range is a row, so a
# wide range by day (1900-01-01..2100-12-31) would build an answer of tens of megabytes.
MAX_PERIODS = 5000
# Printable text only: control characters in a search box are a mistake or a probe, never a query.
_TEXT = r"^[^\x00-\x1f\x7f]*$"
Text = Annotated[str, StringConstraints(max_length=200, pattern=_TEXT)]
CodePrefix = Annotated[str, StringConstraints(min_length=1, max_length=30, pattern=r"^[A-Za-z0-9]+$")]
ArticleId = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=_TEXT)]
Modality = Literal["asserted", "negated", "hypothetical", "any"]


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PageParams(_Params):
    limit: int = Field(default=50, ge=1, le=MAX_PAGE, description=f"rows per page, at most {MAX_PAGE}")
    offset: int = Field(default=0, ge=0, le=10_000_000, description="rows to skip")


class EventParams(_Params):
    """The event filters; all optional, combined with AND."""

    actor: CodePrefix | None = Field(default=None, description="actor code prefix, as source or target (USA, RUSGOV)")
    dyad: Annotated[str, StringConstraints(max_length=61, pattern=r"^[A-Za-z0-9]{1,30}-[A-Za-z0-9]{1,30}$")] | None = (
        Field(default=None, description="SOURCE-TARGET code prefixes, e.g. USA-RUS"))
    undirected: bool = Field(default=False, description="with dyad: events in both directions")
    code: Annotated[str, StringConstraints(min_length=1, max_length=4, pattern=r"^[0-9]+$")] | None = (
        Field(default=None, description="CAMEO event code prefix, e.g. 04 or 112"))
    quad_class: int | None = Field(default=None, ge=1, le=4, description="1 verbal cooperation, 2 material cooperation,"
                                                                  " 3 verbal conflict, 4 material conflict")
    since: dt.date | None = Field(default=None, description="first event date, YYYY-MM-DD")
    until: dt.date | None = Field(default=None, description="last event date, YYYY-MM-DD")
    place: Text | None = Field(default=None, description="place name (exact, any case) or its country code (ISO alpha-3)")
    modality: Modality | None = Field(default=None, description="asserted, negated, hypothetical or any; counts, timelines,"
                                                        " maps and networks default to asserted, lists to any")
    one_a_day: bool = Field(default=False, description="ICEWS filter: the same date, dyad, code and modality counted once")

    @model_validator(mode="after")
    def _range(self) -> EventParams:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def filters(self, default_modality: str | None) -> EventFilters:
        """The store's filters for these parameters; ``default_modality`` applies when none was given."""
        modality = self.modality or default_modality
        f: EventFilters = {"modality": None if modality in (None, "any") else modality}
        if self.actor:
            f["actor"] = self.actor.upper()
        if self.dyad:
            f["dyad"] = self.dyad.upper()
            f["undirected"] = self.undirected
        if self.code:
            f["code"] = self.code
        if self.quad_class is not None:
            f["quad_class"] = self.quad_class
        if self.since:
            f["since"] = self.since
        if self.until:
            f["until"] = self.until
        if self.place:
            f["place"] = self.place
        if self.one_a_day:
            f["one_a_day"] = True
        return f

    def given(self) -> dict[str, Any]:
        """The event filters that were given, JSON-ready, for echoing back in answers."""
        out = self.model_dump(include=set(EventParams.model_fields), exclude_defaults=True)
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in out.items()}


class EventListParams(EventParams, PageParams):
    sort: Literal["date", "-date"] = Field(default="date", description="date order; -date for newest first")


Level = Literal["country", "code"]
LEVEL_HELP = "country: actors grouped by country (or organisation code); code: full actor codes"



_HOW = f"({'|'.join(PLACE_HOWS)})"
_HOWS = rf"^{_HOW}(,{_HOW})*$"


class DyadParams(EventParams, PageParams):
    level: Level = Field(default="country", description=LEVEL_HELP)


class TimelineParams(EventParams):
    by: Literal["day", "week", "month", "year"] = Field(
        default="month", description=f"the width of one period; at most {MAX_PERIODS} periods in the range")

    def periods(self, first: dt.date, last: dt.date) -> int:
        """How many periods of ``by`` the timeline from ``first`` to ``last`` has (the store's date_trunc's)."""
        if last < first:
            return 0
        if self.by == "day":
            return (last - first).days + 1
        if self.by == "week":  # weeks start on Monday
            monday_first = first - dt.timedelta(days=first.weekday())
            monday_last = last - dt.timedelta(days=last.weekday())
            return (monday_last - monday_first).days // 7 + 1
        if self.by == "month":
            return (last.year - first.year) * 12 + last.month - first.month + 1
        return last.year - first.year + 1


class PlaceParams(EventParams):
    limit: int = Field(default=500, ge=1, le=5000, description="at most this many places, busiest first")
    how: Annotated[str, StringConstraints(max_length=60, pattern=_HOWS)] | None = Field(
        default=None, description="only events placed by this evidence: attached, sentence, dateline or article"
                                  " (several comma-separated, e.g. attached,sentence)")

    def hows(self) -> list[str] | None:
        """The evidence kinds asked for, or None for all."""
        return [h for h in self.how.split(",") if h] if self.how else None


class NetworkParams(EventParams):
    level: Level = Field(default="country", description=LEVEL_HELP)
    min_events: int = Field(default=1, ge=1, le=1_000_000, description="leave out links with fewer events")
    max_edges: int = Field(default=200, ge=1, le=2000, description="keep the busiest links only")


class ActorParams(PageParams):
    code: CodePrefix | None = Field(default=None, description="actor code prefix")
    uncoded: bool = Field(default=False, description="only the names no dictionary entry coded")


class ArticleParams(PageParams):
    status: Literal["ok", "skipped", "error"] | None = None
    source: Text | None = Field(default=None, description="the outlet (any case) or its host name")
    since: dt.date | None = Field(default=None, description="published on or after")
    until: dt.date | None = Field(default=None, description="published on or before")


class QuoteParams(PageParams):
    speaker: Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00-\x1f\x7f%_]*$")] | None = Field(
        default=None, description="speaker code prefix or part of the name (no % or _)")
    article_id: ArticleId | None = None
    kind: Literal["direct", "partial", "indirect"] | None = None
    since: dt.date | None = Field(default=None, description="article published on or after")
    until: dt.date | None = Field(default=None, description="article published on or before")


class AlertParams(_Params):
    """The filters of ``eventwire alerts``: which turns, on which series."""

    since: dt.date | None = Field(default=None, description="only turns starting on or after this date, YYYY-MM-DD")
    by: Literal["day", "week", "month"] = Field(default="week", description="the width of one period")
    level: Literal["country", "actor"] = Field(default="country", description="country: actors grouped by country (or"
                                                                             " organisation code); actor: full actor codes")
    both_ways: bool = Field(default=False, description="pool A→B and B→A into one dyad (named in alphabetical order)")
    kind: Literal["escalation", "de-escalation"] | None = Field(default=None, description="only turns of this kind")
    limit: int = Field(default=100, ge=1, le=MAX_PAGE, description=f"at most this many alerts, newest first (at most {MAX_PAGE})")


def from_form(model: type[M], query: dict[str, str]) -> M:
    """Validate a dashboard form's query: empty fields count as absent; errors become a 422."""
    try:
        return model.model_validate({k: v for k, v in query.items() if v.strip() != ""})
    except ValidationError as err:
        details = [{"location": "query", "parameter": ".".join(str(p) for p in e["loc"]) or None,
                    "message": e["msg"]} for e in err.errors()]
        what = "; ".join(f"{d['parameter'] or 'query'}: {d['message']}" for d in details[:5])
        raise ApiError(422, "invalid_parameter", f"invalid request: {what}", details) from err
