"""Shared fixtures: the pipeline (loaded once: the spaCy model takes a second or two) and the
committed JSON Schema validator."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples every run (a red build must be reproducible); locally
# hypothesis draws new ones each time.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "examples" / "sample_article.txt"


@pytest.fixture(scope="session")
def pipeline():
    from dateline import make_pipeline

    return make_pipeline()


@pytest.fixture(scope="session")
def validate():
    """Validate a contract dict against the committed schema (raises on any violation)."""
    import jsonschema

    from dateline.schema import committed_schema

    validator = jsonschema.Draft202012Validator(committed_schema())

    def check(data: dict) -> None:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        captions = [caption["text"] for caption in data["meta"]["captions"]]
        for span in iter_spans(data):
            part = data["text"] if span["caption"] is None else captions[span["caption"]]
            assert part[span["start"] : span["end"]] == span["text"], span

    return check


def iter_spans(value):
    """Every span-shaped dict inside a contract dict."""
    if isinstance(value, dict):
        if set(value) == {"start", "end", "text", "caption"}:
            yield value
        for key, item in value.items():
            if key != "text":
                yield from iter_spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from iter_spans(item)
