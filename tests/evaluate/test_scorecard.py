"""The committed scorecard: build, compare, the page (issue #14)."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate.metrics import Metric, ScoreResult
from dateline.evaluate.scorecard import (
    BEGIN,
    END,
    build,
    compare,
    dumps,
    load,
    markdown,
    update_page,
)


def results(value=0.5, docs=10):
    return [
        ScoreResult(
            corpus="te3",
            split="test",
            documents=docs,
            metrics=[Metric("value_f1", value, 0.4, 0.6, n=docs), Metric("value_accuracy", None)],
        ),
        ScoreResult(corpus="seed", split="test", documents=1, metrics=[Metric("overall", 0.25)]),
    ]


def test_dumps_is_json_one_metric_a_line(tmp_path):
    card = build(results(0.123456789), split="test", date="2026-01-01")
    text = dumps(card)
    assert json.loads(text) == card
    assert '"value_f1": {"value": 0.1235, "low": 0.4, "high": 0.6, "n": 10}' in text
    path = tmp_path / "card.json"
    path.write_text(text, encoding="utf-8")
    assert load(path) == card


def test_same_numbers_no_difference_whatever_the_date_and_version():
    old = build(results(), split="test", date="2026-01-01")
    new = build(results(), split="test", date="2027-05-05")
    new["dateline"] = "9.9.9"
    assert compare(old, new) == []


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (results(0.6), [("te3", "value_f1", 0.5, 0.6, None)]),
        (results(docs=11), [("te3", "documents", 10, 11, None)]),
        (
            results()[:1],
            [("seed", "(corpus)", 1, None, "now")],
        ),
    ],
)
def test_every_moved_number_is_listed(now, expected):
    old = build(results(), split="test", date="x")
    found = compare(old, build(now, split="test", date="x"))
    assert [(d.corpus, d.metric, d.committed, d.now, d.missing) for d in found] == expected


def test_a_new_metric_is_a_difference_too():
    new = results()
    new[1].metrics.append(Metric("times", 1.0))
    (diff,) = compare(build(results(), split="t", date="x"), build(new, split="t", date="x"))
    assert (diff.metric, diff.missing, diff.describe()) == (
        "times",
        "committed",
        "not in the committed scorecard",
    )


def test_load_refuses_other_files(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match="make scorecard"):
        load(path)


def test_page_table_is_rewritten_between_the_markers():
    card = build(results(), split="test", date="2026-01-01")
    page = f"# Title\n\nbefore\n{BEGIN}\nold table\n{END}\nafter\n"
    new = update_page(page, card)
    assert "old table" not in new
    assert new.startswith("# Title\n\nbefore\n") and new.endswith(f"{END}\nafter\n")
    assert "| te3 | 10 | value_f1 0.500 [0.400, 0.600]; value_accuracy – |" in new
    assert markdown(card) in new
    with pytest.raises(ValueError, match="markers"):
        update_page("no markers", card)


def test_only_compares_the_corpora_scored():
    old = build(results(), split="test", date="x")
    assert compare(old, build(results()[:1], split="test", date="x"), only=["te3"]) == []
