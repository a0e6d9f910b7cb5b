"""Time each spaCy component of the parse stage apart, over the bench corpus.

    .venv/bin/python benchmarks/components.py ../shared/eval/events_muc4.jsonl --split test

``dateline bench`` times stages; dateline's own token-level layers (``dateline_times``,
``dateline_places`` ...) run inside ``dateline.parse.v1``, so their cost hides in the parse
stage's seconds. This runs the model's pipes one by one on the same texts (each text's Doc
passed from pipe to pipe, as ``Language.pipe`` does) and prints each pipe's seconds, the
median of ``--repeat`` runs, and its share of the whole: the "spaCy component" column of the
layer table in docs/baseline.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from dateline.config import default_config
from dateline.nlp.model import load_model


def read_texts(path: Path, split: str | None) -> list[str]:
    """The ``text`` of each record of ``split``; a clear exit on a file that is not one."""
    if not path.is_file():
        sys.exit(f"{path}: not found: give a JSON Lines file with a text field per line")
    texts = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if split is None or record.get("split") == split:
                    texts.append(str(record["text"]))
            except (ValueError, KeyError, AttributeError, TypeError):
                sys.exit(f"{path}: line {number} is not a JSON object with a text field")
    if not texts:
        sys.exit(f"{path}: no texts" + (f" of split {split!r}" if split else ""))
    return texts


def time_pipes(nlp: object, texts: list[str]) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each pipe over ``texts``, one text at a time."""
    spent: dict[str, float] = {"tokenizer": 0.0}
    pipes = list(nlp.pipeline)  # type: ignore[attr-defined]
    for name, _ in pipes:
        spent[name] = 0.0
    for text in texts:
        start = time.perf_counter()
        doc = nlp.make_doc(text)  # type: ignore[attr-defined]
        spent["tokenizer"] += time.perf_counter() - start
        for name, pipe in pipes:
            start = time.perf_counter()
            doc = pipe(doc)
            spent[name] += time.perf_counter() - start
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines file with a text field")
    parser.add_argument("--split", default=None, help="only records of this split")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    config = default_config()
    nlp = load_model(config.model.name, tuple(config.parse.components))
    texts = read_texts(args.corpus, args.split)
    time_pipes(nlp, texts[:5])  # warm up
    runs = [time_pipes(nlp, texts) for _ in range(args.repeat)]
    medians = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    total = sum(medians.values())
    print(f"{len(texts)} texts, median of {args.repeat} runs, {total:.2f} s in all")
    for name, seconds in medians.items():
        print(f"{name:24} {seconds:7.2f} s {seconds / total:6.1%}")


if __name__ == "__main__":
    main()
