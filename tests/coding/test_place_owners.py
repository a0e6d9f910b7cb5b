"""A place word that owns or modifies a noun that is no place says whose or what, not where,
even when that noun's phrase hangs on a locative preposition; a place word that owns a place
noun ("Colombia's northern Santander department") stands in that noun's phrase."""

from __future__ import annotations

from dateline.document import Document

from .conftest import event_with

PUBLISHED = "1989-07-15"


def located(pipeline, text: str, trigger: str):
    doc = pipeline(Document.from_input(text, published=PUBLISHED, clean=False))
    return event_with(doc, trigger).location


def test_the_possessor_of_a_person_is_not_where_a_kidnapping_was(pipeline):
    text = (
        "CARACAS (VENEZUELA), 15 JUL 89 (DPA)\n"
        "gunmen kidnapped the cousin of venezuela's interior minister in colombia's "
        "northern santander department."
    )
    location = located(pipeline, text, "kidnapped")
    assert location is not None
    assert location.country == "CO", location
    assert location.evidence[0].text == "colombia"


def test_a_country_modifying_people_behind_a_locative_phrase_is_not_the_place(pipeline):
    text = (
        "LIMA, 15 JUL 89 (EFE)\n"
        "the bombing came in the wake of the arrival of u.s. military advisers."
    )
    location = located(pipeline, text, "bombing")
    assert location is not None
    assert location.country != "US", location


def test_a_town_owning_a_market_is_still_where_a_bomb_went_off(pipeline):
    text = "BEIRUT, Lebanon (AP) -- A car bomb exploded in Kabul's main market on Monday."
    location = located(pipeline, text, "exploded")
    assert location is not None
    assert location.name == "Kabul", location
