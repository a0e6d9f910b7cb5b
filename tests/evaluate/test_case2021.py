"""CASE 2021 Task 2 scorer on hand-made snippets (invented text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.case2021 import Case2021Scorer, predicted_label


def snippet(sid: str, label: str, subtask: int = 1) -> dict:
    return {
        "id": sid,
        "split": "test",
        "text": f"Invented snippet {sid}.",
        "label": label,
        "first_subtask": subtask,
        "events": [{"type": label}],
    }


def ev(
    plover: str, mode: str | None = None, sub: str | None = None, certainty: str = "asserted"
) -> dict:
    return {"plover": plover, "mode": mode, "acled_sub_event_type": sub, "certainty": certainty}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    items = [
        snippet("a", "AIR_STRIKE"),
        snippet("b", "AIR_STRIKE"),
        snippet("c", "ARREST"),
        snippet("d", "ARREST"),
        snippet("e", "NATURAL_DISASTER", subtask=2),
    ]
    p = tmp_path / "case.jsonl"
    p.write_text("".join(json.dumps(i) + "\n" for i in items))
    return p


def test_weighted_f1_subtask1(path):
    # subtask 1: a, b AIR_STRIKE; c, d ARREST. predicted: a AIR_STRIKE, b NONE, c AIR_STRIKE, d ARREST
    # AIR_STRIKE: tp 1, pred 2, gold 2 -> F1 0.5; ARREST: tp 1, pred 1, gold 2 -> P 1, R 0.5, F1 2/3
    # weighted: (2 * 0.5 + 2 * 2/3) / 4 = (1 + 4/3) / 4 = 7/12
    # subtask 2 adds e (NATURAL_DISASTER, predicted NONE, F1 0): (1 + 4/3 + 0) / 5 = 7/15
    scorer = Case2021Scorer()
    gold = scorer.load(path, "test")
    predicted = {
        "a": {"events": [ev("ASSAULT", sub="Air/drone strike")]},
        "b": {"events": []},
        "c": {"events": [ev("ASSAULT", "aerial")]},
        "d": {"events": [ev("COERCE", "arrest")]},
        "e": {"events": []},
    }
    result = scorer.score(gold, predicted, "test")
    scores = {m.name: m.value for m in result.metrics}
    assert scores["weighted_f1_subtask1"] == pytest.approx(7 / 12)
    assert scores["weighted_f1_subtask2"] == pytest.approx(7 / 15)
    assert {"missed AIR_STRIKE", "wrong type ARREST->AIR_STRIKE"} <= {e.kind for e in result.errors}


def test_dev_is_skipped(path):
    scorer = Case2021Scorer()
    gold = scorer.load(path, "dev")
    result = scorer.score(gold, {}, "dev")
    assert gold == [] and result.metrics == []
    assert any("test only" in n for n in result.notes)


@pytest.mark.parametrize(
    ("events", "label"),
    [
        ([ev("ASSAULT", "explosives", sub="Grenade")], "GRENADE"),  # ACLED sub-event type wins
        ([ev("ASSAULT", "explosives")], "REM_EXPLOS"),  # PLOVER fallback
        ([ev("CONSULT", certainty="negated"), ev("PROTEST")], "PEACE_PROTEST"),  # negated skipped
        ([ev("THREATEN")], "NONE"),
        ([], "NONE"),
    ],
)
def test_predicted_label(events, label):
    assert predicted_label({"events": events}) == label
