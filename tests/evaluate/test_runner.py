"""The runner with a fake pipeline (no spaCy model) on tiny corpora written in tmp_path."""

from __future__ import annotations

import json
import re

import pytest

from dateline.errors import ConfigError
from dateline.evaluate.report import to_json
from dateline.evaluate.runner import SCORERS, run_eval, scorer_names, select
from dateline.records import Place, Span, Time

TEXT = "On Monday they met in Paris."
#       0123456789012345678901234567
MONDAY = {"start": 3, "end": 9, "text": "Monday", "type": "DATE", "value": "2013-03-18"}


class FakePipeline:
    """Uses the raw text as is and adds preset times and places; fails documents named 'bad'."""

    def __init__(self, times=(), places=()):
        self.times = list(times)
        self.places = list(places)
        self.seen = []

    def pipe(self, docs):
        for doc in docs:
            self.seen.append((doc.id, doc.clean, doc.published_given, doc.input_format))
            if doc.id == "bad":
                doc.fail(ValueError("unreadable"))
                yield doc
                continue
            doc.set_text(doc.raw)
            doc.times = [
                Time(
                    id=f"t-{t['start']}",
                    type=t["type"],
                    value=t["value"],
                    evidence=[Span.of(doc.text, t["start"], t["end"])],
                )
                for t in self.times
            ]
            doc.places = [
                Place(
                    id=f"p{i}",
                    name=p["name"],
                    lat=p.get("lat"),
                    lon=p.get("lon"),
                    mentions=[Span.of(doc.text, p["start"], p["end"])],
                )
                for i, p in enumerate(self.places)
            ]
            yield doc


def write_jsonl(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def data(tmp_path):
    te3 = [
        {"id": "a", "dct": "2013-03-20", "text": TEXT, "timexes": [MONDAY]},
        {"id": "bad", "dct": "2013-03-20", "text": TEXT, "timexes": [MONDAY]},
    ]
    write_jsonl(tmp_path / "eval" / "timex_te3.jsonl", te3)
    paris = {"start": 22, "end": 27, "name": "Paris", "lat": 48.8566, "lon": 2.3522}
    lgl = [{"id": f"g{i}", "text": TEXT, "toponyms": [paris]} for i in range(10)]
    write_jsonl(tmp_path / "eval" / "geo_lgl.jsonl", lgl)
    return tmp_path


def test_te3_through_the_runner(data):
    pipeline = FakePipeline(times=[MONDAY])
    results, notes = run_eval(data, only=["te3"], split="test", pipeline=pipeline)
    [result] = results
    metrics = {m.name: m.value for m in result.metrics}
    # doc a: 1 of 1 right; doc bad failed -> empty prediction: 0 of 1 -> P 1/1, R 1/2, F1 2/3
    assert metrics["relaxed_p"] == pytest.approx(1.0)
    assert metrics["relaxed_r"] == pytest.approx(0.5)
    assert metrics["relaxed_f1"] == pytest.approx(2 / 3)
    assert notes == []
    # gold DCT given, text not cleaned, never read as HTML
    assert pipeline.seen[0] == ("a", False, "2013-03-20", "text")


def test_geo_test_split_through_the_runner(data):
    # one predicted Paris, 1 degree north: 111 km, within 161
    pipeline = FakePipeline(
        places=[{"start": 22, "end": 27, "name": "Paris", "lat": 49.8566, "lon": 2.3522}]
    )
    results, _ = run_eval(data, only=["lgl"], split="test", pipeline=pipeline)
    [result] = results
    assert [doc_id for doc_id, *_ in pipeline.seen] == ["g7", "g8", "g9"]  # last 30 %
    metrics = {m.name: m.value for m in result.metrics}
    assert (result.documents, metrics["strict_f1"], metrics["acc_161"]) == (3, 1.0, 1.0)
    assert metrics["median_error_km"] == pytest.approx(111.195, abs=0.01)


def test_missing_corpus_is_a_note(data):
    results, notes = run_eval(data, only=["geovirus"], split="dev", pipeline=FakePipeline())
    assert results == []
    assert notes == [f"skipped geovirus: geo_geovirus.jsonl not found under {data}"]


def test_unknown_name_lists_known_names(data):
    with pytest.raises(ConfigError, match="unknown corpus name.*nope.*known: te3, lgl"):
        run_eval(data, only=["nope"], split="test", pipeline=FakePipeline())


def test_unknown_split_is_an_error(data):
    with pytest.raises(ConfigError, match="split"):
        run_eval(data, only=["te3"], split="train", pipeline=FakePipeline())


def test_progress_and_limit(data):
    calls = []
    results, _ = run_eval(
        data,
        only=["lgl"],
        split="dev",
        pipeline=FakePipeline(),
        progress=lambda name, done, n: calls.append((name, done, n)),
        limit=2,
    )
    assert calls == [("lgl", 1, 2), ("lgl", 2, 2)]
    assert results[0].documents == 2
    assert any("first 2 documents" in note for note in results[0].notes)


def test_runs_are_deterministic(data):
    def once():
        results, _ = run_eval(
            data, only=["te3", "lgl"], split="test", pipeline=FakePipeline(times=[MONDAY])
        )
        return to_json(results, max_errors=10)

    assert once() == once()


def test_scorers_in_order():
    names = scorer_names()
    assert names[:7] == ["te3", "lgl", "trnews", "geowebnews", "geovirus", "wiktor", "seed"]
    assert len(set(names)) == len(names) == len(SCORERS)


def test_select_keeps_scorecard_order():
    scorers, notes = select(["seed", "te3"])
    assert [s.name for s in scorers] == ["te3", "seed"]
    assert notes == []


METRIC_NAME = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


@pytest.mark.parametrize("scorer", SCORERS, ids=lambda s: s.name)
def test_metric_names_are_snake_case_and_empty_sets_are_undefined(scorer):
    # No documents: every ratio over a count that can be empty is None; only the
    # P/R/F1 family keeps its conventional 0. Names are JSON keys: snake_case identifiers.
    result = scorer.score([], {}, "test")
    for m in result.metrics:
        assert METRIC_NAME.fullmatch(m.name), m.name
        if m.value is not None:
            assert m.value == 0.0, m.name
            assert re.search(r"(^|_)(p|r|f1|precision|recall)(_|$)", m.name), m.name
