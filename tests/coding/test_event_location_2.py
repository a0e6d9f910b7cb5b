"""Event locations in the province or town a sentence names beside the event's clause, and
in lower-case wire text (coding/locations.py ``_continued``; nlp/toponyms.py
``_from_lowercase_cues``). Texts are our own, in wire style."""

from __future__ import annotations

from dateline.document import Document

from .conftest import coded, event_with

PUBLISHED = "1990-03-02"


def _doc(pipeline, text: str) -> Document:
    return coded(pipeline, text, PUBLISHED)


# -- a town inside the province the event's own sentence names ---------------------------

PROVINCE = (
    "GUATEMALA CITY, 1 MAR 90 (WIRE) -- The army said on Thursday that rebels shot a farmer "
    "in the city of Coban, in the northern Alta Verapaz department, and burned a bus.\n"
)


def test_the_town_named_in_the_province_of_the_event_sentence_places_it(pipeline):
    location = event_with(_doc(pipeline, PROVINCE), "burned").location
    assert location is not None
    assert (location.name, location.precision) == ("Coban", "town"), location


def test_a_town_of_another_province_does_not(pipeline):
    text = PROVINCE.replace("the city of Coban, in ", "")
    location = event_with(_doc(pipeline, text), "burned").location
    assert location is not None
    assert location.precision == "admin1", location


# -- lower-case text: a town told by the distance or description after it ----------------

LOWER = (
    "LIMA, 1 MAR 90 (WIRE)\n"
    "police said that shining path rebels killed three peasants in the highlands yesterday "
    "and burned a truck on the main road.  the army sent two patrols to the area of the "
    "attack to look for the rebels, the police added.  last week in huancayo, 300 km east "
    "of lima, a candidate for deputy was murdered by two gunmen.  "
)


def test_a_lower_case_town_before_a_distance_places_the_event(pipeline):
    doc = _doc(pipeline, LOWER)
    assert "huancayo" in {p.name for p in doc.places}
    location = event_with(doc, "murdered").location
    assert location is not None
    assert location.name == "huancayo", location


def test_a_lower_case_town_before_a_place_description_places_the_event(pipeline):
    text = LOWER.replace("huancayo, 300 km east of lima", "huancayo, a city in junin department")
    doc = _doc(pipeline, text)
    location = event_with(doc, "murdered").location
    assert location is not None
    assert location.name == "huancayo", location


def test_a_lower_case_word_before_a_comma_alone_is_no_place(pipeline):
    text = LOWER.replace("huancayo, 300 km east of lima", "huancayo, the police said")
    doc = _doc(pipeline, text)
    assert "huancayo" not in {p.name for p in doc.places}
