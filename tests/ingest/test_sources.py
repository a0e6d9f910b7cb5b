"""Expanding files, directories, globs and "-" into inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.ingest.sources import expand


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "b.txt",
        "a.txt",
        "sub/c.html",
        "sub/d.jsonl",
        ".hidden.txt",
        ".git/e.txt",
        "notes.json",
        "z/y.txt",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Shells fell.")
    return tmp_path


def names(sources: list, root: Path) -> list[str]:  # noqa: ANN401
    return [Path(s.name).relative_to(root).as_posix() for s in sources]


def test_directory_sorted_recursive_without_hidden(tree: Path) -> None:
    assert names(list(expand([str(tree)])), tree) == [
        "a.txt",
        "b.txt",
        "sub/c.html",
        "sub/d.jsonl",
        "z/y.txt",
    ]


def test_glob_recursive(tree: Path) -> None:
    assert names(list(expand([f"{tree}/**/*.txt"])), tree) == ["a.txt", "b.txt", "z/y.txt"]


def test_explicit_file_read_whatever_its_suffix(tree: Path) -> None:
    assert names(list(expand([str(tree / "notes.json")])), tree) == ["notes.json"]


def test_each_file_once(tree: Path) -> None:
    sources = list(expand([str(tree / "a.txt"), str(tree), f"{tree}/*.txt"]))
    assert names(sources, tree) == ["a.txt", "b.txt", "sub/c.html", "sub/d.jsonl", "z/y.txt"]


@pytest.mark.parametrize("name", ["missing.txt", "missing/*.txt"])
def test_not_found(tmp_path: Path, name: str) -> None:
    (source,) = expand([str(tmp_path / name)])
    assert (source.error, source.name) == ("not_found", str(tmp_path / name))


def test_stdin() -> None:
    (source,) = expand(["-"])
    assert source.is_stdin and source.name == "<stdin>"
