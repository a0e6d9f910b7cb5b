"""PLOVER scorer on hand-made English GSR-style records (invented sentences)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.plover import PloverScorer

TEXT = "Ruritania accused Freedonia of spying."


def sp(text: str) -> dict:
    start = TEXT.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def gold_record(rid: str, plover: str, *, dataset: str = "plover_gsr_cameo") -> dict:
    return {
        "id": rid,
        "dataset": dataset,
        "language": "en" if dataset == "plover_gsr_cameo" else "es",
        "date": "2000-01-01",
        "text": TEXT,
        "events": [
            {
                "plover": plover,
                "plover_current": plover,
                "actor": [{"text": "Ruritania"}],
                "recipient": [{"text": "Freedonia"}],
            }
        ],
        "spans": [{"role": "SRC", **sp("Ruritania")}, {"role": "TAR", **sp("Freedonia")}],
    }


def ev(plover: str, actor: str | None = None, recipient: str | None = None) -> dict:
    def role(text):
        return None if text is None else {"name": text, "evidence": [sp(text)]}

    return {
        "plover": plover,
        "mode": None,
        "actor1": role(actor),
        "actor2": role(recipient),
        "certainty": "asserted",
        "trigger": sp("accused"),
    }


@pytest.fixture
def result(tmp_path: Path):
    records = [
        gold_record("g1", "ACCUSE"),
        gold_record("g2", "THREATEN"),
        gold_record("s1", "PROTEST", dataset="es_set"),
    ]
    path = tmp_path / "plover.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    scorer = PloverScorer()
    gold = scorer.load(path, "dev")
    # g1: ACCUSE with the right actor, the wrong recipient (overlaps "Ruritania", not "Freedonia")
    # g2: REJECT predicted for THREATEN
    predicted = {
        "g1": {"events": [ev("ACCUSE", "Ruritania", "Ruritania")]},
        "g2": {"events": [ev("REJECT")]},
    }
    return scorer.score(gold, predicted, "dev")


def test_type_metrics(result):
    # g1 {ACCUSE} = {ACCUSE}: exact; g2 {REJECT} vs {THREATEN}: wrong. accuracy 1/2
    # micro: tp 1, pred 2, gold 2 -> F1 0.5
    # macro over types seen: ACCUSE F1 1, THREATEN 0 (gold only), REJECT 0 (pred only) -> 1/3
    scores = {m.name: m.value for m in result.metrics}
    assert result.documents == 2
    assert scores["type_set_accuracy"] == pytest.approx(0.5)
    assert scores["micro_f1"] == pytest.approx(0.5)
    assert scores["macro_f1"] == pytest.approx(1 / 3)


def test_actor_and_recipient_agreement(result):
    # only g1 has a matched type: actor overlaps the SRC span (1/1); recipient does not (0/1)
    scores = {m.name: m.value for m in result.metrics}
    assert scores["actor_agreement"] == 1.0
    assert scores["recipient_agreement"] == 0.0
    assert {"wrong recipient", "wrong type THREATEN->REJECT"} <= {e.kind for e in result.errors}


def test_non_english_records_skipped_with_a_note(result):
    assert any("es_set (es): 1" in n for n in result.notes)


def test_agreement_without_matched_types_is_undefined(tmp_path: Path):
    path = tmp_path / "plover.jsonl"
    path.write_text(json.dumps(gold_record("g1", "ACCUSE")) + "\n")
    scorer = PloverScorer()
    result = scorer.score(scorer.load(path, "dev"), {"g1": {"events": [ev("REJECT")]}}, "dev")
    metrics = {m.name: m for m in result.metrics}
    assert metrics["micro_f1"].value == 0.0
    assert metrics["type_set_accuracy"].value == 0.0
    for name in ("actor_agreement", "recipient_agreement"):
        assert (metrics[name].value, metrics[name].n) == (None, 0), name
