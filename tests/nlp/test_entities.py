from __future__ import annotations

import pytest

from dateline.document import Document
from dateline.nlp.entities import group_entities, normalise


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Col. Amina Bello", "amina bello"),
        ("the Red Crescent", "red crescent"),
        ("Bello's", "bello"),
        ("President  Musa   Dogo", "musa dogo"),
    ],
)
def test_normalise(name, key):
    assert normalise(name) == key


def _parsed(pipeline, text):
    doc = Document.from_input(text)
    doc.set_text(text)
    pipeline.stages[pipeline.names.index("dateline.parse.v1")](doc)
    return doc


def test_a_surname_joins_the_full_name(pipeline):
    text = (
        "Colonel Amina Bello said on Monday that the army had retaken Gao. "
        "Bello told reporters in Bamako that Bello's unit lost two soldiers."
    )
    doc = _parsed(pipeline, text)
    people = [e for e in group_entities(doc) if e.name == "Amina Bello"]
    assert len(people) == 1
    assert [m.text for m in people[0].mentions][:2] == ["Amina Bello", "Bello"]
    assert not [e for e in group_entities(doc) if e.name == "Bello"]
    for mention in people[0].mentions:
        assert text[mention.start : mention.end] == mention.text
