"""Where one telling says its event happened (coding/detect.py ``_places``): a street told
by its abbreviation is a place, and an apposition that describes the place is that place
again, while a named place around it ("Helmand Province, Afghanistan") is a place too."""

from __future__ import annotations

from tests.coding.conftest import cores


def killed(mentions, text: str):
    return [m for m in mentions(text) if m.token.text == "killed"][0]


def test_a_street_told_by_its_abbreviation_is_where_the_event_was(mentions):
    text = "At Albert St, the oldest ferry terminal in the region, four porters were killed."
    assert cores(text, killed(mentions, text).places)[:1] == ["Albert St"]


def test_a_description_of_the_place_is_no_second_place(mentions):
    text = "At Harbour St, the oldest ferry terminal in the region, four porters were killed."
    found = cores(text, killed(mentions, text).places)
    assert not any("terminal" in core for core in found), found


def test_the_named_place_around_it_is_still_a_place(mentions):
    text = "Two police officers were killed in Helmand Province, Afghanistan, on Monday."
    found = cores(text, killed(mentions, text).places)
    assert "Helmand Province" in found and "Afghanistan" in found, found
