"""Merging across articles, scored on the project's own gold set (data/merge/).

Protocol (data/merge/README.md): the pipeline runs over a split's articles; their documents
are ingested into a temporary SQLite store, which merges their events with the default
``[store.merge]`` settings. Each extracted event whose trigger lies inside a gold anchor is
a report of that anchor's incident; events outside every anchor (background, other events)
are left out. Over those labelled events:

* **pairwise** precision and recall: of the pairs of events the store merged, how many
  report the same incident; of the pairs that report the same incident, how many it merged;
* **B-cubed** precision and recall (Bagga and Baldwin), averaged over events;
* **coverage**: the share of gold (article, incident) reports with at least one labelled
  event, the event layer's part of the job: merging can only join what was extracted.

The set is in this repository, not under ``--data``: the scorer reads it wherever it runs
from a checkout.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .base import SPLITS, EvalInput, Scorer, read_records
from .metrics import Counts, ErrorCase, ScoreResult, metric, ratio_of

GOLD = Path(__file__).resolve().parents[3] / "data" / "merge" / "articles.jsonl"


@dataclass(frozen=True)
class Report:
    """One article of the gold set and the incidents it reports, each with its anchors."""

    id: str
    text: str
    published: str | None
    incidents: tuple[tuple[str, str], ...]  # (incident, anchor text)


def label_events(doc: Mapping[str, Any], report: Report) -> dict[str, str]:
    """Event id -> incident, for the events whose trigger lies inside an anchor."""
    text = str(doc.get("text") or "")
    anchors = []
    for incident, anchor in report.incidents:
        start = text.find(anchor)
        if start >= 0:
            anchors.append((start, start + len(anchor), incident))
    labels: dict[str, str] = {}
    for event in doc.get("events") or []:
        trigger = event.get("trigger") or {}
        if trigger.get("caption") is not None:
            continue
        for start, end, incident in anchors:
            if start <= int(trigger.get("start", -1)) < end:
                labels[str(event["id"])] = incident
                break
    return labels


def merge_documents(docs: Mapping[str, Mapping[str, Any]]) -> dict[tuple[str, str], str]:
    """(document id, event id) -> merged event key, from a temporary store."""
    from ..store.base import Store

    found: dict[tuple[str, str], str] = {}
    with (
        tempfile.TemporaryDirectory(prefix="dateline-merge-") as tmp,
        Store(Path(tmp) / "merge.db") as store,
    ):
        batch = [
            (hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), dict(doc))
            for doc_id, doc in sorted(docs.items())
            if doc
        ]
        store.write(batch)
        for record in store.events():
            for source in record["sources"]:
                found[(str(source["document"]), str(source["event"]))] = str(record["key"])
    return found


class MergeScorer(Scorer):
    """The project's merging gold set: reports of the same incidents by several outlets."""

    name = "merge"
    filename = "articles.jsonl"
    description = "Merging across articles (data/merge/): pairwise and B-cubed P/R"

    def find(self, data_dir: Path) -> Path | None:
        return GOLD if GOLD.is_file() else None

    def load(self, path: Path, split: str) -> list[Report]:
        if split not in SPLITS:
            raise ValueError(f"unknown split {split!r}")
        return [
            Report(
                id=str(r["id"]),
                text=str(r["text"]),
                published=r.get("published"),
                incidents=tuple((str(i["incident"]), str(i["anchor"])) for i in r["incidents"]),
            )
            for r in read_records(path)
            if r["split"] == split
        ]

    def inputs(self, gold: list[Any]) -> list[EvalInput]:
        return [EvalInput(id=r.id, text=r.text, published=r.published, clean=True) for r in gold]

    def score(
        self, gold: list[Any], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold))
        labels: dict[tuple[str, str], str] = {}
        covered: set[tuple[str, str]] = set()
        wanted = 0
        for report in gold:
            doc = predicted.get(report.id) or {}
            found = label_events(doc, report) if doc else {}
            for event_id, incident in found.items():
                labels[(report.id, event_id)] = incident
                covered.add((report.id, incident))
            for incident, anchor in report.incidents:
                wanted += 1
                if (report.id, incident) not in covered:
                    result.errors.append(
                        ErrorCase("report not extracted", report.id, anchor[:120], incident, None)
                    )
        merged = merge_documents({r.id: predicted.get(r.id) or {} for r in gold}) if labels else {}
        per_doc = _counts(gold, labels, merged, covered)
        result.metrics = [
            metric("pairwise_precision", per_doc, ratio_of("tp", "pred"), denominator="pred"),
            metric("pairwise_recall", per_doc, ratio_of("tp", "gold"), denominator="gold"),
            metric("pairwise_f1", per_doc, _f1, denominator="items"),
            metric("bcubed_precision", per_doc, ratio_of("b3p", "items"), denominator="items"),
            metric("bcubed_recall", per_doc, ratio_of("b3r", "items"), denominator="items"),
            metric("coverage", per_doc, ratio_of("covered", "reports"), denominator="reports"),
        ]
        clusters: dict[str, set[str]] = defaultdict(set)
        for item, key in merged.items():
            if item in labels:
                clusters[key].add(labels[item])
        for key, incidents in sorted(clusters.items()):
            if len(incidents) > 1:
                result.errors.append(
                    ErrorCase("incidents merged", key, None, ", ".join(sorted(incidents)), key)
                )
        result.notes = [
            f"{len(labels)} extracted events fall inside a gold anchor ({wanted} gold reports "
            f"of {len({i for r in gold for i, _ in r.incidents})} incidents)",
            "merged in a temporary SQLite store with the default store.merge settings",
            "tune on dev only; the set is ours (data/merge/README.md)",
        ]
        return result


def _f1(c: Mapping[str, float]) -> float:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _counts(
    gold: list[Report],
    labels: Mapping[tuple[str, str], str],
    merged: Mapping[tuple[str, str], str],
    covered: set[tuple[str, str]],
) -> list[Counts]:
    """Per-document counts whose sums give the metrics (so the bootstrap can resample)."""
    # An event the store did not return (it cannot happen, but be safe) is its own cluster.
    cluster = {item: merged.get(item, f"alone:{item}") for item in labels}
    by_cluster: dict[str, set[tuple[str, str]]] = defaultdict(set)
    by_incident: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for item, incident in labels.items():
        by_cluster[cluster[item]].add(item)
        by_incident[incident].add(item)
    per_doc: list[Counts] = []
    for report in gold:
        counts: Counts = {
            "reports": float(len(report.incidents)),
            "covered": float(sum((report.id, i) in covered for i, _ in report.incidents)),
        }
        for item, incident in labels.items():
            if item[0] != report.id:
                continue
            same_cluster = by_cluster[cluster[item]]
            same_incident = by_incident[incident]
            both = len(same_cluster & same_incident)
            # Pairs counted from each end: sums are twice the pair counts, ratios the same.
            counts["tp"] = counts.get("tp", 0.0) + both - 1
            counts["pred"] = counts.get("pred", 0.0) + len(same_cluster) - 1
            counts["gold"] = counts.get("gold", 0.0) + len(same_incident) - 1
            counts["b3p"] = counts.get("b3p", 0.0) + both / len(same_cluster)
            counts["b3r"] = counts.get("b3r", 0.0) + both / len(same_incident)
            counts["items"] = counts.get("items", 0.0) + 1
        per_doc.append(counts)
    return per_doc
