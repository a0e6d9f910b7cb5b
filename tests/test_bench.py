"""The benchmark's pieces and the parallel runner. No timing is asserted: only structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.bench import (
    BenchResult,
    ColdStart,
    Measurement,
    StageFigures,
    count_words,
    load_inputs,
    measure_cold_start,
    render_table,
    run_bench,
)
from dateline.config import load_config
from dateline.document import Document
from dateline.errors import DatelineError, InputError
from dateline.pipeline import Pipeline
from dateline.runner import pipe_parallel

RECORDS = [
    {"id": "a1", "split": "train", "text": "militia fighters burned two villages near the river."},
    {
        "id": "a2",
        "split": "test",
        "text": "the army said it had shelled rebel positions overnight.",
    },
    {"id": "a3", "split": "test", "text": "a roadside bomb wounded three soldiers on the highway."},
    {
        "id": "a4",
        "split": "dev",
        "text": "students marched to the ministry to demand new elections.",
    },
]

TEXTS = [
    "Militia fighters burned two villages near Goma on Sunday, residents said.",
    "The army shelled rebel positions outside Aleppo overnight.",
    "",
    "A roadside bomb wounded three soldiers near Kandahar.",
    "Thousands of students marched in Santiago to demand new elections.",
]


@pytest.fixture
def corpus(tmp_path: Path) -> str:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return str(path)


def measurement(name: str, seconds: float, peak: float, *, workers: int = 1) -> Measurement:
    return Measurement(
        name=name,
        docs=10,
        words=1000,
        workers=workers,
        times_s=[seconds, seconds * 3, seconds],
        startup_s=1.0,
        peak_mib=peak,
    )


def hand_result(workers: int = 1) -> BenchResult:
    return BenchResult(
        paths=["corpus.jsonl"],
        split="test",
        docs=10,
        words=1000,
        skipped=0,
        workers=workers,
        repeat=3,
        spacy=measurement("spacy", 2.0, 200.0, workers=workers),
        dateline=measurement("dateline", 5.0, 300.0, workers=workers),
        cold_start=ColdStart(extract_s=2.5, extract_runs_s=[2.5], import_s=0.2),
        machine={"cpus": 2},
    )


@pytest.mark.parametrize(
    ("split", "ids"),
    [(None, ["a1", "a2", "a3", "a4"]), ("test", ["a2", "a3"]), ("dev", ["a4"]), ("x", [])],
)
def test_load_inputs_filters_by_split(corpus: str, split: str | None, ids: list[str]) -> None:
    docs = load_inputs([corpus], split=split)
    assert [doc.source.rsplit("#", 1)[1] for doc in docs] == ids


def test_load_inputs_keeps_corpus_text_as_given(corpus: str) -> None:
    docs = load_inputs([corpus], split="test")
    assert [doc.raw for doc in docs] == [RECORDS[1]["text"], RECORDS[2]["text"]]
    assert not any(doc.clean for doc in docs)


def test_load_inputs_limit(corpus: str) -> None:
    assert len(load_inputs([corpus], limit=3)) == 3


def test_load_inputs_reads_plain_files(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXTS[0], encoding="utf-8")
    (doc,) = load_inputs([str(path)])
    assert doc.raw == TEXTS[0]
    assert doc.clean


def test_load_inputs_reports_a_record_without_text_and_goes_on(tmp_path: Path) -> None:
    # Issue #7 item 10: the message came with a stray "('text')"; now the reader of extract.
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n{"id": "y", "text": "Troops entered Gao."}\n', encoding="utf-8")
    errors: list[InputError] = []
    docs = load_inputs([str(path)], errors=errors)
    assert [doc.id for doc in docs] == ["y"]
    (error,) = errors
    assert f"{path}:1" in str(error) and "line 1" in str(error)
    assert not str(error).endswith("')")


def test_load_inputs_reads_html_records_as_extract_does(tmp_path: Path) -> None:
    # Issue #7 item 10: bench refused the "html" records that extract reads.
    path = tmp_path / "pages.jsonl"
    page = "<html><body><article><p>Troops entered Gao on Friday.</p></article></body></html>"
    path.write_text(
        json.dumps({"id": "p1", "html": page, "split": "test"}) + "\n", encoding="utf-8"
    )
    (doc,) = load_inputs([str(path)], split="test")
    assert doc.input_format == "html" and doc.raw == page


def test_load_inputs_on_a_missing_file_reports_it(tmp_path: Path) -> None:
    errors: list[InputError] = []
    assert load_inputs([str(tmp_path / "missing.jsonl")], errors=errors) == []
    assert "no such file" in str(errors[0])


@pytest.mark.parametrize(
    ("text", "words"),
    [("", 0), ("   ", 0), ("one", 1), ("two  words", 2), ("tabs\tand\nnew lines ", 4)],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_measurement_rates_use_the_median_time() -> None:
    m = measurement("spacy", 2.0, 100.0, workers=2)
    assert m.seconds == 2.0
    assert m.docs_per_s == 5.0
    assert m.words_per_s == 500.0
    assert m.words_per_s_per_core == 250.0


def test_ratios() -> None:
    result = hand_result()
    assert result.time_ratio == pytest.approx(2.5)
    assert result.throughput_ratio == pytest.approx(0.4)
    assert result.memory_ratio == pytest.approx(1.5)


def test_to_dict_keys() -> None:
    data = hand_result().to_dict()
    assert set(data) == {
        "paths",
        "split",
        "docs",
        "words",
        "skipped",
        "workers",
        "repeat",
        "spacy",
        "dateline",
        "ratio",
        "cold_start",
        "machine",
        "stages",
    }
    assert set(data["ratio"]) == {"time", "throughput", "memory"}
    assert {
        "seconds",
        "docs_per_s",
        "words_per_s",
        "words_per_s_per_core",
        "peak_mib",
        "startup_s",
        "times_s",
    } <= set(data["dateline"])
    assert data["cold_start"]["extract_s"] == 2.5
    json.dumps(data)


def test_render_table_shows_each_stage_share() -> None:
    # Issue #6 item 8: each stage's share of the pipeline's time and memory.
    result = hand_result()
    result.stages = [
        StageFigures("dateline.clean.v1", seconds=0.5, docs=10, build_s=0.0, peak_mib=1.0),
        StageFigures("dateline.parse.v1", seconds=4.0, docs=10, build_s=1.2, peak_mib=120.0),
    ]
    text = render_table(result)
    for label in ("stage", "seconds", "share", "peak memory"):
        assert label in text
    lines = {
        name: line
        for line in text.splitlines()
        for name in ("dateline.clean.v1", "dateline.parse.v1")
        if name in line
    }
    assert "10.0%" in lines["dateline.clean.v1"]  # 0.5 s of the 5.0 s wall time
    assert "80.0%" in lines["dateline.parse.v1"]
    assert "120" in lines["dateline.parse.v1"]
    data = result.to_dict()
    assert data["stages"][1]["share"] == pytest.approx(0.8)


def test_render_table_names_every_metric() -> None:
    text = render_table(hand_result())
    for label in ("wall time", "documents/s", "words/s per core", "peak memory", "cold start"):
        assert label in text
    assert "2.50" in text  # the time ratio


@pytest.mark.parametrize("workers", [0, -1])
def test_run_bench_refuses_no_workers(corpus: str, workers: int) -> None:
    with pytest.raises(DatelineError, match="workers"):
        run_bench([corpus], workers=workers, cold_start=False)


def test_run_bench_says_when_nothing_is_left(corpus: str) -> None:
    with pytest.raises(DatelineError, match="no documents"):
        run_bench([corpus], split="nope", cold_start=False)


@pytest.mark.slow
def test_pipe_parallel_matches_the_sequential_pipeline_in_order() -> None:
    def docs() -> list[Document]:
        return [Document.from_input(text, source=f"t{i}") for i, text in enumerate(TEXTS)]

    expected = [doc.to_dict() for doc in Pipeline().pipe(docs())]
    got = list(pipe_parallel(docs(), workers=2, chunk_size=2))
    assert [doc.source for doc in got] == [f"t{i}" for i in range(len(TEXTS))]
    assert [doc.to_dict() for doc in got] == expected
    assert got[2].failed and isinstance(got[2].error, InputError)
    assert all(doc.sdoc is None for doc in got)


@pytest.mark.slow
def test_run_bench_smoke(corpus: str) -> None:
    result = run_bench([corpus], limit=3, repeat=1, cold_start=False)
    assert (result.docs, result.skipped, result.workers) == (3, 0, 1)
    assert result.words == sum(count_words(r["text"]) for r in RECORDS[:3])
    for side in (result.spacy, result.dateline):
        assert len(side.times_s) == 1
        assert side.seconds > 0 and side.docs_per_s > 0 and side.words_per_s > 0
        assert side.peak_mib > 0 and side.startup_s > 0
    assert result.time_ratio > 0 and result.throughput_ratio > 0
    assert result.machine["model_version"]
    assert result.cold_start is None
    # Per-stage figures come from the pipeline itself, one row per configured stage.
    assert [stage.name for stage in result.stages] == load_config().pipeline.stages
    assert all(stage.docs == 3 for stage in result.stages)
    assert sum(stage.seconds for stage in result.stages) <= result.dateline.seconds
    assert all(stage.peak_mib is not None and stage.peak_mib >= 0 for stage in result.stages)
    assert "documents/s" in render_table(result)


@pytest.mark.slow
def test_measure_cold_start_structure() -> None:
    cold = measure_cold_start(runs=1)
    assert cold.import_s is not None and cold.import_s > 0
    assert cold.model_load_s is not None and cold.model_load_s > 0
    # `extract` must run (issue #6 item 9: this assertion used to accept a failure's note).
    assert cold.note is None
    assert cold.extract_s is not None and cold.extract_s > 0
    assert len(cold.extract_runs_s) == 1
