"""A plural event noun is one set of occurrences when the verb it is the subject of places
or dates it; a running total ("since 2011") is none, and a capital that only opens the
sentence names no actor."""

from __future__ import annotations

from .conftest import coded, event_with


def test_clashes_placed_and_dated_through_their_verb(pipeline):
    doc = coded(
        pipeline,
        "Fierce clashes between the army and rebels left 20 dead in Tal Afar on Monday.",
    )
    clash = event_with(doc, "clashes")
    assert clash.plover == "ASSAULT"
    assert clash.actor1 is not None and clash.actor1.name != "Fierce"
    assert clash.date is not None and clash.date.value == "2025-03-03"


def test_a_running_total_is_no_occurrence(pipeline):
    doc = coded(pipeline, "Clashes between the army and rebels have killed thousands since 2011.")
    assert [e.trigger.text for e in doc.events] == []


def test_generic_attacks_stay_generic(pipeline):
    doc = coded(pipeline, "Attacks on aid workers are rising in many countries.")
    assert [e.trigger.text for e in doc.events] == []


def test_left_twenty_dead_counts_the_dead(pipeline):
    doc = coded(pipeline, "The blast left 20 dead in Tal Afar on Monday.")
    blast = event_with(doc, "blast")
    assert blast.fatalities is not None and blast.fatalities.best == 20


def test_a_storm_that_left_dead_is_no_attack(pipeline):
    assert coded(pipeline, "The storm left 20 dead on Monday.").events == []
