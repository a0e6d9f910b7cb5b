from __future__ import annotations

import pytest

import dateline
from dateline import Document, InputError


def test_public_names():
    assert sorted(dateline.__all__) == sorted(
        [
            "SCHEMA_VERSION",
            "DatelineError",
            "Document",
            "InputError",
            "Pipeline",
            "__version__",
            "extract",
            "make_pipeline",
        ]
    )
    for name in dateline.__all__:
        assert hasattr(dateline, name), name


def test_extract_returns_a_valid_document(pipeline, validate):
    doc = dateline.extract(
        "Rebels shelled the airport in Kabul on Monday, the Afghan army said.",
        published="2020-03-02",
        pipeline=pipeline,
    )
    assert isinstance(doc, Document)
    assert doc.meta.published == "2020-03-02"
    assert any(e.name == "Kabul" for e in doc.entities)
    validate(doc.to_dict())


def test_extract_without_cleaning_keeps_offsets_into_the_input(pipeline):
    text = "Follow\nTroops left Kunduz on Friday."
    doc = dateline.extract(text, clean=False, pipeline=pipeline)
    assert doc.text == text
    for entity in doc.entities:
        for span in entity.mentions:
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_extract_refuses_empty_input(pipeline, text):
    with pytest.raises(InputError, match="empty"):
        dateline.extract(text, pipeline=pipeline)
