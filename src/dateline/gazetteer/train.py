"""Train the place ranker (``resources/place_ranker.json``) on the dev splits of the geo corpora.

    dateline gazetteer train --data ../shared [--output FILE] [--cache DIR]

Only the dev split of each corpus is read (the first 70 % of the file, as ``dateline eval
--split dev``); the test splits stay for reporting. Every document is read by the pipeline
up to place recognition; each recognised name that overlaps a gold toponym with coordinates
becomes one training example:

- the ranker (a conditional logit over the name's candidates, one weight per feature of
  ``dateline.gazetteer.rank.FEATURES``) learns to put first the candidate nearest the gold
  point, when one lies within 161 km, or, for an area (country, province, region) within
  1,200 km, where corpora place the same area differently (GeoNames against Wikipedia);
- the confidence model (a logistic regression over ``CONFIDENCE_FEATURES`` of the winner)
  learns how often the winner is that right candidate.

Fitting is Newton's method from zeros with an L2 penalty, each corpus weighing the same in
all, so that the output is deterministic: the same corpora, gazetteer and code give the same
file. Context features depend on the ranker itself, so the ranker is fitted on the names'
own evidence first and then refitted three times on the context its previous weights give.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..errors import ConfigError
from ..evaluate.geo import ACC_KM, haversine_km, positional_split
from ..evaluate.te3 import match_spans
from .index import open_gazetteer
from .rank import (
    CONFIDENCE_FEATURES,
    FEATURES,
    Mention,
    Ranker,
    Resolver,
    Scored,
    default_ranker_path,
    is_town,
)

CORPORA = ("lgl", "trnews", "geowebnews", "geovirus")
OPTIONAL_CORPORA = ("wiktor",)
AREA_KM = 1200.0  # an area within this of the gold point is the right area, placed differently
L2 = 1.0
REFITS = 3
ARGUMENT_STAGES = ["dateline.clean.v1", "dateline.language.v1", "dateline.parse.v1"]

FoundRow = tuple[int | None, int, int, str, str]  # caption, start, end, label, text


@dataclass
class TrainDoc:
    """One dev document: its recognised names as the resolver reads them, and the gold point
    of each name that overlaps a gold toponym with coordinates."""

    corpus: str
    mentions: list[Mention]
    gold: dict[int, tuple[float, float]]


# -- reading the corpora ------------------------------------------------------------------
def _fingerprint() -> str:
    """What the recognised names depend on besides the texts: code, word lists, index."""
    digest = hashlib.sha256(__version__.encode())
    for name in ("nlp/toponyms.py", "resources/place_words.toml"):
        digest.update(resources.files("dateline").joinpath(name).read_bytes())
    digest.update(json.dumps(open_gazetteer().meta, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def recognise(
    data_dir: Path, corpus: str, cache: Path | None
) -> list[tuple[dict[str, Any], str, list[FoundRow]]]:
    """(gold record, text, recognised names) of every dev document of ``corpus``."""
    path = data_dir / "eval" / f"geo_{corpus}.jsonl"
    with path.open(encoding="utf-8") as fh:
        docs = positional_split([json.loads(line) for line in fh if line.strip()], "dev")
    cached: dict[str, Any] = {}
    cache_file = cache / f"{corpus}.dev.{_fingerprint()}.json" if cache else None
    if cache_file is not None and cache_file.is_file():
        cached = json.loads(cache_file.read_text("utf-8"))
    if len(cached) != len(docs):
        cached = {}
        for doc_id, found in _parse(docs):
            cached[doc_id] = found
        if cache_file is not None:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            cache_file.write_text(json.dumps(cached), "utf-8")
    return [
        (doc, doc["text"], [(f[0], f[1], f[2], f[3], f[4]) for f in cached[str(doc["id"])]])
        for doc in docs
    ]


def _parse(docs: Sequence[dict[str, Any]]) -> Iterator[tuple[str, list[FoundRow]]]:
    from ..config import load_config
    from ..document import Document
    from ..nlp.places import COMPONENT, found_mentions
    from ..pipeline import Pipeline

    config = load_config()
    parse = config.parse.model_copy(update={"components": [COMPONENT]})
    pipeline = Pipeline(config.model_copy(update={"parse": parse}), stage_names=ARGUMENT_STAGES)
    inputs = (
        Document.from_input(d["text"], id=str(d["id"]), input_format="text", clean=False)
        for d in docs
    )
    for doc in pipeline.pipe(inputs):
        yield doc.id, [(f.caption, f.start, f.end, f.label, f.text) for f in found_mentions(doc)]


def training_docs(data_dir: Path, corpora: Sequence[str], cache: Path | None) -> list[TrainDoc]:
    """The dev documents of ``corpora`` as resolver input with their gold points."""
    from ..config import load_config
    from ..nlp.places import Found, PlaceResolver

    place_resolver = PlaceResolver(open_gazetteer(), load_config(), untrained())
    out = []
    for corpus in corpora:
        for gold, text, rows in recognise(data_dir, corpus, cache):
            found = [Found(*row) for row in rows]
            mentions = [
                place_resolver.mention(text, f, found[n + 1] if n + 1 < len(found) else None)
                for n, f in enumerate(found)
            ]
            body = [i for i, f in enumerate(found) if f.caption is None]
            toponyms = [t for t in gold.get("toponyms") or []]
            pairs = match_spans(
                [(int(t["start"]), int(t["end"])) for t in toponyms],
                [(found[i].start, found[i].end) for i in body],
            )
            points = {}
            for gi, pi in pairs:
                t = toponyms[gi]
                if t.get("lat") is not None and t.get("lon") is not None:
                    points[body[pi]] = (float(t["lat"]), float(t["lon"]))
            out.append(TrainDoc(corpus, mentions, points))
    return out


def untrained() -> Ranker:
    """A ranker of zeros: training never depends on the shipped file."""
    return Ranker(weights=np.zeros(len(FEATURES)), confidence=np.zeros(len(CONFIDENCE_FEATURES)))


# -- labels -------------------------------------------------------------------------------
def target(s: Scored, point: tuple[float, float]) -> int | None:
    """The index of the right candidate: the nearest to the gold point when within 161 km,
    or an area within 1,200 km (the same area, placed by another convention)."""
    if not s.cands:
        return None
    dist = [haversine_km(point[0], point[1], c.lat, c.lon) for c in s.cands]
    best = min(range(len(dist)), key=lambda i: (dist[i], s.cands[i].id))
    near = dist[best] <= ACC_KM
    if near or (not is_town(s.cands[best].feature) and dist[best] <= AREA_KM):
        return best
    return None


# -- fitting ------------------------------------------------------------------------------
def fit_conditional_logit(
    groups: Sequence[tuple[np.ndarray, int, float]], dim: int, l2: float = L2
) -> np.ndarray:
    """Weights maximising the weighted log-likelihood of each group's target (Newton).

    ``groups``: (candidate feature rows, index of the target row, example weight).
    """
    if not groups:
        return np.zeros(dim)
    x = np.vstack([g[0] for g in groups])
    sizes = np.array([len(g[0]) for g in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    owner = np.repeat(np.arange(len(groups)), sizes)
    weights = np.array([g[2] for g in groups])
    x_target = np.vstack([g[0][g[1]] for g in groups])
    w = np.zeros(dim)

    def loss_grad_hess(w: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        scores = x @ w
        top = np.maximum.reduceat(scores, starts)
        e = np.exp(scores - top[owner])
        z = np.add.reduceat(e, starts)
        p = e / z[owner]
        lse = top + np.log(z)
        loss = float(weights @ (lse - x_target @ w)) + l2 / 2 * float(w @ w)
        pw = p * weights[owner]
        mean = np.add.reduceat(p[:, None] * x, starts)  # per group: expected features
        grad = (mean - x_target).T @ weights + l2 * w
        hess = (x * pw[:, None]).T @ x - (mean * weights[:, None]).T @ mean + l2 * np.eye(dim)
        return loss, grad, hess

    return _newton(loss_grad_hess, w)


def fit_logistic(x: np.ndarray, y: np.ndarray, sample: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weighted L2 logistic regression (Newton); the first column is the bias, unpenalised."""
    dim = x.shape[1]
    penalty = np.full(dim, l2)
    penalty[0] = 0.0

    def loss_grad_hess(w: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        z = x @ w
        p = 1 / (1 + np.exp(-np.clip(z, -60, 60)))
        eps = 1e-12
        loss = -float(sample @ (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        loss += float(penalty @ (w * w)) / 2
        grad = x.T @ (sample * (p - y)) + penalty * w
        hess = (x * (sample * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        return loss, grad, hess

    return _newton(loss_grad_hess, np.zeros(dim))


def _newton(f: Any, w: np.ndarray, steps: int = 100) -> np.ndarray:
    loss, grad, hess = f(w)
    for _ in range(steps):
        step = np.linalg.solve(hess + 1e-9 * np.eye(len(w)), grad)
        size = 1.0
        while size > 1e-6:
            new = w - size * step
            new_loss, new_grad, new_hess = f(new)
            if new_loss <= loss:
                break
            size /= 2
        else:
            break
        done = loss - new_loss < 1e-10 * max(1.0, abs(loss))
        w, loss, grad, hess = new, new_loss, new_grad, new_hess
        if done:
            break
    return w


def _corpus_weights(docs: Sequence[TrainDoc]) -> dict[str, float]:
    """Each corpus weighs the same in all: 1 / its number of labelled names."""
    counts: dict[str, int] = {}
    for doc in docs:
        counts[doc.corpus] = counts.get(doc.corpus, 0) + len(doc.gold)
    total = sum(counts.values())
    return {c: total / (len(counts) * n) for c, n in counts.items() if n}


def train(docs: Sequence[TrainDoc], resolver: Resolver, l2: float = L2) -> Ranker:
    """Fit the ranker, then the confidence model, on ``docs`` (the resolver's gazetteer)."""
    share = _corpus_weights(docs)
    dim = len(FEATURES)

    def groups(with_context: bool) -> list[tuple[np.ndarray, int, float]]:
        out = []
        for doc in docs:
            if with_context:
                ranked = resolver.rounds_of(doc.mentions)
            else:
                ranked = [resolver.scored(m, None) for m in doc.mentions]
            for i, point in sorted(doc.gold.items()):
                s = ranked[i]
                t = target(s, point)
                if t is not None and len(s.cands) > 1:
                    out.append((s.features, t, share[doc.corpus]))
        return out

    resolver.w = fit_conditional_logit(groups(False), dim, l2)
    for _ in range(REFITS):
        resolver.w = fit_conditional_logit(groups(True), dim, l2)

    rows, labels, sample = [], [], []
    for doc in docs:
        ranked = resolver.rounds_of(doc.mentions)
        for i, point in sorted(doc.gold.items()):
            s = ranked[i]
            if not s.cands:
                continue
            rows.append(resolver.confidence_features(doc.mentions[i], s))
            labels.append(1.0 if target(s, point) == 0 else 0.0)
            sample.append(share[doc.corpus])
    confidence = (
        fit_logistic(np.vstack(rows), np.array(labels), np.array(sample), l2)
        if rows
        else np.zeros(len(CONFIDENCE_FEATURES))
    )
    return Ranker(weights=resolver.w.copy(), confidence=confidence)


def run(
    data_dir: Path,
    *,
    corpora: Sequence[str] = CORPORA,
    output: Path | None = None,
    cache: Path | None = None,
) -> tuple[Path, dict[str, int]]:
    """Train on the dev splits under ``data_dir``; write the ranker file; (path, names per
    corpus). ConfigError when a corpus is unknown or its file is missing."""
    unknown = [c for c in corpora if c not in CORPORA + OPTIONAL_CORPORA]
    missing = [c for c in corpora if not (data_dir / "eval" / f"geo_{c}.jsonl").is_file()]
    if unknown or missing:
        raise ConfigError(
            f"cannot train the place ranker: unknown corpora {unknown} or missing files "
            f"{missing} under {data_dir}/eval (known: {', '.join(CORPORA)})"
        )
    docs = training_docs(data_dir, corpora, cache)
    ranker = train(docs, Resolver(open_gazetteer(), untrained()))
    counts = {c: sum(len(d.gold) for d in docs if d.corpus == c) for c in corpora}
    meta = {"split": "dev", "names": counts, "l2": L2, "refits": REFITS}
    target = output or default_ranker_path()
    target.write_text(ranker.to_json(meta), "utf-8")
    return target, counts
