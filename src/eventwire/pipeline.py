"""The cascade: documents in, analyses out. Each numbered step is one stage; no logic lives here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language

from .actors import resolve_actors
from .clean import clean_document
from .config import Config
from .events import code_events
from .models import Analysis, Article, Document, Entity
from .nlp import load_model, parse_articles
from .quotes import find_quotes


class Pipeline:
    """The analysis stages with their model and data loaded once."""

    def __init__(self, config: Config | None = None, nlp: Language | None = None) -> None:
        self.config = config or Config()
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:  # loaded on first use, so `clean` never pays for it
            self._nlp = load_model(self.config.model)
        return self._nlp

    def clean(self, docs: Iterable[Document]) -> Iterator[Article]:
        for doc in docs:
            yield clean_document(doc, self.config)

    def analyze(self, docs: Iterable[Document]) -> Iterator[Analysis]:
        """Analyses in input order; documents that fail come out with their status and reason."""
        it = iter(docs)
        while chunk := list(islice(it, self.config.batch_size)):
            yield from self.analyze_articles(self.clean(chunk))

    def analyze_articles(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        arts = list(articles)
        ok = [a for a in arts if a.status == "ok"]
        done: dict[int, Analysis] = {}
        # 1. Parse the articles that are worth it, paragraph by paragraph, in batches.
        for art, doc in parse_articles(self.nlp, ok, self.config.batch_size):
            # 2. Who is who.
            table = resolve_actors(doc)
            # 3. Who said what (quotes feed the events: the speaker stands for "I" and "we").
            quotes = find_quotes(doc, table)
            # 4. Who did what to whom, when and where.
            events = code_events(doc, table, quotes, art)
            entities = [Entity(e.text, e.label_, (e.start_char, e.end_char)) for e in doc.ents]
            done[id(art)] = Analysis(art, entities=entities, actors=table.actors, events=events, quotes=quotes)
        for art in arts:
            yield done.get(id(art)) or Analysis(art)


def analyze(text: str, published: str | None = None, title: str | None = None, config: Config | None = None) -> Analysis:
    """Analyse one document given as text (or HTML, if it starts like a page)."""
    from .ingest.ids import stable_id

    is_html = text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    doc = Document(id=stable_id(text), text=None if is_html else text, html=text if is_html else None,
                   title=title, published=published)
    return next(Pipeline(config).analyze([doc]))
