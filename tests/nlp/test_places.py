from __future__ import annotations

import pytest
import spacy

from dateline.config import load_config
from dateline.document import Document
from dateline.errors import ModelError, PipelineError
from dateline.nlp.components import PLACES
from dateline.nlp.model import load_model
from dateline.nlp.places import group_places, make_places


def _parsed(pipeline, text):
    doc = Document.from_input(text)
    doc.set_text(text)
    pipeline.stages[pipeline.names.index("dateline.parse.v1")](doc)
    return doc


def test_the_component_marks_place_mentions(pipeline):
    doc = _parsed(pipeline, "Fighting spread from Kabul to Kandahar, the Taliban said.")
    assert [span.text for span in doc.sdoc.spans[PLACES]] == ["Kabul", "Kandahar"]


def test_places_group_mentions_by_name(pipeline):
    text = "Troops left Kabul on Monday. Kabul's airport reopened, officials in Kandahar said."
    doc = _parsed(pipeline, text)
    places = {p.name: p for p in group_places(doc)}
    assert [m.text for m in places["Kabul"].mentions] == ["Kabul", "Kabul"]
    assert places["Kabul"].lat is None and places["Kabul"].precision == "unknown"
    for place in places.values():
        for m in place.mentions:
            assert text[m.start : m.end] == m.text


def test_the_component_works_in_a_plain_spacy_pipeline():
    nlp = spacy.blank("en")
    import dateline.nlp.components  # noqa: F401  (registers the factory)

    nlp.add_pipe("dateline_places")
    sdoc = nlp("Nothing tagged here.")
    assert list(sdoc.spans[PLACES]) == []


def test_places_stage_needs_its_component():
    config = load_config(overrides={"parse": {"components": []}})
    with pytest.raises(PipelineError, match="dateline_places"):
        make_places(config)


def test_an_unknown_component_is_a_clear_error():
    with pytest.raises(ModelError, match="no_such_component"):
        load_model(load_config().model.name, ("no_such_component",))


def test_the_bare_model_stays_bare():
    name = load_config().model.name
    assert "dateline_places" not in load_model(name).pipe_names
    assert load_model(name, ("dateline_places",)).pipe_names[-1] == "dateline_places"
