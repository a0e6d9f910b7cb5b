"""An event "in the capital" happened in a national capital (issue #11): the country the
phrase names ("the Somali capital", "Iraq's capital", "the capital of Peru"), else the
report's country by its dateline, else the country its places are in. A provincial or
former capital is no national one, and a capital named by name is read as the name."""

from __future__ import annotations

import pytest

from dateline.gazetteer.index import open_gazetteer

from .conftest import coded, event_with


@pytest.mark.parametrize(
    "text, trigger, city, phrase",
    [
        (
            "Gunmen stormed a hotel in the Somali capital on Tuesday, killing 12 guests.",
            "stormed",
            "Mogadishu",
            "the Somali capital",
        ),
        (
            "A car bomb exploded in Iraq's capital on Tuesday, killing five people.",
            "exploded",
            "Baghdad",
            "Iraq's capital",
        ),
        (
            "Police arrested 40 protesters in the capital of Peru on Tuesday.",
            "arrested",
            "Lima",
            "the capital of Peru",
        ),
        (
            "KABUL, March 4 (Wire) - A suicide bomber killed nine people in the capital on "
            "Tuesday, police said.",
            "killed",
            "Kabul",
            "the capital",
        ),
        (
            "BEIRUT, March 4 (Wire) - Rebels shelled a market in the capital on Tuesday, "
            "monitors said. The rebels also hit Homs and Aleppo in Syria.",
            "shelled",
            "Damascus",
            "the capital",
        ),
    ],
)
def test_a_described_capital_places_the_event(pipeline, text, trigger, city, phrase):
    doc = coded(pipeline, text)
    location = event_with(doc, trigger).location
    assert location is not None and location.name == city, location
    assert location.precision == "town"
    # The evidence is the description itself (its determiner aside).
    assert any("capital" in e.text and e.text in phrase for e in location.evidence)


@pytest.mark.parametrize(
    "text, trigger",
    [
        (
            "KABUL, March 4 (Wire) - Gunmen killed two guards in the provincial capital on Tuesday.",
            "killed",
        ),
        (
            "KABUL, March 4 (Wire) - Gunmen killed two guards in the former capital on Tuesday.",
            "killed",
        ),
    ],
)
def test_a_provincial_or_former_capital_is_not_the_national_one(pipeline, text, trigger):
    location = event_with(coded(pipeline, text), trigger).location
    assert location is None or location.name != "Kabul" or location.precision != "town"


def test_a_capital_named_by_name_keeps_its_name(pipeline):
    doc = coded(pipeline, "A bomb exploded in the Afghan capital, Kabul, on Tuesday.")
    assert event_with(doc, "exploded").location.name == "Kabul"


def test_the_gazetteer_knows_capitals_spelt_with_accents():
    # The country list spells "Bogota", GeoNames' city "Bogotá": still the capital.
    assert open_gazetteer().capital("CO").name == "Bogotá"
    assert open_gazetteer().capital("BR").name == "Brasília"
