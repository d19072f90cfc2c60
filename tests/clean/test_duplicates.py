"""Exact and near-duplicate detection, and the screen that sets duplicates aside."""

from __future__ import annotations

import pytest

from eventwire.clean.duplicates import DuplicateIndex, content_hash, screen_duplicate
from eventwire.models import Article

STORY = (
    "Government forces recaptured the northern town of Belvale on Sunday after three days of fighting with "
    "rebel units, the defence ministry said. Residents who fled to the coast said they would not return "
    "until the roads were cleared of mines. Aid agencies warned that food stocks in the region would run "
    "out within a week unless convoys were allowed through the checkpoints."
)
OTHER = (
    "The central bank raised its main interest rate by half a point on Thursday, its third increase this "
    "year, citing stubborn inflation in food and energy prices. Economists had expected a smaller move. "
    "The currency strengthened against the dollar after the announcement."
)


def test_duplicates_content_hash_ignores_case_spacing_and_punctuation() -> None:
    assert content_hash("Troops  crossed the border.") == content_hash("troops crossed the border!")
    assert content_hash("Troops crossed the border.") != content_hash("Troops crossed the river.")


def test_duplicates_finds_exact_copy() -> None:
    index = DuplicateIndex()
    index.add("a", STORY)
    assert index.find(STORY.upper()) == "a"
    assert index.find(OTHER) is None


def test_duplicates_finds_near_copy_with_new_ending() -> None:
    index = DuplicateIndex(threshold=0.8)
    index.add("a", STORY)
    copy = STORY + " Photo: AFP."
    assert index.find(copy) == "a"


def test_duplicates_different_story_is_not_a_near_copy() -> None:
    index = DuplicateIndex()
    index.add("a", STORY)
    index.add("b", OTHER)
    rewritten = STORY.replace("Belvale", "Dunmore").replace("Sunday", "Monday").replace("three", "five")
    rewritten = rewritten.replace("coast", "capital").replace("week", "month").replace("food", "fuel")
    assert index.find(rewritten) is None


def test_duplicates_a_text_is_not_its_own_duplicate() -> None:
    index = DuplicateIndex()
    index.add("a", STORY)
    assert index.find(STORY, exclude="a") is None


def test_duplicates_seed_from_store_rows() -> None:
    index = DuplicateIndex()
    n = index.seed([{"id": "s1", "text": STORY, "content_hash": None}, ("s2", OTHER, "abc"), (None, "x", None)])
    assert n == 2 and "s1" in index and len(index) == 2
    assert index.find(OTHER) == "s2"


def test_duplicates_short_texts_match_exactly_only() -> None:
    index = DuplicateIndex()
    index.add("a", "Talks resumed.")
    assert index.find("talks resumed") == "a"
    assert index.find("Talks ended.") is None


def test_duplicates_threshold_must_be_a_share() -> None:
    with pytest.raises(ValueError):
        DuplicateIndex(threshold=0)


def test_duplicates_screen_marks_second_copy_skipped() -> None:
    index = DuplicateIndex()
    first = screen_duplicate(Article(id="a", text=STORY, content_hash=content_hash(STORY)), index)
    second = screen_duplicate(Article(id="b", text=STORY), index)
    failed = screen_duplicate(Article(id="c", text=STORY, status="error", reason="E009"), index)
    assert first.status == "ok" and first.duplicate_of is None
    assert (second.status, second.reason, second.duplicate_of) == ("skipped", "duplicate of a", "a")
    assert failed.status == "error" and failed.duplicate_of is None


def test_duplicates_pipeline_screen_sets_aside_languages_and_copies() -> None:
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()  # screening needs no spaCy model
    assert pipeline.seed_duplicates([("stored-1", OTHER, None)]) == 1
    spanish = Article(id="es", text="Las fuerzas del gobierno recuperaron la ciudad el domingo.", language="es")
    arts = [Article(id="a", text=STORY, language="en"), Article(id="b", text=STORY, language="en"),
            Article(id="c", text=OTHER, language="en"), spanish]
    out = list(pipeline.screen(arts))
    assert [(a.status, a.duplicate_of) for a in out] == [("ok", None), ("skipped", "a"), ("skipped", "stored-1"),
                                                         ("skipped", None)]
    assert out[3].reason == "language es"
    # the index is kept across calls: a later copy of "a" is found too
    (later,) = pipeline.screen([Article(id="d", text=STORY, language="en")])
    assert later.duplicate_of == "a"


def test_duplicates_find_or_add_finds_like_find_and_adds_only_new_texts() -> None:
    index = DuplicateIndex(threshold=0.8)
    assert index.find_or_add("a", STORY) is None and "a" in index
    assert index.find_or_add("b", STORY + " Photo: AFP.") == "a"  # a near copy is found, not added
    assert "b" not in index and len(index) == 1
    assert index.find_or_add("c", OTHER.lower()) is None and "c" in index
    assert index.find_or_add("d", OTHER) == "c"  # exact copy
    assert index.find_or_add("a", STORY) is None and len(index) == 2  # a text seen before is not its own copy


def test_duplicates_find_or_add_agrees_with_find_then_add() -> None:
    texts = [("a", STORY), ("b", OTHER), ("c", STORY.replace("Sunday", "Monday")), ("d", "Talks resumed."),
             ("e", "talks resumed"), ("f", OTHER + " Reporting by the desk."), ("g", OTHER[:60])]
    one_step, two_steps = DuplicateIndex(), DuplicateIndex()
    found = []
    for doc_id, text in texts:
        original = two_steps.find(text, exclude=doc_id)
        if original is None:
            two_steps.add(doc_id, text)
        found.append(original)
    assert [one_step.find_or_add(doc_id, text) for doc_id, text in texts] == found
    assert found[2] == "a" and found[4] == "d" and found[1] is None
    assert len(one_step) == len(two_steps)
