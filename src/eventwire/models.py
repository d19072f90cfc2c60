"""Typed records passed between the stages.

Every stage takes records from this module and returns records from this module, so a stage can
be run alone (``eventwire clean``), in a process pool or on Ray without knowing who called it.
``to_dict`` gives the JSON shapes of CONTRACT.md; field names there are a public contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["ok", "skipped", "error"]
Modality = Literal["asserted", "negated", "hypothetical"]
QuoteKind = Literal["direct", "partial", "indirect"]
Span = tuple[int, int]


@dataclass
class Document:
    """One document as a reader found it, before cleaning.

    Exactly one of ``text`` and ``html`` is normally set. A reader that could not read a document
    still yields one, with ``status`` ``error`` or ``skipped`` and a ``reason``, so that the batch
    reports it instead of losing it.
    """

    id: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # where it came from: a path, "stdin:3", a URL
    status: Status = "ok"
    reason: str | None = None
    encoding: str | None = None  # the charset the bytes were decoded from ("utf-8", "cp1252", "utf-16-le")


@dataclass
class Article:
    """A cleaned document: the text every span of the analysis points into."""

    id: str
    text: str = ""
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    origin: str | None = None
    status: Status = "ok"
    reason: str | None = None
    content_hash: str | None = None
    duplicate_of: str | None = None
    encoding: str | None = None  # the charset of the input bytes (Document.encoding); None for text given as text

    def clean_dict(self) -> dict[str, Any]:
        """The shape ``eventwire clean`` writes."""
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "published": self.published,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "status": self.status,
            "reason": self.reason,
            "author": self.author,
            "duplicate_of": self.duplicate_of,
            "encoding": self.encoding,
        }


@dataclass
class Entity:
    text: str
    label: str
    span: Span


@dataclass
class Actor:
    """One actor of a document, with every mention of it.

    ``code`` is the CAMEO actor code (country or organisation, then role), or None when the
    actor is known to be someone but could not be coded.
    """

    name: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str = "unknown"  # person | country | organisation | group | unknown
    mentions: list[Span] = field(default_factory=list)
    rule: str | None = None  # the dictionary entry or rule that gave the code

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "mentions": [list(m) for m in self.mentions],
            "rule": self.rule,
        }


@dataclass
class ActorRef:
    """An actor as it takes part in one event or quote: the words used, and who they are."""

    text: str
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    span: Span | None = None
    place: Place | None = None  # where the text puts this actor ("protesters in Senkata"), for GDELT's ActorGeo

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "span": list(self.span) if self.span else None,
            "place": self.place.to_dict() if self.place else None,
        }


PlaceHow = Literal["attached", "sentence", "dateline", "article"]


@dataclass
class Place:
    """Where an event happened (or where an actor is), geocoded offline, with the evidence it came from.

    ``how`` is the evidence, strongest first: ``attached`` (a place phrase on the event's verb or its
    arguments: "clashed in Senkata"), ``sentence`` (a place elsewhere in the sentence), ``dateline`` ("KYIV,
    March 5 (Reuters) -"), ``article`` (the place the whole story is about). ``geo_type`` is GDELT's
    (1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1); ``adm1`` is GeoNames' admin1 code.
    """

    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # city | adm1 | country | region | sea
    span: Span | None = None  # the words naming it (in the dateline or the first naming, for those)
    how: PlaceHow | None = None
    geo_type: int | None = None
    adm1: str | None = None
    adm1_name: str | None = None
    feature_id: str | None = None  # GeoNames id

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass
class Event:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    source: ActorRef | None
    target: ActorRef | None
    modality: Modality
    sentence: str
    span: Span  # the sentence's [start, end) in the article text
    rule: str  # id of the lexicon entry that fired
    date: str | None = None
    place: Place | None = None
    plover: dict[str, str | None] | None = None
    trigger: Span | None = None  # the verb or noun that fired
    quote: int | None = None  # index of the quote the event was coded from, if any

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "root": self.root,
            "name": self.name,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "modality": self.modality,
            "date": self.date,
            "place": self.place.to_dict() if self.place else None,
            "sentence": self.sentence,
            "span": list(self.span),
            "trigger": list(self.trigger) if self.trigger else None,
            "rule": self.rule,
            "quote": self.quote,
        }


@dataclass
class Quote:
    text: str
    kind: QuoteKind
    span: Span  # the quoted content
    speaker: ActorRef | None = None
    cue: str | None = None
    cue_span: Span | None = None
    rule: str | None = None  # which construction attributed it ("cue-after", "continued", "indirect:say" ...)

    def to_dict(self) -> dict[str, Any]:
        spk = None
        if self.speaker:
            spk = {
                "name": self.speaker.name or self.speaker.text,
                "text": self.speaker.text,
                "code": self.speaker.code,
                "span": list(self.speaker.span) if self.speaker.span else None,
            }
        return {
            "speaker": spk,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue,
            "span": list(self.span),
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "rule": self.rule,
        }


@dataclass
class Analysis:
    """Everything eventwire found in one document: the line ``eventwire analyze`` writes."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    tone: float | None = None

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def status(self) -> Status:
        return self.article.status

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "status": a.status,
            "reason": a.reason,
            "title": a.title,
            "published": a.published,
            "url": a.url,
            "source": a.source,
            "author": a.author,
            "language": a.language,
            "duplicate_of": a.duplicate_of,
            "encoding": a.encoding,
            "tone": self.tone,
            "text": a.text,
            "entities": [{"text": e.text, "label": e.label, "span": list(e.span)} for e in self.entities],
            "actors": [x.to_dict() for x in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
        }
