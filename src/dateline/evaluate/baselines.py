"""Measure the reference baselines shown beside dateline's figures, and keep them as data.

For entity mentions and coreference (scorer ``coref``) the baseline is spaCy alone: its
named entities grouped by name (stage ``dateline.entities.v1``, no dictionary, no composed
actors, no coreference), run over the same texts. Figures go to
``resources/eval_baselines.toml``, which the scorer reads for its ``reference`` column::

    python -m dateline.evaluate.baselines --data ../shared

Deterministic: the same model and scorer give the same file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..api import make_pipeline
from ..config import load_config
from .base import SPLITS
from .runner import run_eval

# The pipeline of spaCy alone: its entities, grouped by name.
SPACY_ALONE = {
    "pipeline": {
        "stages": [
            "dateline.clean.v1",
            "dateline.language.v1",
            "dateline.parse.v1",
            "dateline.entities.v1",
        ]
    },
    "parse": {"components": []},
}
CORPORA = ("coref",)
HEADER = """# Figures of reference baselines, measured by a committed script and shown beside dateline's
# own in `dateline eval` (the "reference" column). Regenerate after changing the model or the
# scorer: python -m dateline.evaluate.baselines --data ../shared
# [corpus.split] metric = value. coref: spaCy's entities grouped by name (dateline.entities.v1).
"""


def measure(data_dir: Path) -> str:
    """The TOML text of every baseline figure, measured on ``data_dir``."""
    pipeline = make_pipeline(load_config(overrides=SPACY_ALONE))
    lines = [HEADER]
    for split in SPLITS:
        results, _notes = run_eval(data_dir, only=list(CORPORA), split=split, pipeline=pipeline)
        for result in results:
            lines.append(f"\n[{result.corpus}.{split}]")
            for m in result.metrics:
                if m.value is not None:
                    lines.append(f"{m.name} = {m.value:.4f}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding eval/")
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).parent.parent / "resources" / "eval_baselines.toml",
    )
    args = parser.parse_args(argv)
    args.output.write_text(measure(args.data), encoding="utf-8")
    sys.stderr.write(f"wrote {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
