"""Toponym recognition and resolution on the five geoparsing gold corpora.

Recognition compares every mention span of every predicted place with the gold toponyms:
strictly (identical span) and by overlap (one-to-one, largest overlap first). Resolution is
end to end, as in EUPEG and Gritta et al. 2018: each gold toponym with coordinates that was
recognised (overlap) and whose place got coordinates gives one error distance. "resolved" is
the share of gold toponyms with coordinates that got a predicted coordinate at all, so a
geoparser that resolves nothing reads 0 there; acc_161, auc and the mean and median error,
being over resolved toponyms only, are then undefined (None, shown "-"), not 0 (for the
AUC, lower is better, 0 would read as perfect). Since a geoparser can raise acc_161 by
resolving less, "within_161_of_all" gives the share of all gold toponyms with coordinates
placed within 161 km: resolved x acc_161, the number to compare two geoparsers by.

Splits are positional: dev is the first 70 % of the documents in file order, test the last
30 % (as Mordecai 3 holds out its test set).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .base import EvalInput, Scorer, read_records
from .metrics import ErrorCase, Metric, ScoreResult, f1_of, metric, ratio_of, total
from .te3 import match_spans

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the AUC's normaliser (Gritta et al.)
ACC_KM = 161.0  # 100 miles
DEV_SHARE = 0.7

Span = tuple[int, int]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def log_error(km: float) -> float:
    """An error distance on the AUC's scale: log(1 + km) / log(20039), in [0, 1]."""
    return math.log1p(km) / math.log(MAX_ERROR_KM)


def auc(errors_km: Sequence[float]) -> float | None:
    """Area under the curve of sorted log errors (Gritta et al. 2018; lower is better).

    The trapezoid rule over the errors sorted ascending, on an index scaled to [0, 1]:
    ``trapz(sorted(log(1 + e))) / (log(20039) * (n - 1))``. One error gives its own scaled value;
    no error gives None (undefined).
    """
    values = sorted(log_error(e) for e in errors_km)
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    area = sum((a + b) / 2 for a, b in zip(values, values[1:], strict=False))
    return area / (len(values) - 1)


def median(values: Sequence[float]) -> float | None:
    """The median; None of no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def positional_split(docs: list[Any], split: str) -> list[Any]:
    """The first 70 % of ``docs`` for dev, the last 30 % for test."""
    cut = int(round(len(docs) * DEV_SHARE))
    if split == "dev":
        return docs[:cut]
    if split == "test":
        return docs[cut:]
    raise ValueError(f"unknown split {split!r}; use 'dev' or 'test'")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


def predicted_mentions(prediction: Mapping[str, Any]) -> list[Mention]:
    """Every mention of every predicted place, with its place's coordinates, in text order."""
    mentions: dict[Span, Mention] = {}
    for place in prediction.get("places") or []:
        for span in place.get("mentions") or []:
            key = (int(span["start"]), int(span["end"]))
            # A span claimed by two places counts once: the first place in output order.
            mentions.setdefault(
                key,
                Mention(key[0], key[1], span.get("text", ""), place.get("lat"), place.get("lon")),
            )
    return [mentions[key] for key in sorted(mentions)]


def _overlaps_any(span: Span, others: Sequence[Span]) -> bool:
    return any(min(span[1], o[1]) > max(span[0], o[0]) for o in others)


@dataclass
class DocScore:
    counts: dict[str, float]
    errors_km: list[float] = field(default_factory=list)
    cases: list[ErrorCase] = field(default_factory=list)


@dataclass(frozen=True)
class GeoCorpus:
    """How one geoparsing corpus is scored."""

    name: str
    filename: str
    description: str
    precision: bool = True  # False where only some toponyms are annotated (WikToR)
    ignore_other_spans: bool = False  # GeoWebNews: non-toponym spans are not false positives
    # (label, gold types): strict recall on those types, as strict_r_<label>
    recall_subsets: tuple[tuple[str, frozenset[str]], ...] = ()
    references: Mapping[str, str] = field(default_factory=dict)


def score_document(
    corpus: GeoCorpus, doc: Mapping[str, Any], prediction: Mapping[str, Any]
) -> DocScore:
    """Recognition and resolution counts for one document."""
    doc_id = str(doc["id"])
    gold = list(doc.get("toponyms") or [])
    gold_spans = [(int(t["start"]), int(t["end"])) for t in gold]
    pred = predicted_mentions(prediction)
    pred_spans = [(m.start, m.end) for m in pred]
    other = [(int(s["start"]), int(s["end"])) for s in doc.get("other_spans") or []]

    strict = set(gold_spans) & set(pred_spans)
    pairs = match_spans(gold_spans, pred_spans)
    matched_gold = {gi: pi for gi, pi in pairs}
    matched_pred = set(matched_gold.values())

    # Predictions on annotated non-toponyms (demonyms, homonyms...) are neither right nor wrong.
    strict_pred = overlap_pred = float(len(pred_spans))
    if corpus.ignore_other_spans and other:
        other_exact = set(other)
        strict_pred -= sum(1 for s in pred_spans if s not in strict and s in other_exact)
        overlap_pred -= sum(
            1
            for pi, s in enumerate(pred_spans)
            if pi not in matched_pred and _overlaps_any(s, other)
        )

    counts: dict[str, float] = {
        "gold": float(len(gold)),
        "strict_tp": float(len(strict)),
        "strict_pred": strict_pred,
        "overlap_tp": float(len(pairs)),
        "overlap_pred": overlap_pred,
        "with_coords": 0.0,
        "resolved": 0.0,
        "within_161": 0.0,
        "sum_km": 0.0,
        "sum_log": 0.0,
    }
    for label, types in corpus.recall_subsets:
        in_subset = [gi for gi, t in enumerate(gold) if t.get("type") in types]
        counts[f"{label}_gold"] = float(len(in_subset))
        counts[f"{label}_tp"] = float(sum(1 for gi in in_subset if gold_spans[gi] in strict))

    result = DocScore(counts)
    for gi, toponym in enumerate(gold):
        has_coords = toponym.get("lat") is not None and toponym.get("lon") is not None
        counts["with_coords"] += has_coords
        if gi not in matched_gold:
            result.cases.append(
                ErrorCase("missed toponym", doc_id, toponym["name"], toponym["name"], None)
            )
            continue
        if not has_coords:
            continue
        mention = pred[matched_gold[gi]]
        if mention.lat is None or mention.lon is None:
            result.cases.append(
                ErrorCase("unresolved", doc_id, toponym["name"], _coords(toponym), None)
            )
            continue
        km = haversine_km(float(toponym["lat"]), float(toponym["lon"]), mention.lat, mention.lon)
        counts["resolved"] += 1
        counts["within_161"] += km <= ACC_KM
        counts["sum_km"] += km
        counts["sum_log"] += log_error(km)
        result.errors_km.append(km)
        if km > ACC_KM:
            result.cases.append(
                ErrorCase(
                    "resolved over 161 km",
                    doc_id,
                    toponym["name"],
                    _coords(toponym),
                    f"{mention.lat:.4f},{mention.lon:.4f} ({km:.0f} km off)",
                )
            )
    if corpus.precision:
        other_set = set(other) if corpus.ignore_other_spans else set()
        for pi, mention in enumerate(pred):
            span = pred_spans[pi]
            if pi in matched_pred or span in other_set:
                continue
            if corpus.ignore_other_spans and _overlaps_any(span, other):
                continue
            result.cases.append(
                ErrorCase("spurious toponym", doc_id, mention.text, None, mention.text)
            )
    return result


def _coords(toponym: Mapping[str, Any]) -> str:
    return f"{float(toponym['lat']):.4f},{float(toponym['lon']):.4f}"


class GeoScorer(Scorer):
    """One geoparsing corpus: toponym recognition P/R/F1 and resolution error."""

    name = "geo"  # replaced per instance
    filename = ""

    def __init__(self, corpus: GeoCorpus) -> None:
        self.corpus = corpus
        # Instance attributes shadow the ClassVars: one class, five corpora.
        self.name = corpus.name  # type: ignore[misc]
        self.filename = corpus.filename  # type: ignore[misc]
        self.description = corpus.description  # type: ignore[misc]

    def load(self, path: Path, split: str) -> list[dict[str, Any]]:
        return positional_split(list(read_records(path)), split)

    def inputs(self, gold: list[dict[str, Any]]) -> list[EvalInput]:
        return [EvalInput(id=str(doc["id"]), text=doc["text"], clean=False) for doc in gold]

    def score(
        self, gold: list[dict[str, Any]], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        corpus = self.corpus
        scores = [score_document(corpus, doc, predicted.get(str(doc["id"]), {})) for doc in gold]
        per_doc = [s.counts for s in scores]
        refs = corpus.references
        result = ScoreResult(corpus=corpus.name, split=split, documents=len(gold))
        metrics: list[Metric] = []
        if corpus.precision:
            metrics += [
                metric(
                    "strict_p",
                    per_doc,
                    ratio_of("strict_tp", "strict_pred"),
                    reference=refs.get("p"),
                ),
                metric("strict_r", per_doc, ratio_of("strict_tp", "gold"), reference=refs.get("r")),
                metric(
                    "strict_f1",
                    per_doc,
                    f1_of("strict_tp", "strict_pred", "gold"),
                    reference=refs.get("f1"),
                ),
                metric("overlap_p", per_doc, ratio_of("overlap_tp", "overlap_pred")),
                metric("overlap_r", per_doc, ratio_of("overlap_tp", "gold")),
                metric("overlap_f1", per_doc, f1_of("overlap_tp", "overlap_pred", "gold")),
            ]
        else:
            metrics += [
                metric(
                    "strict_recall",
                    per_doc,
                    ratio_of("strict_tp", "gold"),
                    reference=refs.get("r"),
                ),
                metric("overlap_recall", per_doc, ratio_of("overlap_tp", "gold")),
            ]
        for label, _ in corpus.recall_subsets:
            # A split may hold no toponym of the subset: its recall is then undefined.
            metrics.append(
                metric(
                    f"strict_r_{label}",
                    per_doc,
                    ratio_of(f"{label}_tp", f"{label}_gold"),
                    denominator=f"{label}_gold",
                )
            )
        all_errors = [km for s in scores for km in s.errors_km]
        sums = total(per_doc)
        n_resolved = int(sums.get("resolved", 0))
        metrics += [
            metric(
                "resolved", per_doc, ratio_of("resolved", "with_coords"), denominator="with_coords"
            ),
            metric(
                "acc_161",
                per_doc,
                ratio_of("within_161", "resolved"),
                reference=refs.get("acc_161"),
                denominator="resolved",
            ),
            # acc_161 rewards leaving hard toponyms unresolved; this one does not: the share
            # of every gold toponym with coordinates that was placed within 161 km.
            metric(
                "within_161_of_all",
                per_doc,
                ratio_of("within_161", "with_coords"),
                denominator="with_coords",
            ),
            _auc_metric(per_doc, all_errors, refs.get("auc")),
            metric(
                "mean_error_km",
                per_doc,
                ratio_of("sum_km", "resolved"),
                reference=refs.get("mean_error_km"),
                denominator="resolved",
            ),
            Metric(
                "median_error_km",
                median(all_errors),
                n=n_resolved,
                reference=refs.get("median_error_km"),
            ),
        ]
        result.metrics = metrics
        result.errors = [case for s in scores for case in s.cases]
        result.notes += [
            f"split {split}: {'first 70 %' if split == 'dev' else 'last 30 %'} of the file's documents",
            f"resolution on {n_resolved} of {int(sums.get('with_coords', 0))} gold toponyms with "
            "coordinates: those recognised (overlap) whose place has coordinates; "
            "acc_161, auc and errors are over those ('-' when there are none), auc lower is better",
            "median error has no interval; AUC interval is the bootstrap of the mean scaled log "
            "error, which differs from the trapezoid AUC by at most one item's weight",
        ]
        if not corpus.precision:
            result.notes.append(
                "only mentions of each article's subject are annotated: recall ('accuracy') only, "
                "no precision or F1"
            )
        if corpus.ignore_other_spans:
            result.notes.append(
                "in scope: every toponym type of the Pragmatic Taxonomy (Literal, Mixed, Metonymic, "
                "Coercion, Literal_Modifier, Non_Literal_Modifier, Embedded_Literal, "
                "Embedded_Non_Lit); predictions on other_spans (demonyms, homonyms, languages, "
                "non-toponyms, expressions) are not counted as false positives"
            )
        if any(refs.values()):
            result.notes.append(
                "references are end-to-end numbers of other systems with their own span matching "
                "(EUPEG, Wang & Hu 2019 / Gritta et al. 2018), on the whole corpus, not this split"
            )
        return result


def _auc_metric(
    per_doc: Sequence[Mapping[str, float]], errors_km: Sequence[float], reference: str | None
) -> Metric:
    interval = metric(
        "auc", per_doc, ratio_of("sum_log", "resolved"), reference=reference, denominator="resolved"
    )
    if interval.value is not None:
        interval.value = auc(errors_km)
    return interval


def _refs(p: str, r: str, f: str, acc: str, auc_: str, mean: str, med: str) -> dict[str, str]:
    return {
        "p": p,
        "r": r,
        "f1": f,
        "acc_161": acc,
        "auc": auc_,
        "mean_error_km": mean,
        "median_error_km": med,
    }


CORPORA = (
    GeoCorpus(
        "lgl",
        "geo_lgl.jsonl",
        "LGL: US local news, toponym recognition and resolution",
        references=_refs(
            "CamCoder .811, Edinburgh .723, spaCyNER+pop .493 (EUPEG)",
            "CamCoder .548, Edinburgh .383, spaCyNER+pop .371 (EUPEG)",
            "CamCoder .654, Edinburgh .501, spaCyNER+pop .423 (EUPEG)",
            "CamCoder .717, Edinburgh .819, spaCyNER+pop .561 (EUPEG)",
            "CamCoder .248, Edinburgh .172, spaCyNER+pop .381 (EUPEG)",
            "CamCoder 837, Edinburgh 611, spaCyNER+pop 1702 (EUPEG)",
            "CamCoder 0.02, Edinburgh 0.005, spaCyNER+pop 7.69 (EUPEG)",
        ),
    ),
    GeoCorpus(
        "trnews",
        "geo_trnews.jsonl",
        "TR-News: news, toponym recognition and resolution",
        references=_refs(
            "CamCoder .897, Edinburgh .709, spaCyNER+pop .659 (EUPEG)",
            "CamCoder .638, Edinburgh .538, spaCyNER+pop .402 (EUPEG)",
            "CamCoder .746, Edinburgh .612, spaCyNER+pop .500 (EUPEG)",
            "CamCoder .824, Edinburgh .850, spaCyNER+pop .739 (EUPEG)",
            "CamCoder .161, Edinburgh .127, spaCyNER+pop .239 (EUPEG)",
            "CamCoder 864, Edinburgh 770, spaCyNER+pop 1250 (EUPEG)",
            "CamCoder 0, Edinburgh 0, spaCyNER+pop 0 (EUPEG)",
        ),
    ),
    GeoCorpus(
        "geowebnews",
        "geo_geowebnews.jsonl",
        "GeoWebNews: web news with fine-grained toponym types",
        ignore_other_spans=True,
        recall_subsets=(
            (
                "no_modifiers",
                frozenset(
                    {
                        "Literal",
                        "Mixed",
                        "Metonymic",
                        "Coercion",
                        "Embedded_Literal",
                        "Embedded_Non_Lit",
                    }
                ),
            ),
            ("modifiers", frozenset({"Literal_Modifier", "Non_Literal_Modifier"})),
        ),
        references=_refs(
            "CamCoder .895, Edinburgh .819, spaCyNER+pop .784 (EUPEG)",
            "CamCoder .562, Edinburgh .538, spaCyNER+pop .415 (EUPEG)",
            "CamCoder .691, Edinburgh .650, spaCyNER+pop .543 (EUPEG)",
            "CamCoder .839, Edinburgh .921, spaCyNER+pop .661 (EUPEG)",
            "CamCoder .150, Edinburgh .071, spaCyNER+pop .396 (EUPEG)",
            "CamCoder 723, Edinburgh 347, spaCyNER+pop 1053 (EUPEG)",
            "CamCoder 0, Edinburgh 0, spaCyNER+pop 55.56 (EUPEG)",
        ),
    ),
    GeoCorpus(
        "geovirus",
        "geo_geovirus.jsonl",
        "GeoVirus: WikiNews disease-outbreak news, Wikipedia coordinates",
        references=_refs(
            "CamCoder .940, Edinburgh .860, spaCyNER+pop .721 (EUPEG)",
            "CamCoder .802, Edinburgh .559, spaCyNER+pop .382 (EUPEG)",
            "CamCoder .866, Edinburgh .678, spaCyNER+pop .499 (EUPEG)",
            "CamCoder .770, Edinburgh .807, spaCyNER+pop .698 (EUPEG); GeoNames oracle .88",
            "CamCoder .336, Edinburgh .319, spaCyNER+pop .367 (EUPEG); GeoNames oracle .27",
            "CamCoder 619, Edinburgh 436, spaCyNER+pop 788 (EUPEG)",
            "CamCoder 33.95, Edinburgh 33.19, spaCyNER+pop 40.65 (EUPEG)",
        ),
    ),
    GeoCorpus(
        "wiktor",
        "geo_wiktor.jsonl",
        "WikToR: ambiguous place names in Wikipedia, only the subject annotated",
        precision=False,
        references={
            "r": "CamCoder .424, Edinburgh .298, DM_NLP+pop .673 (EUPEG accuracy)",
            "acc_161": "CamCoder .588, Edinburgh .591, StanfordNER+pop .184 (EUPEG)",
            "auc": "CamCoder .370, Edinburgh .378, StanfordNER+pop .702 (EUPEG)",
            "mean_error_km": "CamCoder 1150, Edinburgh 2165, StanfordNER+pop 4603 (EUPEG)",
            "median_error_km": "CamCoder 33.97, Edinburgh 3.49, StanfordNER+pop 2513 (EUPEG)",
        },
    ),
)


def geo_scorers() -> list[GeoScorer]:
    """One scorer per geoparsing corpus, in a fixed order."""
    return [GeoScorer(corpus) for corpus in CORPORA]
