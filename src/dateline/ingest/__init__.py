"""Ingestion: turn paths, globs, directories, stdin and JSONL corpora into Documents.

``read_inputs`` yields one Document per article, ready for the pipeline, or a failed
Document (``doc.failed``) whose problem names the input and what is wrong, so that a batch
goes on past bad input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..config import Config, load_config
from ..document import Document
from ..errors import InputError
from .sniff import sniff_format

__all__ = ["read_inputs", "sniff_format"]


def read_inputs(
    paths: Sequence[str],
    *,
    config: Config | None = None,
    published: str | None = None,
    clean: bool = True,
    stdin: BinaryIO | None = None,
) -> Iterator[Document]:
    """Documents for every article under ``paths`` ("-" reads standard input)."""
    config = config or load_config()
    for path in paths:
        if path == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield _document(data, "<stdin>", published=published, clean=clean)
            continue
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            doc = Document.from_input("", source=path)
            doc.fail(InputError(path, "unreadable", detail=exc.strerror))
            yield doc
            continue
        yield _document(data, path, published=published, clean=clean)


def _document(data: bytes, source: str, *, published: str | None, clean: bool) -> Document:
    text = data.decode("utf-8", errors="replace")
    return Document.from_input(
        text,
        source=source,
        input_format=sniff_format(text),
        clean=clean,
        published=published,
        raw_bytes=data,
    )
