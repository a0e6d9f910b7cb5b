"""A predicative participle takes the negation of its copula: "the shop wasn't that
damaged" tells no damage (issue #11)."""

from __future__ import annotations

from dateline.coding.lexicon import lexicon
from dateline.coding.modality import modality_of


def _modality(nlp, text: str, word: str) -> str | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return modality_of(token, lexicon())


def test_a_negated_copula_negates_its_participle(nlp):
    assert _modality(nlp, "He said the bakery wasn't that damaged.", "damaged") == "negated"


def test_an_asserted_participle_stays_asserted(nlp):
    assert _modality(nlp, "He said the bakery was badly damaged.", "damaged") is None
