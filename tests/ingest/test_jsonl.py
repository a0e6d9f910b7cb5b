"""JSON Lines corpora: one Document per line, a bad line fails alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.document import make_id
from dateline.ingest.jsonl import looks_like_jsonl, read_jsonl


def read(lines: list[bytes], **options: object) -> list:  # noqa: ANN401
    return list(read_jsonl(lines, "corpus.jsonl", **options))  # type: ignore[arg-type]


def test_fixture_corpus_sources(fixtures: Path) -> None:
    with (fixtures / "corpus.jsonl").open("rb") as stream:
        docs = list(read_jsonl(stream, "corpus.jsonl"))
    assert [d.source for d in docs] == [
        "corpus.jsonl#kabul-1",
        "corpus.jsonl:2",
        "corpus.jsonl#gaza-2",
        "corpus.jsonl:4",
    ]
    assert [d.failed for d in docs] == [False, True, False, False]


def test_fixture_corpus_malformed_line_names_file_and_line(fixtures: Path) -> None:
    with (fixtures / "corpus.jsonl").open("rb") as stream:
        bad = [d for d in read_jsonl(stream, "corpus.jsonl") if d.failed]
    assert bad[0].source == "corpus.jsonl:2"
    assert [p.code for p in bad[0].problems] == ["jsonl"]
    assert bad[0].problems[0].message.startswith("line 2 is not a valid article record")


@pytest.mark.parametrize(
    ("line", "detail"),
    [
        (b'{"text": "unfinished', "not JSON"),
        (b'["a", "list"]', "not an object"),
        (b'{"id": "x"}', 'neither "text" nor "html"'),
        (b'{"text": 42}', '"text" must be a string'),
        (b'{"text": "Shells fell.", "id": 7}', '"id" must be a string'),
        (b'{"text": "Shells fell.", "clean": "no"}', '"clean" must be true or false'),
        (b'{"text": "Shells fell.", "published": "9 May 2020"}', '"published" must be a date'),
        (b'{"text": "Shells fell.", "published": "2020-02-30"}', '"published" must be a date'),
        (b'{"text": "caf\xe9"}', "not UTF-8"),
    ],
)
def test_malformed_line(line: bytes, detail: str) -> None:
    good = b'{"text": "Shells fell on the town."}'
    docs = read([good + b"\n", line + b"\n", good])
    assert [d.failed for d in docs] == [False, True, False]
    assert docs[1].source == "corpus.jsonl:2"
    assert docs[1].problems[0].code == "jsonl"
    assert detail in docs[1].problems[0].message


def test_line_overrides_command_line() -> None:
    line = json.dumps({"text": "Shells fell.", "published": "2020-01-02", "clean": False})
    (doc,) = read([line.encode()], published="2021-01-01", clean=True)
    assert (doc.published_given, doc.clean) == ("2020-01-02", False)


def test_command_line_applies_when_line_is_silent() -> None:
    (doc,) = read([b'{"text": "Shells fell."}'], published="2021-01-01", clean=False)
    assert (doc.published_given, doc.clean) == ("2021-01-01", False)


def test_id_is_hash_of_line_without_given_id() -> None:
    line = b'{"text": "Shells fell."}'
    (doc,) = read([line + b"\n"])
    assert doc.id == make_id(line + b"\n")


def test_html_field_sets_format() -> None:
    (doc,) = read([b'{"html": "<p>Shells fell.</p>", "url": "https://example.org/a"}'])
    assert (doc.input_format, doc.raw, doc.url) == (
        "html",
        "<p>Shells fell.</p>",
        "https://example.org/a",
    )


def test_blank_lines_skipped_but_counted() -> None:
    docs = read([b'{"text": "a"}\n', b"\n", b'{"text": "b"}\n'])
    assert [d.source for d in docs] == ["corpus.jsonl:1", "corpus.jsonl:3"]


def test_line_over_limit() -> None:
    from dateline.config import load_config

    config = load_config(overrides={"input": {"max_bytes": 20}})
    docs = read([b'{"text": "short"}\n', b'{"text": "' + b"x" * 40 + b'"}\n'], config=config)
    assert [d.failed for d in docs] == [False, True]
    assert docs[1].problems[0].code == "too_large"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"text": "a"}\n{"text": "b"}\n', True),
        (b'\n\n{"text": "a"}', True),
        (b'{"text": "a"}\nThe army said.\n', False),
        (b"The army said.\n", False),
        (b'["a"]\n', False),
        (b"", False),
    ],
)
def test_looks_like_jsonl(head: bytes, expected: bool) -> None:
    assert looks_like_jsonl(head) is expected


def test_published_option_is_a_default_a_record_overrides(tmp_path: Path) -> None:
    # issue #7 item 12: the help said --published overrides the text, and a record's own
    # "published" silently won; a record's field is data about that record, the option a
    # blanket default: the record wins, and the help says so.
    from click.testing import CliRunner

    from dateline.cli import cli

    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "own", "text": "Shells fell on the town on Monday.", "published": "2020-01-02"},
        {"id": "none", "text": "Shells fell on the town on Monday."},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records))
    runner = CliRunner()
    args = ["extract", str(corpus), "--format", "jsonl", "--published", "2021-05-06"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    published = [json.loads(line)["meta"]["published"] for line in result.stdout.splitlines()]
    assert published == ["2020-01-02", "2021-05-06"]
    help_text = " ".join(runner.invoke(cli, ["extract", "--help"]).output.split())
    assert 'not a JSON Lines record\'s own "published"' in help_text
