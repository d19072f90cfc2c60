"""The cascade: documents in, analyses out. Each numbered step is one stage; no logic lives here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.language import Language

from .actors import ActorRegistry, ActorResolver
from .clean import DuplicateIndex, clean_document, screen_duplicate, screen_language
from .config import Config
from .events import Lexicon, code_events, load_lexicon
from .models import Analysis, Article, Document, Entity
from .nlp import load_model, parse_articles
from .nlp.budget import capped
from .quotes import find_quotes
from .tone import article_tone


class Pipeline:
    """The analysis stages with their model and data loaded once."""

    def __init__(self, config: Config | None = None, nlp: Language | None = None,
                 duplicates: DuplicateIndex | None = None) -> None:
        self.config = config or Config()
        self._nlp = nlp
        # Texts seen across calls (the store's articles: `seed_duplicates`); without it, each
        # `analyze` call finds the duplicates among its own documents only.
        self.duplicates = duplicates
        self._actors: ActorResolver | None = None
        self._lexicon: Lexicon | None = None
        # Who was coded what in earlier documents ("Sergei Lavrov" RUSGOV makes a later "Lavrov" RUSGOV);
        # `eventwire run` fills it from the store with `registry.load_store(store)`.
        self.registry = ActorRegistry()

    @property
    def actors(self) -> ActorResolver:
        """The actor dictionary (shipped data plus `config.dictionaries`), loaded on first use."""
        if self._actors is None:
            self._actors = ActorResolver.from_config(self.config, self.registry)
        return self._actors

    @property
    def lexicon(self) -> Lexicon:
        """The event pattern lexicon (shipped data plus the user's `lexicons` folders), loaded once."""
        if self._lexicon is None:
            self._lexicon = load_lexicon(*self.config.extra.get("lexicons", ()))
        return self._lexicon

    @property
    def nlp(self) -> Language:
        if self._nlp is None:  # loaded on first use, so `clean` never pays for it
            self._nlp = load_model(self.config.model)
        return self._nlp

    def clean(self, docs: Iterable[Document]) -> Iterator[Article]:
        for doc in docs:
            yield clean_document(doc, self.config)

    def seed_duplicates(self, rows: Iterable[Any]) -> int:
        """Make stored articles, ``(id, text, content_hash)`` rows, count as already seen from now on."""
        if self.duplicates is None:
            self.duplicates = DuplicateIndex(self.config.near_duplicate_threshold)
        return self.duplicates.seed(rows)

    def screen(self, articles: Iterable[Article], seen: DuplicateIndex | None = None) -> Iterator[Article]:
        """Only English (`languages`) is analysed, and each text once; the rest is kept with a reason.

        ``seen`` defaults to the pipeline's own index (made on first use, kept across calls).
        """
        if seen is None:
            if self.duplicates is None:
                self.duplicates = DuplicateIndex(self.config.near_duplicate_threshold)
            seen = self.duplicates
        for art in articles:
            yield screen_duplicate(screen_language(art, self.config), seen)

    def analyze(self, docs: Iterable[Document], dedupe: bool = True) -> Iterator[Analysis]:
        """Analyses in input order; documents that fail come out with their status and reason.

        With ``dedupe`` a document repeating an earlier one (of this call, or of the seeded store)
        is skipped as a duplicate; without it every document is analysed.
        """
        it = iter(docs)
        seen = self.duplicates if self.duplicates is not None else DuplicateIndex(self.config.near_duplicate_threshold)
        while chunk := list(islice(it, self.config.batch_size)):
            cleaned = self.clean(chunk)
            screened = self.screen(cleaned, seen) if dedupe else (screen_language(a, self.config) for a in cleaned)
            yield from self.analyze_articles(screened)

    def analyze_articles(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        arts = list(articles)
        # 1. Parse the articles that are worth it, paragraph by paragraph, in batches; of a very long
        #    text only its head (`max_analysed_chars`), so that one document's cost is bounded.
        ok = [a for a in arts if a.status == "ok"]
        heads = [capped(a, self.config.max_analysed_chars) for a in ok]
        origin = {id(head): (art, note) for art, (head, note) in zip(ok, heads, strict=True)}
        done: dict[int, Analysis] = {}
        for head, doc in parse_articles(self.nlp, [h for h, _ in heads], self.config.batch_size):
            art, note = origin[id(head)]
            if note:  # still "ok": what was analysed is sound, the reason says what was not
                art.reason = f"{art.reason}; {note}" if art.reason else note
            # 2. Who is who.
            table = self.actors.resolve(doc, art.published)
            # 3. Who said what (quotes feed the events: the speaker stands for "I" and "we").
            quotes = find_quotes(doc, table)
            # 4. Who did what to whom, when and where.
            events = code_events(doc, table, quotes, art, self.lexicon)
            entities = [Entity(e.text, e.label_, (e.start_char, e.end_char)) for e in doc.ents]
            # 5. The document's tone (GDELT AvgTone style); the store carries it to the events.
            done[id(art)] = Analysis(art, entities=entities, actors=table.actors, events=events, quotes=quotes,
                                     tone=article_tone(art, self.config))
        for art in arts:
            yield done.get(id(art)) or Analysis(art, tone=article_tone(art, self.config))


def analyze(text: str, published: str | None = None, title: str | None = None, config: Config | None = None) -> Analysis:
    """Analyse one document given as text (or HTML, if it starts like a page)."""
    from .ingest.ids import stable_id

    is_html = text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    doc = Document(id=stable_id(text), text=None if is_html else text, html=text if is_html else None,
                   title=title, published=published)
    return next(Pipeline(config).analyze([doc]))
