"""Helpers for the event-coding tests: the shipped spaCy model, loaded once."""

from __future__ import annotations

import pytest

from dateline.coding.detect import Detector, Mention
from dateline.coding.merge import Draft
from dateline.config import default_config
from dateline.document import Document
from dateline.nlp.model import load_model
from dateline.records import Span


@pytest.fixture(scope="session")
def nlp():
    return load_model(default_config().model.name)


@pytest.fixture(scope="session")
def mentions(nlp):
    """Mentions of one text: ``mentions("...")`` -> list of Mention."""
    detector = Detector()

    def find(text: str) -> list[Mention]:
        return detector.mentions(nlp(text))

    return find


def texts(text: str, args) -> list[str]:
    """The phrase text of each argument."""
    return [text[a.start : a.end] for a in args]


def cores(text: str, args) -> list[str]:
    """The core text (name or head with its modifiers) of each argument."""
    return [text[a.core_start : a.core_end] for a in args]


PUBLISHED = "2025-03-05"  # a Wednesday


def coded(pipeline, text: str, published: str = PUBLISHED) -> Document:
    """``text`` read by the shipped pipeline as published on ``published``."""
    return pipeline(Document.from_input(text, published=published))


def event_with(doc: Document, trigger: str):
    """The one event of ``doc`` whose trigger reads ``trigger`` (fails listing them all)."""
    found = [e for e in doc.events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.trigger.text, e.plover) for e in doc.events]
    return found[0]


DRAFT_TEXT = "x" * 2000


def span(start: int, end: int) -> Span:
    """A span of a made-up text long enough for any offset the merge tests use."""
    return Span.of(DRAFT_TEXT, start, end)


def draft(at: int, sentence: int, **fields) -> Draft:
    """An ASSAULT mention at offset ``at`` in sentence ``sentence``, as merging sees it."""
    values = dict(
        plover="ASSAULT",
        mode=None,
        acled=None,
        trigger=span(at, at + 1),
        sentence=sentence,
        order=at,
        certainty="asserted",
        source=None,
        claim_ids=[],
        evidence=[span(at, at + 1)],
        sentences={sentence},
        last_order=at,
        sentence_rank=sentence,
        last_sentence_rank=sentence,
        mention_keys={(None, at)},
    )
    values.update(fields)
    return Draft(**values)
