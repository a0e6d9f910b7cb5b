"""`dateline eval` and `dateline bench` through the command line, on tiny corpora written here."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli


@pytest.fixture
def data_dir(tmp_path):
    """A data folder with a three-document TE3-shaped corpus of our own sentences."""
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    docs = [
        {
            "id": "d1",
            "dct": "2021-03-05",
            "text": "Troops withdrew on Monday after talks.",
            "timexes": [
                {"start": 19, "end": 25, "text": "Monday", "type": "DATE", "value": "2021-03-01"}
            ],
        },
        {
            "id": "d2",
            "dct": "2021-03-05",
            "text": "The siege lasted three weeks.",
            "timexes": [
                {"start": 17, "end": 28, "text": "three weeks", "type": "DURATION", "value": "P3W"}
            ],
        },
        {"id": "d3", "dct": "2021-03-05", "text": "Nobody was hurt.", "timexes": []},
        {
            "id": "d4",
            "dct": "2021-03-05",
            "text": "Rebels attacked at the witching hour.",
            "timexes": [
                {
                    "start": 19,
                    "end": 36,
                    "text": "the witching hour",
                    "type": "TIME",
                    "value": "2021-03-05TNI",
                }
            ],
        },
    ]
    for doc in docs:
        for t in doc["timexes"]:
            assert doc["text"][t["start"] : t["end"]] == t["text"]
    (eval_dir / "timex_te3.jsonl").write_text(
        "".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8"
    )
    return tmp_path


def test_eval_json_scores_the_corpora_found_and_notes_the_rest(data_dir):
    result = CliRunner().invoke(cli, ["eval", "--data", str(data_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    # Our own attribution and merging gold sets ship in the repository: always found.
    assert [s["corpus"] for s in scores] == ["te3", "attribution", "merge"]
    assert scores[0]["documents"] == 4
    assert "lgl" in result.stderr and "not found" in result.stderr


def test_eval_table_and_errors(data_dir):
    result = CliRunner().invoke(
        cli, ["eval", "--data", str(data_dir), "--only", "te3", "--errors", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "dateline scorecard" in result.stdout
    assert "missed TIME" in result.stdout  # "the witching hour" is not in the grammar


def test_eval_rejects_unknown_corpus_names(data_dir):
    result = CliRunner().invoke(cli, ["eval", "--data", str(data_dir), "--only", "nope"])
    assert result.exit_code == 1
    assert "unknown corpus name" in result.output and "te3" in result.output


def test_eval_needs_an_existing_folder(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "--data", str(tmp_path / "absent")])
    assert result.exit_code != 0
    assert "absent" in result.output


@pytest.mark.slow
def test_bench_json_reports_both_sides_and_the_ratio(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": str(i), "split": "test", "text": text}) + "\n"
            for i, text in enumerate(
                [
                    "Gunmen attacked a police post near Kandahar on Monday.",
                    "Thousands marched in Santiago to demand new elections.",
                ]
            )
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["bench", str(corpus), "--split", "test", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    text = json.dumps(data)
    assert "spacy" in text.lower() and "ratio" in text.lower()


def test_a_damaged_corpus_is_skipped_with_its_reason(data_dir):
    broken = data_dir / "eval" / "geo_lgl.jsonl"
    broken.write_text('{"id": "x", "text": "Kabul", "toponyms": []}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--data", str(data_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    # Our own attribution and merging gold sets ship in the repository: always found.
    assert [s["corpus"] for s in json.loads(result.stdout)] == ["te3", "attribution", "merge"]
    assert "skipped lgl" in result.stderr and str(broken) in result.stderr


# -- the committed scorecard (issue #14) -------------------------------------------------------
def _scorecard(data_dir, *extra):
    path = data_dir / "scorecard.json"
    result = CliRunner().invoke(
        cli,
        [
            "eval",
            "--data",
            str(data_dir),
            "--only",
            "te3",
            "--format",
            "scorecard",
            "-o",
            str(path),
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return path


def test_eval_writes_a_scorecard_that_checks_clean(data_dir):
    path = _scorecard(data_dir)
    card = json.loads(path.read_text(encoding="utf-8"))
    assert card["corpora"]["te3"]["documents"] == 4
    assert "value_f1" in card["corpora"]["te3"]["metrics"]
    result = CliRunner().invoke(
        cli, ["eval", "--data", str(data_dir), "--only", "te3", "--check", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "every number equals" in result.stderr


def test_a_stale_scorecard_fails_with_what_differs(data_dir):
    path = _scorecard(data_dir)
    card = json.loads(path.read_text(encoding="utf-8"))
    card["corpora"]["te3"]["metrics"]["relaxed_r"]["value"] = 0.5  # deliberately stale
    path.write_text(json.dumps(card), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["eval", "--data", str(data_dir), "--only", "te3", "--check", str(path)]
    )
    assert result.exit_code == 1
    assert "relaxed_r" in result.stderr and "0.5" in result.stderr
    assert "make scorecard" in result.stderr


def test_two_workers_score_the_same_numbers(data_dir):
    one = _scorecard(data_dir).read_text(encoding="utf-8")
    two = _scorecard(data_dir, "--workers", "2").read_text(encoding="utf-8")
    assert one == two
