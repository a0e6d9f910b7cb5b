"""Read events back from a store: merged events (the default) or each article's own.

Filters combine with AND; a filter given several values matches any of them. An event's
date for ``since``/``until`` is its first possible day (``date_earliest``, ACLED's
``event_date``), which the (country, date) index answers directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from .merge import Member, summarize
from .schema import canonical_events, documents, event_actors, events

if TYPE_CHECKING:
    from .base import Store

__all__ = ["EventFilter", "iter_events", "query_events"]


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; empty tuples and None mean "any"."""

    country: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, any case
    since: dt.date | None = None
    until: dt.date | None = None
    type: tuple[str, ...] = ()  # ACLED event or sub-event type, or PLOVER type, any case
    actor: tuple[str, ...] = ()  # part of an actor's name or canonical name, any case
    certainty: tuple[str, ...] = ()
    limit: int | None = None


def _type_match(table: sa.Table, wanted: Sequence[str]) -> sa.ColumnElement[bool]:
    lowered = [w.lower() for w in wanted]
    return sa.or_(
        *(
            sa.func.lower(table.c[name]).in_(lowered)
            for name in ("acled_event_type", "acled_sub_event_type", "plover")
        )
    )


def _actor_match(wanted: Sequence[str]) -> sa.ColumnElement[bool]:
    parts = []
    for text in wanted:
        pattern = (
            "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        parts.append(sa.func.lower(event_actors.c.name).like(pattern, escape="\\"))
        parts.append(sa.func.lower(event_actors.c.canonical).like(pattern, escape="\\"))
    return sa.or_(*parts)


def _filtered(table: sa.Table, where: EventFilter) -> list[sa.ColumnElement[bool]]:
    clauses: list[sa.ColumnElement[bool]] = []
    if where.country:
        clauses.append(table.c.country.in_(sorted({c.upper() for c in where.country})))
    if where.since is not None:
        clauses.append(table.c.date_earliest >= where.since)
    if where.until is not None:
        clauses.append(table.c.date_earliest <= where.until)
    if where.type:
        clauses.append(_type_match(table, where.type))
    if where.certainty:
        clauses.append(table.c.certainty.in_(sorted(set(where.certainty))))
    return clauses


def query_events(
    store: Store, where: EventFilter | None = None, *, merged: bool = True
) -> list[dict[str, Any]]:
    """Events as records (see ``iter_events``), in date order."""
    return list(iter_events(store, where, merged=merged))


def iter_events(
    store: Store, where: EventFilter | None = None, *, merged: bool = True
) -> Iterator[dict[str, Any]]:
    """Merged events (or, ``merged=False``, every article's events) matching ``where``.

    Each is a dict: ``key``, ``event_date`` (first possible day) and ``date_latest``, types,
    actors, place, the fatalities and injured as the range the sources report, certainty,
    ``n_documents``, ``notes`` and ``sources`` (one entry per article event).
    """
    where = where or EventFilter()
    if merged:
        yield from _merged(store, where)
    else:
        yield from _unmerged(store, where)


def _merged(store: Store, where: EventFilter) -> Iterator[dict[str, Any]]:
    table = canonical_events
    query = sa.select(table).where(*_filtered(table, where))
    if where.actor:
        query = query.where(
            sa.exists(
                sa.select(1)
                .select_from(events.join(event_actors, event_actors.c.event_pk == events.c.pk))
                .where(events.c.canonical_pk == table.c.pk, _actor_match(where.actor))
            )
        )
    query = query.order_by(table.c.date_earliest, table.c.country, table.c.key)
    if where.limit is not None:
        query = query.limit(where.limit)
    with store.engine.connect() as conn:
        result = conn.execute(query).mappings()
        for rows in result.partitions(1000):
            for row in rows:
                yield _record(row)


def _record(row: Mapping[Any, Any]) -> dict[str, Any]:
    earliest, latest = row["date_earliest"], row["date_latest"]
    return {
        "key": row["key"],
        "event_date": earliest.isoformat() if earliest else None,
        "date_latest": latest.isoformat() if latest else None,
        "date_precision": row["date_precision"],
        "plover": row["plover"],
        "mode": row["mode"],
        "acled_event_type": row["acled_event_type"],
        "acled_sub_event_type": row["acled_sub_event_type"],
        "actor1": row["actor1"],
        "actor1_type": row["actor1_type"],
        "assoc_actor1": row["assoc_actor1"],
        "actor2": row["actor2"],
        "actor2_type": row["actor2_type"],
        "assoc_actor2": row["assoc_actor2"],
        "country": row["country"],
        "admin1": row["admin1"],
        "location": row["location"],
        "lat": row["lat"],
        "lon": row["lon"],
        "geo_precision": row["geo_precision"],
        "fatalities_low": row["fatalities_low"],
        "fatalities_high": row["fatalities_high"],
        "injured_low": row["injured_low"],
        "injured_high": row["injured_high"],
        "certainty": row["certainty"],
        "n_documents": row["n_documents"],
        "notes": row["notes"],
        "sources": row["sources"],
    }


def _unmerged(store: Store, where: EventFilter) -> Iterator[dict[str, Any]]:
    table = events
    query = (
        sa.select(
            events.c.pk,
            events.c.data,
            events.c.canonical_pk,
            documents.c.id.label("document_id"),
            documents.c.content_hash,
            documents.c.source,
            documents.c.headline,
            documents.c.published,
            documents.c.meta,
        )
        .join(documents, documents.c.pk == events.c.doc_pk)
        .where(*_filtered(table, where))
    )
    if where.actor:
        query = query.where(
            sa.exists(
                sa.select(1)
                .select_from(event_actors)
                .where(event_actors.c.event_pk == events.c.pk, _actor_match(where.actor))
            )
        )
    query = query.order_by(events.c.date_earliest, events.c.country, documents.c.id, events.c.id)
    if where.limit is not None:
        query = query.limit(where.limit)
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            member = Member(
                key=f"{row.content_hash}:{row.data['id']}",
                event=row.data,
                document_id=row.document_id,
                source=row.source,
                headline=row.headline,
                published=row.published,
                agencies=tuple((row.meta or {}).get("agencies") or ()),
            )
            summary = summarize([member])
            record = _record({**summary.columns, "sources": summary.sources})
            record["key"] = f"{row.document_id}:{row.data['id']}"
            yield record
