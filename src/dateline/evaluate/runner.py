"""Run the pipeline over gold corpora and score it: the library side of ``dateline evaluate``.

``SCORERS`` lists every scorer in scorecard order; ``--only`` picks some by name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from ..document import Document, InputFormat
from ..errors import ConfigError
from ..ingest.sniff import sniff_format
from .attribution import AttributionScorer
from .base import SPLITS, EvalInput, Scorer
from .case2021 import Case2021Scorer
from .coreference import CoreferenceScorer
from .geo import geo_scorers
from .merge import MergeScorer
from .metrics import ScoreResult
from .muc4 import MUC4Scorer
from .petrarch import PetrarchScorer
from .plover import PloverScorer
from .seed import SeedScorer
from .te3 import TE3Scorer
from .wikievents import WikiEventsScorer

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (scorer name, documents done, documents in all)


class SupportsPipe(Protocol):
    def pipe(self, docs: Iterator[Document]) -> Iterator[Document]: ...


SCORERS: list[Scorer] = [
    TE3Scorer(),
    *geo_scorers(),
    SeedScorer(),
    AttributionScorer(),
    MUC4Scorer(),
    WikiEventsScorer(),
    CoreferenceScorer(),
    PetrarchScorer(),
    PloverScorer(),
    Case2021Scorer(),
    MergeScorer(),
]


def scorer_names() -> list[str]:
    """The names ``--only`` accepts, in scorecard order."""
    return [s.name for s in SCORERS]


def select(only: list[str] | None) -> tuple[list[Scorer], list[str]]:
    """The scorers named in ``only`` (all when None), in scorecard order, and notes.

    Raises ConfigError naming the known corpora when a name is unknown.
    """
    if not only:
        return list(SCORERS), []
    known = scorer_names()
    unknown = [name for name in only if name not in known]
    if unknown:
        raise ConfigError(
            f"unknown corpus name(s): {', '.join(unknown)}; known: {', '.join(known)}"
        )
    return [s for s in SCORERS if s.name in only], []


def predict(
    pipeline: SupportsPipe,
    inputs: list[EvalInput],
    *,
    source: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, dict[str, Any]]:
    """Contract dicts keyed by input id; a document that failed gives an empty prediction."""

    def documents() -> Iterator[Document]:
        for item in inputs:
            # Uncleaned text is used exactly as given, so it is never read as HTML.
            html = item.clean and sniff_format(item.text) == "html"
            fmt: InputFormat = "html" if html else "text"
            yield Document.from_input(
                item.text,
                id=item.id,
                source=source,
                input_format=fmt,
                clean=item.clean,
                published=item.published,
            )

    predicted: dict[str, dict[str, Any]] = {}
    for done, doc in enumerate(pipeline.pipe(documents()), start=1):
        predicted[doc.id] = {} if doc.failed else doc.to_dict()
        if progress is not None:
            progress(done)
    for item in inputs:
        predicted.setdefault(item.id, {})
    return predicted


def run_eval(
    data_dir: Path,
    *,
    only: list[str] | None,
    split: str,
    pipeline: SupportsPipe,
    progress: Progress | None = None,
    limit: int | None = None,
) -> tuple[list[ScoreResult], list[str]]:
    """Score ``pipeline`` on every corpus found under ``data_dir``: results and skip notes."""
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    scorers, notes = select(only)
    results: list[ScoreResult] = []
    for scorer in scorers:
        path = scorer.find(data_dir)
        if path is None:
            notes.append(f"skipped {scorer.name}: {scorer.filename} not found under {data_dir}")
            continue
        try:
            gold = scorer.load(path, split)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            # A damaged corpus file is skipped with its reason; the other corpora are scored.
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            notes.append(
                f"skipped {scorer.name}: {path} is not in the expected format ({reason}); "
                "restore the file from its source"
            )
            continue
        if limit is not None:
            gold = gold[:limit]
        inputs = scorer.inputs(gold)
        log.info("scoring %s on %d documents of %s", scorer.name, len(inputs), path)

        def step(done: int, name: str = scorer.name, n: int = len(inputs)) -> None:
            if progress is not None:
                progress(name, done, n)

        predicted = predict(pipeline, inputs, source=str(path), progress=step)
        result = scorer.score(gold, predicted, split)
        if limit is not None:
            result.notes.append(f"limited to the first {limit} documents of the split")
        results.append(result)
    return results, notes
