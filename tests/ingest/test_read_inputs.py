"""read_inputs: a bad input gives one failed Document naming it; the batch goes on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.config import load_config
from dateline.document import Document
from dateline.ingest import read_inputs

GOOD = "Troops entered the town on Monday, officials said.\n"


def run(paths: list[str], **options: object) -> list[Document]:
    return list(read_inputs(paths, **options))  # type: ignore[arg-type]


def check_batch(docs: list[Document], bad: str, code: str) -> None:
    """The bad input failed once with ``code``; the good ones before and after were read."""
    assert [d.failed for d in docs] == [False, True, False]
    failed = docs[1]
    assert failed.source is not None and bad in failed.source
    assert [p.code for p in failed.problems] == [code]
    assert failed.error.source == failed.source
    assert [d.raw for d in (docs[0], docs[2])] == [GOOD, GOOD]


@pytest.fixture
def good(tmp_path: Path) -> tuple[str, str]:
    first, last = tmp_path / "first.txt", tmp_path / "last.txt"
    first.write_text(GOOD)
    last.write_text(GOOD)
    return str(first), str(last)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n\t\n", "empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("garbled.txt", bytes(range(0x80, 0x100)) * 4, "encoding"),
    ],
)
def test_bad_file(tmp_path: Path, good: tuple[str, str], name: str, data: bytes, code: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    check_batch(run([good[0], str(bad), good[1]]), str(bad), code)


def test_too_large(tmp_path: Path, good: tuple[str, str]) -> None:
    bad = tmp_path / "big.txt"
    bad.write_text(GOOD * 10)
    config = load_config(overrides={"input": {"max_bytes": 100}})
    docs = run([good[0], str(bad), good[1]], config=config)
    check_batch(docs, str(bad), "too_large")
    assert f"{len(GOOD) * 10:,} bytes" in docs[1].problems[0].message


def test_not_found(tmp_path: Path, good: tuple[str, str]) -> None:
    missing = str(tmp_path / "missing.txt")
    check_batch(run([good[0], missing, good[1]]), missing, "not_found")


def test_unreadable(tmp_path: Path, good: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, for whom file modes do not stop reading: fail the open instead.
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    real_open = Path.open

    def open_(self: Path, *args: object, **kwargs: object):  # noqa: ANN202
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_)
    docs = run([good[0], str(locked), good[1]])
    check_batch(docs, str(locked), "unreadable")
    assert "Permission denied" in docs[1].problems[0].message


def test_malformed_jsonl_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": GOOD}), '{"text": ', json.dumps({"text": GOOD})]
    corpus.write_text("\n".join(lines) + "\n")
    check_batch(run([str(corpus)]), f"{corpus}:2", "jsonl")


def test_jsonl_sniffed_without_suffix(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n" + json.dumps({"text": GOOD}))
    assert [d.source for d in run([str(corpus)])] == [f"{corpus}#a", f"{corpus}:2"]


def test_jsonl_larger_than_one_article_may_be(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.data"
    lines = [json.dumps({"text": GOOD + str(i)}) for i in range(20)]
    corpus.write_text("\n".join(lines))
    config = load_config(overrides={"input": {"max_bytes": 200}})
    docs = run([str(corpus)], config=config)
    assert len(docs) == 20 and not any(d.failed for d in docs)


def test_stdin() -> None:
    (doc,) = run(["-"], stdin=io.BytesIO(GOOD.encode()))
    assert (doc.source, doc.raw) == ("<stdin>", GOOD)


def test_published_and_clean_passed_on(good: tuple[str, str]) -> None:
    (doc,) = run([good[0]], published="2020-05-01", clean=False)
    assert (doc.published_given, doc.clean) == ("2020-05-01", False)


def test_fixture_folder(fixtures: Path) -> None:
    docs = run([str(fixtures)])
    assert [Path(d.source or "").name for d in docs] == [
        "border_shelling.txt",
        "ceasefire_utf16.txt",
        "clinic_latin1.txt",
        "corpus.jsonl#kabul-1",
        "corpus.jsonl:2",
        "corpus.jsonl#gaza-2",
        "corpus.jsonl:4",
        "depot_strike.txt",
        "manifestation_fr.txt",
        "militia_bridge.html",
    ]
    assert [d.input_format for d in docs if not d.failed][-1] == "html"


def test_binary_generated_file_among_fixtures(tmp_path: Path, fixtures: Path) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    paths = [str(fixtures / "border_shelling.txt"), str(blob), str(fixtures / "depot_strike.txt")]
    docs = run(paths)
    assert [d.failed for d in docs] == [False, True, False]
    assert docs[1].problems[0].code == "binary"


def test_ids_are_stable(good: tuple[str, str]) -> None:
    assert [d.id for d in run([good[0]])] == [d.id for d in run([good[0]])]


def test_no_clean_keeps_carriage_returns_so_offsets_index_the_input(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Troops left Kunduz.\r\nPolice said so.\r\n")
    (kept,) = read_inputs([str(path)], clean=False)
    assert kept.raw == "Troops left Kunduz.\r\nPolice said so.\r\n"
    (cleaned,) = read_inputs([str(path)], clean=True)
    assert "\r" not in cleaned.raw


# -- issue #7 item 10: corpora --------------------------------------------------------------
RECORDS = [
    {"id": "a", "text": "GOMA (Reuters) - Shells fell on the town on Monday, officials said."},
    {"id": "b", "text": "Talks resumed in Kigali on Tuesday, a spokeswoman said."},
]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("corpus.jsonl", "utf-16"),  # with a byte-order mark
        ("corpus.jsonl", "utf-16-le"),  # without one
        ("corpus.jsonl", "utf-16-be"),
        ("corpus.dat", "utf-16"),  # recognised as JSON Lines by its content
    ],
)
def test_utf16_jsonl_corpus_is_read(tmp_path: Path, name: str, encoding: str) -> None:
    corpus = tmp_path / name
    lines = [json.dumps(record, ensure_ascii=False) for record in RECORDS]
    corpus.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    docs = run([str(corpus)])
    assert [(d.failed, d.id) for d in docs] == [(False, "a"), (False, "b")]
    assert [d.raw for d in docs] == [record["text"] for record in RECORDS]


def test_utf16_jsonl_larger_than_one_article_may_be(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": f"n{i}", "text": GOOD + "é" * i}, ensure_ascii=False) for i in range(40)
    ]
    corpus.write_bytes("\n".join(lines).encode("utf-16"))
    config = load_config(overrides={"input": {"max_bytes": 300}})
    docs = run([str(corpus)], config=config)
    assert [d.id for d in docs if not d.failed] == [f"n{i}" for i in range(40)]


@pytest.mark.parametrize(
    ("files", "detail"),
    [
        ([], "it is empty"),
        (["report.pdf", "notes.docx", ".hidden.txt"], "none of its 3 files ends in"),
    ],
)
def test_directory_without_articles_is_reported(
    tmp_path: Path, good: tuple[str, str], files: list[str], detail: str
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(b"%PDF-1.4")
    docs = run([good[0], str(folder), good[1]])
    check_batch(docs, str(folder), "no_articles")
    message = docs[1].problems[0].message
    assert message.startswith(f"no article files in this directory: {detail}")


def test_directory_without_articles_fails_the_command(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    assert f"{tmp_path}: no article files in this directory: it is empty" in result.output
