"""A protest whose people are told inside the phrase of those the police dispersed ("dozens
of the students who were protesting") is a protest with intervention; a protest elsewhere
that nobody broke up stays peaceful."""

from __future__ import annotations

from .conftest import coded, event_with


def test_protesters_told_inside_the_dispersed_phrase(pipeline):
    doc = coded(
        pipeline,
        "Police fired tear gas to disperse dozens of the students who were protesting outside "
        "parliament in Nairobi. Separately, hundreds of farmers marched peacefully in Kisumu.",
    )
    assert event_with(doc, "protesting").acled_sub_event_type == "Protest with intervention"
    assert event_with(doc, "marched").acled_sub_event_type == "Peaceful protest"
