"""CASE 2021 Task 2: event-type classification of short snippets (test only).

Protocol (shared/eval/events_corpora.md, sections 4 and 6.3):

* The predicted label of a snippet is that of its first predicted event (events are sorted
  by evidence offset) that has one: its ACLED sub-event type through
  ``[case2021.acled_sub_event]``, else its PLOVER type/mode through ``[case2021.plover]``.
  A snippet with no such event gets ``none_label`` ("NONE"), which is never a gold label.
* Weighted F1 as in the CASE overview: per-label F1 weighted by gold support, over the
  snippets of subtask k (``first_subtask <= k``). Subtask 1 (the 25 ACLED types) is the
  primary number.
* There is no dev split: under ``--split dev`` nothing is scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .base import SPLITS, EvalInput, Scorer, read_records
from .mappings import by_type_mode, eval_maps, scored_events
from .metrics import Counts, ErrorCase, Formula, ScoreResult, f1, metric, ratio_of, safe_div

REFERENCES = {1: "best 83.9 (CASE 2021 overview)", 2: "best 79.7", 3: "best 77.1"}


@dataclass
class Snippet:
    id: str
    text: str
    label: str
    subtask: int


def predicted_label(doc: Mapping[str, Any] | None) -> str:
    """The CASE label of a snippet from dateline's first mappable event, or the none label."""
    maps = eval_maps()["case2021"]
    for event in scored_events(doc):
        sub = event.get("acled_sub_event_type")
        if sub and sub in maps["acled_sub_event"]:
            return str(maps["acled_sub_event"][sub])
        label = by_type_mode(maps["plover"], event.get("plover"), event.get("mode"))
        if label:
            return label
    return str(maps["none_label"])


def weighted_f1(prefix: str, labels: list[str]) -> Formula:
    """Support-weighted mean of per-label F1 from counts ``<prefix>tp:L``, ``pred:L``, ``gold:L``."""

    def formula(c: Mapping[str, float]) -> float:
        total = sum(c[f"{prefix}gold:{label}"] for label in labels)
        score = 0.0
        for label in labels:
            tp, pred, gold = (
                c[f"{prefix}tp:{label}"],
                c[f"{prefix}pred:{label}"],
                c[f"{prefix}gold:{label}"],
            )
            score += gold * f1(safe_div(tp, pred), safe_div(tp, gold))
        return safe_div(score, total)

    return formula


class Case2021Scorer(Scorer):
    """CASE 2021 Task 2 snippets: weighted F1 of the mapped event-type label."""

    name = "case2021"
    filename = "events_case2021_task2.jsonl"
    description = "CASE 2021 Task 2: snippet event-type classification, weighted F1 (test only)"

    def load(self, path: Path, split: str) -> list[Snippet]:
        if split not in SPLITS:
            raise ValueError(f"case2021 has a test split only, not {split!r}")
        if split != "test":
            return []
        snippets = []
        for record in read_records(path):
            if record.get("split") == "test":
                snippets.append(
                    Snippet(
                        record["id"],
                        record["text"],
                        record["label"],
                        int(record["first_subtask"]),
                    )
                )
        return snippets

    def inputs(self, gold: list[Any]) -> list[EvalInput]:
        return [EvalInput(id=s.id, text=s.text, published=None, clean=False) for s in gold]

    def score(
        self, gold: list[Any], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold))
        if split != "test":
            result.notes.append("test only: CASE 2021 Task 2 has no dev split; nothing scored")
            return result
        guesses = [predicted_label(predicted.get(s.id)) for s in gold]
        labels = sorted({s.label for s in gold} | set(guesses))
        per_doc: list[Counts] = []
        for snippet, guess in zip(gold, guesses, strict=True):
            counts: Counts = {"items": 1.0, "correct": float(guess == snippet.label)}
            for k in (1, 2, 3):
                if snippet.subtask <= k:
                    counts[f"s{k}:n"] = 1.0
                    counts[f"s{k}:gold:{snippet.label}"] = 1.0
                    counts[f"s{k}:pred:{guess}"] = 1.0
                    if guess == snippet.label:
                        counts[f"s{k}:tp:{guess}"] = 1.0
            per_doc.append(counts)
            if guess != snippet.label:
                kind = (
                    f"missed {snippet.label}"
                    if guess == eval_maps()["case2021"]["none_label"]
                    else (f"wrong type {snippet.label}->{guess}")
                )
                result.errors.append(
                    ErrorCase(kind, snippet.id, snippet.text[:120], snippet.label, guess)
                )
        result.metrics = [
            metric(
                f"weighted_f1_subtask{k}",
                per_doc,
                weighted_f1(f"s{k}:", labels),
                reference=REFERENCES[k],
                n=int(sum(c.get(f"s{k}:n", 0.0) for c in per_doc)),
            )
            for k in (1, 2, 3)
        ]
        result.metrics.append(
            metric("accuracy", per_doc, ratio_of("correct", "items"), denominator="items")
        )
        none = sum(g == eval_maps()["case2021"]["none_label"] for g in guesses)
        result.notes = [
            "subtask k = snippets with first_subtask <= k; subtask 1 (25 ACLED sub-event types) is primary",
            f"{none} of {len(gold)} snippets got no event (label NONE, counted wrong)",
            "labels come from dateline's ACLED sub-event type (else PLOVER type/mode) via eval_maps.toml",
            "test only, no tuning: CASE 2021 Task 2 has no train or dev split",
        ]
        return result
