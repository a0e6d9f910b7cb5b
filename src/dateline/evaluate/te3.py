"""TempEval-3 platinum (TE3 Task A): temporal expressions found, their extent, type and value.

Gold and predicted timexes are paired one to one by overlap, greedily by largest overlap
(ties: earlier gold, then earlier prediction), as the TempEval-3 scorer does. Relaxed F1
counts overlapping pairs, strict F1 identical extents, value F1 overlapping pairs with the
same TIMEX3 ``value`` (exact string comparison). Value and type accuracy are over the
overlapping pairs; with none they are undefined (None), not 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from .base import EvalInput, Scorer, read_records
from .mappings import flat_span
from .metrics import ErrorCase, Formula, ScoreResult, f1_of, metric, ratio_of

Span = tuple[int, int]

REFERENCES = {
    "relaxed_f1": "HeidelTime-t 90.30, SUTime 90.32 (TE3 Task A)",
    "strict_f1": "HeidelTime-t 81.34, SUTime 79.57 (TE3 Task A)",
    "value_f1": "HeidelTime-t 77.61, SUTime 67.38 (TE3 Task A)",
    "value_accuracy": "HeidelTime 2.2.1 86.1 % (measured, timex_te3.md)",
}


def overlap(a: Span, b: Span) -> int:
    """Characters two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans, largest overlap first."""
    candidates = [
        (-overlap(g, p), g[0], p[0], gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if overlap(g, p) > 0
    ]
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def score_document(
    doc_id: str, gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> tuple[dict[str, float], list[ErrorCase]]:
    """Counts of one document and its error cases."""
    gold_spans = [(int(t["start"]), int(t["end"])) for t in gold]
    pred_spans = [(int(t["start"]), int(t["end"])) for t in predicted]
    pairs = match_spans(gold_spans, pred_spans)
    counts = {
        "gold": float(len(gold)),
        "pred": float(len(predicted)),
        "matched": float(len(pairs)),
        "strict": float(len(set(gold_spans) & set(pred_spans))),
        "value": 0.0,
        "type": 0.0,
    }
    errors: list[ErrorCase] = []
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        same_value = str(p.get("value")) == str(g["value"])
        counts["value"] += same_value
        counts["type"] += p.get("type") == g["type"]
        if gold_spans[gi] != pred_spans[pi]:
            errors.append(ErrorCase("wrong extent", doc_id, g["text"], g["text"], p.get("text")))
        if not same_value:
            errors.append(
                ErrorCase("wrong value", doc_id, g["text"], str(g["value"]), str(p.get("value")))
            )
        if p.get("type") != g["type"]:
            errors.append(ErrorCase("wrong type", doc_id, g["text"], g["type"], p.get("type")))
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            errors.append(
                ErrorCase(f"missed {g['type']}", doc_id, g["text"], str(g["value"]), None)
            )
    for pi, p in enumerate(predicted):
        if pi not in matched_pred:
            errors.append(ErrorCase("spurious", doc_id, p.get("text"), None, str(p.get("value"))))
    return counts, errors


class TE3Scorer(Scorer):
    """Temporal expressions against TempEval-3 platinum (20 news articles, 138 timexes)."""

    name: ClassVar[str] = "te3"
    filename: ClassVar[str] = "timex_te3.jsonl"
    description: ClassVar[str] = "TempEval-3 platinum TIMEX3: detection, extent, type, value"

    def load(self, path: Path, split: str) -> list[dict[str, Any]]:
        # TE3 platinum is a test set only: every split reads all of it.
        return list(read_records(path))

    def inputs(self, gold: list[dict[str, Any]]) -> list[EvalInput]:
        return [
            EvalInput(id=doc["id"], text=doc["text"], published=doc.get("dct"), clean=False)
            for doc in gold
        ]

    def score(
        self, gold: list[dict[str, Any]], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        per_doc: list[dict[str, float]] = []
        errors: list[ErrorCase] = []
        for doc in gold:
            times = [
                flat
                for time in predicted.get(doc["id"], {}).get("times") or []
                if (flat := flat_span(time)) is not None
            ]
            counts, doc_errors = score_document(doc["id"], doc["timexes"], times)
            per_doc.append(counts)
            errors.extend(doc_errors)
        # (name, formula, denominator): accuracies on matched pairs are undefined with none.
        formulas: list[tuple[str, Formula, str | None]] = [
            ("relaxed_p", ratio_of("matched", "pred"), None),
            ("relaxed_r", ratio_of("matched", "gold"), None),
            ("relaxed_f1", f1_of("matched", "pred", "gold"), None),
            ("strict_p", ratio_of("strict", "pred"), None),
            ("strict_r", ratio_of("strict", "gold"), None),
            ("strict_f1", f1_of("strict", "pred", "gold"), None),
            ("value_f1", f1_of("value", "pred", "gold"), None),
            ("value_accuracy", ratio_of("value", "matched"), "matched"),
            ("type_accuracy", ratio_of("type", "matched"), "matched"),
        ]
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold), errors=errors)
        result.metrics = [
            metric(name, per_doc, formula, reference=REFERENCES.get(name), denominator=denominator)
            for name, formula, denominator in formulas
        ]
        result.notes.append(
            "TE3 platinum has no dev split: dev and test both report all "
            f"{len(gold)} documents; report-only, never tune on it"
        )
        return result
