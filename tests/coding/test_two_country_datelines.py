"""A dateline of two capitals ("ABUJA/N'DJAMENA") files a report from two countries (issue
#11): an event with no place of its own, done by one country's forces, is placed in that
country, not in the first capital's nor in the country the rest of the body is about."""

from __future__ import annotations

from dateline.document import Document

from .conftest import event_with

TEXT = (
    "ABUJA/N'DJAMENA (Wire) - Nigerian jets struck militant camps near Baga in Borno state, "
    "the army said on Saturday.\n"
    "Chad's army said separately that its troops had clashed with militants near the border "
    "on Friday, losing two soldiers.\n"
    "Police arrested 12 suspects in Kano last week."
)


def test_the_forces_country_of_a_two_country_dateline(pipeline):
    doc = pipeline(Document.from_input(TEXT, published="2025-03-08"))
    clash = event_with(doc, "clashed")
    assert clash.location is not None and clash.location.country == "TD", clash.location


def test_one_country_datelines_still_yield_to_the_body(pipeline):
    doc = pipeline(
        Document.from_input(
            "BEIRUT (Wire) - Syrian troops clashed with rebels on Friday, a monitor said.\n"
            "The fighting spread to the town of Ariha in Idlib province and to Saraqeb.",
            published="2025-03-08",
        )
    )
    clash = event_with(doc, "clashed")
    assert clash.location is not None and clash.location.country == "SY"
