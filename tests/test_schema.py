from __future__ import annotations

import json

from dateline.schema import build_schema, committed_schema, schema_json


def test_committed_schema_matches_the_models():
    # Regenerate with: dateline schema > src/dateline/resources/schema/dateline-1.json
    assert committed_schema() == json.loads(schema_json())


def test_schema_requires_every_key_and_pins_the_version():
    schema = build_schema()
    assert set(schema["required"]) >= {"schema", "id", "text", "meta", "events", "problems"}
    assert schema["properties"]["schema"]["const"] == "dateline/1"
    event = schema["$defs"]["Event"]
    assert "fatalities" in event["required"]
    assert event["additionalProperties"] is False


def test_schema_rejects_a_span_without_text(validate):
    import pytest

    data = {
        "schema": "dateline/1",
        "id": "x",
        "source": None,
        "text": "ab",
        "meta": {
            "headline": None,
            "published": None,
            "modified": None,
            "dateline": [],
            "agencies": [],
            "language": None,
            "captions": [],
        },
        "entities": [
            {
                "id": "e",
                "label": "ORG",
                "name": "a",
                "canonical": None,
                "actor_type": None,
                "country": None,
                "mentions": [{"start": 0, "end": 1}],
            }
        ],
        "places": [],
        "times": [],
        "events": [],
        "quotes": [],
        "claims": [],
        "problems": [],
    }
    with pytest.raises(AssertionError):
        validate(data)


def test_schema_and_model_refuse_a_published_that_is_no_date(validate):
    # issue #7 item 9: extract(t, published="yesterday") wrote "yesterday", and the schema
    # accepted it
    import pytest
    from pydantic import ValidationError

    from dateline.document import Document

    data = Document(id="x", text="ab").to_dict()
    validate(data)
    for key in ("published", "modified"):
        bad = json.loads(json.dumps(data))
        bad["meta"][key] = "yesterday"
        with pytest.raises(AssertionError, match="yesterday"):
            validate(bad)
        with pytest.raises(ValidationError):
            Document.from_dict(bad)
