"""An actor told by a pronoun keeps, beside the pronoun, the mention that says who it is."""

from __future__ import annotations

from .conftest import coded, event_with


def test_they_carries_the_group_it_stands_for(pipeline):
    text = (
        "Army officers said the rebels raided a cattle ranch near the border on Sunday, "
        "where they burned two barns."
    )
    burned = event_with(coded(pipeline, text), "burned")
    said = [span.text for span in burned.actor1.evidence]
    assert said[0] == "they"
    assert "the rebels" in said


def test_a_named_actor_keeps_only_its_own_mention(pipeline):
    text = "Rebels burned two barns at a cattle ranch near the border on Sunday."
    burned = event_with(coded(pipeline, text), "burned")
    assert [span.text for span in burned.actor1.evidence] == ["Rebels"]
