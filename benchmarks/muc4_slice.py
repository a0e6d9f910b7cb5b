"""Score a slice of a MUC-4 tuning split (train or dev) with the scorecard's own MUC-4 scorer.

    .venv/bin/python benchmarks/muc4_slice.py --data ../shared --split train --start 1000 --end 1300
        [--missed FILE]

``dateline eval`` scores dev and test only; this checks that a change tuned on dev carries
over to reports it was not tuned on: a held-out slice of the train split, scored before and
after. It never reads the test split. ``--missed`` writes, for each key template no
predicted template was paired with, its document id, type and fillers, and the events the
pipeline coded in that document (for error reading on slices one does tune on).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dateline import make_pipeline
from dateline.evaluate.muc4 import (
    ROLES,
    MUC4Scorer,
    MucDoc,
    gold_templates,
    pair_templates,
    parse_dateline,
    predicted_templates,
)
from dateline.evaluate.runner import predict


def load(data: Path, split: str, start: int, end: int | None) -> list[MucDoc]:
    if split not in ("train", "dev"):
        sys.exit("only the tuning splits (train, dev) are scored here; test is the scorecard's")
    path = data / "eval" / "events_muc4.jsonl"
    if not path.is_file():
        sys.exit(f"{path} not found: give --data the folder that holds eval/events_muc4.jsonl")
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    chosen = [r for r in records if r.get("split") == split][start:end]
    return [MucDoc(r["id"], split, r["text"], r.get("dateline"), gold_templates(r)) for r in chosen]


def missed(docs: list[MucDoc], predicted: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every key template left unpaired, with the document's coded events beside it."""
    rows = []
    for doc in docs:
        preds = predicted_templates(predicted.get(doc.id))
        published = parse_dateline(doc.dateline)
        pairs = pair_templates(preds, doc.templates, int(published[:4]) if published else None)
        paired = {j for _, j in pairs}
        events = [
            {
                "type": e.get("plover"),
                "mode": e.get("mode"),
                "trigger": (e.get("trigger") or {}).get("text"),
                "salience": e.get("salience"),
            }
            for e in (predicted.get(doc.id) or {}).get("events", [])
        ]
        for j, gold in enumerate(doc.templates):
            if j in paired:
                continue
            rows.append(
                {
                    "id": doc.id,
                    "incident_type": gold.incident_type,
                    "fillers": {r: gold.labels.get(r, []) for r in ROLES if gold.labels.get(r)},
                    "events": events,
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding eval/")
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--end", type=int)
    parser.add_argument("--missed", type=Path, help="write the unpaired key templates here")
    args = parser.parse_args()
    docs = load(args.data, args.split, args.start, args.end)
    scorer = MUC4Scorer()
    predicted = predict(make_pipeline(), scorer.inputs(docs))
    result = scorer.score(docs, predicted, args.split)
    print(f"muc4 {args.split}[{args.start}:{args.end}] ({len(docs)} docs)")
    for m in result.metrics:
        print(f"  {m.name:30s} {m.value if m.value is None else round(m.value, 3)}")
    if args.missed is not None:
        with args.missed.open("w", encoding="utf-8") as handle:
            for row in missed(docs, predicted):
                handle.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
