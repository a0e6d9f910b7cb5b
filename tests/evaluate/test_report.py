"""The scorecard table, its JSON, and the error analysis."""

from __future__ import annotations

import io
import json

from rich.console import Console

from dateline.evaluate.metrics import ErrorCase, Metric, ScoreResult
from dateline.evaluate.report import error_summary, render, to_json


def make_result():
    errors = [ErrorCase("spurious", "d1", f"x{i}", None, f"x{i}") for i in range(4)]
    errors += [ErrorCase("missed DATE", "d2", "Monday", "2013-03-18", None)] * 2
    errors += [ErrorCase("wrong value", "d3", "May", "2013-05", "2012-05")]
    return ScoreResult(
        corpus="te3",
        split="test",
        documents=2,
        metrics=[
            Metric("relaxed_f1", 0.61234, 0.5, 0.7, n=2, reference="HeidelTime 90.30"),
            Metric("overall", 0.5, None, None, n=4),
            Metric("value_accuracy", None, None, None, n=0),
        ],
        notes=["report-only"],
        errors=errors,
    )


def render_text(**kwargs):
    out = io.StringIO()
    render([make_result()], Console(file=out, width=160, color_system=None), **kwargs)
    return out.getvalue()


def test_table_has_every_column():
    text = render_text()
    for cell in (
        "te3 (test, 2 docs)",
        "relaxed_f1",
        "0.612",
        "0.500-0.700",
        "HeidelTime 90.30",
        "report-only",
    ):
        assert cell in text


def test_metric_without_interval_shows_a_dash():
    line = next(line for line in render_text().splitlines() if "overall" in line)
    assert " - " in line


def test_skip_notes_are_shown():
    assert "skipped lgl" in render_text(notes=["skipped lgl: geo_lgl.jsonl not found"])


def test_errors_only_when_asked():
    assert "spurious" not in render_text()
    assert "spurious" in render_text(errors=2)


def test_error_summary_most_frequent_first_with_three_examples():
    [corpus] = error_summary([make_result()], top=2)
    # spurious 4, missed DATE 2, wrong value 1 -> the top 2
    assert [(k["kind"], k["count"]) for k in corpus["kinds"]] == [
        ("spurious", 4),
        ("missed DATE", 2),
    ]
    assert [e["span"] for e in corpus["kinds"][0]["examples"]] == ["x0", "x1", "x2"]
    assert corpus["errors"] == 7


def test_json_is_stable_and_complete():
    text = to_json([make_result()], max_errors=1)
    [data] = json.loads(text)
    assert list(data) == ["corpus", "split", "documents", "metrics", "notes", "errors"]
    assert data["metrics"][0] == {
        "name": "relaxed_f1",
        "value": 0.6123,
        "low": 0.5,
        "high": 0.7,
        "n": 2,
        "reference": "HeidelTime 90.30",
    }
    assert len(data["errors"]) == 1
    assert text == to_json([make_result()], max_errors=1)


def test_undefined_metric_shows_dashes_not_zero():
    line = next(line for line in render_text().splitlines() if "value_accuracy" in line)
    cells = [cell.strip() for cell in line.split("│")]
    # corpus, metric, value, 95% CI, n, reference
    assert cells[1:6] == ["", "value_accuracy", "-", "-", "0"]
    assert "0.000" not in line


def test_undefined_metric_is_null_in_json():
    [data] = json.loads(to_json([make_result()]))
    assert data["metrics"][2] == {
        "name": "value_accuracy",
        "value": None,
        "low": None,
        "high": None,
        "n": 0,
        "reference": None,
    }
