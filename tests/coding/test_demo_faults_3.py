"""Faults the `make demo` output showed in the event layer (issue #11), third round, each
on sentences of our own in the style of wire reports: a place name never ends in a joining
particle ("in Gao as an attack"); a participle clause hung on a reporting verb tells the
reported event's harm, never the sayer's act; a date that opens the sentence dates its
events (not "today", which is when the report speaks); "two days after the bombing" tells
another incident."""

from __future__ import annotations

from dateline.document import Document

from .conftest import event_with

PUBLISHED = "2024-05-08"  # a Wednesday


def coded(pipeline, text: str) -> Document:
    return pipeline(Document.from_input(text, published=PUBLISHED))


def test_a_place_name_does_not_swallow_as(pipeline):
    doc = coded(
        pipeline, "Officials described the explosion in Timbuktu as an attack by rebels on Tuesday."
    )
    blast = event_with(doc, "explosion")
    assert blast.location is not None and blast.location.name == "Timbuktu"
    # A particle between two names still joins them.
    doc = coded(pipeline, "Insurgents shelled Ras al Ain on Friday.")
    assert event_with(doc, "shelled").location.name == "Ras al Ain"


def test_the_sayer_is_never_the_actor_of_a_reported_participle(pipeline):
    for text, sayer, hurt in (
        (
            "Officials said a parked truck packed with explosives detonated near a bank, "
            "injuring seven people.",
            "officials",
            7,
        ),
        (
            "Witnesses said a parked car packed with explosives detonated near a school, "
            "wounding five people.",
            "witnesses",
            5,
        ),
    ):
        doc = coded(pipeline, text)
        assert len(doc.events) == 1, [(e.trigger.text, e.actor1) for e in doc.events]
        (blast,) = doc.events
        assert blast.actor1 is None or blast.actor1.name.lower() != sayer
        assert blast.injured is not None and blast.injured.best == hurt


def test_a_fronted_date_dates_the_event(pipeline):
    doc = coded(
        pipeline,
        "On Sunday a parked van packed with explosives detonated near a mosque in Kano.",
    )
    (blast,) = doc.events
    assert blast.date is not None and blast.date.value == "2024-05-05"
    assert blast.date.precision == "day"


def test_a_fronted_date_of_the_sayer_is_not_the_event_date(pipeline):
    doc = coded(pipeline, "On Tuesday police said gunmen killed three farmers in Kano.")
    killing = event_with(doc, "killed")
    assert killing.date is not None and killing.date.precision != "day"


def test_a_fronted_today_does_not_date_an_earlier_blast(pipeline):
    doc = coded(
        pipeline,
        "Today rescue teams recovered the bodies of the victims of the bus that exploded "
        "near Kano.",
    )
    blast = event_with(doc, "exploded")
    assert blast.date is None or blast.date.precision != "day"


def test_an_interval_after_another_event_noun_keeps_two_incidents(pipeline):
    doc = coded(pipeline, "The raid came three days after Friday's ambush near Bama.")
    triggers = sorted(e.trigger.text for e in doc.events)
    assert triggers == ["ambush", "raid"], [(e.trigger.text, e.mentions) for e in doc.events]
    doc = coded(pipeline, "The shooting happened a week before the bombing in Kano.")
    assert sorted(e.trigger.text for e in doc.events) == ["bombing", "shooting"]


def test_unnamed_attackers_stay_in_their_own_town(pipeline):
    text = "Gunmen shot dead four traders in Bama on Saturday. Nine policemen were killed in "
    doc = coded(pipeline, text + "Konduga on Saturday.")
    by_place = {e.location.name: e for e in doc.events if e.location is not None}
    assert by_place["Bama"].actor1 is not None and by_place["Bama"].actor1.name == "Gunmen"
    assert by_place["Konduga"].actor1 is None
    # A named group's attacks on several towns are still its own.
    doc = coded(
        pipeline,
        "Boko Haram fighters shot dead four traders in Bama on Saturday. "
        + "Nine policemen were killed in Konduga on Saturday.",
    )
    by_place = {e.location.name: e for e in doc.events if e.location is not None}
    assert by_place["Konduga"].actor1 is not None
    assert by_place["Konduga"].actor1.name == "Boko Haram"
