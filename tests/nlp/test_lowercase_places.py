"""A text written all in lower case (a flattened wire feed) gives the model no capitals: a
name the gazetteer knows, right before a place-type word or right after "<place type> of",
is a place there; a word that qualifies a place word ("a police department") is not, and a
text with capitals is read as before. Texts are our own, in wire style."""

from __future__ import annotations

import pytest

from dateline.document import Document
from dateline.nlp.components import PLACES

pytestmark = pytest.mark.slow

LOWER = (
    "TEGUCIGALPA, 3 MAR 90 (EFE)\n"
    "unidentified gunmen killed two farmers yesterday in the city of la ceiba, the police "
    "department reported today.  a spokesman said the attackers fled toward the mountains "
    "after the shooting and that troops were searching the area.  another farmer was "
    "wounded near itagui municipality, where soldiers have been patrolling since the "
    "weekend, the spokesman added.  no group has claimed responsibility for the attack."
)


def _found(pipeline, text):
    doc = Document.from_input(text)
    doc.set_text(text)
    pipeline.stages[pipeline.names.index("dateline.parse.v1")](doc)
    return [s.text for s in doc.sdoc.spans[PLACES] if s.label_ != "DEMONYM"]


def test_a_known_name_after_a_place_type_and_of_is_a_place(pipeline):
    assert "la ceiba" in _found(pipeline, LOWER)


def test_a_known_name_before_a_place_type_is_a_place(pipeline):
    assert "itagui" in _found(pipeline, LOWER)


def test_a_word_qualifying_a_place_type_is_no_place(pipeline):
    assert "police" not in _found(pipeline, LOWER)


def test_a_text_with_capitals_is_read_by_its_capitals(pipeline):
    text = (
        "Gunmen killed two farmers in the city of la ceiba on Monday, the Police "
        "Department said. Another farmer was wounded near itagui municipality."
    )
    found = _found(pipeline, text)
    assert "la ceiba" not in found and "itagui" not in found


def test_a_known_town_before_its_province_is_a_place(pipeline):
    text = LOWER.replace("near itagui municipality", "in tulcan, carchi province")
    assert "tulcan" in _found(pipeline, text)
