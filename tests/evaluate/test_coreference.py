"""The WikiEvents entity-mention and coreference scorer on hand-made gold and predictions."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate.coreference import CoreferenceScorer, align, b_cubed, ceaf_e, muc

TEXT = "Gen. Ana Ruiz said her troops took Tobruk. Ruiz said they met no resistance there."


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def gold_record() -> dict:
    def mention(n, word, kind, cluster, nth=0):
        start, end = at(word, nth)
        return {
            "id": f"m{n}",
            "type": kind,
            "start": start,
            "end": end,
            "text": word,
            "cluster": cluster,
        }

    return {
        "id": "d1",
        "split": "dev",
        "text": TEXT,
        "events": [],
        "entities": [
            mention(1, "Ana Ruiz", "PER", "c1"),
            mention(2, "her", "PER", "c1"),
            mention(3, "troops", "PER", "c2"),
            mention(4, "Tobruk", "GPE", "c3"),
            mention(5, "Ruiz", "PER", "c1", nth=1),
            mention(6, "they", "PER", "c2"),
            mention(7, "there", "LOC", "c4"),
        ],
    }


def score(tmp_path, entities):
    path = tmp_path / "events_wikievents.jsonl"
    path.write_text(json.dumps(gold_record()) + "\n")
    scorer = CoreferenceScorer()
    gold = scorer.load(path, "dev")
    result = scorer.score(gold, {"d1": {"text": TEXT, "entities": entities}}, "dev")
    return {m.name: m.value for m in result.metrics}, result


def entity(label, *words):
    mentions = []
    for word in words:
        nth = 1 if word.endswith("#2") else 0
        word = word.removesuffix("#2")
        start, end = at(word, nth)
        mentions.append({"start": start, "end": end, "text": word, "caption": None})
    return {"id": f"e-{words[0]}", "label": label, "mentions": mentions}


def test_perfect_reading_scores_one(tmp_path):
    scores, _ = score(
        tmp_path,
        [
            entity("PERSON", "Ana Ruiz", "her", "Ruiz#2"),
            entity("PERSON", "troops", "they"),
            entity("GPE", "Tobruk"),
        ],
    )
    assert scores["mention_f1"] == 1.0
    assert scores["mention_typed_f1"] == 1.0
    assert scores["conll_f1"] == pytest.approx(1.0)


def test_names_only_miss_mentions_and_links(tmp_path):
    # spaCy alone: the names, each its own entity; no pronoun, no description.
    scores, result = score(
        tmp_path,
        [entity("PERSON", "Ana Ruiz"), entity("PERSON", "Ruiz#2"), entity("GPE", "Tobruk")],
    )
    assert scores["mention_precision"] == 1.0
    assert scores["mention_recall"] == pytest.approx(3 / 6)
    assert scores["muc_f1"] == 0.0  # no correct link
    assert {e.kind for e in result.errors} == {"missed PER mention"}


def test_a_wrong_link_costs_precision_and_is_listed(tmp_path):
    scores, result = score(
        tmp_path,
        [entity("PERSON", "Ana Ruiz", "her", "Ruiz#2", "troops", "they"), entity("GPE", "Tobruk")],
    )
    assert scores["mention_f1"] == 1.0
    assert scores["muc_f1"] < 1.0
    assert "wrong link" in {e.kind for e in result.errors}


def test_a_mention_on_another_types_gold_is_not_spurious(tmp_path):
    scores, _ = score(tmp_path, [entity("GPE", "Tobruk"), entity("GPE", "there")])
    assert scores["mention_precision"] == 1.0


def test_wider_spans_match_by_overlap_exact_first():
    pairs = align([(0, 12), (5, 12)], [(5, 12), (0, 3)])
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_muc_b_cubed_ceaf_by_hand():
    key = [{"a", "b", "c"}, {"d"}]
    response = [{"a", "b"}, {"c", "d"}]
    assert muc(key, response) == (1.0, 2.0)
    assert b_cubed(key, response) == (pytest.approx(2 * 2 / 3 + 1 / 3 + 1), 4.0)
    assert ceaf_e(key, response) == pytest.approx(0.8 + 2 / 3)
