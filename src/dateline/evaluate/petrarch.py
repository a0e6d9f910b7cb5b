"""PETRARCH2 validation sentences (CAMEO suite): PLOVER type agreement, actors, silence.

Protocol (shared/eval/petrarch_validation.md, "Suggested scoring"):

* Only the ``CAMEO`` suite is scored; the unit-test suite codes WEIS/test-dictionary codes
  that are not CAMEO meanings, so it is skipped.
* Each expected CAMEO code becomes a PLOVER type through ``cameo_plover.tsv`` (longest
  listed prefix). Roots 01 and 02 have no PLOVER event: those expected events are dropped
  and counted in a note.
* Per sentence, the predicted PLOVER types (a multiset) are compared with the expected
  ones: true positives are the multiset intersection; P/R/F1 micro-summed over sentences.
* On matched events (same type, paired one-to-one to maximise actor agreement), the source
  and target are compared by country: the first three letters of the expected actor code
  (an ISO 3166 alpha-3 code such as ``USA`` in ``USAGOV``) against the predicted actor's
  ISO2 country turned into alpha-3 by ``iso3166.tsv``. Expected actors whose prefix is not a
  country code (``---``, ``IGO``...) are not counted.
* Sentences coded exactly right: predicted multiset equals the expected one (types only).
* Silence: the share of ``expect_no_events`` sentences with any predicted event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .base import SPLITS, EvalInput, Scorer, read_records
from .mappings import cameo_to_plover, eval_maps, iso2_to_iso3, iso2_to_iso3_table, scored_events
from .metrics import (
    Counts,
    ErrorCase,
    ScoreResult,
    best_assignment,
    f1_of,
    metric,
    precision_of,
    ratio_of,
    recall_of,
)

CAMEO_SUITE = "CAMEO"


@dataclass
class Expected:
    plover: str
    cameo: str
    source: str
    target: str


@dataclass
class PetrarchRecord:
    id: str
    text: str
    date: str | None
    expected: list[Expected]
    dropped: int  # expected events with no PLOVER equivalent (roots 01, 02)
    expect_no_events: bool


def _country(code: str) -> str | None:
    """The ISO alpha-3 country of an actor code ("USAGOV" -> "USA"); None if it has none."""
    prefix = code[:3].upper()
    return prefix if prefix in set(iso2_to_iso3_table().values()) else None


class PetrarchScorer(Scorer):
    """PETRARCH2 GSR validation sentences (CAMEO suite), scored at PLOVER type level."""

    name = "petrarch"
    filename = "petrarch_validation.jsonl"
    description = (
        "PETRARCH2 validation sentences: CAMEO codes mapped to PLOVER, actors, false positives"
    )

    def __init__(self) -> None:
        self.skipped = 0  # records of other suites seen by the last load()

    def load(self, path: Path, split: str) -> list[PetrarchRecord]:
        if split not in SPLITS:
            raise ValueError(f"petrarch is scored under dev or test, not {split!r}")
        records = []
        self.skipped = 0
        for record in read_records(path):
            if record.get("code_scheme") != CAMEO_SUITE:
                self.skipped += 1
                continue
            expected, dropped = [], 0
            for item in record.get("expected") or []:
                plover, _mode = cameo_to_plover(item["cameo"])
                if plover is None:
                    dropped += 1
                    continue
                expected.append(
                    Expected(plover, item["cameo"], item.get("source", ""), item.get("target", ""))
                )
            records.append(
                PetrarchRecord(
                    record["id"],
                    record["text"],
                    record.get("date"),
                    expected,
                    dropped,
                    bool(record.get("expect_no_events")),
                )
            )
        return records

    def inputs(self, gold: list[Any]) -> list[EvalInput]:
        return [EvalInput(id=r.id, text=r.text, published=r.date, clean=False) for r in gold]

    def score(
        self, gold: list[Any], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        per_doc: list[Counts] = []
        errors: list[ErrorCase] = []
        for record in gold:
            counts, record_errors = self._score_record(record, predicted.get(record.id))
            per_doc.append(counts)
            errors.extend(record_errors)
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold), errors=errors)
        result.metrics = [
            metric("event_f1", per_doc, f1_of("tp", "pred", "gold")),
            metric("event_precision", per_doc, precision_of("tp", "pred")),
            metric("event_recall", per_doc, recall_of("tp", "gold")),
            metric(
                "source_country_agreement",
                per_doc,
                ratio_of("src_ok", "src_n"),
                n=_n(per_doc, "src_n"),
                denominator="src_n",
            ),
            metric(
                "target_country_agreement",
                per_doc,
                ratio_of("tgt_ok", "tgt_n"),
                n=_n(per_doc, "tgt_n"),
                denominator="tgt_n",
            ),
            metric(
                "actor_country_recall",
                per_doc,
                ratio_of("act_country_ok", "act_n"),
                n=_n(per_doc, "act_n"),
                denominator="act_n",
            ),
            metric(
                "actor_code_recall",
                per_doc,
                ratio_of("act_code_ok", "act_n"),
                n=_n(per_doc, "act_n"),
                denominator="act_n",
            ),
            metric(
                "actor_country_precision",
                per_doc,
                ratio_of("act_pred_ok", "act_pred"),
                n=_n(per_doc, "act_pred"),
                denominator="act_pred",
            ),
            metric("records_exact", per_doc, ratio_of("exact", "records"), denominator="records"),
            metric(
                "no_event_false_positive_rate",
                per_doc,
                ratio_of("fp_noevent", "noevent"),
                n=_n(per_doc, "noevent"),
                denominator="noevent",
            ),
        ]
        dropped = sum(r.dropped for r in gold)
        result.notes = [
            f"CAMEO suite only ({len(gold)} sentences); {self.skipped} unit-test records skipped: "
            "their codes are WEIS/test-dictionary codes, not CAMEO meanings",
            f"{dropped} expected events with CAMEO roots 01/02 dropped: PLOVER codes no event for them",
            "actors compared by country only (alpha-3 prefix of the Phoenix code vs ISO2->ISO3 of the "
            "predicted actor); codes starting '---' or 'IGO' are not counted",
            "actor_*: the actor side without events: expected source/target codes against the actor "
            "entities of the sentence (country; code = country + sector of its agent code)",
            "the same records are reported under any split: a reference set, report-only, never tune on it",
        ]
        return result

    def _score_record(
        self, record: PetrarchRecord, prediction: Mapping[str, Any] | None
    ) -> tuple[Counts, list[ErrorCase]]:
        events = [e for e in scored_events(prediction) if e.get("plover")]
        got = Counter(str(e["plover"]) for e in events)
        want = Counter(e.plover for e in record.expected)
        tp = sum((got & want).values())
        counts: Counts = {
            "tp": float(tp),
            "pred": float(sum(got.values())),
            "gold": float(sum(want.values())),
            "records": 1.0,
            "exact": float(got == want),
            "noevent": float(record.expect_no_events),
            "fp_noevent": float(record.expect_no_events and bool(events)),
            "src_ok": 0.0,
            "src_n": 0.0,
            "tgt_ok": 0.0,
            "tgt_n": 0.0,
        }

        def agreement(event: Mapping[str, Any], exp: Expected) -> tuple[int, int, int, int]:
            src, tgt = _country(exp.source), _country(exp.target)
            src_got = iso2_to_iso3((event.get("actor1") or {}).get("country"))
            tgt_got = iso2_to_iso3((event.get("actor2") or {}).get("country"))
            return (
                int(src is not None and src == src_got),
                int(src is not None),
                int(tgt is not None and tgt == tgt_got),
                int(tgt is not None),
            )

        counts.update(sentence_actors(record, prediction))

        weights = [
            [
                (1.0 + agreement(e, x)[0] + agreement(e, x)[2]) if e["plover"] == x.plover else 0.0
                for x in record.expected
            ]
            for e in events
        ]
        pairs = best_assignment(weights)
        errors = self._type_errors(record, events, pairs)
        for i, j in pairs:
            src_ok, src_n, tgt_ok, tgt_n = agreement(events[i], record.expected[j])
            counts["src_ok"] += src_ok
            counts["src_n"] += src_n
            counts["tgt_ok"] += tgt_ok
            counts["tgt_n"] += tgt_n
            exp, trigger = record.expected[j], (events[i].get("trigger") or {}).get("text")
            if src_n and not src_ok:
                got_country = (events[i].get("actor1") or {}).get("country")
                errors.append(
                    ErrorCase("wrong source country", record.id, trigger, exp.source, got_country)
                )
            if tgt_n and not tgt_ok:
                got_country = (events[i].get("actor2") or {}).get("country")
                errors.append(
                    ErrorCase("wrong target country", record.id, trigger, exp.target, got_country)
                )
        return counts, errors

    @staticmethod
    def _type_errors(
        record: PetrarchRecord, events: list[dict[str, Any]], pairs: list[tuple[int, int]]
    ) -> list[ErrorCase]:
        errors = []
        spare_pred = [events[i] for i in range(len(events)) if i not in {i for i, _ in pairs}]
        spare_gold = [
            record.expected[j]
            for j in range(len(record.expected))
            if j not in {j for _, j in pairs}
        ]
        while spare_pred and spare_gold:
            event, exp = spare_pred.pop(0), spare_gold.pop(0)
            errors.append(
                ErrorCase(
                    f"wrong type {exp.plover}->{event['plover']}",
                    record.id,
                    (event.get("trigger") or {}).get("text"),
                    f"{exp.plover} (CAMEO {exp.cameo})",
                    str(event["plover"]),
                )
            )
        for event in spare_pred:
            kind = (
                "false positive on no-event sentence"
                if record.expect_no_events
                else f"spurious {event['plover']}"
            )
            errors.append(
                ErrorCase(
                    kind,
                    record.id,
                    (event.get("trigger") or {}).get("text"),
                    None,
                    str(event["plover"]),
                )
            )
        for exp in spare_gold:
            errors.append(
                ErrorCase(
                    f"missed {exp.plover}",
                    record.id,
                    record.text[:120],
                    f"{exp.plover} (CAMEO {exp.cameo}) {exp.source}->{exp.target}",
                    None,
                )
            )
        return errors


def sentence_actors(record: PetrarchRecord, prediction: Mapping[str, Any] | None) -> Counts:
    """The actor side without events: the sentence's actors against its expected codes.

    Each distinct expected source or target code with a country prefix counts once; it is
    found by country when an actor entity of the sentence (one with an actor type) has that
    country, and by code when one also has the sector its agent code maps to
    (``[petrarch.agent_sectors]``; a bare country code wants the state itself, GOV).
    Precision: the sentence's actors with a country, on sentences that expect events, whose
    country is among the expected ones.
    """
    sectors: Mapping[str, str] = eval_maps()["petrarch"]["agent_sectors"]
    actors = [
        e
        for e in (prediction or {}).get("entities") or []
        if e.get("actor_type") and e.get("country")
    ]
    got = {(iso2_to_iso3(e.get("country")), e.get("sector")) for e in actors}
    codes = {code for x in record.expected for code in (x.source, x.target)}
    counts: Counts = {"act_n": 0.0, "act_country_ok": 0.0, "act_code_ok": 0.0}
    wanted: set[str] = set()
    for code in sorted(codes):
        country = _country(code)
        if country is None:
            continue
        wanted.add(country)
        agent = code[3:6].upper()
        sector = sectors.get(agent, agent) if agent else "GOV"
        counts["act_n"] += 1
        counts["act_country_ok"] += float(any(c == country for c, _ in got))
        counts["act_code_ok"] += float((country, sector) in got)
    counts["act_pred"] = float(len(actors)) if record.expected else 0.0
    counts["act_pred_ok"] = (
        float(sum(1 for e in actors if iso2_to_iso3(e.get("country")) in wanted))
        if record.expected
        else 0.0
    )
    return counts


def _n(per_doc: list[Counts], key: str) -> int:
    return int(sum(c.get(key, 0.0) for c in per_doc))
