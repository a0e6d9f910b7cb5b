"""Options shared by the commands, the output shape, and how errors read.

Regression tests for issues #6 (items 9, 10) and #7 (items 6, 10, 12).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli

from .conftest import SAMPLE

ERROR = "dateline: error: "


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _article(tmp_path, name="a.txt", text="Police dispersed a march in Lagos on Sunday."):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- --format json: one shape (issue #7 item 12) ----------------------------------------------
def test_json_is_an_array_for_one_document(runner):
    result = runner.invoke(cli, ["extract", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and [d["source"] for d in data] == [str(SAMPLE)]


def test_json_is_an_empty_array_when_every_input_fails(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(cli, ["extract", str(empty), "--format", "json", "--no-progress"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


# -- -v after the subcommand, and logging during extract (issue #7 item 12) -------------------
@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_works_on_either_side_of_the_command_and_logs_the_extraction(runner, where):
    args = ["extract", str(SAMPLE), "--format", "jsonl"]
    args = ["-v", *args] if where == "before" else [*args, "-v"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    logged = [line for line in result.stderr.splitlines() if line.startswith("dateline: INFO:")]
    assert any("dateline.parse" in line for line in logged), result.stderr  # the stages it runs
    assert any(str(SAMPLE) in line for line in logged), result.stderr  # each document
    assert json.loads(result.stdout)["source"] == str(SAMPLE)


def test_without_verbose_nothing_is_logged(runner):
    result = runner.invoke(cli, ["extract", str(SAMPLE), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "INFO" not in result.stderr


# -- one form of error (issue #6 item 9) --------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["extract", "{sample}", "--published", "20 March"],  # a bad option value
        ["extract", "{sample}", "--format", "xml"],  # a bad choice
        ["extract", "{sample}", "--no-such-option"],  # an unknown option
        ["extract", "{sample}", "--config", "{missing}"],  # a library error
        ["eval", "--data", "{missing}"],  # a command's own check
        ["runs", "--db", "{missing}/none.db"],  # a store command's own error
        ["no-such-command"],
    ],
)
def test_every_error_is_one_line_in_one_form(runner, tmp_path, args):
    args = [a.format(sample=SAMPLE, missing=tmp_path / "missing") for a in args]
    result = runner.invoke(cli, args)
    assert result.exit_code in (1, 2), result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(ERROR), lines
    assert "Traceback" not in result.output and "Usage:" not in result.output


# -- the output path is checked before the batch (issue #7 item 6) -----------------------------
@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_output_to_a_directory_is_refused_before_any_document_is_read(
    runner, tmp_path, monkeypatch, fmt
):
    import dateline.pipeline

    ran = []
    monkeypatch.setattr(dateline.pipeline.Pipeline, "pipe", lambda self, docs: ran.append(1))
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(
        cli, ["extract", str(SAMPLE), "--format", fmt, "-o", str(folder), "--no-progress"]
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(ERROR) and str(folder) in result.stderr
    assert "directory" in result.stderr
    assert ran == []


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_an_impossible_output_path_is_one_line(runner, tmp_path, fmt):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(
        cli,
        ["extract", str(SAMPLE), "--format", fmt, "-o", str(blocker / "out.json"), "--no-progress"],
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(ERROR) and str(blocker) in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1


# -- bench reads what extract reads (issue #7 items 6 and 10) ----------------------------------
def test_bench_on_a_missing_file_is_one_line(runner, tmp_path):
    missing = tmp_path / "missing.jsonl"
    result = runner.invoke(cli, ["bench", str(missing)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = result.stderr.splitlines()
    assert errors and all(line.startswith(ERROR) for line in errors), errors
    assert str(missing) in errors[0] and "no such file" in errors[0]


# -- help says what exists (issue #6 item 9) ---------------------------------------------------
def test_extract_help_promises_only_what_the_stages_make(runner):
    result = runner.invoke(cli, ["extract", "--help"])
    first = result.stdout.split("\n\n")[1]
    for word in ("events", "quotes", "claims", "dates"):
        assert word not in first.lower(), first


# -- shared options are declared once (issue #6 item 10) ---------------------------------------
def test_shared_options_read_the_same_everywhere():
    def help_of(command, name):
        (option,) = [p for p in cli.commands[command].params if p.name == name]
        return option.help, option.opts

    for command in ("extract", "eval", "bench", "stages", "ingest", "events", "runs"):
        assert help_of(command, "config_path") == help_of("extract", "config_path")
        assert help_of(command, "verbose") == help_of("extract", "verbose")
    for command in ("bench", "eval", "ingest"):
        assert help_of(command, "workers") == help_of("extract", "workers")
    for name in ("published", "no_clean", "progress"):
        assert help_of("ingest", name) == help_of("extract", name)
