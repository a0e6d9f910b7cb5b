"""Helpers for the event-coding tests: the shipped spaCy model, loaded once."""

from __future__ import annotations

import pytest

from dateline.coding.detect import Detector, Mention
from dateline.config import default_config
from dateline.nlp.model import load_model


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
