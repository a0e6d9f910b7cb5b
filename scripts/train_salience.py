"""Train the event salience model from the MUC-4 train split (never dev or test).

    .venv/bin/python scripts/train_salience.py --data ../shared \
        [--predictions /tmp/muc4_train.jsonl] [--output src/dateline/resources/events/salience.json]
        [--scope ASSAULT --scope COERCE/loot] [--cv 5]

Runs the pipeline over the 1,300 train reports of ``eval/events_muc4.jsonl`` (or reads its
outputs from ``--predictions``, written there on the first run: JSON Lines, one document
per line, in the file's order), labels each violent event by whether MUC-4's scorer pairs
it with a key template, and fits the logistic model (``dateline.coding.salience_training``).
Deterministic: the same pipeline and data give the same file.

``--cv K`` writes no model: it rescores each train report with a model trained on the
other K-1 folds (report ``i`` in fold ``i % K``) and prints MUC-4's TF and REE over them,
the measure to compare features, labels or scope on before retraining (dev alone is 200
reports, and its figures move by two points when the same model is retrained).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dateline import make_pipeline
from dateline.coding.salience_training import cross_validated, examples, model_data
from dateline.evaluate.base import EvalInput
from dateline.evaluate.muc4 import MUC4Scorer, MucDoc, gold_templates, parse_dateline
from dateline.evaluate.runner import predict

SCOPE = ("ASSAULT",)
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "src/dateline/resources/events/salience.json"


def train_records(data: Path) -> list[dict[str, Any]]:
    path = data / "eval" / "events_muc4.jsonl"
    if not path.is_file():
        sys.exit(f"{path} not found: give --data the folder that holds eval/events_muc4.jsonl")
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [r for r in records if r.get("split") == "train"]


def predictions(records: list[dict[str, Any]], cache: Path | None) -> list[dict[str, Any]]:
    """The pipeline's output for each record, from ``cache`` when it holds all of them."""
    if cache is not None and cache.is_file():
        with cache.open(encoding="utf-8") as handle:
            found = {d["id"]: d for d in map(json.loads, handle) if d}
        if all(r["id"] in found for r in records):
            return [found[r["id"]] for r in records]
    inputs = [
        EvalInput(
            id=r["id"],
            text=f"{r['dateline']}\n{r['text']}" if r.get("dateline") else r["text"],
            published=parse_dateline(r.get("dateline")),
            clean=False,
        )
        for r in records
    ]
    predicted = predict(make_pipeline(), inputs)
    outputs = [predicted[r["id"]] for r in records]
    if cache is not None:
        with cache.open("w", encoding="utf-8") as handle:
            for output in outputs:
                handle.write(json.dumps(output) + "\n")
    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding eval/")
    parser.add_argument("--predictions", type=Path, help="JSON Lines cache of pipeline outputs")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--l2", type=float, default=8.0, help="L2 penalty of the weights")
    parser.add_argument("--min-count", type=int, default=10, help="rarer features are dropped")
    parser.add_argument("--limit", type=int, help="only the first N reports (a quick check)")
    parser.add_argument(
        "--scope", action="append", help=f"PLOVER type or type/mode judged (default {SCOPE})"
    )
    parser.add_argument("--cv", type=int, help="report K-fold cross-validated TF; no model")
    args = parser.parse_args()
    scope = tuple(args.scope or SCOPE)
    records = train_records(args.data)[: args.limit]
    outputs = predictions(records, args.predictions)
    if args.cv:
        cross_validate(records, outputs, scope, args)
        return
    found = []
    for record, output in zip(records, outputs, strict=True):
        found += examples(record, output, frozenset(scope))
    data = model_data(
        found,
        scope=scope,
        l2=args.l2,
        min_count=args.min_count,
        trained_on=f"MUC-4 train split (GTT/GRIT), {len(records)} documents",
    )
    args.output.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(
        f"{args.output}: {data['examples']} events ({data['positives']} positive), "
        f"{len(data['weights'])} weights\n"
    )


def cross_validate(
    records: list[dict[str, Any]],
    outputs: list[dict[str, Any]],
    scope: tuple[str, ...],
    args: argparse.Namespace,
) -> None:
    """Print out-of-fold TF and REE on the train reports."""
    rescored = cross_validated(
        records, outputs, scope=scope, l2=args.l2, min_count=args.min_count, folds=args.cv
    )
    gold = [
        MucDoc(r["id"], "train", r["text"], r.get("dateline"), gold_templates(r)) for r in records
    ]
    result = MUC4Scorer().score(
        gold, {r["id"]: p for r, p in zip(records, rescored, strict=True)}, "train"
    )
    for m in result.metrics:
        if m.name.startswith(("tf_", "ree_")):
            sys.stdout.write(f"{m.name:24} {m.value:.3f}\n")


if __name__ == "__main__":
    main()
