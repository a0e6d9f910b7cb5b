"""Stage dateline.language.v1: English at a glance, other languages by py3langid."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.document import Document
from dateline.ingest.language import english_share, identify, language_name

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
    assert (doc.meta.language, doc.problems, doc.in_language("en")) == ("en", [], True)


def test_spanish(language_stage: Stage) -> None:
    doc = run(language_stage, SPANISH)
    assert doc.meta.language == "es"
    assert [p.code for p in doc.problems] == ["unexpected_language"]
    assert "Spanish" in doc.problems[0].message
    assert not doc.in_language("en")


def test_expected_language_takes_effect() -> None:
    # issue #6: [language] expected was ignored ("en" hard-coded in the Document)
    from dateline.config import load_config
    from dateline.ingest.language import make_language

    stage = make_language(load_config(overrides={"language": {"expected": "es"}}))
    doc = run(stage, SPANISH)
    assert (doc.problems, doc.in_language("es")) == ([], True)
    english = run(stage, ENGLISH)
    assert [p.code for p in english.problems] == ["unexpected_language"]
    assert "not Spanish" in english.problems[0].message


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
    assert (doc.meta.language, doc.problems, doc.in_language("en")) == (None, [], True)


def test_min_chars_from_config() -> None:
    assert identify(ENGLISH, min_chars=1000) is None


@pytest.mark.parametrize(
    ("code", "name"),
    [("ar", "Arabic"), ("zh", "Chinese"), ("ku", "Kurdish"), ("uz", "Uzbek"), ("fr", "French")],
)
def test_language_name_is_the_macrolanguage_not_a_dialect(code: str, name: str) -> None:
    # issue #7 item 7: Arabic was reported as "Moroccan Arabic", Chinese as "Cantonese"
    assert language_name(code) == name
