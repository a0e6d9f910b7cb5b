"""The merge on the store: keep ``canonical_events`` up to date as documents come and go.

Each article event belongs to a group (``events.merge_group``): a connected component of the
"linked" graph of ``merge.py``. A new event joins every group it links to (they become one),
and only that group is partitioned again; a replaced document's groups are rebuilt from
their remaining members. Because groups are components and each partition depends only on
its group's members, the merged events never depend on the order documents arrived in.

Everything here runs inside the caller's transaction: a document, its events and the
merged events they change are committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from .merge import Item, Member, MergeRules, components, item_of, linked, partition, summarize
from .schema import canonical_events, documents, events, places


def _members_query() -> sa.Select[Any]:
    return sa.select(
        events.c.pk,
        events.c.id,
        events.c.data,
        events.c.merge_group,
        documents.c.content_hash,
        documents.c.id.label("document_id"),
        documents.c.source,
        documents.c.headline,
        documents.c.published,
        documents.c.meta,
        documents.c.pk.label("doc_pk"),
    ).join(documents, documents.c.pk == events.c.doc_pk)


class ItemCache:
    """The merge's view of stored events by row key, so that each is parsed once.

    Entries are checked against the event's natural key (a row key can be reused after a
    delete) and the oldest are dropped past ``size``.
    """

    def __init__(self, rules: MergeRules, size: int = 200_000) -> None:
        self.rules = rules
        self.size = size
        self.items: OrderedDict[int, Item] = OrderedDict()

    def get(self, conn: sa.Connection, rows: Sequence[Any]) -> dict[int, Item]:
        """Items for rows holding ``pk``, ``content_hash``, ``id`` and ``published``."""
        found: dict[int, Item] = {}
        missing = []
        for row in rows:
            item = self.items.get(row.pk)
            if item is not None and item.key == f"{row.content_hash}:{row.id}":
                found[row.pk] = item
                self.items.move_to_end(row.pk)
            else:
                missing.append(row)
        if missing:
            selected = sa.select(events.c.pk, events.c.data).where(
                events.c.pk.in_([row.pk for row in missing])
            )
            data = {pk: value for pk, value in conn.execute(selected)}
            for row in missing:
                item = item_of(
                    data[row.pk],
                    key=f"{row.content_hash}:{row.id}",
                    published=row.published,
                    rules=self.rules,
                )
                found[row.pk] = self.items[row.pk] = item
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return found


def _keys_query() -> sa.Select[Any]:
    return sa.select(
        events.c.pk,
        events.c.id,
        events.c.merge_group,
        documents.c.content_hash,
        documents.c.published,
    ).join(documents, documents.c.pk == events.c.doc_pk)


class _Loaded:
    """Stored events and their items; ``rows`` hold what ``_keys_query`` (or more) selects."""

    def __init__(self, rows: Iterable[Any], items: dict[int, Item]) -> None:
        self.rows = {row.pk: row for row in rows}
        self.items = items
        self.by_key = {item.key: pk for pk, item in self.items.items()}


def _load(
    conn: sa.Connection,
    where: sa.ColumnElement[bool],
    cache: ItemCache,
    *,
    full: bool = False,
) -> _Loaded:
    query = _members_query() if full else _keys_query()
    rows = conn.execute(query.where(where)).all()
    return _Loaded(rows, cache.get(conn, rows))


def _next_group(conn: sa.Connection) -> int:
    current = conn.execute(sa.select(sa.func.max(events.c.merge_group))).scalar()
    return int(current or 0) + 1


def merge_new(conn: sa.Connection, event_pks: Sequence[int], cache: ItemCache) -> None:
    """Merge freshly stored events (``merge_group`` still NULL) into the merged events."""
    if not event_pks:
        return
    new = _load(conn, events.c.pk.in_(event_pks), cache)
    touched: set[int] = set()
    next_group = _next_group(conn)
    for pk in sorted(new.items, key=lambda pk: new.items[pk].key):
        item = new.items[pk]
        linked_groups = _linked_groups(conn, pk, item, cache)
        if not linked_groups:
            group = next_group
            next_group += 1
        else:
            group = min(linked_groups)
            others = sorted(linked_groups - {group})
            if others:
                conn.execute(
                    events.update()
                    .where(events.c.merge_group.in_(others))
                    .values(merge_group=group)
                )
                touched.difference_update(others)
        conn.execute(events.update().where(events.c.pk == pk).values(merge_group=group))
        touched.add(group)
    for group in sorted(touched):
        repartition(conn, group, cache)


def _linked_groups(conn: sa.Connection, pk: int, item: Item, cache: ItemCache) -> set[int]:
    """The groups of the stored events ``item`` links to."""
    rules = cache.rules
    if item.family is None or item.earliest is None or item.latest is None:
        return set()
    slack = dt.timedelta(days=rules.date_slack_days)
    lowest = item.earliest - slack - dt.timedelta(days=rules.max_window_days)
    query: list[sa.ColumnElement[bool]] = [
        events.c.merge_family == item.family,
        events.c.merge_earliest >= lowest,
        events.c.merge_earliest <= item.latest + slack,
        events.c.merge_latest >= item.earliest - slack,
        events.c.merge_group.is_not(None),
        events.c.pk != pk,
    ]
    if item.country:
        query.append(sa.or_(events.c.country == item.country, events.c.country.is_(None)))
    found = _load(conn, sa.and_(*query), cache)
    return {
        found.rows[other].merge_group
        for other, candidate in found.items.items()
        if linked(item, candidate, rules) is not None
    }


def repartition(conn: sa.Connection, group: int, cache: ItemCache) -> None:
    """Rewrite the merged events of one group from its members."""
    rules = cache.rules
    loaded = _load(conn, events.c.merge_group == group, cache, full=True)
    old = {
        row.pk: row
        for row in conn.execute(
            sa.select(events.c.pk, events.c.canonical_pk).where(events.c.merge_group == group)
        )
    }
    stale = {row.canonical_pk for row in old.values() if row.canonical_pk is not None}
    if stale:
        conn.execute(events.update().where(events.c.pk.in_(old)).values(canonical_pk=None))
        conn.execute(canonical_events.delete().where(canonical_events.c.pk.in_(stale)))
    if not loaded.items:
        return
    admin1 = _admin1(conn, loaded)
    # A group is one component already: partition it (the sorted keys make it deterministic).
    for keys in partition(list(loaded.items.values()), rules):
        members = []
        for key in keys:
            row = loaded.rows[loaded.by_key[key]]
            members.append(
                Member(
                    key=key,
                    event=row.data,
                    document_id=row.document_id,
                    source=row.source,
                    headline=row.headline,
                    published=row.published,
                    admin1=admin1.get(row.pk),
                    agencies=tuple((row.meta or {}).get("agencies") or ()),
                )
            )
        summary = summarize(members)
        canonical_pk = conn.execute(
            canonical_events.insert()
            .values(**summary.columns, sources=summary.sources)
            .returning(canonical_events.c.pk)
        ).scalar_one()
        conn.execute(
            events.update()
            .where(events.c.pk.in_([loaded.by_key[key] for key in keys]))
            .values(canonical_pk=canonical_pk)
        )


def _admin1(conn: sa.Connection, loaded: _Loaded) -> dict[int, str | None]:
    """The admin1 name of each event's place, from its document's place record."""
    wanted = {
        (row.doc_pk, (row.data.get("location") or {}).get("place_id")): pk
        for pk, row in loaded.rows.items()
        if (row.data.get("location") or {}).get("place_id")
    }
    if not wanted:
        return {}
    doc_pks = sorted({doc_pk for doc_pk, _ in wanted})
    found: dict[int, str | None] = {}
    for place in conn.execute(
        sa.select(places.c.doc_pk, places.c.id, places.c.admin1).where(places.c.doc_pk.in_(doc_pks))
    ):
        pk = wanted.get((place.doc_pk, place.id))
        if pk is not None:
            found[pk] = place.admin1
    return found


def regroup(conn: sa.Connection, groups: Iterable[int], cache: ItemCache) -> None:
    """Rebuild groups that lost members: their remaining events may fall apart."""
    rules = cache.rules
    for group in sorted(set(groups)):
        loaded = _load(conn, events.c.merge_group == group, cache)
        parts = components(list(loaded.items.values()), rules)
        for index, keys in enumerate(parts):
            if index == 0:
                continue
            new_group = _next_group(conn)
            conn.execute(
                events.update()
                .where(events.c.pk.in_([loaded.by_key[key] for key in keys]))
                .values(merge_group=new_group)
            )
            repartition(conn, new_group, cache)
        repartition(conn, group, cache)


def remerge_all(conn: sa.Connection, cache: ItemCache, *, batch: int = 1000) -> int:
    """Merge every stored event again from scratch (after the merge settings changed)."""
    conn.execute(events.update().values(merge_group=None, canonical_pk=None))
    conn.execute(canonical_events.delete())
    pks = [pk for (pk,) in conn.execute(sa.select(events.c.pk).order_by(events.c.pk))]
    for start in range(0, len(pks), batch):
        merge_new(conn, pks[start : start + batch], cache)
    return len(pks)
