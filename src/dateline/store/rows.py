"""From a contract document to the store's rows, and back.

Every record keeps its whole dict in ``data``; the other columns are copies of the values
queries filter on. Reading a document back assembles the dicts in their list positions, so
``read_document(write(doc.to_dict()))`` is that same dict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from .merge import MergeRules, family_of, parse_day, window

# Every key of a contract document, in its order; the record lists are stored as rows.
RECORD_KEYS = ("entities", "places", "times", "events", "quotes", "claims")


def content_hash(doc: Document) -> str:
    """SHA-256 of an input as read and of the options that change what is extracted from it.

    The same article read twice (another path, another run) gives the same hash; the same
    text with another ``--published``, ``--no-clean`` or a JSON Lines id does not.
    """
    key = {
        "raw": doc.raw,
        "id": doc.id,
        "format": doc.input_format,
        "clean": doc.clean,
        "published": doc.published_given,
        "url": doc.url,
    }
    blob = json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def document_row(data: Mapping[str, Any], *, content_hash: str) -> dict[str, Any]:
    """The ``documents`` row of a contract dict (its record lists go to their own tables)."""
    meta = data["meta"]
    provenance = data.get("provenance") or {}
    return {
        "content_hash": content_hash,
        "config_hash": provenance.get("config") or "",
        "dateline_version": provenance.get("dateline") or "",
        "schema": data["schema"],
        "id": data["id"],
        "source": data.get("source"),
        "url": meta.get("url"),
        "headline": meta.get("headline"),
        "published": parse_day(meta.get("published")),
        "language": meta.get("language"),
        "text": data["text"],
        "meta": meta,
        "provenance": data.get("provenance"),
        "raw_map": data["raw_map"],
        "n_events": len(data["events"]),
        "n_problems": len(data["problems"]),
    }


def _span_text(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    return str(value["name"]) if value else None


def entity_row(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "label": record["label"],
        "name": record["name"],
        "canonical": record.get("canonical"),
        "actor_type": record.get("actor_type"),
        "country": record.get("country"),
    }


def place_row(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "name": record["name"],
        "geonames_id": record.get("geonames_id"),
        "lat": record.get("lat"),
        "lon": record.get("lon"),
        "country": record.get("country"),
        "admin1": record.get("admin1"),
        "precision": record.get("precision") or "unknown",
    }


def time_row(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "type": record["type"],
        "value": record["value"],
        "earliest": parse_day(record.get("earliest")),
        "latest": parse_day(record.get("latest")),
        "precision": record.get("precision") or "unknown",
    }


def quote_row(record: Mapping[str, Any]) -> dict[str, Any]:
    return {"kind": record["kind"], "speaker": _span_text(record, "speaker")}


def claim_row(record: Mapping[str, Any]) -> dict[str, Any]:
    return {"status": record["status"], "claimant": _span_text(record, "claimant")}


def _count(prefix: str, count: Mapping[str, Any] | None) -> dict[str, Any]:
    count = count or {}
    return {f"{prefix}_{k}": count.get(k) for k in ("best", "low", "high")}


def event_row(
    record: Mapping[str, Any], *, published: dt.date | None, rules: MergeRules
) -> dict[str, Any]:
    """The typed columns of an event, the merge's type family and date window included."""
    actor1 = record.get("actor1") or {}
    actor2 = record.get("actor2") or {}
    location = record.get("location") or {}
    date = record.get("date") or {}
    family = family_of(record)
    earliest, latest = window(record, published, rules)
    if earliest is None or latest is None or (latest - earliest).days > rules.max_window_days:
        family = None
    return {
        "plover": record["plover"],
        "mode": record.get("mode"),
        "acled_event_type": record.get("acled_event_type"),
        "acled_sub_event_type": record.get("acled_sub_event_type"),
        "actor1": actor1.get("canonical") or actor1.get("name"),
        "actor1_type": actor1.get("actor_type"),
        "actor2": actor2.get("canonical") or actor2.get("name"),
        "actor2_type": actor2.get("actor_type"),
        "country": location.get("country"),
        "location": location.get("name"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "geo_precision": location.get("precision"),
        "date_earliest": parse_day(date.get("earliest")) or parse_day(date.get("value")),
        "date_latest": parse_day(date.get("latest")) or parse_day(date.get("value")),
        "date_precision": date.get("precision"),
        **_count("fatalities", record.get("fatalities")),
        **_count("injured", record.get("injured")),
        "certainty": record.get("certainty") or "asserted",
        "source_name": _span_text(record, "source"),
        "merge_family": family,
        "merge_earliest": earliest if family else None,
        "merge_latest": latest if family else None,
    }


def event_actor_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per actor of an event: actor1, actor2 and their associates."""
    for role in ("actor1", "actor2"):
        if record.get(role):
            yield _actor(role, record[role])
    for role in ("assoc_actor1", "assoc_actor2"):
        for actor in record.get(role) or []:
            yield _actor(role, actor)


def _actor(role: str, actor: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "role": role,
        "name": actor["name"],
        "canonical": actor.get("canonical"),
        "actor_type": actor.get("actor_type"),
        "country": actor.get("country"),
    }


def event_evidence_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Every span of an event with the field it supports (``trigger``, ``actor1``, ...)."""
    for key, value in record.items():
        yield from _spans(key, value)


def _spans(field: str, value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys() and "name" not in value:
            yield {
                "field": field,
                "start": value["start"],
                "end": value["end"],
                "caption": value.get("caption"),
                "text": value["text"],
            }
            return
        for item in value.values():
            yield from _spans(field, item)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(field, item)


RECORD_ROWS = {
    "entities": entity_row,
    "places": place_row,
    "times": time_row,
    "quotes": quote_row,
    "claims": claim_row,
}


def assemble(
    document: Mapping[str, Any],
    records: Mapping[str, list[Mapping[str, Any]]],
    problems: list[Mapping[str, Any]],
) -> dict[str, Any]:
    """The contract dict of a stored document from its row and its records in order."""
    return {
        "schema": document["schema"],
        "id": document["id"],
        "source": document["source"],
        "text": document["text"],
        "meta": document["meta"],
        **{key: list(records.get(key, [])) for key in RECORD_KEYS},
        "problems": [{"code": p["code"], "message": p["message"]} for p in problems],
        "provenance": document["provenance"],
        "raw_map": document["raw_map"],
    }
