"""Every fixture article we ship, run through the whole pipeline, gives output valid against
the committed schema, with every span indexing its text."""

from __future__ import annotations

import pytest

from dateline.ingest import read_inputs

from .conftest import FIXTURES, SAMPLE

PATHS = sorted(str(p) for p in FIXTURES.rglob("*") if p.is_file()) + [str(SAMPLE)]


@pytest.mark.parametrize("path", PATHS)
def test_fixture_output_is_valid(pipeline, validate, path):
    docs = list(pipeline.pipe(read_inputs([path])))
    assert docs
    for doc in docs:
        if doc.failed:  # the deliberately malformed JSONL line
            assert doc.problems[0].code == "jsonl"
            continue
        validate(doc.to_dict())
