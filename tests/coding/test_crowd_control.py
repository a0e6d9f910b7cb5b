"""Crowd-control force (issue #11): "police fired tear gas to disperse the protesters" is an
ASSAULT by crowd-control means on the people dispersed, and a pronoun for them is never
the police who disperse them (the subject an infinitive takes from its verb)."""

from __future__ import annotations

from .conftest import coded, event_with


def test_tear_gas_fired_to_disperse_a_crowd_is_force_against_it(pipeline):
    doc = coded(
        pipeline, "Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday."
    )
    force = event_with(doc, "fired")
    assert (force.plover, force.mode) == ("ASSAULT", "crowd-control")
    assert force.actor1 is not None and force.actor1.name == "Police"
    assert force.actor2 is not None and force.actor2.name.endswith("protesters")


def test_them_after_the_police_disperse_is_the_protesters(pipeline):
    doc = coded(
        pipeline,
        "Protesters rallied in Nairobi on Tuesday, and police fired tear gas to disperse them.",
    )
    force = event_with(doc, "fired")
    assert force.mode == "crowd-control"
    assert force.actor1 is not None and force.actor1.name == "police"
    assert force.actor2 is not None and force.actor2.name == "Protesters"
    assert event_with(doc, "rallied").plover == "PROTEST"


def test_tear_gas_is_no_firearm_without_a_crowd(pipeline):
    doc = coded(pipeline, "Police fired tear gas outside parliament on Tuesday.")
    assert event_with(doc, "fired").mode == "crowd-control"


def test_a_protest_broken_up_is_a_protest_with_intervention(pipeline):
    doc = coded(
        pipeline,
        "Protesters rallied in Nairobi on Tuesday, and police fired tear gas to disperse them.",
    )
    assert event_with(doc, "rallied").acled_sub_event_type == "Protest with intervention"


def test_a_protest_left_alone_stays_peaceful(pipeline):
    doc = coded(
        pipeline,
        "Protesters rallied in Nairobi on Tuesday. Police fired tear gas at looters in Mombasa.",
    )
    assert event_with(doc, "rallied").acled_sub_event_type == "Peaceful protest"
