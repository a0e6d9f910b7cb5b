"""A merged event's ACLED type and sub-type come from one source's coding (issue #11): never
the type of one report with the sub-type of another, and a tie goes to the source that
told the merged event's actors, so the kind agrees with who did what to whom."""

from __future__ import annotations

from dateline.store.merge import summarize

from .test_merge import member


def test_type_and_sub_type_are_one_sources_pair():
    summary = summarize(
        [
            member("a", "d1", acled="Battles", sub="Armed clash"),
            member("b", "d2", acled="Explosions/Remote violence", sub="Air/drone strike"),
        ]
    )
    pair = (summary.columns["acled_event_type"], summary.columns["acled_sub_event_type"])
    assert pair in {("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike")}


def test_a_tie_goes_to_the_source_of_the_actors():
    # One report tells the gunmen's attack on the guests, another the troops' fight with them.
    attack = member(
        "b",
        "d1",
        acled="Violence against civilians",
        sub="Attack",
        actor1="Al-Shabaab gunmen",
        actor2="hotel guests",
        type2="civilians",
    )
    fight = member(
        "a",
        "d1",
        acled="Battles",
        sub="Armed clash",
        actor1="Al-Shabaab gunmen",
        actor2=None,
    )
    columns = summarize([attack, fight]).columns
    assert (columns["actor1"], columns["actor2"]) == ("Al-Shabaab gunmen", "hotel guests")
    assert (columns["acled_event_type"], columns["acled_sub_event_type"]) == (
        "Violence against civilians",
        "Attack",
    )


def test_the_most_told_pair_wins_over_the_actors_source():
    columns = summarize(
        [
            member("a", "d1", acled="Battles", sub="Armed clash", actor1="army", actor2="rebels"),
            member("b", "d2", acled="Battles", sub="Armed clash"),
            member("c", "d3", acled="Violence against civilians", sub="Attack", actor1="army"),
        ]
    ).columns
    assert columns["acled_sub_event_type"] == "Armed clash"
