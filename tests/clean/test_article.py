"""The cleaning cascade on plain text and HTML documents written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwire.clean import clean_document, screen_language
from eventwire.clean.html import extract_html
from eventwire.config import Config
from eventwire.models import Document

BODY = [
    "Government forces recaptured the northern town of Belvale on Sunday after three days of fighting, "
    "the defence ministry said in a statement.",
    "Residents who fled to the coast said they would not return until the roads were cleared of mines "
    "and the water supply was restored.",
    "Related talks between the two sides are due to resume in Geneva next week, according to diplomats.",
    "Share prices of local firms fell sharply on the news, traders said.",
    "Aid agencies warned that food stocks would run out within a week unless convoys were allowed through.",
]

SCRAPED = "\n\n".join([
    "Home | World | Africa | Business",
    "Army Retakes Belvale After Three Days Of Fighting",
    "1 / 4",
    "Soldiers 'Ready To Hold The Town'",
    BODY[0], BODY[1],
    "Read more: Who are the Belvale rebels",
    BODY[2], BODY[3],
    "Share this article",
    BODY[4],
    "Sign up for our daily newsletter",
    "By using this site you agree to our use of cookies for personalisation.",
])

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Army retakes Belvale after three days of fighting | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-05-12T09:30:00Z">
<link rel="canonical" href="https://news.example.org/world/belvale-retaken">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Army retakes Belvale after three days of fighting</h1>
<p class="byline">By Jane Reporter</p>
""" + "\n".join(f"<p>{p}</p>" for p in BODY) + """
<p>Read more: Who are the Belvale rebels</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits coast</a></li><li><a href="/b">Rates rise again</a></li></ul></aside>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>"""


def test_article_plain_text_loses_furniture_keeps_body_and_finds_title() -> None:
    art = clean_document(Document(id="t1", text=SCRAPED))
    assert art.status == "ok"
    assert art.title == "Army Retakes Belvale After Three Days Of Fighting"
    assert art.text.split("\n\n") == BODY
    assert art.language == "en"
    assert art.content_hash


def test_article_given_title_is_kept_and_its_repeat_dropped() -> None:
    text = "Army retakes Belvale\n\n" + "\n\n".join(BODY)
    art = clean_document(Document(id="t2", text=text, title="Army retakes Belvale"))
    assert art.title == "Army retakes Belvale"
    assert art.text.split("\n\n") == BODY


def test_article_html_text_and_metadata() -> None:
    art = clean_document(Document(id="h1", html=PAGE))
    assert art.status == "ok", art.reason
    for para in BODY:
        assert para in art.text
    for furniture in ("Read more", "Most read", "Storm hits coast", "Copyright", "Home"):
        assert furniture not in art.text
    assert art.title is not None and art.title.startswith("Army retakes Belvale")
    assert art.published == "2024-05-12"
    assert art.author == "Jane Reporter"
    assert art.source == "The Daily Example"
    assert art.url == "https://news.example.org/world/belvale-retaken"


def test_article_document_fields_win_over_page_metadata() -> None:
    art = clean_document(Document(id="h2", html=PAGE, title="Given title", published="2024-06-01",
                                  url="https://example.org/given", source="Wire"))
    assert (art.title, art.published, art.url, art.source) == ("Given title", "2024-06-01", "https://example.org/given", "Wire")


def test_article_html_precision_mode_is_kept_when_it_finds_the_article() -> None:
    ext = extract_html(PAGE)
    assert ext.mode == "precision"
    assert len(ext.text.split()) > 60


def test_article_html_falls_back_when_precision_keeps_a_sliver(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.clean import html

    sliver = SimpleNamespace(text="A caption.", title="T", date=None, author=None, sitename=None, url=None)
    monkeypatch.setattr(html.trafilatura, "bare_extraction", lambda *a, **k: sliver)
    monkeypatch.setattr(html, "_extract", lambda *a, **k: " ".join(BODY))
    ext = extract_html(PAGE)
    assert (ext.mode, ext.text, ext.title) == ("default", " ".join(BODY), "T")
    # a short page whose precision text is not a sliver of the default one stays as it is
    monkeypatch.setattr(html, "_extract", lambda *a, **k: "A caption. And two words.")
    assert extract_html(PAGE).mode == "precision"


def test_article_page_without_text_is_an_error_with_reason() -> None:
    art = clean_document(Document(id="h3", html="<html><body><nav><a href='/'>Home</a></nav><div><p>Hi</p></body>",
                                  origin="empty.html"))
    assert art.status == "error"
    assert art.reason and art.reason.startswith("E009") and "empty.html" in art.reason


def test_article_malformed_html_still_gives_its_text() -> None:
    broken = "<html><body><div><p>" + "</p><p>".join(BODY) + "<p><b>unclosed <i>tags everywhere"
    art = clean_document(Document(id="h4", html=broken))
    assert art.status == "ok"
    assert BODY[0] in art.text


def test_article_short_text_is_skipped_as_empty() -> None:
    art = clean_document(Document(id="s1", text="Share this article\n\nSubscribe"))
    assert art.status == "skipped" and art.reason and art.reason.startswith("E002")


def test_article_failed_document_passes_through() -> None:
    art = clean_document(Document(id="b1", status="error", reason="E003 binary"))
    assert (art.status, art.reason, art.text) == ("error", "E003 binary", "")


def test_article_other_language_is_cleaned_then_screened() -> None:
    text = ("Las fuerzas del gobierno recuperaron el domingo la ciudad tras tres días de combates, "
            "según un comunicado del ministerio de defensa. Los vecinos que huyeron dijeron que no volverían.")
    art = clean_document(Document(id="es", text=text))
    assert (art.status, art.language) == ("ok", "es")  # cleaning works for any language
    screened = screen_language(art, Config())
    assert (screened.status, screened.reason) == ("skipped", "language es")
    assert screen_language(clean_document(Document(id="es2", text=text)), Config(languages=("en", "es"))).status == "ok"


def test_language_short_english_sentence_is_not_taken_for_a_creole() -> None:
    from eventwire.clean.language import detect_language

    # Short English sentences sit close to English-based creoles in py3langid's model.
    assert detect_language("The envoy wants Moscow to halt the strikes.") == "en"
    assert detect_language("Kenya wants Uganda to open the border.") == "en"  # py3langid alone: pcm


def test_language_other_news_languages_still_recognised() -> None:
    from eventwire.clean.language import detect_language

    assert detect_language("Le ministre a rencontré son homologue allemand à Berlin mardi.") == "fr"
    assert detect_language("Die Regierung hat am Dienstag neue Sanktionen gegen Moskau beschlossen.") == "de"
