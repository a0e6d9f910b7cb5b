"""PLOVER gold sentences (English GSR): sentence-level event type, actor and recipient.

Protocol (shared/eval/plover.md):

* Only ``dataset == "plover_gsr_cameo"`` (322 English sentences) is scored; the Spanish and
  Arabic records are not English and are skipped with a note.
* Per sentence, the set of predicted PLOVER types is compared with the set of gold
  ``plover_current`` types: exact-set accuracy, micro F1, and macro F1 over the 16 types
  (a type is left out of the macro mean when a resample has neither gold nor predictions).
* On a matched type, the predicted actor1/assoc_actor1 (recipient: actor2/assoc_actor2)
  agrees when one of its evidence spans overlaps a gold ``SRC`` (recipient: ``TAR``) span,
  ``SRC/TAR`` counting for both; where the gold has no spans for that role, when a gold actor
  text and a predicted role string contain one another (case-insensitive).
* The records have no splits: a reference set, report-only, the same under any split.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .base import SPLITS, EvalInput, Scorer, read_records
from .mappings import eval_maps, roles, scored_events, spans_of, strings_of
from .metrics import (
    Counts,
    ErrorCase,
    ScoreResult,
    f1,
    f1_of,
    metric,
    precision_of,
    ratio_of,
    recall_of,
    safe_div,
)

ENGLISH_GSR = "plover_gsr_cameo"
SpanKey = tuple[int, int]


@dataclass
class PloverRecord:
    id: str
    text: str
    date: str | None
    types: set[str]
    actor_spans: list[SpanKey] = field(default_factory=list)
    recipient_spans: list[SpanKey] = field(default_factory=list)
    actor_texts: list[str] = field(default_factory=list)
    recipient_texts: list[str] = field(default_factory=list)


def _agrees(role_list: list[dict[str, Any]], spans: list[SpanKey], texts: list[str]) -> bool:
    got_spans = [s for r in role_list for s in spans_of(r)]
    if spans:
        return any(a < d and c < b for a, b in got_spans for c, d in spans)
    got_texts = [s.lower() for r in role_list for s in strings_of(r)]
    return any(t.lower() in g or g in t.lower() for t in texts for g in got_texts)


def macro_f1(types: list[str]) -> Any:
    """Mean per-type F1 from counts ``tp:T``, ``pred:T``, ``gold:T``; types with neither left out."""

    def formula(c: Mapping[str, float]) -> float:
        scores = []
        for t in types:
            tp, pred, gold = c[f"tp:{t}"], c[f"pred:{t}"], c[f"gold:{t}"]
            if pred or gold:
                scores.append(f1(safe_div(tp, pred), safe_div(tp, gold)))
        return sum(scores) / len(scores) if scores else 0.0

    return formula


class PloverScorer(Scorer):
    """PLOVER English gold standard records: event-type sets, actors and recipients."""

    name = "plover"
    filename = "plover_gold.jsonl"
    description = "PLOVER English GSR (322 sentences): PLOVER type accuracy, micro/macro F1, actors"

    def __init__(self) -> None:
        self.skipped: dict[str, int] = {}  # records of other datasets seen by the last load()

    def load(self, path: Path, split: str) -> list[PloverRecord]:
        if split not in SPLITS:
            raise ValueError(f"plover is scored under dev or test, not {split!r}")
        records = []
        skipped: dict[str, int] = {}
        for record in read_records(path):
            if record.get("dataset") != ENGLISH_GSR:
                key = f"{record.get('dataset')} ({record.get('language')})"
                skipped[key] = skipped.get(key, 0) + 1
                continue
            events = record.get("events") or []
            spans = record.get("spans") or []
            records.append(
                PloverRecord(
                    id=record["id"],
                    text=record["text"],
                    date=record.get("date"),
                    types={e["plover_current"] for e in events if e.get("plover_current")},
                    actor_spans=[
                        (s["start"], s["end"]) for s in spans if s["role"] in ("SRC", "SRC/TAR")
                    ],
                    recipient_spans=[
                        (s["start"], s["end"]) for s in spans if s["role"] in ("TAR", "SRC/TAR")
                    ],
                    actor_texts=[
                        a["text"] for e in events for a in e.get("actor") or [] if a.get("text")
                    ],
                    recipient_texts=[
                        a["text"] for e in events for a in e.get("recipient") or [] if a.get("text")
                    ],
                )
            )
        self.skipped = skipped
        return records

    def inputs(self, gold: list[Any]) -> list[EvalInput]:
        # The GSR dates are a placeholder (2000-01-01): not given as the publication date.
        return [EvalInput(id=r.id, text=r.text, published=None, clean=False) for r in gold]

    def score(
        self, gold: list[Any], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        types = list(eval_maps()["plover"]["types"])
        per_doc: list[Counts] = []
        errors: list[ErrorCase] = []
        for record in gold:
            counts, record_errors = self._score_record(record, predicted.get(record.id), types)
            per_doc.append(counts)
            errors.extend(record_errors)
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold), errors=errors)
        result.metrics = [
            metric(
                "type_set_accuracy", per_doc, ratio_of("exact", "records"), denominator="records"
            ),
            metric("micro_f1", per_doc, f1_of("tp", "pred", "gold")),
            metric("micro_precision", per_doc, precision_of("tp", "pred")),
            metric("micro_recall", per_doc, recall_of("tp", "gold")),
            metric("macro_f1", per_doc, macro_f1(types)),
            metric(
                "actor_agreement",
                per_doc,
                ratio_of("actor_ok", "actor_n"),
                n=_n(per_doc, "actor_n"),
                denominator="actor_n",
            ),
            metric(
                "recipient_agreement",
                per_doc,
                ratio_of("recip_ok", "recip_n"),
                n=_n(per_doc, "recip_n"),
                denominator="recip_n",
            ),
        ]
        skipped = ", ".join(f"{k}: {v}" for k, v in sorted(self.skipped.items())) or "none seen"
        result.notes = [
            f"English GSR only ({len(gold)} sentences); not English, skipped: {skipped}",
            "gold is PLOVER 0.5b1 re-labelled to the 16 current types (plover_current)",
            "a reference set with no splits: report-only, the same under any split, never tune on it",
        ]
        return result

    @staticmethod
    def _score_record(
        record: PloverRecord, prediction: Mapping[str, Any] | None, types: list[str]
    ) -> tuple[Counts, list[ErrorCase]]:
        events = [e for e in scored_events(prediction) if e.get("plover")]
        got = {str(e["plover"]) for e in events}
        want = record.types
        counts: Counts = {
            "records": 1.0,
            "exact": float(got == want),
            "tp": float(len(got & want)),
            "pred": float(len(got)),
            "gold": float(len(want)),
            "actor_ok": 0.0,
            "actor_n": 0.0,
            "recip_ok": 0.0,
            "recip_n": 0.0,
        }
        for t in types:
            counts[f"tp:{t}"] = float(t in got and t in want)
            counts[f"pred:{t}"] = float(t in got)
            counts[f"gold:{t}"] = float(t in want)
        errors: list[ErrorCase] = []
        for t in sorted(got & want):
            event = next(e for e in events if e["plover"] == t)
            trigger = (event.get("trigger") or {}).get("text")
            if record.actor_spans or record.actor_texts:
                ok = _agrees(roles(event, "1"), record.actor_spans, record.actor_texts)
                counts["actor_n"] += 1
                counts["actor_ok"] += ok
                if not ok:
                    got_actor = (event.get("actor1") or {}).get("name")
                    errors.append(
                        ErrorCase(
                            "wrong actor",
                            record.id,
                            trigger,
                            "; ".join(record.actor_texts),
                            got_actor,
                        )
                    )
            if record.recipient_spans or record.recipient_texts:
                ok = _agrees(roles(event, "2"), record.recipient_spans, record.recipient_texts)
                counts["recip_n"] += 1
                counts["recip_ok"] += ok
                if not ok:
                    got_recip = (event.get("actor2") or {}).get("name")
                    errors.append(
                        ErrorCase(
                            "wrong recipient",
                            record.id,
                            trigger,
                            "; ".join(record.recipient_texts),
                            got_recip,
                        )
                    )
        missed, spurious = sorted(want - got), sorted(got - want)
        for g, p in zip(missed, spurious, strict=False):
            errors.append(ErrorCase(f"wrong type {g}->{p}", record.id, record.text[:120], g, p))
        for g in missed[len(spurious) :]:
            errors.append(ErrorCase(f"missed {g}", record.id, record.text[:120], g, None))
        for p in spurious[len(missed) :]:
            errors.append(ErrorCase(f"spurious {p}", record.id, record.text[:120], None, p))
        return counts, errors


def _n(per_doc: list[Counts], key: str) -> int:
    return int(sum(c.get(key, 0.0) for c in per_doc))
