"""What a scorer is: it reads one gold corpus, says what to feed dateline, and scores the output.

The runner (``runner.py``) finds the corpus file under the data folder given on the command
line, runs the pipeline over ``inputs()`` and hands the contract dicts to ``score()``.
Scorers never import the pipeline: they can be tested on hand-made predictions.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from .metrics import ScoreResult

SPLITS = ("dev", "test")


@dataclass(frozen=True)
class EvalInput:
    """One text to run through dateline for a scorer."""

    id: str
    text: str
    published: str | None = None
    clean: bool = False  # gold offsets index the given text, so no boilerplate removal


class Scorer(ABC):
    """One gold corpus and its scoring protocol."""

    name: ClassVar[str]  # short name used by --only, e.g. "te3"
    filename: ClassVar[str]  # file under <data>/eval/ (or <data>/), e.g. "timex_te3.jsonl"
    description: ClassVar[str] = ""

    def find(self, data_dir: Path) -> Path | None:
        """The corpus file under ``data_dir`` (the shared folder or its eval/ folder)."""
        for candidate in (data_dir / "eval" / self.filename, data_dir / self.filename):
            if candidate.is_file():
                return candidate
        return None

    @abstractmethod
    def load(self, path: Path, split: str) -> list[Any]:
        """The gold records of ``split`` ("dev" or "test"), in file order."""

    @abstractmethod
    def inputs(self, gold: list[Any]) -> list[EvalInput]:
        """The texts to run through dateline, one per gold document."""

    @abstractmethod
    def score(
        self, gold: list[Any], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        """Score dateline's output (contract dicts keyed by EvalInput.id) against the gold."""


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON Lines corpus, one per non-blank line, in file order."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)
