"""Ground taken by an armed side is ACLED's battle over territory, by the side that took it;
a place taken is no arrest, and what "control of" names is what was taken."""

from __future__ import annotations

import pytest

from .conftest import coded, event_with


@pytest.mark.parametrize(
    ("text", "trigger", "sub_event"),
    [
        (
            "Rebels captured the town of Kidal on Sunday.",
            "captured",
            "Non-state actor overtakes territory",
        ),
        ("Rebels captured Kidal on Sunday.", "captured", "Non-state actor overtakes territory"),
        ("The army retook the district on Friday.", "retook", "Government regains territory"),
        (
            "Soldiers regained control of the town on Friday.",
            "regained",
            "Government regains territory",
        ),
    ],
)
def test_ground_taken_is_a_battle_over_territory(pipeline, text, trigger, sub_event):
    event = event_with(coded(pipeline, text), trigger)
    assert event.plover == "COERCE"
    assert event.mode == "seize"
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", sub_event)


def test_control_of_names_what_was_taken(pipeline):
    event = event_with(
        coded(pipeline, "Rebels seized control of the port town on Friday."), "seized"
    )
    assert [t.name for t in event.targets] == ["port town"]


def test_goods_seized_are_no_territory(pipeline):
    event = event_with(coded(pipeline, "Police seized 40 kilograms of heroin on Friday."), "seized")
    assert event.acled_sub_event_type != "Government regains territory"


def test_people_captured_are_still_arrested(pipeline):
    event = event_with(coded(pipeline, "Police captured Ahmed Musa in Kano on Friday."), "captured")
    assert event.mode == "arrest"


def test_ground_liberated_is_ground_taken(pipeline):
    event = event_with(coded(pipeline, "Troops liberated the town on Sunday."), "liberated")
    assert (event.plover, event.acled_sub_event_type) == ("COERCE", "Government regains territory")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels liberated 12 hostages on Sunday.", "liberated"),
        ("The army announced the liberation of 40 hostages on Sunday.", "liberation"),
    ],
)
def test_people_liberated_are_released(pipeline, text, trigger):
    event = event_with(coded(pipeline, text), trigger)
    assert (event.plover, event.mode) == ("RETREAT", "release")
