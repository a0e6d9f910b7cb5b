"""Merging across articles, on hand-made events: which reports tell one incident."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.config import default_config, load_config
from dateline.store.merge import (
    Member,
    cluster,
    compatible,
    fold,
    item_of,
    linked,
    summarize,
)

from .helpers import event

RULES = default_config().store.merge
PUBLISHED = dt.date(2024, 5, 3)


def item(key: str, **fields):
    return item_of(event(**fields), key=key, published=PUBLISHED, rules=RULES)


MARKET = dict(targets=("market",), weapons=("car bomb",), killed=12)
CHECKPOINT = dict(targets=("army checkpoint",), weapons=("roadside bomb",), killed=2)


def test_two_reports_of_one_bombing_are_linked():
    a = item("a", **MARKET)
    b = item("b", targets=("crowded market",), weapons=("car bomb",), killed=(12, 14))
    assert linked(a, b, RULES) is not None


def test_same_place_and_day_but_another_type_is_not_merged():
    bomb = item("a", **MARKET)
    protest = item(
        "b", plover="PROTEST", acled="Protests", sub="Peaceful protest", targets=("market",)
    )
    assert not compatible(bomb, protest, RULES)


def test_same_place_day_and_type_but_another_target_is_not_linked():
    assert linked(item("a", **MARKET), item("b", **CHECKPOINT), RULES) is None


def test_dates_two_days_apart_are_not_merged():
    a = item("a", **MARKET)
    b = item("b", **MARKET, date="2024-05-05")
    assert not compatible(a, b, RULES)


def test_a_day_apart_is_allowed_for_time_zones_and_late_reports():
    assert linked(item("a", **MARKET), item("b", **MARKET, date="2024-05-03"), RULES)


def test_another_country_is_never_the_same_event():
    a = item("a", **MARKET)
    b = item("b", **MARKET, country="SY")
    assert not compatible(a, b, RULES)


@pytest.mark.parametrize(
    ("precision", "km", "same"),
    [("town", 0.2, True), ("town", 0.5, False), ("admin1", 3.0, True), ("admin1", 6.0, False)],
)
def test_the_distance_allowed_depends_on_the_precision(precision, km, same):
    # 0.1 degree of latitude is about 11 km
    a = item("a", **MARKET, precision=precision)
    b = item("b", **MARKET, precision=precision, lat=35.47 + km)
    assert compatible(a, b, RULES) is same


def test_a_country_level_place_has_no_distance_test():
    a = item("a", **MARKET)
    b = item("b", **MARKET, precision="country", lat=33.0, lon=44.0, place="Iraq")
    assert compatible(a, b, RULES)


def test_disjoint_dictionary_actors_are_not_the_same_event():
    a = item("a", **MARKET, actor1="IS fighters", canonical1="Islamic State")
    b = item("b", **MARKET, actor1="PKK fighters", canonical1="Kurdistan Workers' Party")
    assert not compatible(a, b, RULES)


def test_an_actor_named_two_ways_links():
    a = item("a", **MARKET, actor1="Islamic State", canonical1="Islamic State")
    b = item("b", **MARKET, actor1="Islamic State militants")
    assert linked(a, b, RULES)


def test_hypothetical_and_negated_events_are_never_merged():
    a = item("a", **MARKET)
    b = item("b", **MARKET, certainty="hypothetical")
    assert b.family is None and not compatible(a, b, RULES)


def test_an_undated_event_uses_the_days_before_publication():
    undated = item("a", **MARKET, date=None)
    assert (undated.earliest, undated.latest) == (dt.date(2024, 4, 30), PUBLISHED)
    assert compatible(undated, item("b", **MARKET), RULES)


def test_a_vague_date_is_not_merged():
    vague = item("a", **MARKET, date="2024-05-01", latest="2024-05-31", date_precision="month")
    assert vague.family is None


def test_without_anything_that_identifies_the_incident_nothing_links():
    a = item("a", place=None, targets=(), weapons=())
    b = item("b", place=None, targets=(), weapons=())
    assert linked(a, b, RULES) is None


def test_merging_can_be_switched_off():
    rules = load_config(overrides={"store": {"merge": {"enabled": False}}}).store.merge
    a = item_of(event(**MARKET), key="a", published=PUBLISHED, rules=rules)
    b = item_of(event(**MARKET), key="b", published=PUBLISHED, rules=rules)
    assert linked(a, b, rules) is None


def test_a_chain_never_joins_two_incompatible_events():
    # a~b and b~c, but a and c are three days apart: b joins one of them only.
    a = item("a", **MARKET, date="2024-05-01", latest="2024-05-01")
    b = item("b", **MARKET, date="2024-05-02", latest="2024-05-03", date_precision="week")
    c = item("c", **MARKET, date="2024-05-04")
    assert linked(a, b, RULES) and linked(b, c, RULES) and not compatible(a, c, RULES)
    clusters = cluster([a, b, c], RULES)
    assert len(clusters) == 2
    assert ["a"] in clusters or ["c"] in clusters


events_st = st.lists(
    st.builds(
        dict,
        date=st.sampled_from(["2024-05-01", "2024-05-02", "2024-05-04"]),
        lat=st.sampled_from([35.47, 35.48, 36.5]),
        targets=st.sampled_from([("market",), ("checkpoint",), ()]),
        killed=st.sampled_from([None, 2, 12]),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(fields=events_st, data=st.data())
def test_the_partition_does_not_depend_on_the_order(fields, data):
    items = [item(f"k{i}", **f) for i, f in enumerate(fields)]
    shuffled = data.draw(st.permutations(items))
    assert cluster(items, RULES) == cluster(shuffled, RULES)


@settings(max_examples=60, deadline=None)
@given(fields=events_st)
def test_every_merged_event_is_pairwise_compatible(fields):
    items = {f"k{i}": item(f"k{i}", **f) for i, f in enumerate(fields)}
    for keys in cluster(list(items.values()), RULES):
        for x in keys:
            for y in keys:
                if x < y:
                    assert compatible(items[x], items[y], RULES)


def member(key: str, doc: str, **fields) -> Member:
    return Member(
        key=key,
        event=event(**fields),
        document_id=doc,
        source=f"{doc}.txt",
        headline=None,
        published=PUBLISHED,
        agencies=("Wire",),
    )


def test_casualty_figures_are_the_range_the_sources_report_never_summed():
    summary = summarize(
        [member("a", "d1", killed=12), member("b", "d2", killed=(14, 15)), member("c", "d3")]
    )
    c = summary.columns
    assert (c["fatalities_low"], c["fatalities_high"]) == (12, 15)
    assert c["n_documents"] == 3 and len(summary.sources) == 3
    assert "12 to 15" in c["notes"] and "sources differ" in c["notes"]


def test_every_source_keeps_its_figure_and_certainty():
    summary = summarize(
        [member("a", "d1", killed=12), member("b", "d2", killed=14, certainty="claimed")]
    )
    assert [(s["document"], s["fatalities"]["best"], s["certainty"]) for s in summary.sources] == [
        ("d1", 12, "asserted"),
        ("d2", 14, "claimed"),
    ]


def test_a_tie_in_certainty_goes_to_the_less_certain():
    summary = summarize(
        [member("a", "d1", certainty="asserted"), member("b", "d2", certainty="claimed")]
    )
    assert summary.columns["certainty"] == "claimed"


def test_the_merged_place_is_the_most_precise():
    summary = summarize(
        [
            member("a", "d1", place="Iraq", precision="country", lat=33.0, lon=44.0),
            member("b", "d2", place="Kirkuk", precision="town"),
        ]
    )
    assert summary.columns["location"] == "Kirkuk"


def test_the_merged_date_is_where_the_sources_overlap():
    summary = summarize(
        [
            member("a", "d1", date="2024-04-29", latest="2024-05-05", date_precision="week"),
            member("b", "d2", date="2024-05-02"),
        ]
    )
    c = summary.columns
    assert (c["date_earliest"], c["date_latest"]) == (dt.date(2024, 5, 2), dt.date(2024, 5, 2))
    assert c["date_precision"] == "day"


def test_the_merged_key_does_not_depend_on_the_order():
    one = summarize([member("a", "d1"), member("b", "d2")])
    two = summarize([member("b", "d2"), member("a", "d1")])
    assert one.key == two.key and one.sources == two.sources


@pytest.mark.parametrize(
    ("text", "key"), [("The Islamic State", "islamic state"), ("Kirkūk", "kirkuk")]
)
def test_names_fold_to_keys(text, key):
    assert fold(text) == key
