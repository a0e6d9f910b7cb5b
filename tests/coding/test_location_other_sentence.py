"""An event whose own sentence names no place is not placed at the nearest place another
sentence of its paragraph names (an office, a speaker's home, another incident): the
dateline's country is the better guess (coding/locations.py ``_reported_from``). Texts are
our own, in wire style."""

from __future__ import annotations

from dateline.document import Document

from .conftest import event_with

PUBLISHED = "2021-03-10"

TEXT = (
    "KABUL, March 9 (Wire) - The rebels' radio station, whose main studios are in Pakistan, "
    "broadcast a statement on Tuesday.  Gunmen shot dead a district official on Monday, "
    "police said.\n"
)


def test_a_place_of_another_sentence_does_not_place_the_event(pipeline):
    doc = pipeline(Document.from_input(TEXT, published=PUBLISHED, clean=False))
    location = event_with(doc, "shot").location
    assert location is not None
    assert (location.country, location.basis) == ("AF", "dateline_country"), location


def test_a_place_of_its_own_sentence_still_does(pipeline):
    text = TEXT.replace("a district official on Monday", "a district official in Herat on Monday")
    doc = pipeline(Document.from_input(text, published=PUBLISHED, clean=False))
    location = event_with(doc, "shot").location
    assert location is not None
    assert location.name == "Herat", location
