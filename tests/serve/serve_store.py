"""A small store written for the serve tests: four articles, eight events, quotes and places.

Built from hand-made analyses (no spaCy), so the expected numbers below are known exactly and do
not move when the analysis stages improve. Spans are found in the texts, never typed.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.models import Actor, ActorRef, Analysis, Article, Event, Place, Quote
from eventwire.store import Store
from eventwire.tables import cameo_codes

GENEVA = Place("Geneva", "CHE", 46.2, 6.15, "city")
KHARKIV = Place("Kharkiv", "UKR", 49.99, 36.23, "city")
PARIS = Place("Paris", "FRA", 48.86, 2.35, "city")

A1 = ("a1-geneva", "2025-03-10", "Lavrov and Kerry meet in Geneva",
      "GENEVA - Russian Foreign Minister Sergei Lavrov met US Secretary of State John Kerry in Geneva on Monday.\n\n"
      "\"The talks were useful,\" Lavrov said afterwards.\n\n"
      "Moscow threatened Ukraine with new sanctions.")
A2 = ("a2-kharkiv", "2025-04-02", "Russian troops shell Kharkiv",
      "Russian troops shelled Kharkiv on Tuesday.\n\n"
      "The Ukrainian government condemned the shelling, and Foreign Minister Olena Marchuk said \"this is terror\".\n\n"
      "Washington did not condemn the Russian army.")
A3 = ("a3-paris", "2025-04-20", "France urges restraint and signs aid deal with Lebanon",
      "France urged Israel to show restraint.\n\n"
      "In Paris, France and Lebanon signed an aid agreement on Sunday.\n\n"
      "Israel could strike Lebanon again, officials warned.")
A4 = ("a4-french", "2025-04-21", "Un article en français", "Le ministre a parlé aux journalistes hier soir.")


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    i = text.index(words, after)
    return (i, i + len(words))


def _sentence(text: str, words: str) -> tuple[str, tuple[int, int]]:
    """The sentence (paragraph here) holding ``words``, and its span."""
    i = text.index(words)
    start = text.rfind("\n\n", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", i)
    end = len(text) if end < 0 else end
    return text[start:end], (start, end)


def _ref(text: str, words: str, code: str | None, country: str | None, sector: str | None) -> ActorRef:
    return ActorRef(text=words, name=words, code=code, country=country, sector=sector, span=_span(text, words))


def _event(text: str, code: str, trigger: str, source: ActorRef | None, target: ActorRef | None,
           rule: str, modality: str = "asserted", place: Place | None = None, date: str | None = None) -> Event:
    cc = cameo_codes()[code]
    sentence, span = _sentence(text, trigger)
    return Event(code=code, name=cc.name, root=cc.root, quad_class=cc.quad_class, goldstein=cc.goldstein,
                 source=source, target=target, modality=modality,  # type: ignore[arg-type]
                 sentence=sentence, span=span, rule=rule, date=date, place=place, plover=cc.plover(),
                 trigger=_span(text, trigger))


def analyses() -> list[Analysis]:
    """The four analyses of the test store."""
    out = []
    aid, day, title, text = A1
    lavrov_said = _span(text, "Lavrov said")
    lavrov2 = (lavrov_said[0], lavrov_said[0] + len("Lavrov"))
    lav = _ref(text, "Russian Foreign Minister Sergei Lavrov", "RUSGOV", "RUS", "GOV")
    ker = _ref(text, "US Secretary of State John Kerry", "USAGOV", "USA", "GOV")
    mos = _ref(text, "Moscow", "RUSGOV", "RUS", "GOV")
    ukr = _ref(text, "Ukraine", "UKRGOV", "UKR", "GOV")
    out.append(Analysis(
        Article(aid, text=text, title=title, published=day, source="Wire One", language="en"),
        actors=[Actor("Sergei Lavrov", "RUSGOV", "RUS", "GOV", "person",
                      [_span(text, "Sergei Lavrov"), lavrov2],
                      rule="dict:lavrov"),
                Actor("John Kerry", "USAGOV", "USA", "GOV", "person", [_span(text, "John Kerry")]),
                Actor("Moscow", "RUSGOV", "RUS", "GOV", "country", [_span(text, "Moscow")]),
                Actor("Ukraine", "UKRGOV", "UKR", "GOV", "country", [_span(text, "Ukraine")])],
        events=[_event(text, "040", "met", lav, ker, "meet.1", place=GENEVA, date="2025-03-10"),
                _event(text, "130", "threatened", mos, ukr, "threaten.1")],
        quotes=[Quote("The talks were useful,", "direct", _span(text, "The talks were useful,"),
                      speaker=ActorRef("Lavrov", "Sergei Lavrov", "RUSGOV", span=lavrov2),
                      cue="said", cue_span=_span(text, "said"))],
        tone=-0.5))
    aid, day, title, text = A2
    troops = _ref(text, "Russian troops", "RUSMIL", "RUS", "MIL")
    kyiv = _ref(text, "The Ukrainian government", "UKRGOV", "UKR", "GOV")
    army = _ref(text, "the Russian army", "RUSMIL", "RUS", "MIL")
    wash = _ref(text, "Washington", "USAGOV", "USA", "GOV")
    out.append(Analysis(
        Article(aid, text=text, title=title, published=day, source="Wire Two", language="en"),
        actors=[Actor("Russian troops", "RUSMIL", "RUS", "MIL", "group", [_span(text, "Russian troops"), army.span or (0, 0)]),
                Actor("Ukrainian government", "UKRGOV", "UKR", "GOV", "organisation", [kyiv.span or (0, 0)]),
                Actor("Olena Marchuk", "UKRGOV", "UKR", "GOV", "person", [_span(text, "Olena Marchuk")]),
                Actor("Washington", "USAGOV", "USA", "GOV", "country", [wash.span or (0, 0)])],
        events=[_event(text, "190", "shelled", troops, ActorRef("Kharkiv", "Ukraine", "UKR", "UKR"), "shell.1",
                       place=KHARKIV, date="2025-04-01"),
                _event(text, "111", "condemned", kyiv, troops, "condemn.1", place=KHARKIV),
                _event(text, "111", "did not condemn", wash, army, "condemn.1", modality="negated")],
        quotes=[Quote("this is terror", "direct", _span(text, "this is terror"),
                      speaker=ActorRef("Olena Marchuk", "Olena Marchuk", "UKRGOV", span=_span(text, "Olena Marchuk")),
                      cue="said", cue_span=_span(text, "said"))],
        tone=-6.0))
    aid, day, title, text = A3
    fra = _ref(text, "France", "FRAGOV", "FRA", "GOV")
    isr = _ref(text, "Israel", "ISRGOV", "ISR", "GOV")
    fra2 = ActorRef("France", "France", "FRAGOV", "FRA", "GOV", _span(text, "France and"))
    leb = _ref(text, "Lebanon", "LBNGOV", "LBN", "GOV")
    isr_mil = ActorRef("Israel", "Israel", "ISRMIL", "ISR", "MIL", _span(text, "Israel could"))
    out.append(Analysis(
        Article(aid, text=text, title=title, published=day, source="Wire One", language="en"),
        actors=[Actor("France", "FRAGOV", "FRA", "GOV", "country", [fra.span or (0, 0), fra2.span or (0, 0)]),
                Actor("Israel", "ISRGOV", "ISR", "GOV", "country", [isr.span or (0, 0), isr_mil.span or (0, 0)]),
                Actor("Lebanon", "LBNGOV", "LBN", "GOV", "country", [leb.span or (0, 0)])],
        events=[_event(text, "020", "urged", fra, isr, "urge.1"),
                _event(text, "057", "signed", fra2, leb, "sign.1", place=PARIS),
                _event(text, "190", "could strike", isr_mil, ActorRef("Lebanon", "Lebanon", "LBN", "LBN"), "strike.1",
                       modality="hypothetical")],
        quotes=[], tone=1.5))
    aid, day, title, text = A4
    out.append(Analysis(Article(aid, text=text, title=title, published=day, language="fr", status="skipped",
                                reason="language fr")))
    return out


def build_store(path: Path) -> Path:
    """Write the test store at ``path`` and close it; the path."""
    with Store(path) as store:
        for a in analyses():
            store.write(a)
    return path


# What the tests expect, worked out by hand from the analyses above.
EVENTS = 8  # every modality
ASSERTED = 6  # the negated condemnation and the hypothetical strike left out
ARTICLES = 4
ARTICLES_OK = 3
QUOTES = 2
