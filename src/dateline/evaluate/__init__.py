"""Evaluation: gold corpora, scorers, the runner and the scorecard.

``run_eval`` scores a pipeline on the corpora found under a data folder; ``render`` and
``to_json`` write the results. Corpus files are read from the folder given, never bundled.
"""

from __future__ import annotations

from .base import SPLITS, EvalInput, Scorer
from .metrics import ErrorCase, Metric, ScoreResult
from .report import error_summary, render, render_errors, scorecard, to_json
from .runner import SCORERS, run_eval, scorer_names

__all__ = [
    "SCORERS",
    "SPLITS",
    "ErrorCase",
    "EvalInput",
    "Metric",
    "ScoreResult",
    "Scorer",
    "error_summary",
    "render",
    "render_errors",
    "run_eval",
    "scorecard",
    "scorer_names",
    "to_json",
]
