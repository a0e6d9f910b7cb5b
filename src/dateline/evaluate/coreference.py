"""WikiEvents entity mentions and coreference: who is who, against gold clusters.

Gold: the entity mentions of WikiEvents dev/test (names, descriptions, pronouns; usually
the head word: "general", "Defense Ministry") with their coreference clusters, restricted
to the actor types of ``[coreference] gold_types`` (persons, organisations, countries and
cities). Predicted: every mention of every entity whose label maps to one of those types
(``[coreference.labels]``), each entity one cluster.

* Mentions: a predicted mention matches a gold mention it overlaps, one to one (exact
  spans preferred, then the largest overlap). Precision counts predicted mentions that
  overlap no gold mention of any type; those overlapping only a gold mention of another type
  (a weapon, a facility) are left out of both sides. ``typed`` also needs the type.
* Coreference: MUC, B-cubed and CEAF-e F1 over the scored gold mentions and the predicted
  ones, a predicted mention standing for the gold mention it matched; CoNLL F1 is their
  mean. Counts are summed over documents (micro), so the bootstrap resamples documents.

The spaCy-alone figures beside them (``reference``) are measured by
``python -m dateline.evaluate.baselines`` with spaCy's entities grouped by name
(``dateline.entities.v1``) and kept in ``resources/eval_baselines.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .base import SPLITS, EvalInput, Scorer, read_records
from .mappings import eval_maps
from .metrics import Counts, ErrorCase, ScoreResult, best_assignment, f1, metric, safe_div

SpanKey = tuple[int, int]


@dataclass
class GoldMention:
    start: int
    end: int
    type: str
    cluster: str
    text: str


@dataclass
class EntityDoc:
    id: str
    text: str
    mentions: list[GoldMention]  # every gold entity mention, any type


@cache
def baselines() -> dict[str, Any]:
    """The spaCy-alone figures per corpus and split (``resources/eval_baselines.toml``)."""
    path = resources.files("dateline.resources").joinpath("eval_baselines.toml")
    return tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}


def _overlap(a: SpanKey, b: SpanKey) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def align(pred: Sequence[SpanKey], gold: Sequence[SpanKey]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping predicted and gold spans, exact spans first."""
    weights = []
    for p in pred:
        row = []
        for g in gold:
            shared = _overlap(p, g)
            row.append(0.0 if shared <= 0 else (1000.0 if p == g else 1.0 + shared / 1000.0))
        weights.append(row)
    return best_assignment(weights)


def muc(key: Sequence[set[str]], response: Sequence[set[str]]) -> tuple[float, float]:
    """MUC numerator and denominator of recall of ``key`` against ``response``."""
    where = {m: n for n, cluster in enumerate(response) for m in cluster}
    num = den = 0.0
    for cluster in key:
        parts = {where.get(m, f"alone:{m}") for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def b_cubed(key: Sequence[set[str]], response: Sequence[set[str]]) -> tuple[float, float]:
    """B-cubed recall numerator (summed per key mention) and the number of key mentions."""
    where = {m: cluster for cluster in response for m in cluster}
    num = 0.0
    count = 0.0
    for cluster in key:
        for m in cluster:
            count += 1
            if m in where:
                num += len(cluster & where[m]) / len(cluster)
    return num, count


def ceaf_e(key: Sequence[set[str]], response: Sequence[set[str]]) -> float:
    """The summed entity similarity of the best one-to-one alignment of clusters."""
    weights = [[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key]
    return sum(weights[i][j] for i, j in best_assignment(weights))


class CoreferenceScorer(Scorer):
    """WikiEvents dev/test: entity-mention recognition and coreference (MUC, B3, CEAF-e)."""

    name = "coref"
    filename = "events_wikievents.jsonl"
    description = (
        "WikiEvents entity mentions and coreference clusters (persons, organisations, places)"
    )

    def load(self, path: Path, split: str) -> list[EntityDoc]:
        if split not in SPLITS:
            raise ValueError(f"coref has dev and test splits only, not {split!r}")
        docs = []
        for record in read_records(path):
            if record.get("split") != split:
                continue
            mentions = [
                GoldMention(
                    int(e["start"]),
                    int(e["end"]),
                    str(e["type"]),
                    str(e["cluster"]),
                    str(e["text"]),
                )
                for e in record.get("entities") or []
            ]
            docs.append(EntityDoc(record["id"], record["text"], mentions))
        return docs

    def inputs(self, gold: list[Any]) -> list[EvalInput]:
        return [EvalInput(id=doc.id, text=doc.text, published=None, clean=False) for doc in gold]

    def score(
        self, gold: list[Any], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        per_doc: list[Counts] = []
        errors: list[ErrorCase] = []
        for doc in gold:
            counts, doc_errors = self._score_doc(doc, predicted.get(doc.id) or {})
            per_doc.append(counts)
            errors.extend(doc_errors)
        base = baselines().get("coref", {}).get(split, {})

        def ref(name: str) -> str | None:
            return f"spaCy alone {base[name]:.3f}" if name in base else None

        def pr(tp: str, pred: str, gold_key: str) -> Any:
            return lambda c: f1(safe_div(c[tp], c[pred]), safe_div(c[tp], c[gold_key]))

        def conll(c: Mapping[str, float]) -> float:
            m = f1(
                safe_div(c["muc_p_num"], c["muc_p_den"]), safe_div(c["muc_r_num"], c["muc_r_den"])
            )
            b = f1(safe_div(c["b3_p_num"], c["b3_p_den"]), safe_div(c["b3_r_num"], c["b3_r_den"]))
            e = f1(safe_div(c["ceaf"], c["ceaf_resp"]), safe_div(c["ceaf"], c["ceaf_key"]))
            return (m + b + e) / 3

        formulas: list[tuple[str, Any]] = [
            ("mention_f1", pr("tp", "pred", "gold")),
            ("mention_precision", lambda c: safe_div(c["tp"], c["pred"])),
            ("mention_recall", lambda c: safe_div(c["tp"], c["gold"])),
            ("mention_typed_f1", pr("tp_typed", "pred", "gold")),
            (
                "muc_f1",
                lambda c: f1(
                    safe_div(c["muc_p_num"], c["muc_p_den"]),
                    safe_div(c["muc_r_num"], c["muc_r_den"]),
                ),
            ),
            (
                "b3_f1",
                lambda c: f1(
                    safe_div(c["b3_p_num"], c["b3_p_den"]), safe_div(c["b3_r_num"], c["b3_r_den"])
                ),
            ),
            (
                "ceafe_f1",
                lambda c: f1(
                    safe_div(c["ceaf"], c["ceaf_resp"]), safe_div(c["ceaf"], c["ceaf_key"])
                ),
            ),
            ("conll_f1", conll),
        ]
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold), errors=errors)
        result.metrics = [
            metric(name, per_doc, formula, reference=ref(name)) for name, formula in formulas
        ]
        types = ", ".join(eval_maps()["coreference"]["gold_types"])
        result.notes = [
            f"gold mentions of types {types}; predicted entities' mentions by label "
            "(PERSON->PER, ORG->ORG, GPE/NORP->GPE); mentions match one to one by overlap",
            "coreference on predicted mentions (no gold mentions given): MUC, B3, CEAF-e; "
            "CoNLL F1 = their mean",
            "reference: spaCy's entities grouped by name, measured by python -m dateline.evaluate.baselines",
        ]
        if split == "test":
            result.notes.append("test split: report only, never tune on it")
        return result

    @staticmethod
    def _score_doc(doc: EntityDoc, prediction: Mapping[str, Any]) -> tuple[Counts, list[ErrorCase]]:
        maps = eval_maps()["coreference"]
        scored = set(maps["gold_types"])
        labels: Mapping[str, str] = maps["labels"]
        gold = [g for g in doc.mentions if g.type in scored]
        others = [(g.start, g.end) for g in doc.mentions if g.type not in scored]
        pred: list[tuple[SpanKey, str, int, str]] = []  # span, type, entity index, text
        for n, entity in enumerate(prediction.get("entities") or []):
            kind = labels.get(str(entity.get("label")))
            if kind is None:
                continue
            for m in entity.get("mentions") or []:
                if m.get("caption") is None:
                    pred.append(((int(m["start"]), int(m["end"])), kind, n, str(m.get("text"))))
        gold_spans = [(g.start, g.end) for g in gold]
        pairs = align([p[0] for p in pred], gold_spans)
        matched_pred = {i for i, _ in pairs}
        # Predicted mentions on another type's gold mention only are not counted.
        kept = [
            i
            for i in range(len(pred))
            if i in matched_pred or not any(_overlap(pred[i][0], o) > 0 for o in others)
        ]
        gold_of = dict(pairs)
        counts: Counts = {
            "tp": float(len(pairs)),
            "tp_typed": float(sum(1 for i, j in pairs if pred[i][1] == gold[j].type)),
            "pred": float(len(kept)),
            "gold": float(len(gold)),
        }
        key_clusters: dict[str, set[str]] = {}
        for j, g in enumerate(gold):
            key_clusters.setdefault(g.cluster, set()).add(f"g{j}")
        resp_clusters: dict[int, set[str]] = {}
        for i in kept:
            ident = f"g{gold_of[i]}" if i in gold_of else f"p{i}"
            resp_clusters.setdefault(pred[i][2], set()).add(ident)
        key = list(key_clusters.values())
        response = list(resp_clusters.values())
        counts["muc_r_num"], counts["muc_r_den"] = muc(key, response)
        counts["muc_p_num"], counts["muc_p_den"] = muc(response, key)
        counts["b3_r_num"], counts["b3_r_den"] = b_cubed(key, response)
        counts["b3_p_num"], counts["b3_p_den"] = b_cubed(response, key)
        counts["ceaf"] = ceaf_e(key, response)
        counts["ceaf_key"] = float(len(key))
        counts["ceaf_resp"] = float(len(response))
        errors = []
        matched_gold = set(gold_of.values())
        for j, g in enumerate(gold):
            if j not in matched_gold:
                errors.append(ErrorCase(f"missed {g.type} mention", doc.id, g.text, g.type, None))
        for i in kept:
            if i not in matched_pred:
                errors.append(
                    ErrorCase(
                        f"spurious {pred[i][1]} mention", doc.id, pred[i][3], None, pred[i][1]
                    )
                )
        # Wrong links: a predicted cluster joining mentions of different gold clusters.
        for members in resp_clusters.values():
            golds = {gold[int(m[1:])].cluster for m in members if m.startswith("g")}
            if len(golds) > 1:
                texts = sorted({gold[int(m[1:])].text for m in members if m.startswith("g")})
                errors.append(
                    ErrorCase(
                        "wrong link",
                        doc.id,
                        " | ".join(texts[:4]),
                        f"{len(golds)} gold entities",
                        "one",
                    )
                )
        return counts, errors
