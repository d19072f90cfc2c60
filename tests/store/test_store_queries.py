"""Each query on a store whose contents the test knows exactly (see conftest.known_store)."""

from __future__ import annotations

import datetime as dt

import pytest
from storekit import actor, analysis, event

from eventwire.errors import EventwireError
from eventwire.store import Store


def codes(rows: list) -> list[str]:
    return [r["code"] for r in rows]


def test_store_queries_events_all_in_date_order(known_store: Store) -> None:
    rows = known_store.events()
    assert codes(rows) == ["042", "111", "130", "036", "190", "057"]
    assert [str(r["date"]) for r in rows] == sorted(str(r["date"]) for r in rows)


def test_store_queries_events_by_actor_prefix_either_side(known_store: Store) -> None:
    assert codes(known_store.events(actor="UKR")) == ["190"]
    assert set(codes(known_store.events(actor="RUSGOV"))) == {"042", "111", "130", "036", "190"}
    assert known_store.events(actor="CHN") == []


def test_store_queries_events_by_dyad_is_directed_unless_undirected(known_store: Store) -> None:
    assert codes(known_store.events(dyad="USA-RUS")) == ["042", "111", "036"]
    assert codes(known_store.events(dyad="RUS-USA")) == ["130"]
    assert codes(known_store.events(dyad="USA-RUS", undirected=True)) == ["042", "111", "130", "036"]


def test_store_queries_events_by_code_prefix(known_store: Store) -> None:
    assert codes(known_store.events(code="04")) == ["042"]
    assert codes(known_store.events(code="1")) == ["111", "130", "190"]
    assert known_store.events(code="20") == []


def test_store_queries_events_by_quad_class(known_store: Store) -> None:
    assert codes(known_store.events(quad_class=4)) == ["190"]
    assert codes(known_store.events(quad_class=[3, 4])) == ["111", "130", "190"]


def test_store_queries_events_by_date_range_inclusive(known_store: Store) -> None:
    assert codes(known_store.events(since="2024-05-07", until="2024-05-08")) == ["111", "130", "036"]
    assert codes(known_store.events(since=dt.date(2024, 5, 13))) == ["190", "057"]


def test_store_queries_events_by_place_name_or_country(known_store: Store) -> None:
    assert codes(known_store.events(place="geneva")) == ["042"]
    assert codes(known_store.events(place="UKR")) == ["190"]
    assert known_store.events(place="Paris") == []


def test_store_queries_events_by_modality(known_store: Store) -> None:
    assert codes(known_store.events(modality="hypothetical")) == ["036"]
    assert "036" not in codes(known_store.events(modality="asserted"))


def test_store_queries_events_limit_offset_and_newest_first(known_store: Store) -> None:
    assert codes(known_store.events(limit=2)) == ["042", "111"]
    assert codes(known_store.events(limit=2, offset=2)) == ["130", "036"]
    assert codes(known_store.events(limit=1, newest_first=True)) == ["057"]


@pytest.mark.parametrize("bad", [
    {"dyad": "USA"}, {"dyad": "USA-"}, {"actor": "RUS'; DROP TABLE events; --"}, {"code": "4x"},
    {"quad_class": 5}, {"since": "last year"}, {"modality": "maybe"},
])
def test_store_queries_bad_filters_are_clear_errors(known_store: Store, bad: dict) -> None:
    with pytest.raises(EventwireError) as info:
        known_store.events(**bad)
    assert info.value.code == "E041"
    assert len(known_store.table("events")) == 6  # nothing was run, nothing dropped


def test_store_queries_one_a_day_counts_same_day_dyad_code_once(store: Store) -> None:
    usa, rus = actor("USAGOV"), actor("RUSGOV")
    from storekit import GENEVA, KHARKIV

    # The same meeting reported with two different places: two GDELT events, one ICEWS event.
    store.write(analysis("o1", [event("042", usa, rus, "2024-05-07", GENEVA)]))
    store.write(analysis("o2", [event("042", usa, rus, "2024-05-07", KHARKIV)], source="Wire B"))
    store.write(analysis("o3", [event("042", usa, rus, "2024-05-07", GENEVA)], source="Wire C"))
    assert len(store.events()) == 2
    (kept,) = store.events(one_a_day=True)
    assert kept["place_name"] == "Geneva"  # the better-reported one stands for the day
    assert store.dyads(one_a_day=True)[0]["events"] == 1
    assert store.dyads()[0]["events"] == 2


def test_store_queries_dyads_counts_goldstein_and_quad_split(known_store: Store) -> None:
    rows = known_store.dyads()  # asserted only by default: the hypothetical 036 is left out
    top = rows[0]
    assert (top["source"], top["target"], top["events"]) == ("USA", "RUS", 2)
    assert top["mentions"] == 3  # 042 twice (two articles) + 111 once
    assert top["goldstein_mean"] == pytest.approx((1.9 + -2.0) / 2)
    assert (top["cooperation"], top["conflict"]) == (1, 1)
    pairs = {(r["source"], r["target"]): r["events"] for r in rows}
    assert pairs == {("USA", "RUS"): 2, ("RUS", "USA"): 1, ("RUS", "UKR"): 1, ("FRA", "DEU"): 1}
    every = {(r["source"], r["target"]): r["events"] for r in known_store.dyads(modality=None)}
    assert every[("USA", "RUS")] == 3


def test_store_queries_dyads_by_full_code_and_limit(known_store: Store) -> None:
    rows = known_store.dyads(level="code", limit=1)
    assert [(r["source"], r["target"]) for r in rows] == [("USAGOV", "RUSGOV")]
    with pytest.raises(EventwireError):
        known_store.dyads(level="planet")


def test_store_queries_timeline_by_day_fills_gaps(known_store: Store) -> None:
    rows = known_store.timeline(dyad="USA-RUS", undirected=True, by="day")
    assert [(str(r["period"]), r["events"], r["cooperation"], r["conflict"]) for r in rows] == [
        ("2024-05-06", 1, 1, 0),
        ("2024-05-07", 2, 0, 2),  # 111 and 130; the hypothetical 036 of 05-08 does not count
    ]
    assert rows[1]["goldstein_mean"] == pytest.approx((-2.0 + -4.4) / 2)
    assert rows[1]["verbal_conflict"] == 2
    full = known_store.timeline(by="day", since="2024-05-05", until="2024-05-21")
    assert len(full) == 17
    empty = next(r for r in full if str(r["period"]) == "2024-05-10")
    assert (empty["events"], empty["goldstein_mean"]) == (0, None)


def test_store_queries_timeline_by_week_starts_monday(known_store: Store) -> None:
    rows = known_store.timeline(by="week")
    assert [(str(r["period"]), r["events"], r["cooperation"], r["conflict"]) for r in rows] == [
        ("2024-05-06", 3, 1, 2), ("2024-05-13", 1, 0, 1), ("2024-05-20", 1, 1, 0)]
    assert rows[1]["material_conflict"] == 1
    with pytest.raises(EventwireError):
        known_store.timeline(by="fortnight")


def test_store_queries_timeline_of_nothing_is_empty(known_store: Store) -> None:
    assert known_store.timeline(dyad="CHN-JPN") == []


def test_store_queries_places_for_the_map(known_store: Store) -> None:
    rows = known_store.event_places()
    assert {(r["name"], r["events"], r["mentions"]) for r in rows} == {("Geneva", 1, 2), ("Kharkiv", 1, 3)}


def test_store_queries_event_with_its_mentions(known_store: Store) -> None:
    (meeting,) = known_store.events(code="042")
    ev = known_store.event(str(meeting["global_id"]))
    assert ev is not None and ev["id"] == meeting["id"]
    assert sorted(m["article_id"] for m in ev["mentions"]) == ["a1", "a2"]
    assert all(m["source_start"] is not None and m["trigger_start"] is not None for m in ev["mentions"])
    assert known_store.event("nope") is None


def test_store_queries_articles_and_one_article(known_store: Store) -> None:
    rows = known_store.articles()
    assert [r["id"] for r in rows] == ["a4", "a3", "a1", "a2"]  # newest first, then by id
    assert "text" not in rows[0]
    assert {r["id"]: r["mentions"] for r in rows}["a3"] == 3
    assert [r["id"] for r in known_store.articles(source="Wire A")] == ["a4", "a1"]
    art = known_store.article("a3")
    assert art is not None and art["text"].startswith("Lead paragraph")
    assert len(art["mentions"]) == 3 and [p["name"] for p in art["places"]] == ["Kharkiv"]
    assert known_store.article("missing") is None


def test_store_queries_quotes_by_speaker(store: Store) -> None:
    from eventwire.models import Quote

    lavrov = actor("RUSGOV", "Sergei Lavrov", span=(0, 13))
    q1 = Quote(text="We are ready", kind="direct", span=(20, 32), speaker=lavrov, cue="said", cue_span=(34, 38))
    q2 = Quote(text="talks are over", kind="indirect", span=(50, 64), speaker=actor("USAGOV", "a spokesman"))
    store.write(analysis("q", [], quotes=[q1, q2]))
    assert [r["text"] for r in store.quotes(speaker="RUS")] == ["We are ready"]
    assert [r["text"] for r in store.quotes(speaker="lavrov")] == ["We are ready"]
    assert [r["kind"] for r in store.quotes(kind="indirect")] == ["indirect"]
    row = store.quotes(speaker="RUS")[0]
    assert (row["speaker_start"], row["cue_start"], row["cue_end"]) == (0, 34, 38)


def test_store_queries_actors_by_code_and_uncoded(store: Store) -> None:
    from eventwire.models import Actor

    a = analysis("ac", [])
    a.actors = [Actor(name="Sergei Lavrov", code="RUSGOV", country="RUS", mentions=[(0, 5), (10, 15)]),
                Actor(name="Mystery Group", code=None, mentions=[(20, 25)])]
    store.write(a)
    assert [r["name"] for r in store.actors()] == ["Sergei Lavrov", "Mystery Group"]
    assert [r["name"] for r in store.actors(code="RUS")] == ["Sergei Lavrov"]
    assert [r["name"] for r in store.actors(uncoded=True)] == ["Mystery Group"]


def test_store_queries_frames_pandas_and_polars(known_store: Store) -> None:
    rows = known_store.timeline(by="week")
    pdf = rows.to_pandas()
    assert list(pdf["events"]) == [3, 1, 1]
    assert str(pdf["period"].dtype).startswith("datetime64")
    pl = rows.to_polars()
    assert pl.height == 3 and pl["conflict"].to_list() == [2, 1, 0]


def test_store_queries_stats(known_store: Store) -> None:
    stats = known_store.stats()
    assert (stats["events"], stats["event_mentions"], stats["articles"]) == (6, 9, 4)
    assert str(stats["first_date"]) == "2024-05-06" and str(stats["last_date"]) == "2024-05-20"


def test_store_queries_counts_match_the_unlimited_lists(known_store: Store) -> None:
    s = known_store
    assert s.count_events() == len(s.events(limit=None)) == 6
    assert s.count_events(dyad="USA-RUS") == 3 and s.count_events(dyad="USA-RUS", modality="asserted") == 2
    assert s.count_dyads() == len(s.dyads(limit=None)) == 4
    assert s.count_mentions() == 9 and s.count_mentions(article_id="a3") == 3
    assert s.count_mentions(rule="test") == 9 and s.count_mentions(rule="nothing") == 0
    assert s.count_articles() == 4 and s.count_articles(source="Wire A") == 2
    assert s.count_quotes() == 0 and s.count_actors() == 0
    assert [m["article_id"] for m in s.mentions(rule="test", limit=2)] == ["a1", "a1"]


def test_store_queries_like_filters_take_wildcards_literally(store: Store) -> None:
    from eventwire.models import Actor, Quote

    plain = Quote(text="We will not sign", kind="direct", span=(0, 16), speaker=actor("RUSGOV", "Olena Marchuk"))
    odd = Quote(text="a 100% rise in under_age recruits", kind="direct", span=(20, 53),
                speaker=actor("USAGOV", "Agent 50%_off"))
    a = analysis("lk", [], quotes=[plain, odd])
    a.actors = [Actor(name="Kremlin", code="RUSGOV", mentions=[(0, 5)])]
    store.write(a)
    # % and _ in a speaker are letters to find, not wildcards: they match only the speaker who has them.
    assert [r["text"] for r in store.quotes(speaker="%")] == [odd.text]
    assert [r["text"] for r in store.quotes(speaker="50%_")] == [odd.text]
    assert store.quotes(speaker="O_ena") == [] and store.count_quotes(speaker="O_ena") == 0
    assert store.quotes(speaker="\\") == []
    assert store.quotes(speaker="R_S") == []  # not a code prefix pattern either
    assert [r["text"] for r in store.quotes(speaker="rus")] == [plain.text]
    # code prefixes of actors likewise
    assert store.actors(code="R_S") == [] and store.count_actors(code="R%") == 0
    assert [r["name"] for r in store.actors(code="rus")] == ["Kremlin"]


def test_store_queries_text_search_in_quotes_and_articles(store: Store) -> None:
    from eventwire.models import Quote

    q = Quote(text="Sanctions will follow", kind="direct", span=(0, 21), speaker=actor("USAGOV", "a spokesman"))
    store.write(analysis("s1", [], quotes=[q], text="The ministry spoke of sanctions on steel.\n\nNothing else."))
    store.write(analysis("s2", [], text="A quiet day at the port.\n\nShips came and went, 5% fewer than usual."))
    assert [r["text"] for r in store.quotes(search="SANCTIONS")] == [q.text]
    assert store.quotes(search="embargo") == [] and store.count_quotes(search="s_nctions") == 0
    assert [r["id"] for r in store.articles(search="sanctions")] == ["s1"]  # in the text, not the title
    assert [r["id"] for r in store.articles(search="5%")] == ["s2"] and store.count_articles(search="%") == 1
    assert store.count_articles(search="lead paragraph") == 0  # the default body is replaced here
    assert "text" not in store.articles(search="port")[0]


def test_store_queries_dyads_offset_pages_the_ranking(known_store: Store) -> None:
    every = [(r["source"], r["target"]) for r in known_store.dyads(limit=None)]
    pages = [(r["source"], r["target"]) for off in (0, 2) for r in known_store.dyads(limit=2, offset=off)]
    assert pages == every and len(every) == 4
    assert known_store.dyads(limit=2, offset=4) == []
    with pytest.raises(EventwireError):
        known_store.dyads(offset=-1)


def test_store_queries_mentions_newest_first_by_event_date(known_store: Store) -> None:
    newest = [str(m["date"]) for m in known_store.mentions(rule="test", limit=None, newest_first=True)]
    assert newest == sorted(newest, reverse=True) and newest[0] == "2024-05-20"
    oldest = known_store.mentions(rule="test", limit=1)
    assert oldest[0]["article_id"] == "a1"
