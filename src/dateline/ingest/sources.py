"""Expand what the user named (files, directories, globs, "-") into a list of inputs.

Directories are walked recursively in sorted order, skipping hidden files and folders and
keeping only files whose suffix says text, HTML or JSON Lines (so that a folder of articles
with notes or gold files beside them reads cleanly); a file named explicitly or matched
by a glob is read whatever its suffix. Each input is listed once, in the order given. A
directory with no such file is an input that cannot be read (``no_articles``), not silence.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
# Suffixes read when walking a directory ("" reads files without a suffix).
ARTICLE_SUFFIXES = frozenset(
    {"", ".txt", ".text", ".htm", ".html", ".xhtml", ".shtml", ".jsonl", ".ndjson"}
)
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One input: a file, standard input, or a name that could not be expanded."""

    name: str
    path: Path | None = None
    error: str | None = None  # "not_found", "unreadable" or "no_articles"
    detail: str = ""

    @property
    def is_stdin(self) -> bool:
        return self.path is None and self.error is None


def expand(paths: Sequence[str]) -> Iterator[Source]:
    """The inputs named by ``paths``, in order, each file once."""
    seen: set[Path] = set()
    for name in paths:
        for source in _expand_one(name):
            if source.path is not None:
                key = source.path.resolve()
                if key in seen:
                    continue
                seen.add(key)
            yield source


def _expand_one(name: str) -> Iterator[Source]:
    if name == STDIN:
        yield Source(name="<stdin>")
        return
    path = Path(name)
    if path.is_dir():
        yield from _walk(path)
        return
    if path.exists() or os.path.lexists(path):
        yield Source(name=name, path=path)
        return
    if _GLOB_CHARS & set(name):
        matches = sorted(glob.glob(name, recursive=True))
        if matches:
            for match in matches:
                if Path(match).is_dir():
                    yield from _walk(Path(match))
                else:
                    yield Source(name=match, path=Path(match))
            return
    yield Source(name=name, error="not_found")


def _walk(root: Path) -> Iterator[Source]:
    """Article files under ``root``, sorted, hidden ones skipped."""
    failures: list[OSError] = []
    found: list[Path] = []
    others = 0
    for folder, dirs, files in os.walk(root, onerror=failures.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in files:
            path = Path(folder, file)
            if not file.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append(path)
            else:
                others += 1
    if not found and not failures:
        yield Source(name=str(root), error="no_articles", detail=_nothing_read(others))
    for failure in failures:
        yield Source(
            name=str(failure.filename or root),
            error="unreadable",
            detail=failure.strerror or str(failure),
        )
    for path in sorted(found, key=lambda p: p.relative_to(root).parts):
        yield Source(name=str(path), path=path)


def _nothing_read(others: int) -> str:
    if not others:
        return "it is empty"
    suffixes = sorted(s for s in ARTICLE_SUFFIXES if s)
    files = "its file" if others == 1 else f"its {others} files"
    return (
        f"none of {files} ends in {', '.join(suffixes[:-1])} or {suffixes[-1]} or has no "
        "suffix (hidden files are skipped)"
    )
