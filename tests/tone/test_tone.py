"""Document tone: GDELT's positive-minus-negative word percentages with VADER's lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Config
from eventwire.errors import EventwireError
from eventwire.models import Article
from eventwire.tone import article_tone, load_lexicon, score


def test_tone_conflict_text_is_negative_and_cooperation_positive() -> None:
    bad = score("Soldiers killed nine villagers and burned their homes in a brutal raid, witnesses said.")
    good = score("The ministers welcomed the agreement and praised the constructive, friendly talks.")
    assert bad.tone < -10 < 10 < good.tone
    assert bad.positive == 0 and bad.negative > 0


def test_tone_is_a_percentage_of_words() -> None:
    t = score("Officials welcomed the plan on Monday in the capital city today.")  # 11 words, one positive
    assert t.words == 11
    assert t.positive == pytest.approx(100 / 11, abs=1e-3)
    assert t.tone == pytest.approx(t.positive - t.negative)
    assert t.polarity == pytest.approx(t.positive + t.negative)


def test_tone_names_in_the_news_are_neutral() -> None:
    # "United" and "Security" are positive in VADER but here they are names.
    assert score("The United Nations Security Council met on Tuesday.").tone == 0.0


def test_tone_empty_text_is_zero() -> None:
    assert score("").tone == 0.0 and score("1234 5678").words == 0


def test_tone_article_scored_only_when_there_is_english_to_score() -> None:
    text = "Protesters clashed with police and many were injured in the violence."
    assert article_tone(Article(id="a", text=text)) is not None
    assert article_tone(Article(id="a", text=text, status="skipped", reason="duplicate of b", duplicate_of="b")) is not None
    assert article_tone(Article(id="a", text=text, status="skipped", reason="language fr")) is None
    assert article_tone(Article(id="a", text=text, status="error", reason="E003")) is None
    assert article_tone(Article(id="a", text="")) is None


def test_tone_user_lexicon_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("word\tvalence\nceasefire\t2.5\nkilled\t0\n", encoding="utf-8")
    lex = load_lexicon((str(user),))
    assert lex["ceasefire"] == 2.5 and "killed" not in lex
    art = Article(id="a", text="The ceasefire held although two were killed.")
    assert article_tone(art, Config(extra={"tone_lexicon": str(user)})) == pytest.approx(100 / 7, abs=1e-3)


def test_tone_bad_user_lexicon_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("word\tvalence\nceasefire\tvery good\n", encoding="utf-8")
    with pytest.raises(EventwireError) as info:
        load_lexicon((str(bad),))
    assert info.value.code == "E030"


def test_tone_pipeline_sets_analysis_tone(analyze_text) -> None:  # type: ignore[no-untyped-def]
    grim = analyze_text("Gunmen killed four aid workers in an attack on a convoy near the border on Tuesday, officials said.")
    assert grim.tone is not None and grim.tone < 0
    assert grim.to_dict()["tone"] == grim.tone
