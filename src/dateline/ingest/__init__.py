"""Ingestion: turn paths, globs, directories, stdin and JSONL corpora into Documents.

``read_inputs`` yields one Document per article, ready for the pipeline, or a failed
Document (``doc.failed``) whose problem names the input and what is wrong, so that a batch
goes on past bad input. Modules, one per job: ``sources`` (expand paths), ``decode``
(bytes to text), ``jsonl`` (corpora), ``text`` and ``html`` (cleaning), ``metadata``
(dateline, agencies, dates, captions), ``boilerplate``, and the stages ``clean`` and
``language``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import chain
from typing import Any, BinaryIO

from ..config import Config, load_config
from ..document import Document, make_id
from ..errors import InputError
from .decode import check_size, decode, limits
from .jsonl import SUFFIXES as JSONL_SUFFIXES
from .jsonl import looks_like_jsonl, read_jsonl
from .sniff import sniff_format
from .sources import Source, expand

__all__ = ["read_inputs", "sniff_format"]

_CHUNK = 1 << 20


def read_inputs(
    paths: Sequence[str],
    *,
    config: Config | None = None,
    published: str | None = None,
    clean: bool = True,
    stdin: BinaryIO | None = None,
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
) -> Iterator[Document]:
    """Documents for every article under ``paths`` ("-" reads standard input).

    Files, directories (recursive, sorted), globs and ``-`` are accepted; a JSON Lines file
    (by suffix or by content) gives one Document per line. An input that cannot be read
    gives one failed Document naming it, and the batch goes on. ``keep`` selects JSON Lines
    records by their fields (see ``read_jsonl``).
    """
    config = config if config is not None else load_config()
    for source in expand(paths):
        if source.error:
            yield _failed(source.name, InputError(source.name, source.error, detail=source.detail))
            continue
        try:
            stream = (stdin or sys.stdin.buffer) if source.is_stdin else _open(source)
        except InputError as exc:
            yield _failed(source.name, exc)
            continue
        try:
            yield from _read(
                stream, source, config=config, published=published, clean=clean, keep=keep
            )
        except InputError as exc:
            yield _failed(source.name, exc)
        except OSError as exc:
            yield _failed(
                source.name, InputError(source.name, "unreadable", detail=exc.strerror or exc)
            )
        finally:
            if not source.is_stdin:
                stream.close()


def _open(source: Source) -> BinaryIO:
    assert source.path is not None
    try:
        return source.path.open("rb")
    except FileNotFoundError:
        raise InputError(source.name, "not_found") from None
    except OSError as exc:
        raise InputError(source.name, "unreadable", detail=exc.strerror or exc) from None


def _read(
    stream: BinaryIO,
    source: Source,
    *,
    config: Config,
    published: str | None,
    clean: bool,
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
) -> Iterator[Document]:
    options = {"published": published, "clean": clean, "config": config, "keep": keep}
    if source.path is not None and source.path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(stream, source.name, **options)  # type: ignore[arg-type]
        return
    max_bytes, _ = limits(config)
    head = stream.read(max_bytes + 1)
    if looks_like_jsonl(head):
        # A corpus may be far larger than one article may be: the limit holds per line.
        lines = chain(io.BytesIO(head), stream) if len(head) > max_bytes else io.BytesIO(head)
        yield from read_jsonl(_joined(lines), source.name, **options)  # type: ignore[arg-type]
        return
    if len(head) > max_bytes:
        size = len(head) + sum(len(chunk) for chunk in iter(lambda: stream.read(_CHUNK), b""))
        check_size(size, source.name, config)
    text = decode(head, source.name, config=config, normalise_newlines=clean)
    yield Document.from_input(
        text,
        source=source.name,
        input_format=sniff_format(text),
        clean=clean,
        published=published,
        raw_bytes=head,
    )


def _joined(lines: Iterator[bytes] | io.BytesIO) -> Iterator[bytes]:
    """Lines of a stream read in two parts: the part boundary may split a line."""
    pending = b""
    for line in lines:
        pending += line
        if pending.endswith(b"\n"):
            yield pending
            pending = b""
    if pending:
        yield pending


def _failed(name: str, error: InputError) -> Document:
    doc = Document.from_input("", source=name, id=make_id(name))
    doc.fail(error)
    return doc
