"""Our own attribution gold set: quotes with speakers, claims with claimants and statuses.

``eval/attribution/attribution.jsonl`` in the repository (our own writing; its README says
how it is annotated) is read from ``<data>/eval/`` when a copy is there, else from the
source checkout. Quote spans and claim spans (one per statement: each evidence span of a
predicted claim is one statement with that claim's claimant and status) are paired one to
one, largest overlap first; a pair counts when it shares at least half of the longer span
(after trimming quotation marks and punctuation); ``*_strict`` counts identical trimmed
spans. Speakers and claimants match loosely, as in the seed checklist (equal names, or half
of the shorter name's content words shared, with the names of a linked entity). textacy's
direct-quotation extractor is run on the same texts as the baseline: its figures are in each
metric's reference column.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from .base import EvalInput, Scorer, read_records
from .metrics import ErrorCase, Formula, Metric, ScoreResult, f1_of, metric, ratio_of
from .seed import loose_match

log = logging.getLogger(__name__)

Range = tuple[int, int]
Baseline = Callable[[Sequence["AttributionDoc"]], dict[str, dict[str, Any]]]
# The gold set in a source checkout: <repo>/eval/attribution/attribution.jsonl.
REPO_GOLD = Path(__file__).resolve().parents[3] / "eval" / "attribution" / "attribution.jsonl"
MIN_SHARE = 0.5
BASELINE_NAME = "textacy 0.13.0"
_TRIM = " \t\n\"'\u201c\u201d\u2018\u2019,.;:!?"


@dataclass(frozen=True)
class GoldItem:
    """One annotated quote, non-quote or claim, resolved to offsets."""

    start: int
    end: int
    text: str
    kind: str | None = None
    who: str | None = None  # speaker or claimant
    status: str | None = None


@dataclass
class AttributionDoc:
    id: str
    text: str
    quotes: list[GoldItem] = field(default_factory=list)
    not_quotes: list[GoldItem] = field(default_factory=list)
    claims: list[GoldItem] = field(default_factory=list)


def _resolve(doc_id: str, text: str, item: Mapping[str, Any], **extra: Any) -> GoldItem:
    needle = str(item["text"])
    at = text.find(needle)
    if at < 0:
        raise ValueError(f"{doc_id}: annotated text {needle[:40]!r} is not in the item's text")
    return GoldItem(at, at + len(needle), needle, **extra)


def parse_record(record: Mapping[str, Any]) -> AttributionDoc:
    """A gold record with every annotated substring turned into offsets."""
    doc_id, text = str(record["id"]), str(record["text"])
    return AttributionDoc(
        id=doc_id,
        text=text,
        quotes=[
            _resolve(doc_id, text, q, kind=q["kind"], who=q.get("speaker"))
            for q in record.get("quotes") or []
        ],
        not_quotes=[_resolve(doc_id, text, q) for q in record.get("not_quotes") or []],
        claims=[
            _resolve(doc_id, text, c, who=c.get("claimant"), status=c["status"])
            for c in record.get("claims") or []
        ],
    )


# -- matching ------------------------------------------------------------------------------
def trimmed(text: str, start: int, end: int) -> Range:
    """A span without surrounding quotation marks, punctuation and spaces."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def pair(gold: Sequence[Range], pred: Sequence[Range]) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) pairs sharing half of the longer span, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = min(g[1], p[1]) - max(g[0], p[0])
            longer = max(g[1] - g[0], p[1] - p[0], 1)
            if shared > 0 and shared / longer >= MIN_SHARE:
                candidates.append((-shared, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _names(
    source: Mapping[str, Any] | None, entities: Mapping[str, Mapping[str, Any]]
) -> list[str | None]:
    """A speaker's name, and the names of the entity it is linked to."""
    if not source:
        return []
    names: list[str | None] = [source.get("name")]
    entity = entities.get(str(source.get("entity_id")))
    if entity:
        names += [entity.get("name"), entity.get("canonical")]
    return names


def same_source(
    gold: str | None, source: Mapping[str, Any] | None, entities: Mapping[str, Mapping[str, Any]]
) -> bool:
    """Whether a predicted speaker or claimant names the gold one (null matches null)."""
    if gold is None:
        return not source
    return loose_match([gold], _names(source, entities))


@dataclass(frozen=True)
class Predicted:
    span: Range
    text: str
    kind: str | None
    source: Mapping[str, Any] | None
    status: str | None = None


def _body(spans: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [s for s in spans if s.get("caption") is None]


def predicted_quotes(pred: Mapping[str, Any]) -> list[Predicted]:
    """Quotes as one stretch each, from the first to the last body evidence span."""
    text = str(pred.get("text") or "")
    out = []
    for quote in pred.get("quotes") or []:
        spans = _body(quote.get("evidence") or [])
        if spans:
            rng = trimmed(text, int(spans[0]["start"]), int(spans[-1]["end"]))
            out.append(
                Predicted(rng, text[rng[0] : rng[1]], quote.get("kind"), quote.get("speaker"))
            )
    return out


def predicted_statements(pred: Mapping[str, Any]) -> list[Predicted]:
    """Each body evidence span of each claim, with the claim's claimant and status."""
    text = str(pred.get("text") or "")
    out = []
    for claim in pred.get("claims") or []:
        for span in _body(claim.get("evidence") or []):
            rng = trimmed(text, int(span["start"]), int(span["end"]))
            out.append(
                Predicted(
                    rng, text[rng[0] : rng[1]], None, claim.get("claimant"), claim.get("status")
                )
            )
    return out


def score_document(
    doc: AttributionDoc, pred: Mapping[str, Any]
) -> tuple[dict[str, float], list[ErrorCase]]:
    """Counts and error cases of one item."""
    entities = {str(e.get("id")): e for e in pred.get("entities") or []}
    counts: dict[str, float] = {}
    errors: list[ErrorCase] = []
    text = doc.text
    # quotes
    quotes = predicted_quotes(pred)
    gold_q = [trimmed(text, q.start, q.end) for q in doc.quotes]
    pairs = pair(gold_q, [q.span for q in quotes])
    counts["q_gold"] = len(doc.quotes)
    counts["q_pred"] = len(quotes)
    counts["q_match"] = len(pairs)
    counts["q_strict"] = sum(gold_q[g] == quotes[p].span for g, p in pairs)
    counts["q_speaker"] = 0.0
    counts["q_kind"] = 0.0
    direct = {i for i, q in enumerate(doc.quotes) if q.kind == "direct"}
    counts["dq_gold"] = len(direct)
    counts["dq_match"] = sum(g in direct for g, _ in pairs)
    counts["dq_speaker"] = 0.0
    for g, p in pairs:
        gq, pq = doc.quotes[g], quotes[p]
        ok = same_source(gq.who, pq.source, entities)
        counts["q_speaker"] += ok
        counts["dq_speaker"] += ok and g in direct
        counts["q_kind"] += gq.kind == pq.kind
        if not ok:
            errors.append(
                ErrorCase(
                    "quote speaker",
                    doc.id,
                    gq.text[:60],
                    gq.who,
                    str((pq.source or {}).get("name")),
                )
            )
        if gq.kind != pq.kind:
            errors.append(ErrorCase("quote kind", doc.id, gq.text[:60], gq.kind, pq.kind))
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    errors += [
        ErrorCase(f"missed {q.kind} quote", doc.id, q.text[:60], q.who, None)
        for i, q in enumerate(doc.quotes)
        if i not in matched_g
    ]
    errors += [
        ErrorCase("spurious quote", doc.id, q.text[:60], None, q.kind)
        for i, q in enumerate(quotes)
        if i not in matched_p
    ]
    # scare quotes and titles reported as quotes
    not_q = [trimmed(text, q.start, q.end) for q in doc.not_quotes]
    reported = pair(not_q, [q.span for q in quotes])
    counts["nq_gold"] = len(doc.not_quotes)
    counts["nq_reported"] = len(reported)
    errors += [
        ErrorCase(
            "scare quote or title reported", doc.id, doc.not_quotes[g].text, None, quotes[p].kind
        )
        for g, p in reported
    ]
    # claims
    statements = predicted_statements(pred)
    gold_c = [trimmed(text, c.start, c.end) for c in doc.claims]
    cpairs = pair(gold_c, [s.span for s in statements])
    counts["c_gold"] = len(doc.claims)
    counts["c_pred"] = len(statements)
    counts["c_match"] = len(cpairs)
    counts["c_strict"] = sum(gold_c[g] == statements[p].span for g, p in cpairs)
    counts["c_claimant"] = 0.0
    counts["c_status"] = 0.0
    for g, p in cpairs:
        gc, pc = doc.claims[g], statements[p]
        ok = same_source(gc.who, pc.source, entities)
        counts["c_claimant"] += ok
        counts["c_status"] += gc.status == pc.status
        if not ok:
            errors.append(
                ErrorCase(
                    "claimant", doc.id, gc.text[:60], gc.who, str((pc.source or {}).get("name"))
                )
            )
        if gc.status != pc.status:
            errors.append(
                ErrorCase(
                    f"status {gc.status} read as {pc.status}",
                    doc.id,
                    gc.text[:60],
                    gc.status,
                    pc.status,
                )
            )
    matched_g = {g for g, _ in cpairs}
    matched_p = {p for _, p in cpairs}
    errors += [
        ErrorCase("missed claim", doc.id, c.text[:60], c.status, None)
        for i, c in enumerate(doc.claims)
        if i not in matched_g
    ]
    errors += [
        ErrorCase("spurious claim", doc.id, s.text[:60], None, s.status)
        for i, s in enumerate(statements)
        if i not in matched_p
    ]
    return counts, errors


# (name, formula, denominator or None, whether textacy can be measured on it)
FORMULAS: list[tuple[str, Formula, str | None, bool]] = [
    ("quote_p", ratio_of("q_match", "q_pred"), None, True),
    ("quote_r", ratio_of("q_match", "q_gold"), None, True),
    ("quote_f1", f1_of("q_match", "q_pred", "q_gold"), None, True),
    ("quote_strict_f1", f1_of("q_strict", "q_pred", "q_gold"), None, True),
    ("speaker_p", ratio_of("q_speaker", "q_pred"), None, True),
    ("speaker_r", ratio_of("q_speaker", "q_gold"), None, True),
    ("direct_quote_r", ratio_of("dq_match", "dq_gold"), "dq_gold", True),
    ("direct_speaker_r", ratio_of("dq_speaker", "dq_gold"), "dq_gold", True),
    ("quote_kind_accuracy", ratio_of("q_kind", "q_match"), "q_match", True),
    ("scare_quotes_reported", ratio_of("nq_reported", "nq_gold"), "nq_gold", True),
    ("claim_p", ratio_of("c_match", "c_pred"), None, False),
    ("claim_r", ratio_of("c_match", "c_gold"), None, False),
    ("claim_f1", f1_of("c_match", "c_pred", "c_gold"), None, False),
    ("claim_strict_f1", f1_of("c_strict", "c_pred", "c_gold"), None, False),
    ("claimant_p", ratio_of("c_claimant", "c_pred"), None, False),
    ("claimant_r", ratio_of("c_claimant", "c_gold"), None, False),
    ("status_p", ratio_of("c_status", "c_pred"), None, False),
    ("status_r", ratio_of("c_status", "c_gold"), None, False),
    ("status_accuracy", ratio_of("c_status", "c_match"), "c_match", False),
]


def _metrics(per_doc: Sequence[Mapping[str, float]]) -> list[Metric]:
    return [metric(name, per_doc, formula, denominator=den) for name, formula, den, _ in FORMULAS]


def _interval(m: Metric) -> str:
    if m.value is None:
        return f"{BASELINE_NAME}: -"
    return f"{BASELINE_NAME}: {m.value:.3f} [{m.low:.3f}-{m.high:.3f}]"


class AttributionScorer(Scorer):
    """Quotes, speakers, claims, claimants and statuses on our own gold set."""

    name: ClassVar[str] = "attribution"
    filename: ClassVar[str] = "attribution.jsonl"
    description: ClassVar[str] = (
        "our attribution gold set: quote spans and speakers, claim spans, claimants, statuses"
    )

    def __init__(self, baseline: Baseline | None = None, *, use_textacy: bool = True) -> None:
        self.baseline = baseline
        self.use_textacy = use_textacy

    def find(self, data_dir: Path) -> Path | None:
        found = super().find(data_dir)
        if found is not None:
            return found
        return REPO_GOLD if REPO_GOLD.is_file() else None

    def load(self, path: Path, split: str) -> list[AttributionDoc]:
        return [parse_record(r) for r in read_records(path) if r.get("split") == split]

    def inputs(self, gold: list[AttributionDoc]) -> list[EvalInput]:
        return [EvalInput(id=doc.id, text=doc.text, published=None, clean=False) for doc in gold]

    def score(
        self, gold: list[AttributionDoc], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        per_doc: list[dict[str, float]] = []
        errors: list[ErrorCase] = []
        for doc in gold:
            counts, doc_errors = score_document(doc, predicted.get(doc.id, {}))
            per_doc.append(counts)
            errors += doc_errors
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold), errors=errors)
        result.metrics = _metrics(per_doc)
        self._add_baseline(gold, result)
        n = {k: int(sum(c[k] for c in per_doc)) for k in ("q_gold", "c_gold", "nq_gold")}
        result.notes.append(
            f"our own gold set ({n['q_gold']} quotes, {n['c_gold']} claims, {n['nq_gold']} scare "
            "quotes and titles); a span counts when it shares half of the longer one; "
            "scare_quotes_reported is lower-better"
        )
        return result

    def _add_baseline(self, gold: list[AttributionDoc], result: ScoreResult) -> None:
        baseline = self.baseline
        if baseline is None and self.use_textacy:
            try:
                from .textacy_baseline import textacy_predictions
            except ImportError as exc:
                result.notes.append(
                    f"baseline not run: {exc}; install it with pip install 'dateline[eval]'"
                )
                return
            baseline = textacy_predictions
        if baseline is None:
            return
        base_per_doc = [
            score_document(doc, p)[0]
            for doc, p in zip(gold, _in_order(gold, baseline(gold)), strict=True)
        ]
        base = {b.name: b for b in _metrics(base_per_doc)}
        for m, (name, _, _, measurable) in zip(result.metrics, FORMULAS, strict=True):
            if measurable:
                m.reference = _interval(base[name])
        result.notes.append(
            f"reference column: {BASELINE_NAME}'s direct_quotations on the same texts and parse "
            "(it finds no indirect or partial quotes and no claims)"
        )


def _in_order(
    gold: Sequence[AttributionDoc], preds: Mapping[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    return [preds.get(doc.id, {"text": doc.text}) for doc in gold]
