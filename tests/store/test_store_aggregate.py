"""GDELT-style aggregation: one event per fingerprint, counted across mentions, sources and articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storekit import GENEVA, KHARKIV, actor, analysis, event

from eventwire.store import Store
from eventwire.store.keys import actor_key, fingerprint, global_id, place_key, source_key


def _snapshot(store: Store) -> dict[str, list[Any]]:
    out = {}
    for table in ("articles", "actors", "event_mentions", "events", "quotes", "places", "entities", "duplicates"):
        out[table] = sorted(map(repr, store.table(table)))
    return out


STORY = ("US Secretary of State met the Russian foreign minister in Geneva on Tuesday.\n\n"
         "The two sides discussed a ceasefire and prisoner exchanges, officials said.")
EDITED = ("US Secretary of State met the Russian foreign minister in Geneva on Tuesday.\n\n"
          "The two sides discussed a ceasefire and an exchange of prisoners, officials told reporters.")


def _story_events() -> list:
    usa, rus = actor("USAGOV", "US Secretary of State"), actor("RUSGOV", "the Russian foreign minister")
    return [event("042", usa, rus, "2024-05-07", GENEVA, span=(0, 77)),
            event("020", rus, usa, "2024-05-07", None, span=(79, 160))]


def test_store_aggregate_duplicate_copy_counts_once_with_two_articles(store: Store) -> None:
    original = analysis("orig", _story_events(), text=STORY, source="Wire A", url="https://a.example/x", tone=-1.0)
    copy = analysis("copy", [], text=EDITED, source="Wire B", url="https://b.example/y", tone=3.0,
                    status="skipped", reason="duplicate of orig", duplicate_of="orig")
    assert store.write(original)
    assert store.write(copy)
    events = store.events()
    assert len(events) == 2  # each event once, not twice
    for ev in events:
        assert ev["num_articles"] == 2
        assert ev["num_sources"] == 2
        assert ev["num_mentions"] == 2  # the copy carries the original's mention
        assert ev["avg_tone"] == 1.0  # mean of -1 and 3
        assert ev["source_url"] == "https://a.example/x"  # the first report
    dup = store.table("duplicates")
    assert [(d["article_id"], d["original_id"], d["analysed"]) for d in dup] == [("copy", "orig", False)]
    assert store.stats()["articles"] == 2


def test_store_aggregate_near_duplicate_analysed_anyway_merges_by_fingerprint(store: Store) -> None:
    original = analysis("orig", _story_events(), text=STORY, source="Wire A")
    # The lightly edited copy went through the analysis too: same events, other offsets.
    edited = _story_events()
    edited[1].span = (79, 175)
    copy = analysis("copy", edited, text=EDITED, source="Wire B", duplicate_of="orig", reason=None)
    assert store.write_many([original, copy]) == 2
    events = store.events()
    assert len(events) == 2
    assert {(e["code"], e["num_articles"], e["num_mentions"], e["num_sources"]) for e in events} == {
        ("042", 2, 2, 2), ("020", 2, 2, 2)}
    assert len(store.table("event_mentions")) == 4  # every mention kept


def test_store_aggregate_duplicate_stored_before_its_original_still_counts(store: Store) -> None:
    copy = analysis("copy", [], text=EDITED, source="Wire B", status="skipped", reason="duplicate of orig",
                    duplicate_of="orig")
    assert store.write(copy)
    assert store.events() == []
    assert store.write(analysis("orig", _story_events(), text=STORY, source="Wire A"))
    assert {e["num_articles"] for e in store.events()} == {2}


def test_store_aggregate_chain_of_duplicates_counts_toward_the_analysed_original(store: Store) -> None:
    store.write(analysis("orig", _story_events(), text=STORY, source="Wire A"))
    store.write(analysis("c1", [], source="Wire B", status="skipped", reason="duplicate of orig", duplicate_of="orig"))
    store.write(analysis("c2", [], source="Wire C", status="skipped", reason="duplicate of c1", duplicate_of="c1"))
    assert {(e["num_articles"], e["num_sources"]) for e in store.events()} == {(3, 3)}
    assert {d["original_id"] for d in store.table("duplicates")} == {"orig"}


def test_store_aggregate_same_outlet_is_one_source(store: Store) -> None:
    store.write(analysis("x1", _story_events(), source="Reuters"))
    store.write(analysis("x2", _story_events(), source="reuters "))
    ev = store.events()[0]
    assert (ev["num_articles"], ev["num_sources"], ev["num_mentions"]) == (2, 1, 2)


def test_store_aggregate_repeated_mentions_in_one_article(known_store: Store) -> None:
    (strike,) = known_store.events(code="190")
    assert (strike["num_mentions"], strike["num_articles"], strike["num_sources"]) == (3, 1, 1)
    assert len(known_store.mentions(event_id=strike["id"], limit=None)) == 3


def test_store_aggregate_different_date_target_place_or_modality_stay_apart(store: Store) -> None:
    usa, rus, ukr = actor("USAGOV"), actor("RUSGOV"), actor("UKRGOV")
    store.write(analysis("d1", [
        event("042", usa, rus, "2024-05-07", GENEVA),
        event("042", usa, rus, "2024-05-08", GENEVA, span=(70, 90)),  # another day
        event("042", usa, ukr, "2024-05-07", GENEVA, span=(100, 120)),  # another target
        event("042", usa, rus, "2024-05-07", KHARKIV, span=(130, 150)),  # another place
        event("042", usa, rus, "2024-05-07", GENEVA, modality="negated", span=(160, 180)),  # did not happen
    ]))
    assert len(store.events(limit=None)) == 5
    assert {e["num_mentions"] for e in store.events(limit=None)} == {1}


def test_store_aggregate_same_mention_twice_is_one_mention(store: Store) -> None:
    ev = event("042", actor("USAGOV"), actor("RUSGOV"))
    store.write(analysis("m1", [ev, ev]))
    assert len(store.table("event_mentions")) == 1
    assert store.events()[0]["num_mentions"] == 1


def test_store_aggregate_writing_again_changes_nothing(known_store: Store, tmp_path: Path) -> None:
    before = _snapshot(known_store)
    again = analysis("a1", [event("042", actor("USAGOV"), actor("RUSGOV"), "2024-05-06", GENEVA)], source="Wire A")
    assert known_store.write(again) is False
    skipped = analysis("s1", [], status="skipped", reason="language fr")
    assert known_store.write(skipped) is True
    before = _snapshot(known_store)
    assert known_store.write(skipped) is False  # the same skipped document: nothing to change
    assert _snapshot(known_store) == before


def test_store_aggregate_skipped_article_retried_when_it_now_succeeds(store: Store) -> None:
    store.write(analysis("r1", [], status="error", reason="E011 fetching failed: timeout"))
    assert not store.has_article("r1")
    assert store.write(analysis("r1", [event("042", actor("USAGOV"), actor("RUSGOV"))]))
    assert store.has_article("r1")
    assert len(store.table("articles")) == 1
    assert len(store.events()) == 1


def test_store_aggregate_first_report_sets_url_root_flag_and_dateadded(store: Store) -> None:
    late = analysis("late", [event("042", actor("USAGOV"), actor("RUSGOV"), span=(40, 60))], published="2024-05-09",
                    url="https://late.example", source="Late")
    early = analysis("early", [event("042", actor("USAGOV"), actor("RUSGOV"), span=(0, 20))], published="2024-05-07",
                     url="https://early.example", source="Early")
    store.write(late)
    store.write(early)
    (ev,) = store.events()
    assert ev["source_url"] == "https://early.example"
    assert ev["first_article_id"] == "early"
    assert ev["is_root"] is True  # in the early report's lead paragraph
    late_added = store.fetch("SELECT added FROM articles WHERE id = 'late'")[0]["added"]
    assert ev["added"] == late_added  # first stored, whichever was published first


def test_store_aggregate_event_date_falls_back_to_publication(store: Store) -> None:
    store.write(analysis("nd", [event("042", actor("USAGOV"), actor("RUSGOV"), date=None)], published="2024-06-01"))
    assert str(store.events()[0]["date"]) == "2024-06-01"


def test_store_aggregate_malformed_event_date_loses_nothing(store: Store) -> None:
    store.write(analysis("bad", [event("042", actor("USAGOV"), actor("RUSGOV"), date="sometime")], published="2024-06-01"))
    assert str(store.events()[0]["date"]) == "2024-06-01"


def test_store_keys_uncoded_actor_keyed_by_normalised_name() -> None:
    assert actor_key(actor(None, "The Police")) == actor_key(actor(None, "police"))
    assert actor_key(actor(None, "gunmen")) != actor_key(actor(None, "protesters"))
    assert actor_key(actor("USAGOV", "Washington")) == "USAGOV"
    assert actor_key(None) == ""


def test_store_keys_place_by_coordinates_else_name() -> None:
    assert place_key(GENEVA) == "46.20,6.15"
    from eventwire.models import Place

    assert place_key(Place(name="  The Donbas ")) == "donbas"
    assert place_key(None) == ""


def test_store_keys_fingerprint_and_global_id_are_stable() -> None:
    from datetime import date

    fp = fingerprint(date(2024, 5, 7), "USAGOV", "RUSGOV", "042", "46.20,6.15", "asserted")
    assert fp == fingerprint(date(2024, 5, 7), "USAGOV", "RUSGOV", "042", "46.20,6.15", "asserted")
    assert fp != fingerprint(date(2024, 5, 7), "RUSGOV", "USAGOV", "042", "46.20,6.15", "asserted")
    assert 0 < global_id(fp) < 2**63


def test_store_keys_source_is_outlet_or_host_or_article() -> None:
    assert source_key("Reuters", "https://www.other.example/x", "a") == "reuters"
    assert source_key(None, "https://www.bbc.co.uk/news/1", "a") == "bbc.co.uk"
    assert source_key(None, None, "a") == "article:a"


def test_store_aggregate_global_id_in_store_matches_keys(known_store: Store) -> None:
    for ev in known_store.events(limit=None):
        assert ev["global_id"] == global_id(ev["id"])


def test_store_aggregate_rebuild_gives_the_same_events(known_store: Store) -> None:
    before = sorted(map(repr, known_store.table("events")))
    known_store.rebuild_events()
    assert sorted(map(repr, known_store.table("events"))) == before


def test_store_aggregate_incremental_writes_match_a_full_rebuild(store: Store) -> None:
    """Events kept up to date write by write (a few fingerprints at a time) equal a rebuild from every mention."""
    usa, rus = actor("USAGOV", "US officials"), actor("RUSGOV", "the Kremlin")
    talks = event("042", usa, rus, "2024-05-06", GENEVA, span=(0, 40))
    protest = event("141", None, rus, "2024-05-06", KHARKIV, span=(200, 240))  # outside the lead: not a root event
    store.write(analysis("late", [talks, protest], published="2024-05-09", source="Wire A", tone=-1.25))
    store.write_many([
        analysis("early", [talks, event("042", usa, rus, "2024-05-06", GENEVA, span=(50, 90))], source="Wire B",
                 published="2024-05-06", tone=2.5),
        analysis("copy1", [], source="Wire C", tone=0.75, status="skipped", reason="duplicate of early",
                 duplicate_of="early"),
        analysis("unsourced", [protest], source=None, url="https://unsourced.example/1", tone=None),
    ])
    store.write(analysis("copy2", [], source="Wire D", tone=-3.0, status="skipped", reason="duplicate of copy1",
                         duplicate_of="copy1"))
    store.write(analysis("late", [talks], published="2024-05-09", source="Wire A", tone=-1.25))  # stored ok: no change
    incremental = sorted(map(repr, store.table("events")))
    by_code = {e["code"]: e for e in store.table("events")}
    # early (2 mentions) and its two copies carry the talks; late adds one mention of its own
    assert (by_code["042"]["num_mentions"], by_code["042"]["num_articles"], by_code["042"]["num_sources"]) == (7, 4, 4)
    assert by_code["042"]["first_article_id"] == "early" and by_code["042"]["is_root"] is True
    assert by_code["141"]["num_articles"] == 2 and by_code["141"]["avg_tone"] == -1.25  # no tone: left out of the mean
    assert by_code["141"]["is_root"] is False
    assert store.rebuild_events() == 2
    assert sorted(map(repr, store.table("events"))) == incremental
