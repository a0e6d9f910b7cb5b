"""An organisation the actor dictionary knows is no place, though a town bears its name
("ETA" is also a town in India; "sympathetic to ETA" names the Basque group). Texts are our
own, in wire style."""

from __future__ import annotations

import pytest

from dateline.document import Document
from dateline.nlp.components import PLACES
from dateline.nlp.toponyms import known_organisations

pytestmark = pytest.mark.slow


def _found(pipeline, text):
    doc = Document.from_input(text)
    doc.set_text(text)
    pipeline.stages[pipeline.names.index("dateline.parse.v1")](doc)
    return [(s.text, s.label_) for s in doc.sdoc.spans[PLACES]]


def test_the_actor_dictionary_s_organisations_are_known():
    organisations = known_organisations()
    assert "eta" in organisations
    assert "us" not in organisations  # a country's name is never left out


@pytest.mark.parametrize(
    "text",
    [
        "Police in Madrid arrested four men sympathetic to ETA on Monday.",
        "The leaders of ETA denied any part in the bombing in Bilbao.",
    ],
)
def test_a_known_group_is_no_place(pipeline, text):
    found = [t for t, label in _found(pipeline, text) if label != "DEMONYM"]
    assert "ETA" not in found
    assert found  # the real place is still found


def test_an_institution_keeps_the_place_in_its_name(pipeline):
    found = _found(pipeline, "The Lebanese Armed Forces said two soldiers were wounded.")
    assert ("Lebanese", "DEMONYM") in found
