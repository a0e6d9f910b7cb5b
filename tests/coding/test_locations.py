"""Event locations chosen once mentions are merged (coding/locations.py), on wire-style
texts of our own: a finer place in the sentences that go on about the incident, the place a
caption tells the event at, and the dateline's country rather than the reporting town."""

from __future__ import annotations

import pytest

from dateline.coding.events import EventCoder
from dateline.config import default_config
from dateline.document import Caption, Document
from dateline.records import Place

from .conftest import event_with

PUBLISHED = "2021-03-10"


def located(pipeline, text: str, trigger: str):
    doc = pipeline(Document.from_input(text, published=PUBLISHED, clean=False))
    return event_with(doc, trigger).location


CONVOY = (
    "Insurgents ambushed an army convoy in Afghanistan on Monday, officials said.\n"
    "The convoy had been travelling near Kandahar when the gunmen opened fire, "
    "a provincial spokesman said.\n"
)


def test_a_country_location_takes_the_town_the_next_sentence_tells_of_the_same_convoy(pipeline):
    location = located(pipeline, CONVOY, "ambushed")
    assert location is not None
    assert (location.name, location.country, location.basis) == ("Kandahar", "AF", "continued")
    assert location.precision == "town"
    assert location.evidence[0].text == "Kandahar"
    assert CONVOY[location.evidence[0].start : location.evidence[0].end] == "Kandahar"


def test_a_town_the_next_sentence_names_about_something_else_is_not_taken(pipeline):
    text = (
        "Insurgents ambushed an army convoy in Afghanistan on Monday, officials said.\n"
        "Separately, a minister who was visiting Kandahar said talks would resume.\n"
    )
    location = located(pipeline, text, "ambushed")
    assert location is not None
    assert (location.name, location.basis) == ("Afghanistan", "attached")


def test_the_window_can_be_turned_off(pipeline):
    doc = pipeline(Document.from_input(CONVOY, published=PUBLISHED, clean=False))
    settings = default_config().events.model_copy(update={"location_window_sentences": 0})
    doc.events = EventCoder(settings).code(doc)
    location = event_with(doc, "ambushed").location
    assert location is not None and location.basis == "attached"
    assert location.name == "Afghanistan"


DATELINED = (
    "KABUL, March 9 (Wire) - Gunmen shot dead a district official on Tuesday, police said. "
    "No group has claimed the killing.\n"
)


def test_an_event_placed_only_by_the_dateline_is_placed_in_its_country(pipeline):
    location = located(pipeline, DATELINED, "shot")
    assert location is not None
    assert (location.country, location.precision, location.basis) == (
        "AF",
        "country",
        "dateline_country",
    )
    assert location.name == "Afghanistan"
    # The evidence is the dateline that says which country the report is filed from.
    assert [s.text for s in location.evidence] == ["KABUL"]
    assert location.lat is not None and location.lon is not None


def test_the_dateline_town_stays_where_the_text_places_the_event_there(pipeline):
    text = (
        "KABUL, March 9 (Wire) - Gunmen shot dead a district official in Kabul on Tuesday, "
        "police said.\n"
    )
    location = located(pipeline, text, "shot")
    assert location is not None
    assert (location.precision, location.basis) == ("town", "attached")
    assert location.evidence[0].start > text.index("-")


def test_the_dateline_rule_can_be_turned_off(pipeline):
    doc = pipeline(Document.from_input(DATELINED, published=PUBLISHED, clean=False))
    settings = default_config().events.model_copy(update={"dateline_country": False})
    doc.events = EventCoder(settings).code(doc)
    location = event_with(doc, "shot").location
    assert location is not None and location.basis in ("paragraph", "focus")
    assert (location.name, location.precision) == ("KABUL", "town")


@pytest.fixture
def captioned(pipeline):
    """A deal reported from a dateline town, shown in a photo caption at its place."""
    text = (
        "WASHINGTON, March 9 (Wire) - Fighters left the valley under an evacuation deal "
        "negotiated between the Jabal Front and the Amal movement, officials said.\n"
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED, clean=False))
    caption = "Fighters board buses in Arsal under the evacuation deal. (AFP)"
    doc.meta.captions = [Caption(text=caption)]
    doc.caption_sdocs = [pipeline.stages[pipeline.names.index("dateline.parse.v1")].nlp(caption)]
    at = caption.index("Arsal")
    doc.places = [
        *doc.places,
        Place(
            id="pl-c0-24",
            name="Arsal",
            lat=34.18,
            lon=36.42,
            country="LB",
            precision="town",
            mentions=[doc.span(at, at + len("Arsal"), caption=0)],
        ),
    ]
    return doc


def test_an_event_the_caption_tells_takes_the_captions_place(captioned):
    captioned.events = EventCoder(default_config().events).code(captioned)
    deal = next(e for e in captioned.events if e.plover == "AGREE" and e.trigger.caption is None)
    assert deal.location is not None
    assert (deal.location.name, deal.location.basis) == ("Arsal", "caption")
    assert deal.location.evidence[0].caption == 0
    assert deal.location.evidence[0].text == "Arsal"


def test_without_the_caption_the_deal_is_placed_in_the_datelines_country(captioned):
    captioned.meta.captions = []
    captioned.caption_sdocs = []
    captioned.places = [p for p in captioned.places if p.mentions[0].caption is None]
    captioned.events = EventCoder(default_config().events).code(captioned)
    deal = next(e for e in captioned.events if e.plover == "AGREE")
    assert deal.location is not None
    assert (deal.location.country, deal.location.basis) == ("US", "dateline_country")
