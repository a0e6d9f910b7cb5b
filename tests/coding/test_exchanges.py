"""Exchanges (issue #11): two sides that exchange prisoners, detainees or bodies release
people (RETREAT, release); two sides that exchange or trade fire fight (a battle); other
things exchanged ("views", "letters") are no event."""

from __future__ import annotations

import pytest

from .conftest import coded, event_with


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Ukraine and Russia exchanged 90 prisoners of war on Friday.", "exchanged"),
        ("The warring parties swapped detainees in Aden on Friday.", "swapped"),
        ("The two sides carried out a prisoner swap on Friday.", "swap"),
    ],
)
def test_an_exchange_of_prisoners_is_a_release(pipeline, text, trigger):
    event = event_with(coded(pipeline, text), trigger)
    assert (event.plover, event.mode) == ("RETREAT", "release")


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Government troops and rebels exchanged fire near the border on Friday.", "exchanged"),
        ("Police traded gunfire with gang members in Port-au-Prince on Friday.", "traded"),
    ],
)
def test_fire_exchanged_is_a_battle(pipeline, text, trigger):
    event = event_with(coded(pipeline, text), trigger)
    assert event.plover == "ASSAULT"
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash")


def test_views_exchanged_are_no_event(pipeline):
    doc = coded(pipeline, "The two ministers exchanged views on trade on Friday.")
    assert not [e for e in doc.events if e.trigger.text == "exchanged"]


def test_a_go_between_is_no_party_to_the_deal(pipeline):
    doc = coded(pipeline, "A truce brokered by Qatar took effect on Sunday.")
    truce = event_with(doc, "truce")
    names = [a.name for a in (truce.actor1, *truce.assoc_actor1) if a is not None]
    assert "Qatar" not in names
    doc = coded(pipeline, "A deal negotiated by the two governments was signed on Sunday.")
    assert event_with(doc, "deal").actor1 is not None
