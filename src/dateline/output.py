"""Writing Documents out: the formats, and files that appear only once they are whole.

Shared by every producer of output (``dateline extract``, the coming ``ingest`` command, the
HTTP API), so that each writes the same bytes:

- ``json``: always one JSON array of documents (``[]`` when none could be read), so that a
  reader never has to guess the shape from the number of inputs;
- ``jsonl``: one document per line, flushed as it is written (see ``checkpoint`` for resuming);
- ``table``: a readable terminal view (``render``), documents separated by a rule.

``check_output_path`` refuses a path that cannot take the output before any work is done, and
``open_output`` writes to a temporary file beside the target that replaces it only when the
writing completes, so that a failed run leaves an older file as it was.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

from .document import Document
from .errors import OutputError
from .records import sort_key

__all__ = [
    "FORMATS",
    "JsonWriter",
    "JsonlWriter",
    "TableWriter",
    "Writer",
    "check_output_path",
    "jsonl_line",
    "make_writer",
    "open_binary_output",
    "open_output",
]

FORMATS = ("table", "json", "jsonl")
STDOUT = "-"


class Writer(Protocol):
    """Writes documents one at a time; ``close`` completes the output (a JSON array's end)."""

    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=2)


# The record lists of a document, each encoded one record at a time.
_RECORD_LISTS = ("entities", "places", "times", "events", "quotes", "claims")


def iterencode_document(doc: Document, encoder: json.JSONEncoder) -> Iterator[str]:
    """``encoder.iterencode(doc.to_dict())``, the same characters, one record's dict at a time.

    The dict of a whole long article is several times its records' size (nearly 1 GB for a
    5 MB one); here only the document's shell and one record are ever dicts at once.
    """
    shell = doc.model_dump(mode="json", by_alias=True, exclude=set(_RECORD_LISTS))
    indent = encoder.indent
    step = " " * indent if isinstance(indent, int) else (indent or "")
    inner = "\n" + step
    yield "{"
    first = True
    for name, field in type(doc).model_fields.items():
        key = field.alias or name
        if not first:
            yield encoder.item_separator
        first = False
        if indent is not None:
            yield inner
        yield encoder.encode(key) + encoder.key_separator
        if name in _RECORD_LISTS:
            yield from _iterencode_records(getattr(doc, name), encoder, step)
        else:
            for chunk in encoder.iterencode(shell[key]):
                yield chunk.replace("\n", inner) if indent is not None else chunk
    if indent is not None:
        yield "\n"
    yield "}"


def _iterencode_records(records: list[Any], encoder: json.JSONEncoder, step: str) -> Iterator[str]:
    """A record list one level inside the document, in the contract's order."""
    if not records:
        yield "[]"
        return
    keys = [(sort_key(r), str(getattr(r, "id", ""))) for r in records]
    order = sorted(range(len(records)), key=keys.__getitem__)
    indented = encoder.indent is not None
    inner = "\n" + step * 2
    yield "["
    for n, i in enumerate(order):
        if n:
            yield encoder.item_separator
        if indented:
            yield inner
        for chunk in encoder.iterencode(records[i].model_dump(mode="json", by_alias=True)):
            yield chunk.replace("\n", inner) if indented else chunk
    if indented:
        yield "\n" + step
    yield "]"


def jsonl_line(doc: Document) -> str:
    """One document as one line of JSON Lines (compact, newline-terminated)."""
    return "".join(iterencode_document(doc, _COMPACT)) + "\n"


def _write_chunks(out: IO[str], chunks: Iterator[str]) -> None:
    # A long article's JSON is hundreds of MB as one string; written piece by piece it never
    # is (the bytes are the same as json.dumps').
    buffer: list[str] = []
    size = 0
    for chunk in chunks:
        buffer.append(chunk)
        size += len(chunk)
        if size >= 1 << 16:
            out.write("".join(buffer))
            buffer, size = [], 0
    out.write("".join(buffer))


class JsonWriter:
    """A JSON array, streamed: ``[`` first, each document indented, ``]`` on close."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0

    def write(self, doc: Document) -> None:
        self.out.write("[\n  " if self.count == 0 else ",\n  ")
        # Indented one level inside the array; a newline only ever comes from the indentation
        # (strings escape theirs).
        chunks = iterencode_document(doc, _INDENTED)
        _write_chunks(self.out, (chunk.replace("\n", "\n  ") for chunk in chunks))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")


class JsonlWriter:
    """One document per line, flushed, so that a killed batch keeps every whole line."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, doc: Document) -> None:
        _write_chunks(self.out, iterencode_document(doc, _COMPACT))
        self.out.write("\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class TableWriter:
    """The terminal view of each document, a rule between two documents."""

    def __init__(self, out: IO[str]) -> None:
        from rich.console import Console

        self.console = Console(file=out, width=None if out.isatty() else 120)
        self.count = 0

    def write(self, doc: Document) -> None:
        from rich.rule import Rule

        from .render import render_document

        if self.count:
            self.console.print(Rule(style="dim"))
        for part in render_document(doc):
            self.console.print(part)
        self.count += 1

    def close(self) -> None:
        pass


_WRITERS: dict[str, type[JsonWriter] | type[JsonlWriter] | type[TableWriter]] = {
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "table": TableWriter,
}


def make_writer(fmt: str, out: IO[str]) -> Writer:
    """The writer of format ``fmt`` (one of ``FORMATS``) over ``out``."""
    try:
        return _WRITERS[fmt](out)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}") from None


def check_output_path(path: str | Path) -> Path:
    """The output file, checked before any work: not a folder, and its folder writable.

    Creates the missing folders above it. Raises ``OutputError`` naming the path and what
    to do, so that a batch never runs to the end only to fail on writing.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(
            f"{path}: is a directory; give a file name for the output, e.g. {target / 'out.jsonl'}"
        )
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(
            f"{path}: {_first_file_above(target)} is a file, not a folder; give another path"
        ) from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot create the folder {folder}: {_reason(exc)}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write in the folder {folder}: permission denied")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(f"{path}: the file is read-only; give another path")
    return target


def _first_file_above(target: Path) -> Path:
    for parent in reversed(target.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return target.parent


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


@contextmanager
def open_output(path: str | Path | None) -> Iterator[IO[str]]:
    """Standard output (None or "-"), or a file that replaces ``path`` only once complete.

    The text goes to a temporary file beside ``path``; if the block raises, it is removed
    and an older file at ``path`` is left as it was.
    """
    if path is None or str(path) == STDOUT:
        yield sys.stdout
        return
    target = check_output_path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write there: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.chmod(tmp, file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def open_binary_output(path: str | Path | None) -> Iterator[IO[bytes]]:
    """``open_output`` for bytes (Parquet, and the store's exports in any format)."""
    if path is None or str(path) == STDOUT:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = check_output_path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write there: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def file_mode(target: Path) -> int:
    """The mode a new file would get (mkstemp's temporary file is private), or the old file's."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
