"""Counts, F1 and bootstrap intervals shared by every scorer.

A metric is a function of counts summed over documents (true positives, gold, predicted...).
Scorers keep the counts per document, so that the bootstrap can resample documents and
recompute the metric from resampled sums: the usual 95% interval over documents.

A ratio whose denominator sums to zero over the whole set is undefined, not 0: ``metric``
with ``denominator=`` gives it the value None (shown "-", written null). Plain P/R/F1 keep
the conventional 0 when nothing is predicted or gold.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

Counts = dict[str, float]
Formula = Callable[[Mapping[str, float]], float]

BOOTSTRAP_DRAWS = 1000
BOOTSTRAP_SEED = 20170909  # fixed: the same run gives the same intervals


def safe_div(num: float, den: float) -> float:
    return num / den if den else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives and the sizes of both sides."""
    p = safe_div(tp, n_pred)
    r = safe_div(tp, n_gold)
    return p, r, f1(p, r)


def precision_of(tp: str, pred: str) -> Formula:
    return lambda c: safe_div(c[tp], c[pred])


def recall_of(tp: str, gold: str) -> Formula:
    return lambda c: safe_div(c[tp], c[gold])


def f1_of(tp: str, pred: str, gold: str, *, tp_gold: str | None = None) -> Formula:
    """Micro F1 from summed counts; ``tp_gold`` when recall counts matches on the gold side."""

    def formula(c: Mapping[str, float]) -> float:
        p = safe_div(c[tp], c[pred])
        r = safe_div(c[tp_gold or tp], c[gold])
        return f1(p, r)

    return formula


def ratio_of(num: str, den: str) -> Formula:
    return lambda c: safe_div(c[num], c[den])


@dataclass
class Metric:
    """One number on the scorecard, with its 95% bootstrap interval over documents."""

    name: str  # a snake_case identifier: it is also a JSON key tools read
    value: float | None  # None: undefined, its denominator is empty over the whole set
    low: float | None = None
    high: float | None = None
    n: int = 0  # documents (or items) it was computed on
    reference: str | None = None  # a published number to compare with, as text

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "value": _rounded(self.value),
            "low": _rounded(self.low),
            "high": _rounded(self.high),
            "n": self.n,
            "reference": self.reference,
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def total(per_doc: Sequence[Mapping[str, float]]) -> Counts:
    """Counts summed over documents."""
    summed: Counts = {}
    for counts in per_doc:
        for key, value in counts.items():
            summed[key] = summed.get(key, 0.0) + value
    return summed


class _Zero(dict[str, float]):
    def __missing__(self, key: str) -> float:
        return 0.0


def bootstrap(
    per_doc: Sequence[Mapping[str, float]],
    formula: Formula,
    *,
    draws: int = BOOTSTRAP_DRAWS,
    seed: int = BOOTSTRAP_SEED,
) -> tuple[float, float, float]:
    """The metric on all documents and its 2.5th and 97.5th bootstrap percentiles."""
    keys = sorted({key for counts in per_doc for key in counts})
    value = formula(_Zero(total(per_doc)))
    if len(per_doc) < 2 or not keys:
        return value, value, value
    matrix = np.array([[counts.get(k, 0.0) for k in keys] for counts in per_doc], dtype=float)
    rng = np.random.default_rng(seed)
    samples = rng.integers(0, len(per_doc), size=(draws, len(per_doc)))
    sums = np.stack([np.bincount(row, minlength=len(per_doc)) @ matrix for row in samples])
    values = sorted(formula(_Zero(zip(keys, row, strict=True))) for row in sums.tolist())
    low = values[int(math.floor(0.025 * (draws - 1)))]
    high = values[int(math.ceil(0.975 * (draws - 1)))]
    return value, low, high


def metric(
    name: str,
    per_doc: Sequence[Mapping[str, float]],
    formula: Formula,
    *,
    reference: str | None = None,
    n: int | None = None,
    denominator: str | None = None,
) -> Metric:
    """A Metric with its bootstrap interval.

    ``denominator`` names the count the metric is a ratio over: where it sums to zero over
    all documents the metric is undefined, and value, low and high are None.
    """
    count = len(per_doc) if n is None else n
    if denominator is not None and not total(per_doc).get(denominator, 0.0):
        return Metric(name, None, None, None, n=count, reference=reference)
    value, low, high = bootstrap(per_doc, formula)
    return Metric(name, value, low, high, n=count, reference=reference)


@dataclass
class ErrorCase:
    """One error for ``--errors``: its kind, where, what was expected and what came out."""

    kind: str
    doc_id: str
    span: str | None
    expected: str | None
    got: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "doc_id": self.doc_id,
            "span": self.span,
            "expected": self.expected,
            "got": self.got,
        }


@dataclass
class ScoreResult:
    """What one scorer reports: its metrics, notes, and error cases for analysis."""

    corpus: str
    split: str
    documents: int
    metrics: list[Metric] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[ErrorCase] = field(default_factory=list)

    def to_dict(self, *, max_errors: int = 0) -> dict[str, object]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "documents": self.documents,
            "metrics": [m.to_dict() for m in self.metrics],
            "notes": list(self.notes),
            "errors": [e.to_dict() for e in self.errors[:max_errors]],
        }


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The one-to-one pairing of rows and columns with the largest total weight.

    ``weights[i][j] <= 0`` means row i and column j may not be paired; pairs of weight 0 are
    left out of the answer. Hungarian algorithm, O(n^3): exact where greedy pairing is not.
    """
    rows = len(weights)
    cols = max((len(row) for row in weights), default=0)
    n = max(rows, cols)
    if n == 0:
        return []
    top = max((w for row in weights for w in row), default=0.0)
    # Square cost matrix: maximising weight is minimising (top - weight); padding costs top.
    cost = [
        [top - (weights[i][j] if i < rows and j < len(weights[i]) else 0.0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match = [0] * (n + 1)  # match[column] = row, 1-based, 0 = free
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = []
    for j in range(1, n + 1):
        i = match[j] - 1
        if i < rows and j - 1 < len(weights[i]) and weights[i][j - 1] > 0:
            pairs.append((i, j - 1))
    return sorted(pairs)
