"""Write event records to a file in one of the export formats.

``json`` and ``jsonl`` write the records whole (every source inside); ``csv``, ``parquet`` and
``geojson`` write ACLED-style rows (``acled.py``). Writers stream: a million events are never
held as text in memory (Parquet is written in row groups). The same records always give
the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from ..errors import MissingExtraError
from ..pipeline import batched
from .acled import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, acled_row

FORMATS = ("json", "jsonl", "csv", "parquet", "geojson")
# Rows per Parquet row group.
ROW_GROUP = 65_536


def write_events(records: Iterable[Mapping[str, Any]], fmt: str, out: IO[bytes]) -> int:
    """Write ``records`` (from ``store.query.iter_events``) as ``fmt``; returns how many."""
    writer = {
        "json": _json,
        "jsonl": _jsonl,
        "csv": _csv,
        "parquet": _parquet,
        "geojson": _geojson,
    }.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return writer(records, out)


def _dumps(value: Any, indent: int | None = None) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)


def _json(records: Iterable[Mapping[str, Any]], out: IO[bytes]) -> int:
    n = 0
    out.write(b"[")
    for record in records:
        text = _dumps(record, indent=2).replace("\n", "\n  ")
        out.write((",\n  " if n else "\n  ").encode("utf-8") + text.encode("utf-8"))
        n += 1
    out.write(b"\n]\n" if n else b"]\n")
    return n


def _jsonl(records: Iterable[Mapping[str, Any]], out: IO[bytes]) -> int:
    n = 0
    for record in records:
        out.write(_dumps(record).encode("utf-8") + b"\n")
        n += 1
    return n


def _csv(records: Iterable[Mapping[str, Any]], out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(acled_row(record))
        n += 1
    text.flush()
    text.detach()  # leave ``out`` open for the caller
    return n


def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtraError("Parquet export", "parquet") from None
    return pyarrow


def arrow_schema() -> Any:
    """The Parquet schema of ACLED-style rows: integers, floats, and strings for the rest."""
    pa = _arrow()
    fields = []
    for name in COLUMNS:
        if name in INT_COLUMNS:
            kind = pa.int64()
        elif name in FLOAT_COLUMNS:
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def _parquet(records: Iterable[Mapping[str, Any]], out: IO[bytes]) -> int:
    pa = _arrow()
    schema = arrow_schema()
    n = 0
    with pa.parquet.ParquetWriter(out, schema) as writer:
        for chunk in batched(_rows(records), ROW_GROUP):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _rows(records: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield acled_row(record)


def _geojson(records: Iterable[Mapping[str, Any]], out: IO[bytes]) -> int:
    n = 0
    out.write(b'{"type":"FeatureCollection","features":[')
    for record in records:
        row = acled_row(record)
        lat, lon = row["latitude"], row["longitude"]
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]}
            if lat is not None and lon is not None
            else None
        )
        feature = {
            "type": "Feature",
            "id": row["event_id_cnty"],
            "geometry": geometry,
            "properties": row,
        }
        out.write((b",\n" if n else b"\n") + _dumps(feature).encode("utf-8"))
        n += 1
    out.write(b"\n]}\n")
    return n
