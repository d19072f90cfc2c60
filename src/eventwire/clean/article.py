"""The cleaning cascade for one document: extract, normalise, strip furniture, find the title."""

from __future__ import annotations

from ..config import Config
from ..errors import Errors
from ..models import Article, Document
from .boilerplate import Boilerplate
from .dates import iso_date
from .duplicates import content_hash
from .html import extract_html
from .language import detect_language
from .normalize import normalize_text, paragraphs
from .title import looks_like_title


def clean_document(doc: Document, config: Config | None = None) -> Article:
    """Clean one document; failures come back as an Article with status and reason.

    Cleaning works for any language: the article's ``language`` is set here, and the analysis
    stage (:meth:`eventwire.Pipeline.screen`) decides what to do with languages it cannot analyse.
    """
    config = config or Config()
    art = Article(
        id=doc.id, title=doc.title, published=iso_date(doc.published), url=doc.url,
        source=doc.source, origin=doc.origin, status=doc.status, reason=doc.reason, encoding=doc.encoding,
    )
    if doc.status != "ok":
        return art
    if doc.published and art.published is None:
        # A date the input gave but nobody can read is said, not dropped in silence; the document is
        # still analysed (its events are dated from the text, or not at all).
        art.reason = Errors.E022.format(value=str(doc.published)[:60], what=doc.origin or doc.id)
    boilerplate = Boilerplate.load(config.boilerplate, config.boilerplate_sections)
    # 1. Extract: trafilatura for HTML (text and metadata), the text itself otherwise.
    if doc.html is not None:
        ext = extract_html(doc.html, doc.url)
        raw = ext.text
        art.title = art.title or _one_line(ext.title)
        art.published = art.published or iso_date(ext.published)
        art.author = ext.author
        art.url = art.url or ext.url
        art.source = art.source or ext.site
    else:
        raw = doc.text or ""
    # 2. Normalise once: every span of the analysis points into the text made here.
    paras = paragraphs(normalize_text(raw))
    # 3. Site furniture goes: share lines, promos, link blocks, a repeat of the known headline.
    paras = boilerplate.strip(paras, art.title)
    # 4. Scraped text starts with its headline: a first line that reads like one is the title.
    if doc.html is None and art.title is None and len(paras) > 1 and looks_like_title(paras[0]):
        art.title = paras.pop(0)
    art.text = "\n\n".join(paras)
    art.content_hash = content_hash(art.text)
    # 5. Refuse what cannot be analysed, with a reason a person can act on.
    if len(art.text.split()) < config.min_words:
        what = doc.origin or doc.id
        if doc.html is None:
            art.status, art.reason = "skipped", Errors.E002.format(what=what)
        else:
            art.status, art.reason = "error", Errors.E009.format(what=what)
        return art
    art.language = detect_language(art.text)
    return art


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None
