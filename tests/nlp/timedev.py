"""The time layer's development set (fixtures/times/dev_expressions.txt): read it, score it.

``python -m tests.nlp.timedev [--errors]`` prints precision and recall, TE3-style (relaxed:
overlap; strict: identical extent; value: overlap and the same TIMEX3 value) and, with
``--errors``, every expression missed, spurious or read wrong. tests/nlp/test_times_dev.py
holds the floors the layer must keep.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluate.te3 import score_document

DEV_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "times"
# Part 1 was written first and worked on; part 2 was written after the first round of work
# and scored once before any change aimed at it.
DEV_SETS = (
    DEV_DIR / "dev_expressions.txt",
    DEV_DIR / "dev_expressions_2.txt",
    DEV_DIR / "dev_expressions_3.txt",
    DEV_DIR / "dev_expressions_4.txt",
    DEV_DIR / "dev_expressions_5.txt",
    DEV_DIR / "dev_expressions_6.txt",
    DEV_DIR / "dev_expressions_7.txt",
    DEV_DIR / "dev_expressions_8.txt",
    DEV_DIR / "dev_expressions_9.txt",
    DEV_DIR / "dev_expressions_10.txt",
    DEV_DIR / "dev_expressions_11.txt",
    DEV_DIR / "dev_expressions_12.txt",
    DEV_DIR / "dev_expressions_13.txt",
    DEV_DIR / "dev_expressions_14.txt",
)
_MARK = re.compile(r"\{([^{}|]+)\|(DATE|TIME|DURATION|SET)\|([^{}|]+)\}")


@dataclass
class Item:
    """One line of the set: its plain text, document date and gold expressions."""

    line: int
    text: str
    dct: str | None
    gold: list[dict[str, Any]] = field(default_factory=list)


def load(path: Path) -> list[Item]:
    """The items of the set; a malformed line raises ValueError naming it."""
    items: list[Item] = []
    dct: str | None = None
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@dct "):
            value = line.split(None, 1)[1]
            dct = None if value == "none" else value
            continue
        text, gold, pos = [], [], 0
        for m in _MARK.finditer(line):
            text.append(line[pos : m.start()])
            start = sum(map(len, text))
            text.append(m[1])
            gold.append(
                {
                    "start": start,
                    "end": start + len(m[1]),
                    "text": m[1],
                    "type": m[2],
                    "value": m[3],
                }
            )
            pos = m.end()
        text.append(line[pos:])
        plain = "".join(text)
        if any(c in plain for c in "{}|"):
            raise ValueError(f"{path}:{n}: a mark is malformed: {line!r}")
        items.append(Item(n, plain, dct, gold))
    return items


def predict(items: list[Item], pipeline: Any) -> list[list[dict[str, Any]]]:
    """The time records the pipeline reads in each item, flattened to spans."""
    import dateline

    out = []
    for item in items:
        doc = dateline.extract(item.text, published=item.dct, clean=False, pipeline=pipeline)
        out.append(
            [
                {
                    "start": t.evidence[0].start,
                    "end": t.evidence[0].end,
                    "text": t.evidence[0].text,
                    "type": t.type,
                    "value": t.value,
                }
                for t in doc.times
            ]
        )
    return out


def score(
    items: list[Item], predicted: list[list[dict[str, Any]]]
) -> tuple[dict[str, float], list[Any]]:
    """Precision and recall (relaxed, strict, value) over the whole set, and the error cases."""
    total: Counter[str] = Counter()
    errors = []
    for item, pred in zip(items, predicted, strict=True):
        counts, errs = score_document(f"line {item.line}", item.gold, pred)
        total.update(counts)
        errors += errs
    gold, found = total["gold"] or 1.0, total["pred"] or 1.0
    figures = {
        "gold": total["gold"],
        "predicted": total["pred"],
        "relaxed_p": total["matched"] / found,
        "relaxed_r": total["matched"] / gold,
        "strict_p": total["strict"] / found,
        "strict_r": total["strict"] / gold,
        "value_p": total["value"] / found,
        "value_r": total["value"] / gold,
    }
    for kind in ("relaxed", "strict", "value"):
        p, r = figures[f"{kind}_p"], figures[f"{kind}_r"]
        figures[f"{kind}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return figures, errors


def pipeline() -> Any:
    """A pipeline that parses and reads times only (the other layers play no part here)."""
    from dateline.config import load_config
    from dateline.pipeline import Pipeline

    stages = ["dateline.clean.v1", "dateline.language.v1", "dateline.parse.v1", "dateline.times.v1"]
    overrides = {"pipeline": {"stages": stages}, "parse": {"components": ["dateline_times"]}}
    return Pipeline(load_config(overrides=overrides))


def report(title: str, items: list[Item], nlp: Any, *, show_errors: bool) -> None:
    """Print one set's figures and error counts (and each error with ``show_errors``)."""
    figures, errors = score(items, predict(items, nlp))
    print(title)
    for name, value in figures.items():
        print(f"  {name:10} {value:.3f}" if value <= 1 else f"  {name:10} {value:.0f}")
    kinds = Counter(e.kind for e in errors)
    print("  errors:", ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    if show_errors:
        for e in sorted(errors, key=lambda e: (e.kind, e.doc_id)):
            print(f"  {e.kind:16} {e.doc_id:9} {e.span!r:36} expected {e.expected!r} got {e.got!r}")


def main(argv: list[str]) -> int:
    nlp = pipeline()
    for path in DEV_SETS:
        report(path.name, load(path), nlp, show_errors="--errors" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
