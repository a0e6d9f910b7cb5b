"""The command line, run in-process with click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_extract_json_is_valid_and_deterministic(runner, validate):
    first = runner.invoke(cli, ["extract", str(SAMPLE), "--format", "json"])
    second = runner.invoke(cli, ["extract", str(SAMPLE), "--format", "json"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    (data,) = json.loads(first.stdout)  # always an array (issue #7 item 12)
    validate(data)
    assert data["source"] == str(SAMPLE)


def test_extract_jsonl_writes_one_line_per_document(runner, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text(
        "Police dispersed a march in Lagos on Sunday, witnesses said.", encoding="utf-8"
    )
    result = runner.invoke(
        cli, ["extract", str(SAMPLE), str(other), "--format", "jsonl", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source"] for line in lines] == [str(SAMPLE), str(other)]


def test_extract_json_of_several_documents_is_an_array(runner, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text(
        "Police dispersed a march in Lagos on Sunday, witnesses said.", encoding="utf-8"
    )
    result = runner.invoke(
        cli, ["extract", str(SAMPLE), str(other), "--format", "json", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert [d["source"] for d in json.loads(result.stdout)] == [str(SAMPLE), str(other)]


def test_extract_table_lists_what_was_found_and_names_what_was_not(runner):
    result = runner.invoke(cli, ["extract", str(SAMPLE), "--format", "table"])
    assert result.exit_code == 0, result.output
    (data,) = json.loads(runner.invoke(cli, ["extract", str(SAMPLE), "--format", "json"]).stdout)
    titles = {"events": "Events", "entities": "Entities", "places": "Places", "times": "Dates"}
    titles.update(quotes="Quotes", claims="Claims")
    found = [titles[key] for key in titles if data[key]]
    missing = [titles[key].lower() for key in titles if not data[key]]
    assert [f"{title} ({len(data[key])})" in result.stdout for key, title in titles.items()] == [
        bool(data[key]) for key in titles
    ]
    positions = [result.stdout.index(f"{title} (") for title in found]
    assert positions == sorted(positions)
    not_found = [line for line in result.stdout.splitlines() if line.startswith("not found:")]
    assert not_found == ([f"not found: {', '.join(missing)}"] if missing else [])


def test_output_file_is_written(runner, tmp_path):
    out = tmp_path / "out" / "doc.json"
    result = runner.invoke(cli, ["extract", str(SAMPLE), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))[0]["schema"] == "dateline/1"
    assert result.stdout == ""


def test_published_option_overrides_and_is_checked(runner):
    ok = runner.invoke(
        cli, ["extract", str(SAMPLE), "--format", "json", "--published", "2021-03-20"]
    )
    assert json.loads(ok.stdout)[0]["meta"]["published"] == "2021-03-20"
    bad = runner.invoke(cli, ["extract", str(SAMPLE), "--published", "20 March"])
    assert bad.exit_code == 2
    assert "YYYY-MM-DD" in bad.output


def test_a_bad_input_is_reported_and_the_others_are_written(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(
        cli,
        ["extract", str(empty), str(SAMPLE), str(missing), "--format", "jsonl", "--no-progress"],
    )
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(SAMPLE)]
    errors = [line for line in result.stderr.splitlines() if line.startswith("dateline: error:")]
    assert any(str(empty) in line and "empty" in line for line in errors)
    assert any(str(missing) in line for line in errors)


def test_failed_run_keeps_an_existing_output_file_until_it_is_replaced(runner, tmp_path):
    out = tmp_path / "doc.json"
    out.write_text("old", encoding="utf-8")
    result = runner.invoke(
        cli, ["extract", str(SAMPLE), "--config", str(tmp_path / "nope.toml"), "-o", str(out)]
    )
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "old"


def test_schema_command_prints_the_committed_schema(runner):
    from dateline.schema import committed_schema

    result = runner.invoke(cli, ["schema"])
    assert json.loads(result.stdout) == committed_schema()


def test_stages_command_lists_the_pipeline(runner):
    result = runner.invoke(cli, ["stages"])
    assert result.exit_code == 0
    assert " 1  dateline.clean.v1" in result.stdout


def test_workers_give_the_same_bytes_in_the_same_order(runner, tmp_path):
    paths = []
    for n, text in enumerate(
        [
            "Police dispersed a march in Lagos on Sunday, witnesses said.",
            "Gunmen attacked a bus near Kandahar on Friday, officials said.",
            "",
            "The army said it had retaken two villages outside Gao.",
        ]
    ):
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    one = runner.invoke(cli, ["extract", *paths, "--format", "jsonl", "--no-progress"])
    two = runner.invoke(
        cli, ["extract", *paths, "--format", "jsonl", "--no-progress", "--workers", "2"]
    )
    assert one.exit_code == two.exit_code == 1  # the empty file
    assert one.stdout == two.stdout
    assert len(two.stdout.splitlines()) == 3


def test_output_file_gets_ordinary_permissions(runner, tmp_path):
    import os
    import stat

    out = tmp_path / "doc.json"
    runner.invoke(cli, ["extract", str(SAMPLE), "--format", "json", "-o", str(out)])
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_a_killed_jsonl_batch_resumes_where_it_stopped(runner, tmp_path, monkeypatch):
    from dateline.pipeline import Pipeline

    paths = []
    for n, text in enumerate(
        [
            "Police dispersed a march in Lagos on Sunday.",
            "Gunmen attacked a bus near Kandahar.",
            "The army retook two villages outside Gao.",
        ]
    ):
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "out.jsonl"
    args = ["extract", *paths, "--format", "jsonl", "--no-progress"]
    full = runner.invoke(cli, args).stdout
    pipe = Pipeline.pipe

    def killed_after_two(self, docs):
        for n, doc in enumerate(pipe(self, docs)):
            if n == 2:
                raise KeyboardInterrupt
            yield doc

    with monkeypatch.context() as patch:
        patch.setattr(Pipeline, "pipe", killed_after_two)
        assert runner.invoke(cli, [*args, "-o", str(out)]).exit_code == 130
    # What a kill during the third document's write leaves: two whole lines and a torn one.
    partial = tmp_path / "out.jsonl.partial"
    with partial.open("a", encoding="utf-8") as handle:
        handle.write(full.splitlines(keepends=True)[2][:25])
    out.write_text("older results\n", encoding="utf-8")

    result = runner.invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "resuming: 2 document(s)" in result.stderr
    assert out.read_text(encoding="utf-8") == full
    assert not partial.exists()


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("image.txt", bytes(range(256)) * 8, "binary"),
        ("huge.txt", b"Troops moved in. " * 300, "over the limit"),
        ("broken.txt", b"\xff\xfe\x00\xd8" + "Troops moved in.".encode("utf-16-le")[:-1], "encod"),
        ("corpus.jsonl", b'{"text": "Police fired tear gas in Lagos."}\n{not json\n', "line 2"),
    ],
)
def test_each_bad_input_gets_one_line_and_the_batch_goes_on(
    runner, tmp_path, name, content, needle
):
    bad = tmp_path / name
    bad.write_bytes(content)
    config = tmp_path / "small.toml"
    config.write_text("[input]\nmax_bytes = 4000\n", encoding="utf-8")
    result = runner.invoke(
        cli,
        [
            "extract",
            str(bad),
            str(SAMPLE),
            "--format",
            "jsonl",
            "--no-progress",
            "--config",
            str(config),
        ],
    )
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("dateline: error:")]
    assert len(errors) == 2, errors  # the bad input, then the summary line
    assert str(bad) in errors[0] and needle in errors[0]
    written = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert str(SAMPLE) in written


def test_progress_bar_starts_only_with_the_second_document(runner, tmp_path, monkeypatch):
    import rich.progress

    started = []
    monkeypatch.setattr(rich.progress.Progress, "start", lambda self: started.append(True))
    one = runner.invoke(cli, ["extract", str(SAMPLE), "--format", "jsonl", "--progress"])
    assert one.exit_code == 0, one.output
    assert started == []
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"text": "Police fired tear gas in Lagos."}\n{"text": "Troops entered Gao."}\n',
        encoding="utf-8",
    )
    two = runner.invoke(cli, ["extract", str(corpus), "--format", "jsonl", "--progress"])
    assert two.exit_code == 0, two.output
    assert started == [True]
    assert len(two.stdout.splitlines()) == 2
    off = runner.invoke(cli, ["extract", str(corpus), "--format", "jsonl", "--no-progress"])
    assert off.exit_code == 0 and started == [True]
