"""Stage dateline.language.v1: English at a glance, other languages by py3langid."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.document import Document
from dateline.ingest.language import english_share, identify

Stage = Callable[[Document], Document]


def run(stage: Stage, text: str) -> Document:
    doc = Document.from_input(text, source="t")
    doc.set_text(text)
    return stage(doc)


ENGLISH = "Troops entered the town on Monday after a week of fighting, officials said."
SPANISH = (
    "El ejército entró en la ciudad el lunes después de una semana de combates, "
    "según fuentes oficiales citadas por la prensa local."
)


def test_english_by_stopwords() -> None:
    share, count = english_share(ENGLISH)
    assert share >= 0.25 and count >= 8


def test_english(language_stage: Stage) -> None:
    doc = run(language_stage, ENGLISH)
    assert (doc.meta.language, doc.problems, doc.is_english) == ("en", [], True)


def test_spanish(language_stage: Stage) -> None:
    doc = run(language_stage, SPANISH)
    assert doc.meta.language == "es"
    assert [p.code for p in doc.problems] == ["not_english"]
    assert "Spanish" in doc.problems[0].message
    assert not doc.is_english


def test_french_fixture(language_stage: Stage, clean_stage: Stage, fixtures: Path) -> None:
    raw = (fixtures / "manifestation_fr.txt").read_text("utf-8")
    doc = language_stage(clean_stage(Document.from_input(raw, source="fr")))
    assert doc.meta.language == "fr"
    assert "French" in doc.problems[0].message


@pytest.mark.parametrize(
    "text", ["Shells fell.", "KABUL", "12 34 56 78 90 12 34 56 78 90 12 34 56"]
)
def test_too_little_evidence_is_none(language_stage: Stage, text: str) -> None:
    doc = run(language_stage, text)
    assert (doc.meta.language, doc.problems, doc.is_english) == (None, [], True)


def test_min_chars_from_config() -> None:
    assert identify(ENGLISH, min_chars=1000) is None
