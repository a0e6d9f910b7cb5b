"""Training the event salience model (``coding/salience.py``) from MUC-4 answer keys.

Used by ``scripts/train_salience.py`` only, never at run time. Each coded event of the
model's scope that MUC-4's scorer would read as a template (``evaluate.muc4``) is one
example: positive when the scorer's one-to-one alignment pairs it with a key template of
its document, negative otherwise (background incidents, generic mentions, clashes MUC does
not template, fragments of an incident told by a richer event). The fit is an L2-penalised
logistic regression solved by Newton's method in numpy: no randomness, the same examples in
the same order give the same weights.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from ..document import Document
from ..evaluate.muc4 import gold_templates, pair_templates, parse_dateline, predicted_templates
from . import salience

Example = tuple[dict[str, float], int]  # features, label


def examples(
    record: Mapping[str, Any], prediction: Mapping[str, Any], scope: frozenset[str]
) -> list[Example]:
    """The labelled examples of one MUC-4 record and the pipeline's output for it."""
    if not prediction:
        return []
    doc = Document.from_dict(dict(prediction))
    ctx = salience.document_context(doc, scope)
    preds = predicted_templates(prediction, min_salience=-1.0)
    published = parse_dateline(record.get("dateline"))
    year = int(published[:4]) if published else None
    pairs = pair_templates(preds, gold_templates(record), year)
    paired = {str((preds[i].event or {}).get("id")) for i, _ in pairs}
    in_templates = {str((t.event or {}).get("id")) for t in preds}
    by_id = {e.id: e for e in doc.events}
    found = []
    for event_id in sorted(in_templates, key=lambda i: by_id[i].trigger.start):
        event = by_id[event_id]
        if salience.in_scope(event, scope):
            found.append((salience.features(event, ctx), int(event_id in paired)))
    return found


def vocabulary(found: Iterable[Example], min_count: int) -> list[str]:
    """Feature names seen in at least ``min_count`` examples, sorted."""
    counts: Counter[str] = Counter()
    for feats, _ in found:
        counts.update(name for name, value in feats.items() if value)
    return sorted(name for name, n in counts.items() if n >= min_count)


def fit(
    found: Sequence[Example], names: Sequence[str], *, l2: float, iterations: int = 50
) -> tuple[float, dict[str, float]]:
    """Bias and weights of an L2-penalised logistic regression (the bias is not penalised)."""
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(found), len(names) + 1))
    y = np.zeros(len(found))
    for row, (feats, label) in enumerate(found):
        x[row, 0] = 1.0
        for name, value in feats.items():
            if name in index:
                x[row, index[name] + 1] = value
        y[row] = label
    penalty = np.full(len(names) + 1, l2)
    penalty[0] = 0.0
    w = np.zeros(len(names) + 1)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.max(np.abs(step))) < 1e-10:
            break
    weights = {name: round(float(w[i + 1]), 6) for i, name in enumerate(names)}
    return round(float(w[0]), 6), {k: v for k, v in weights.items() if v != 0.0}


def model_data(
    found: Sequence[Example],
    *,
    scope: Sequence[str],
    l2: float,
    min_count: int,
    trained_on: str,
) -> dict[str, Any]:
    """The JSON object of a trained model (``resources/events/salience.json``)."""
    names = vocabulary(found, min_count)
    bias, weights = fit(found, names, l2=l2)
    return {
        "format": "dateline-salience/1",
        "trained_on": trained_on,
        "examples": len(found),
        "positives": sum(label for _, label in found),
        "l2": l2,
        "min_count": min_count,
        "scope": sorted(scope),
        "bias": bias,
        "weights": weights,
    }


def rescored(prediction: Mapping[str, Any], judge: salience.SalienceModel) -> dict[str, Any]:
    """A pipeline output with the salience of its events recomputed by ``judge`` (the rest
    as it was): how a model trained without this document would have judged it."""
    if not prediction:
        return dict(prediction)
    doc = Document.from_dict(dict(prediction))
    ctx = salience.document_context(doc, judge.scope)
    found = {
        e.id: judge.probability(salience.features(e, ctx))
        for e in doc.events
        if salience.in_scope(e, judge.scope)
    }
    out = dict(prediction)
    out["events"] = [
        {**e, "salience": found.get(str(e.get("id")), e.get("salience"))}
        for e in prediction.get("events") or []
    ]
    return out


def cross_validated(
    records: Sequence[Mapping[str, Any]],
    predictions: Sequence[Mapping[str, Any]],
    *,
    scope: Sequence[str],
    l2: float,
    min_count: int,
    folds: int,
) -> list[dict[str, Any]]:
    """Each output rescored by a model trained on the other folds (document ``i`` is in fold
    ``i % folds``): the train split judged as unseen text, 1,300 reports to measure a change
    of features or labels on instead of dev's 200."""
    scope_set = frozenset(scope)
    per_doc = [examples(r, p, scope_set) for r, p in zip(records, predictions, strict=True)]
    out: list[dict[str, Any]] = [dict(p) for p in predictions]
    for k in range(folds):
        found = [x for i, doc in enumerate(per_doc) if i % folds != k for x in doc]
        data = model_data(found, scope=scope, l2=l2, min_count=min_count, trained_on="fold")
        judge = salience.SalienceModel(data)
        for i in range(k, len(predictions), folds):
            out[i] = rescored(predictions[i], judge)
    return out
