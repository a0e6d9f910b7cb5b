"""PETRARCH scorer and the mapping tables, on hand-made records (invented sentences)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.mappings import cameo_to_plover, iso2_to_iso3, iter_tables
from dateline.evaluate.petrarch import PetrarchScorer


def rec(
    rid: str, expected: list[tuple[str, str, str]], *, suite: str = "CAMEO", no_events: bool = False
) -> dict:
    return {
        "id": rid,
        "code_scheme": suite,
        "date": "2008-08-04",
        "text": f"Invented sentence {rid}.",
        "expected": [{"source": s, "target": t, "cameo": c} for s, t, c in expected],
        "expect_no_events": no_events,
    }


def ev(plover: str, src: str | None = None, tgt: str | None = None) -> dict:
    def role(country):
        return (
            None
            if country is None
            else {
                "name": "x",
                "country": country,
                "evidence": [{"start": 0, "end": 1, "text": "I"}],
            }
        )

    return {
        "plover": plover,
        "mode": None,
        "actor1": role(src),
        "actor2": role(tgt),
        "certainty": "asserted",
        "trigger": {"start": 0, "end": 1, "text": "I"},
    }


@pytest.fixture
def result(tmp_path: Path):
    records = [
        rec("r1", [("USAGOV", "RUS", "042"), ("RUS", "USA", "010"), ("USA", "---", "190")]),
        rec("r2", [], no_events=True),
        rec("u1", [("ARN", "GON", "903")], suite="PETR-validation-dictionary"),  # skipped
    ]
    path = tmp_path / "petrarch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    scorer = PetrarchScorer()
    gold = scorer.load(path, "test")
    predicted = {
        "r1": {"events": [ev("CONSULT", "US", "CN"), ev("COERCE")]},
        "r2": {"events": [ev("ASSAULT")]},
    }
    return scorer.score(gold, predicted, "test")


def test_event_prf(result):
    # r1 expected {CONSULT, ASSAULT} (010 dropped), predicted {CONSULT, COERCE}: tp 1;
    # r2 expected nothing, predicted ASSAULT. tp 1, pred 3, gold 2 -> P 1/3, R 1/2, F1 0.4
    scores = {m.name: m.value for m in result.metrics}
    assert result.documents == 2
    assert scores["event_precision"] == pytest.approx(1 / 3)
    assert scores["event_recall"] == pytest.approx(1 / 2)
    assert scores["event_f1"] == pytest.approx(0.4)


def test_actors_exact_records_and_silence(result):
    # matched CONSULT: source USAGOV vs US -> USA agrees (1/1); target RUS vs CN -> CHN (0/1);
    # no record exactly right (0/2); the one no-event record got an event (1/1)
    scores = {m.name: m.value for m in result.metrics}
    assert scores["source_country_agreement"] == 1.0
    assert scores["target_country_agreement"] == 0.0
    assert scores["records_exact"] == 0.0
    assert scores["no_event_false_positive_rate"] == 1.0
    kinds = {e.kind for e in result.errors}
    assert {
        "wrong type ASSAULT->COERCE",
        "wrong target country",
        "false positive on no-event sentence",
    } <= kinds


def test_notes_count_dropped_and_skipped(result):
    assert any("1 expected events with CAMEO roots 01/02 dropped" in n for n in result.notes)
    assert any("1 unit-test records skipped" in n for n in result.notes)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("010", (None, None)),
        ("042", ("CONSULT", "visit")),
        ("0841", ("RETREAT", "release")),
        ("082", ("CONCEDE", None)),
        ("191", ("COERCE", "restrict")),
        ("1712", ("ASSAULT", "seize")),
        ("1711", ("COERCE", "seize")),
        ("200", ("ASSAULT", "unconventional")),
    ],
)
def test_cameo_to_plover(code, expected):
    assert cameo_to_plover(code) == expected


def test_unknown_cameo_root_raises():
    with pytest.raises(KeyError):
        cameo_to_plover("99")


@pytest.mark.parametrize(
    ("iso2", "iso3"), [("us", "USA"), ("PS", "PSE"), ("SV", "SLV"), ("XX", None), (None, None)]
)
def test_iso2_to_iso3(iso2, iso3):
    assert iso2_to_iso3(iso2) == iso3


def test_all_tables_load():
    tables = dict(iter_tables())
    assert tables["iso3166.tsv"] == 249
    assert tables["case2021.acled_sub_event"] == 25  # every ACLED sub-event type
    assert all(rows > 0 for rows in tables.values())


def test_agreement_without_matched_events_is_undefined(tmp_path: Path):
    # nothing predicted: P/R/F1 read 0, country agreement over no matched event is undefined
    path = tmp_path / "petrarch.jsonl"
    path.write_text(json.dumps(rec("r1", [("USAGOV", "RUS", "042")])) + "\n")
    scorer = PetrarchScorer()
    metrics = {m.name: m for m in scorer.score(scorer.load(path, "test"), {}, "test").metrics}
    assert metrics["event_recall"].value == 0.0
    assert metrics["records_exact"].value == 0.0
    for name in ("source_country_agreement", "target_country_agreement"):
        m = metrics[name]
        assert (m.value, m.low, m.high, m.n) == (None, None, None, 0), name
    # no expect_no_events sentence: the false positive rate is undefined too
    assert metrics["no_event_false_positive_rate"].value is None
