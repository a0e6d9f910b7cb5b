"""JSON Lines corpora: one article per line, ``{"id", "text" | "html", "url", "published", "clean"}``.

Every line is checked on its own: a malformed one becomes a failed Document (code
``jsonl``, naming ``file:LINE``) and the lines after it are still read. A record that repeats
an earlier record's ``id`` fails too (code ``duplicate_id``): two outputs under one id would
be indistinguishable, and a resumed run would take one for the other. A line's own
``published`` and ``clean`` override the command-line ones. Other keys are ignored, so that
corpora carrying gold annotations beside the text read as they are.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from ..config import Config
from ..document import Document, InputFormat
from ..errors import InputError
from .decode import limits

SUFFIXES = frozenset({".jsonl", ".ndjson"})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIELDS: dict[str, type] = {"id": str, "text": str, "html": str, "url": str, "published": str}


def looks_like_jsonl(head: bytes) -> bool:
    """Whether the data opens with a JSON object on its first non-blank line.

    A second non-blank line, when there is one in ``head``, must open an object too, so that
    a text file whose first line happens to be JSON is still read as text.
    """
    lines = [line for line in head.lstrip(b"\xef\xbb\xbf").split(b"\n", 64)[:64] if line.strip()]
    if not lines:
        return False
    try:
        first = json.loads(lines[0])
    except (ValueError, RecursionError):
        return False
    return isinstance(first, dict) and (len(lines) < 2 or lines[1].lstrip().startswith(b"{"))


def read_jsonl(
    lines: Iterable[bytes],
    source: str,
    *,
    published: str | None = None,
    clean: bool = True,
    config: Config | None = None,
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
) -> Iterator[Document]:
    """One Document per non-blank line of a JSON Lines corpus (failed ones included).

    ``keep``, when given, selects records by their fields (the benchmark's ``--split``):
    a valid record for which it is false gives no Document.
    """
    max_bytes, _ = limits(config)
    seen: dict[str, int] = {}  # given id -> the line that gave it first
    for number, line in enumerate(lines, 1):
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            if len(line) > max_bytes:
                raise InputError(where, "too_large", size=len(line), limit=max_bytes)
            doc = _document(
                line, number, source, published=published, clean=clean, keep=keep, seen=seen
            )
            if doc is not None:
                yield doc
        except InputError as exc:
            doc = Document.from_input("", source=where, raw_bytes=line)
            doc.fail(exc)
            yield doc


def _document(
    line: bytes,
    number: int,
    source: str,
    *,
    published: str | None,
    clean: bool,
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
    seen: dict[str, int] | None = None,
) -> Document | None:
    where = f"{source}:{number}"

    def bad(detail: str) -> InputError:
        return InputError(where, "jsonl", line=number, detail=detail)

    try:
        record: Any = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise bad(f"it is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except ValueError as exc:
        raise bad(f"it is not JSON ({exc})") from None
    except RecursionError:
        raise bad("it is not JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise bad(f"it is a JSON {type(record).__name__}, not an object")
    for key, kind in _FIELDS.items():
        value = record.get(key)
        if value is not None and not isinstance(value, kind):
            raise bad(f'"{key}" must be a string, not {type(value).__name__}')
    line_clean = record.get("clean")
    if line_clean is not None and not isinstance(line_clean, bool):
        raise bad(f'"clean" must be true or false, not {json.dumps(line_clean)}')
    day = record.get("published")
    if day is not None and not _is_day(day):
        raise bad(f'"published" must be a date as YYYY-MM-DD, not {day!r}')
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise bad('it has neither "text" nor "html"')
    # Given both, "text" wins: it is what the corpus maker chose as the article.
    raw = str(text if text is not None else html)
    fmt: InputFormat = "text" if text is not None else "html"
    if keep is not None and not keep(record):
        return None
    given_id = record.get("id") or None
    if given_id is not None and seen is not None:
        if given_id in seen:
            raise InputError(where, "duplicate_id", line=number, id=given_id, first=seen[given_id])
        seen[given_id] = number
    return Document.from_input(
        raw,
        source=f"{source}#{given_id}" if given_id else where,
        id=given_id,
        input_format=fmt,
        clean=clean if line_clean is None else line_clean,
        published=day if day is not None else published,
        url=record.get("url"),
        raw_bytes=line,
    )


def _is_day(value: str) -> bool:
    if not _DAY.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
