"""The JSON Schema of the output contract, generated from the records.

The generated schema is committed as ``resources/schema/dateline-1.json``; a test checks that
the committed file matches the models, and every output in the tests is validated against it.
Regenerate it with ``dateline schema > src/dateline/resources/schema/dateline-1.json``.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .document import SCHEMA_VERSION, Document

SCHEMA_ID = "https://dateline.invalid/schema/dateline-1.json"


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one Document as ``to_dict`` writes it."""
    schema = Document.model_json_schema(by_alias=True, mode="serialization")
    schema["properties"]["schema"]["const"] = SCHEMA_VERSION
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_json() -> str:
    """The schema as text, stable byte for byte."""
    return json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def committed_schema() -> dict[str, Any]:
    """The schema file shipped with the package."""
    text = (
        resources.files("dateline").joinpath("resources/schema/dateline-1.json").read_text("utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result
