"""A killed `extract --format jsonl -o FILE` resumes only what the same run would write.

Regression tests for issue #6 item 5 (a stale FILE.partial from another configuration or
other input options was merged silently) and issue #7 item 2 (documents sharing an id were
dropped on resume; a duplicate id inside a JSON Lines corpus went unreported).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli

TEXTS = [
    "Police dispersed a march in Lagos on Sunday.",
    "Gunmen attacked a bus near Kandahar.",
    "The army retook two villages outside Gao.",
]


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture
def articles(tmp_path):
    paths = []
    for n, text in enumerate(TEXTS):
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _extract(runner, paths, out, *options):
    args = ["extract", *paths, "--format", "jsonl", "--no-progress", "-o", str(out), *options]
    return runner.invoke(cli, args)


def _killed_after(runner, lines, paths, out, *options):
    """Run the extraction and stop it after ``lines`` documents, as a kill would.

    What stays on disk is what a kill leaves: FILE.partial (and what goes with it), no FILE.
    """
    from dateline.pipeline import Pipeline

    pipe = Pipeline.pipe

    def interrupted(self, docs):
        for n, doc in enumerate(pipe(self, docs)):
            if n == lines:
                raise KeyboardInterrupt
            yield doc

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Pipeline, "pipe", interrupted)
        result = _extract(runner, paths, out, *options)
    assert result.exit_code != 0
    assert not out.exists()
    partial = out.with_name(out.name + ".partial")
    assert len(partial.read_text(encoding="utf-8").splitlines()) == lines


def _sources(out) -> list[str]:
    return [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]


def test_a_partial_file_from_another_configuration_is_discarded(runner, articles, tmp_path):
    out = tmp_path / "out.jsonl"
    config = tmp_path / "other.toml"
    config.write_text("[language]\nmin_chars = 41\n", encoding="utf-8")
    _killed_after(runner, 2, articles, out, "--config", str(config))

    result = _extract(runner, articles, out)
    assert result.exit_code == 0, result.output
    assert "discarded 2 document(s)" in result.stderr and "configuration" in result.stderr
    assert "resuming" not in result.stderr
    fresh = _extract(runner, articles, tmp_path / "fresh.jsonl")
    assert fresh.exit_code == 0
    assert out.read_bytes() == (tmp_path / "fresh.jsonl").read_bytes()


@pytest.mark.parametrize(
    ("first", "second", "what"),
    [
        (["--no-clean"], [], "--no-clean"),
        (["--published", "2021-03-20"], [], "--published"),
        ([], ["--published", "2021-03-20"], "--published"),
    ],
)
def test_a_partial_file_written_with_other_input_options_is_discarded(
    runner, articles, tmp_path, first, second, what
):
    out = tmp_path / "out.jsonl"
    _killed_after(runner, 2, articles, out, *first)
    result = _extract(runner, articles, out, *second)
    assert result.exit_code == 0, result.output
    assert "discarded 2 document(s)" in result.stderr and what in result.stderr
    fresh = tmp_path / "fresh.jsonl"
    assert _extract(runner, articles, fresh, *second).exit_code == 0
    assert out.read_bytes() == fresh.read_bytes()


def test_the_same_run_resumes(runner, articles, tmp_path):
    out = tmp_path / "out.jsonl"
    fresh = tmp_path / "fresh.jsonl"
    assert _extract(runner, articles, fresh, "--published", "2021-03-20").exit_code == 0
    _killed_after(runner, 1, articles, out, "--published", "2021-03-20")
    result = _extract(runner, articles, out, "--published", "2021-03-20")
    assert result.exit_code == 0, result.output
    assert "resuming: 1 document(s)" in result.stderr
    assert "discarded" not in result.stderr
    assert out.read_bytes() == fresh.read_bytes()
    assert not list(tmp_path.glob("out.jsonl.*"))  # nothing of the checkpoint is left


def test_identical_files_from_two_sources_are_both_written_after_a_resume(
    runner, articles, tmp_path
):
    twin = tmp_path / "twin.txt"
    twin.write_text(TEXTS[0], encoding="utf-8")  # the same bytes, so the same id
    paths = [articles[0], str(twin), *articles[1:]]
    out = tmp_path / "out.jsonl"
    assert _extract(runner, paths, tmp_path / "fresh.jsonl").exit_code == 0
    full = (tmp_path / "fresh.jsonl").read_bytes()
    _killed_after(runner, 1, paths, out)
    result = _extract(runner, paths, out)
    assert result.exit_code == 0, result.output
    assert _sources(out) == paths
    assert out.read_bytes() == full
    ids = [json.loads(line)["id"] for line in full.decode().splitlines()]
    assert ids[0] == ids[1]  # one content, one id: a store keys it once, with both sources


def test_identical_lines_of_a_corpus_are_both_written_after_a_resume(runner, tmp_path):
    corpus = tmp_path / "c.jsonl"
    line = json.dumps({"text": TEXTS[0]}) + "\n"
    corpus.write_text(line + line + json.dumps({"text": TEXTS[1]}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    _killed_after(runner, 1, [str(corpus)], out)
    assert _extract(runner, [str(corpus)], out).exit_code == 0
    assert _sources(out) == [f"{corpus}:1", f"{corpus}:2", f"{corpus}:3"]


def test_a_duplicate_id_in_a_corpus_is_reported_and_the_rest_is_written(runner, tmp_path):
    corpus = tmp_path / "c.jsonl"
    records = [{"id": "r1", "text": TEXTS[0]}, {"id": "r1", "text": TEXTS[1]}]
    records.append({"id": "r2", "text": TEXTS[2]})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(corpus), "--format", "jsonl", "--no-progress"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("dateline: error:")]
    assert f"{corpus}:2" in errors[0] and "r1" in errors[0] and "line 1" in errors[0]
    written = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["id"], d["text"]) for d in written] == [("r1", TEXTS[0]), ("r2", TEXTS[2])]


def test_documents_no_input_of_this_run_gives_are_dropped_from_the_partial(
    runner, articles, tmp_path
):
    out = tmp_path / "out.jsonl"
    _killed_after(runner, 2, articles, out)
    # The second file changed between the runs: its old output must not stay.
    (tmp_path / "1.txt").write_text("Troops left Kunduz on Friday.", encoding="utf-8")
    result = _extract(runner, articles, out)
    assert result.exit_code == 0, result.output
    assert "discarded 1 document(s)" in result.stderr
    assert _sources(out) == articles
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert "Troops left Kunduz on Friday." in texts and TEXTS[1] not in texts


def test_a_partial_file_without_a_record_of_its_run_is_discarded(runner, articles, tmp_path):
    out = tmp_path / "out.jsonl"
    _killed_after(runner, 2, articles, out)
    for extra in tmp_path.glob("out.jsonl.partial.*"):
        extra.unlink()  # as an older dateline left it
    result = _extract(runner, articles, out)
    assert result.exit_code == 0, result.output
    assert "discarded 2 document(s)" in result.stderr
    assert len(_sources(out)) == 3
