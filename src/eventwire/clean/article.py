"""The cleaning cascade for one document."""

from __future__ import annotations

import hashlib

from ..config import Config
from ..errors import Errors
from ..models import Article, Document
from .boilerplate import strip_boilerplate
from .dates import iso_date
from .html import extract_html
from .language import detect_language
from .normalize import normalize_text, paragraphs
from .title import looks_like_title


def clean_document(doc: Document, config: Config | None = None) -> Article:
    """Clean one document; failures come back as an Article with status and reason."""
    config = config or Config()
    art = Article(
        id=doc.id, title=doc.title, published=iso_date(doc.published), url=doc.url,
        source=doc.source, origin=doc.origin, status=doc.status, reason=doc.reason,
    )
    if doc.status != "ok":
        return art
    # 1. Extract: trafilatura for HTML, line filters for text.
    if doc.html is not None:
        ext = extract_html(doc.html, doc.url)
        paras = paragraphs(normalize_text(ext.text))
        art.title = art.title or ext.title
        art.published = art.published or iso_date(ext.published)
        art.author = ext.author
        art.url = art.url or ext.url
        art.source = art.source or ext.site
    else:
        paras = paragraphs(normalize_text(doc.text or ""))
    paras = strip_boilerplate(paras)
    # 2. A first line that reads like a headline is the title, not body text.
    if doc.html is None and paras and looks_like_title(paras[0]):
        title = paras.pop(0)
        art.title = art.title or title
    art.text = "\n\n".join(paras)
    art.content_hash = hashlib.sha1(" ".join(art.text.lower().split()).encode()).hexdigest()
    # 3. Refuse what cannot be analysed, with a reason.
    if len(art.text.split()) < config.min_words:
        art.status = "skipped" if doc.html is None else "error"
        art.reason = (Errors.E002.format(what=doc.origin or doc.id) if doc.html is None
                      else Errors.E009.format(what=doc.origin or doc.id))
        return art
    art.language = detect_language(art.text)
    if art.language not in config.languages:
        art.status, art.reason = "skipped", f"language {art.language}"
    return art
