"""Merging the mentions of one occurrence, and the ACLED coding of the result."""

from __future__ import annotations

import pytest

from dateline.coding.acled import acled_type
from dateline.coding.merge import (
    MERGE_WINDOW,
    Actor,
    Casualties,
    Draft,
    best_count,
    merge,
    modes_fit,
)
from dateline.records import Count, EventDate, EventMention, Location, Named, Role

from .conftest import draft, span


def actor(key: str, *, specific: bool = True, country: str | None = None) -> Actor:
    role = Role(name=key, country=country, evidence=[span(0, 1)])
    return Actor(role=role, key=key, specific=specific, rank=2 if specific else 1)


def count(best=None, low=None, approximate=False, rank=3) -> Casualties:
    return Casualties(
        Count(best=best, low=low, approximate=approximate, evidence=[span(0, 1)]), rank
    )


def test_consecutive_mentions_of_one_strike_merge():
    lead = draft(0, 0, agents=[actor("coalition")], killed=[count(low=24, rank=1)])
    detail = draft(
        100,
        1,
        patients=[actor("fighters", specific=False)],
        killed=[count(85, approximate=True, rank=2)],
    )
    events = merge([lead, detail], threshold=1.0)
    assert len(events) == 1
    assert best_count(events[0].killed).count.best == 85
    assert len(events[0].evidence) == 2


def test_different_actors_on_the_same_side_stay_apart():
    a = draft(0, 0, agents=[actor("coalition", country="US")])
    b = draft(50, 1, agents=[actor("russia", country="RU")])
    assert len(merge([a, b], threshold=1.0)) == 2


def test_one_country_two_names_do_not_clash():
    a = draft(0, 0, agents=[actor("russia", country="RU")])
    b = draft(50, 1, agents=[actor("russian air force", country="RU")])
    assert len(merge([a, b], threshold=1.0)) == 1


@pytest.mark.parametrize("certainty", ["negated", "hypothetical"])
def test_what_did_not_happen_never_joins_what_did(certainty):
    a = draft(0, 0)
    b = draft(50, 0, certainty=certainty)
    assert len(merge([a, b], threshold=1.0)) == 2


def test_a_new_incident_marker_keeps_mentions_apart():
    a = draft(0, 0)
    b = draft(50, 1, new_incident=True)
    assert len(merge([a, b], threshold=1.0)) == 2


def test_different_own_dates_keep_mentions_apart():
    day = lambda d: EventDate(value=d, earliest=d, latest=d, precision="day", evidence=[span(0, 1)])  # noqa: E731
    a = draft(0, 0, date=day("2021-03-01"), date_own=True)
    b = draft(50, 1, date=day("2021-03-05"), date_own=True)
    assert len(merge([a, b], threshold=1.0)) == 2


def test_an_undated_telling_may_join_a_dated_event():
    # "X was murdered on 11 October 1987 ... charged with X's murder": the later telling
    # has only the report's week as its default date, which says nothing against 1987.
    old = EventDate(
        value="1987-10-11",
        earliest="1987-10-11",
        latest="1987-10-11",
        precision="day",
        evidence=[span(0, 1)],
    )
    week = EventDate(
        value="2021-03-03/2021-03-10",
        earliest="2021-03-03",
        latest="2021-03-10",
        precision="week",
        evidence=[span(0, 1)],
    )
    victim = actor("the judge")
    a = draft(0, 0, date=old, date_own=True, patients=[victim])
    b = draft(50, 1, date=week, date_own=False, patients=[victim])
    events = merge([a, b], threshold=1.0)
    assert len(events) == 1
    assert events[0].date is old
    # The other way round, a later telling dated in March is a background event, not the
    # undated event of the report's week.
    a = draft(0, 0, date=week, date_own=False, patients=[victim])
    b = draft(50, 1, date=old, date_own=True, patients=[victim])
    assert len(merge([a, b], threshold=1.0)) == 2


def test_different_towns_keep_mentions_apart():
    def town(name):
        return Location(name=name, country="KE", precision="town", evidence=[span(0, 1)])

    a = draft(0, 0, location=town("Karsa"), location_attached=True)
    b = draft(50, 1, location=town("Marsabit"), location_attached=True)
    assert len(merge([a, b], threshold=1.0)) == 2


def test_syntactic_links_always_merge():
    a = draft(0, 0, link_keys={(None, 300)})
    b = draft(300, 9, mention_keys={(None, 300)}, new_incident=True)
    assert len(merge([a, b], threshold=1.0)) == 1


def test_the_first_telling_says_how_certain():
    a = draft(0, 0, certainty="claimed")
    b = draft(50, 1, certainty="unsupported")
    event = merge([a, b], threshold=1.0)[0]
    assert event.certainty == "claimed"


@pytest.mark.parametrize(
    ("a", "b", "fit"),
    [
        ("aerial", None, True),
        ("aerial", "explosives", True),
        ("abduct", "aerial", False),
        ("firearms", "beat", True),
        # Killing people and setting a fire are two acts, however close ("shot a driver and
        # set fire to his lorry").
        ("firearms", "arson", False),
        ("arson", "arson", True),
        # "attacked the farm, where they burned the sheds": the fire is an arson of its
        # own, never the mode an unspecified attack takes on.
        (None, "arson", False),
        ("arson", None, False),
    ],
)
def test_modes_fit(a, b, fit):
    assert modes_fit(a, b) is fit


@pytest.mark.parametrize(
    ("mode", "default", "weapon", "agents", "patients", "expected"),
    [
        (
            None,
            ("Violence against civilians", "Attack"),
            None,
            [True],
            [True],
            ("Battles", "Armed clash"),
        ),
        (
            None,
            ("Violence against civilians", "Attack"),
            None,
            [True],
            [False],
            ("Violence against civilians", "Attack"),
        ),
        (
            "aerial",
            None,
            ("Explosions/Remote violence", "Air/drone strike"),
            [True],
            [False],
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            None,
            ("Battles", "Armed clash"),
            None,
            [True],
            [False],
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_acled_type_of_an_assault(mode, default, weapon, agents, patients, expected):
    assert (
        acled_type("ASSAULT", mode, default, weapon, armed_agents=agents, armed_patients=patients)
        == expected
    )


def test_a_murder_of_armed_people_is_no_battle():
    # "Gunmen murdered two policemen": armed on both sides, but they did not fight back.
    fight = acled_type(
        "ASSAULT",
        None,
        ("Violence against civilians", "Attack"),
        None,
        armed_agents=[True],
        armed_patients=[True],
    )
    murder = acled_type(
        "ASSAULT",
        None,
        ("Violence against civilians", "Attack"),
        None,
        armed_agents=[True],
        armed_patients=[True],
        one_sided=True,
    )
    assert fight == ("Battles", "Armed clash")
    assert murder == ("Violence against civilians", "Attack")


def test_acled_codes_no_verbal_event():
    assert acled_type("CONSULT", None, None, None, armed_agents=[], armed_patients=[]) is None


def test_other_people_make_another_event():
    a = draft(0, 0, plover="COERCE", mode="arrest", patients=[actor("son", specific=False)])
    b = draft(
        50,
        1,
        plover="COERCE",
        mode="arrest",
        patients=[actor("relatives", specific=False)],
        other_people=True,
    )
    assert len(merge([a, b], threshold=1.0)) == 2


def test_an_anaphor_joins_the_event_it_points_back_at_or_nothing():
    first = draft(0, 0)
    crime = draft(50, 1, agents=[actor("officers")], anaphor_only=True, anaphoric=True)
    events = merge([first, crime], threshold=1.0)
    assert len(events) == 1 and [a.key for a in events[0].agents] == ["officers"]
    alone = draft(0, 0, anaphor_only=True, anaphoric=True)
    assert merge([alone], threshold=1.0) == []


def test_merging_a_long_report_compares_each_mention_with_nearby_events_only(monkeypatch):
    # 600 mentions of one type, one per sentence, each by another armed group: none joins
    # another. Every mention used to be weighed against every event before it (N²/2 fits).
    calls = 0
    fits = Draft.fits

    def counted(self: Draft, other: Draft) -> bool:
        nonlocal calls
        calls += 1
        return fits(self, other)

    monkeypatch.setattr(Draft, "fits", counted)
    n = 600
    drafts = [draft(i, i, agents=[actor(f"group {i}")]) for i in range(n)]
    events = merge(drafts, threshold=1.0)
    assert len(events) == n
    assert calls <= n * (MERGE_WINDOW + 1)


def test_a_far_mention_still_joins_the_lead_event_and_syntax_ties_reach_any_distance():
    lead = draft(0, 0, lead=True, agents=[actor("coalition")], patients=[actor("fighters")])
    middle = [draft(i, i, plover="PROTEST") for i in range(1, 200)]
    late = draft(300, 300, agents=[actor("coalition")], patients=[actor("fighters")])
    tied = draft(400, 400, plover="PROTEST", link_keys={(None, 1)})
    events = merge([lead, *middle, late, tied], threshold=1.0, window=20)
    assert span(300, 301) in events[0].evidence
    protest = next(e for e in events if e.trigger.start == 1)
    assert (None, 400) in protest.mention_keys


def test_deaths_told_near_an_assault_join_it_whatever_the_threshold():
    # "Gunmen stormed the post. ... ... Two guards died.": a death that makes no event of its
    # own joins the assault three sentences before it, even where the merge threshold is
    # raised to keep incidents apart.
    raid = draft(0, 0, agents=[actor("gunmen", specific=False)])
    died = draft(300, 3, casualty_only=True, killed=[count(2)])
    events = merge([raid, died], threshold=1.25)
    assert len(events) == 1
    assert best_count(events[0].killed).count.best == 2


def test_the_attacks_of_a_bombing_tell_its_means():
    # "the attacks" after "the bombs exploded": a telling that points back and names no means
    # is a telling of the bombing; one that names no means and does not point back is not.
    def told(at: int, sentence: int, mode: str | None, **fields) -> Draft:
        mention = EventMention(
            trigger=span(at, at + 1), plover="ASSAULT", mode=mode, evidence=[span(at, at + 1)]
        )
        return draft(at, sentence, mode=mode, mentions=[mention], **fields)

    bombing = told(0, 0, "explosives")
    anaphor = told(50, 1, None, anaphoric=True)
    plain = told(100, 2, None)
    events = merge([bombing, anaphor, plain], threshold=1.0)
    assert len(events) == 1
    assert [m.mode for m in events[0].mentions] == ["explosives", "explosives", None]


def test_the_attack_of_a_close_range_act_keeps_no_means():
    def told(at: int, sentence: int, mode: str | None, **fields) -> Draft:
        mention = EventMention(
            trigger=span(at, at + 1), plover="ASSAULT", mode=mode, evidence=[span(at, at + 1)]
        )
        return draft(at, sentence, mode=mode, mentions=[mention], **fields)

    events = merge([told(0, 0, "firearms"), told(50, 1, None, anaphoric=True)], threshold=1.0)
    assert [m.mode for m in events[0].mentions] == ["firearms", None]


# -- issue #11: parts, damage and responses ----------------------------------------------


def named(name: str) -> Named:
    return Named(name=name, evidence=[span(0, 1)])


def test_a_part_of_another_type_joins_the_event_near_it_and_keeps_its_own_coding():
    # "Gunmen stormed a bank ..., and troops fought to end the siege": the siege (COERCE)
    # is the storming's, not an event of its own.
    storm = draft(0, 0, agents=[actor("gunmen", specific=False)], targets=[named("bank")])
    siege = draft(
        50,
        0,
        plover="COERCE",
        mode="restrict",
        targets=[named("road")],
        part_of=frozenset({"ASSAULT"}),
    )
    events = merge([storm, siege], threshold=1.25)
    assert len(events) == 1
    event = events[0]
    assert (event.plover, event.mode) == ("ASSAULT", None)  # the part tells no means
    assert [t.name for t in event.targets] == ["bank"]  # nor its own things
    assert (None, 50) in event.mention_keys


def test_a_part_two_sentences_on_or_of_another_type_makes_its_own_event():
    storm = draft(0, 0)
    far = draft(50, 2, plover="COERCE", mode="restrict", part_of=frozenset({"ASSAULT"}))
    assert len(merge([storm, far], threshold=1.25)) == 2
    protest = draft(0, 0, plover="PROTEST")
    near = draft(50, 0, plover="COERCE", mode="restrict", part_of=frozenset({"ASSAULT"}))
    assert len(merge([protest, near], threshold=1.25)) == 2
    # Without part_of, a blockade next to an assault stays apart.
    plain = draft(50, 0, plover="COERCE", mode="restrict")
    assert len(merge([draft(0, 0), plain], threshold=1.25)) == 2


def test_a_part_joins_the_event_its_participle_clause_hangs_on():
    march = draft(0, 0, plover="PROTEST", mode="demo")
    other = draft(20, 0, plover="PROTEST", mode="demo", agents=[actor("farmers")])
    blocking = draft(
        30, 0, plover="COERCE", mode="restrict", part_of=frozenset({"PROTEST"}), part_head=(None, 0)
    )
    events = merge([march, other, blocking], threshold=100.0)
    assert (None, 30) in events[0].mention_keys


def test_damage_syntax_ties_to_a_strike_is_the_strike_s():
    strike = draft(0, 0, mode="aerial")
    damage = draft(10, 0, mode="destroy", link_keys={(None, 0)})
    assert strike.fits(damage, tied=True) and not strike.fits(damage)
    events = merge([strike, damage], threshold=100.0)
    assert len(events) == 1 and events[0].mode == "aerial"
    # A strike tied to damage told before it is not damage; close-range acts already fit.
    assert not draft(0, 0, mode="destroy").fits(draft(10, 0, mode="aerial"), tied=True)
    assert draft(0, 0, mode="firearms").fits(draft(10, 0, mode="destroy"))


def test_later_deaths_belong_to_the_lead_event_not_to_the_other_side_s_response():
    # "Gunmen stormed a hotel ..., and security forces were fighting. At least 12 people
    # had been killed.": the deaths are the storming's.
    storm = draft(0, 0, lead=True, agents=[actor("Al-Shabaab")], targets=[named("hotel")])
    fight = draft(40, 0, lead=True, agents=[actor("security forces")])
    killed = draft(100, 1, patients=[actor("people", specific=False)], killed=[count(12)])
    events = merge([storm, fight, killed], threshold=1.25)
    assert [len(e.mention_keys) for e in events] == [2, 1]
    assert events[0].killed and not events[1].killed
    assert events[1].response and not events[0].response


def test_two_lead_events_of_one_side_are_no_response():
    first = draft(0, 0, lead=True, agents=[actor("rebels")])
    second = draft(40, 0, lead=True, mode="explosives")
    later = draft(100, 1)
    events = merge([first, second, later], threshold=100.0)
    assert not any(e.response for e in events)
