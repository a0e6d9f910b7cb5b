"""The merging scorer, on hand-made predictions over the in-repo gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluate.merge import GOLD, MergeScorer, Report, label_events
from dateline.evaluate.oracle import merge_oracle
from dateline.records import Event, Span

SCORER = MergeScorer()


def test_the_gold_set_is_in_the_repository_and_found_without_data():
    assert SCORER.find(Path("/nowhere")) == GOLD
    dev, test = SCORER.load(GOLD, "dev"), SCORER.load(GOLD, "test")
    assert len(dev) + len(test) >= 30
    incidents = {i for r in dev + test for i, _ in r.incidents}
    assert len(incidents) >= 10
    assert not {i for r in dev for i, _ in r.incidents} & {i for r in test for i, _ in r.incidents}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_every_anchor_is_in_its_article(split):
    for report in SCORER.load(GOLD, split):
        for _, anchor in report.incidents:
            assert anchor in report.text, (report.id, anchor)


def test_events_inside_an_anchor_are_labelled():
    text = "Intro. A bomb hit the market. Later, police arrested two men."
    report = Report("r", text, "2029-01-01", (("I1", "A bomb hit the market."),))
    at = text.index("bomb")
    ev = Event(
        id="ev-1",
        plover="ASSAULT",
        trigger=Span.of(text, at, at + 4),
        evidence=[Span.of(text, at, at + 4)],
    )
    far = text.index("arrested")
    other = Event(
        id="ev-2",
        plover="COERCE",
        trigger=Span.of(text, far, far + 8),
        evidence=[Span.of(text, far, far + 8)],
    )
    doc = {"text": text, "events": [ev.model_dump(mode="json"), other.model_dump(mode="json")]}
    assert label_events(doc, report) == {"ev-1": "I1"}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_the_oracle_scores_one(split):
    gold = SCORER.load(GOLD, split)
    oracle = merge_oracle(SCORER, gold, GOLD, split)
    assert not oracle.gaps
    result = SCORER.score(gold, oracle.predictions, split)
    assert {m.name: m.value for m in result.metrics} == {
        "pairwise_precision": 1.0,
        "pairwise_recall": 1.0,
        "pairwise_f1": 1.0,
        "bcubed_precision": 1.0,
        "bcubed_recall": 1.0,
        "coverage": 1.0,
    }


def test_merging_everything_costs_precision_not_recall():
    gold = SCORER.load(GOLD, "dev")
    oracle = merge_oracle(SCORER, gold, GOLD, "dev")
    for doc in oracle.predictions.values():  # one target for every incident: all one event
        for event in doc["events"]:
            event["targets"][0]["name"] = "alpha"
    values = {m.name: m.value for m in SCORER.score(gold, oracle.predictions, "dev").metrics}
    assert values["pairwise_recall"] == 1.0
    assert values["pairwise_precision"] < 0.6  # the Kirkuk distractors join the bombing


def test_no_events_leave_precision_and_recall_undefined():
    gold = SCORER.load(GOLD, "dev")
    result = SCORER.score(gold, {r.id: {"text": r.text, "events": []} for r in gold}, "dev")
    values = {m.name: m.value for m in result.metrics}
    assert values["coverage"] == 0.0 and values["pairwise_precision"] is None
    assert sum(e.kind == "report not extracted" for e in result.errors) == 18
