"""TE3 scorer on hand-made timexes; numbers computed by hand in the comments."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate.te3 import TE3Scorer, match_spans, score_document

TEXT = "Talks began on Monday and lasted two weeks in March."
#       0         1         2         3         4         5
#       0123456789012345678901234567890123456789012345678901
GOLD = [
    {"start": 15, "end": 21, "text": "Monday", "type": "DATE", "value": "2013-03-18"},
    {"start": 33, "end": 42, "text": "two weeks", "type": "DURATION", "value": "P2W"},
    {"start": 46, "end": 51, "text": "March", "type": "DATE", "value": "2013-03"},
]
PRED = [
    # exact, right value
    {"start": 15, "end": 21, "text": "Monday", "type": "DATE", "value": "2013-03-18"},
    # overlaps "two weeks", wider extent, wrong value (P14D is not the string P2W)
    {"start": 26, "end": 42, "text": "lasted two weeks", "type": "DURATION", "value": "P14D"},
    # spurious
    {"start": 0, "end": 5, "text": "Talks", "type": "DATE", "value": "2013"},
]


def test_spans_in_fixture_are_right():
    for t in GOLD + PRED:
        assert TEXT[t["start"] : t["end"]] == t["text"]


def as_records(flat):
    """Flat test timexes in the contract's shape: evidence spans, not offsets on the record."""
    return [
        {
            "id": f"t-{t['start']}",
            "type": t["type"],
            "value": t["value"],
            "evidence": [
                {"start": t["start"], "end": t["end"], "text": t["text"], "caption": None}
            ],
        }
        for t in flat
    ]


@pytest.fixture
def result():
    gold = [{"id": "d1", "dct": "2013-03-20", "text": TEXT, "timexes": GOLD}]
    return TE3Scorer().score(gold, {"d1": {"times": as_records(PRED)}}, "test")


def test_times_in_captions_are_not_scored_against_the_body():
    gold = [{"id": "d1", "dct": "2013-03-20", "text": TEXT, "timexes": GOLD}]
    caption = as_records(PRED[:1])
    caption[0]["evidence"][0]["caption"] = 0
    result = TE3Scorer().score(gold, {"d1": {"times": caption}}, "test")
    metrics = {m.name: m.value for m in result.metrics}
    assert (metrics["relaxed_r"], metrics["value_accuracy"]) == (0.0, None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # matched by overlap: Monday, two weeks -> 2 of 3 predicted, 2 of 3 gold
        ("relaxed_p", 2 / 3),
        ("relaxed_r", 2 / 3),
        ("relaxed_f1", 2 / 3),
        # identical extent: Monday only -> 1/3, 1/3
        ("strict_p", 1 / 3),
        ("strict_r", 1 / 3),
        ("strict_f1", 1 / 3),
        # overlap and same value: Monday only -> P = R = 1/3 -> F1 1/3
        ("value_f1", 1 / 3),
        # of the 2 matched, 1 has the right value, 2 the right type
        ("value_accuracy", 1 / 2),
        ("type_accuracy", 1.0),
    ],
)
def test_metrics_by_hand(result, name, expected):
    metric = {m.name: m for m in result.metrics}[name]
    assert metric.value == pytest.approx(expected)
    assert metric.n == 1


def test_references_are_given(result):
    metrics = {m.name: m for m in result.metrics}
    refs = {name: m.reference for name, m in metrics.items() if m.reference}
    assert set(refs) == {"relaxed_f1", "strict_f1", "value_f1", "value_accuracy"}
    assert "77.61" in refs["value_f1"]


def test_error_kinds(result):
    kinds = sorted((e.kind, e.span, e.expected, e.got) for e in result.errors)
    assert kinds == [
        ("missed DATE", "March", "2013-03", None),
        ("spurious", "Talks", None, "2013"),
        ("wrong extent", "two weeks", "two weeks", "lasted two weeks"),
        ("wrong value", "two weeks", "P2W", "P14D"),
    ]


def test_missing_prediction_scores_zero():
    gold = [{"id": "d1", "dct": "2013-03-20", "text": TEXT, "timexes": GOLD}]
    result = TE3Scorer().score(gold, {}, "test")
    assert {m.name: m.value for m in result.metrics}["relaxed_r"] == 0.0


def test_accuracy_on_matched_is_undefined_when_nothing_matched():
    # P/R/F1 read 0; accuracies on zero matched pairs are undefined, not 0
    gold = [{"id": "d1", "dct": "2013-03-20", "text": TEXT, "timexes": GOLD}]
    metrics = {m.name: m for m in TE3Scorer().score(gold, {}, "test").metrics}
    for name in ("relaxed_p", "relaxed_r", "relaxed_f1", "strict_f1", "value_f1"):
        assert metrics[name].value == 0.0
    for name in ("value_accuracy", "type_accuracy"):
        assert (metrics[name].value, metrics[name].low, metrics[name].high) == (None, None, None)
    assert "86.1" in metrics["value_accuracy"].reference


def test_greedy_match_prefers_largest_overlap():
    # gold (0,10) overlaps (0,4) by 4 and (2,10) by 8: it goes to (2,10)
    assert match_spans([(0, 10)], [(0, 4), (2, 10)]) == [(0, 1)]


def test_match_is_one_to_one():
    # pred (3,8) overlaps gold A (0,5) by 2 and gold B (5,10) by 3: B gets it, A nothing
    assert match_spans([(0, 5), (5, 10)], [(3, 8)]) == [(1, 0)]


def test_score_document_counts():
    counts, _ = score_document("d1", GOLD, PRED)
    assert counts == {"gold": 3, "pred": 3, "matched": 2, "strict": 1, "value": 1, "type": 2}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_every_split_reads_all_documents(tmp_path, split):
    path = tmp_path / "timex_te3.jsonl"
    docs = [{"id": f"d{i}", "dct": "2013-03-20", "text": TEXT, "timexes": GOLD} for i in range(3)]
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    scorer = TE3Scorer()
    gold = scorer.load(path, split)
    assert [d["id"] for d in gold] == ["d0", "d1", "d2"]
    inputs = scorer.inputs(gold)
    assert inputs[0].published == "2013-03-20"
    assert inputs[0].clean is False
    assert "report-only" in scorer.score(gold, {}, split).notes[0]
