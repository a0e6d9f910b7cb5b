"""An event told against another with a stretch of time ("The attack came two days after
Monday's bombing in Gwoza", issue #11) is dated from the other's date and the stretch, with
the span from the stretch to the other's date as evidence, and takes no place from the
other's phrase; sentences of our own in the style of wire reports."""

from __future__ import annotations

from dateline.document import Document

from .conftest import event_with

PUBLISHED = "2024-05-10"  # a Friday


def coded(pipeline, text: str) -> Document:
    return pipeline(Document.from_input(text, published=PUBLISHED))


def test_days_after_a_dated_bombing(pipeline):
    doc = coded(pipeline, "The raid came two days after Monday's bombing in Gwoza.")
    raid = event_with(doc, "raid")
    assert raid.date is not None
    assert raid.date.value == "2024-05-08"  # Monday 6 May + 2 days
    assert raid.date.precision == "day"
    assert [e.text for e in raid.date.evidence] == ["two days after Monday"]
    assert raid.location is None or "Gwoza" not in raid.location.name
    bombing = event_with(doc, "bombing")
    assert bombing.date is not None and bombing.date.value == "2024-05-06"
    assert bombing.location is not None and bombing.location.name.startswith("Gwoza")


def test_a_week_before_a_dated_vote(pipeline):
    doc = coded(
        pipeline,
        "Militants burned a church in Konduga a week before the April 20 election, residents said.",
    )
    burned = event_with(doc, "burned")
    assert burned.date is not None and burned.date.value == "2024-04-13"
    assert burned.location is not None and burned.location.name.startswith("Konduga")


def test_three_days_after_a_raid_near_a_town(pipeline):
    doc = coded(pipeline, "The ambush came three days after Sunday's raid near Bama.")
    ambush = event_with(doc, "ambush")
    assert ambush.date is not None and ambush.date.value == "2024-05-08"
    assert ambush.location is None or "Bama" not in ambush.location.name


def test_a_stretch_of_less_than_some_days_reckons_no_day(pipeline):
    doc = coded(pipeline, "The raid came less than two days after Monday's bombing in Gwoza.")
    raid = event_with(doc, "raid")
    assert raid.date is None or raid.date.value != "2024-05-08"
    assert raid.date is None or raid.date.value != "2024-05-06"  # never the bombing's day
