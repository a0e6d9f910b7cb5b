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

from .merge import (
    Context,
    Item,
    Member,
    MergeRules,
    components,
    context_of,
    item_of,
    linked,
    partition,
    partition_group,
    stretch,
    stretch_bounds,
    summarize,
)
from .rows import merge_columns
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
            data, contexts = self._read(conn, [row.pk for row in missing])
            for row in missing:
                event, doc_pk = data[row.pk]
                item = item_of(
                    event,
                    key=f"{row.content_hash}:{row.id}",
                    published=row.published,
                    rules=self.rules,
                    context=contexts[doc_pk],
                )
                found[row.pk] = self.items[row.pk] = item
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return found

    @staticmethod
    def _read(
        conn: sa.Connection, pks: Sequence[int]
    ) -> tuple[dict[int, tuple[Any, int]], dict[int, Context]]:
        """Events' data and document pk, and the merge context of their documents."""
        selected = sa.select(events.c.pk, events.c.data, events.c.doc_pk).where(
            events.c.pk.in_(pks)
        )
        data = {pk: (value, doc_pk) for pk, value, doc_pk in conn.execute(selected)}
        return data, ItemCache.contexts(conn, sorted({doc_pk for _, doc_pk in data.values()}))

    @staticmethod
    def contexts(conn: sa.Connection, doc_pks: Sequence[int]) -> dict[int, Context]:
        """The merge context of each document: its dateline and its places."""
        heads = conn.execute(
            sa.select(
                documents.c.pk, documents.c.meta, sa.func.substr(documents.c.text, 1, _HEAD)
            ).where(documents.c.pk.in_(doc_pks))
        ).all()
        found: dict[int, list[Any]] = {pk: [] for pk in doc_pks}
        for doc_pk, record in conn.execute(
            sa.select(places.c.doc_pk, places.c.data)
            .where(places.c.doc_pk.in_(doc_pks))
            .order_by(places.c.doc_pk, places.c.position)
        ):
            found[doc_pk].append(record)
        return {
            pk: context_of({"text": head or "", "meta": meta or {}, "places": found[pk]})
            for pk, meta, head in heads
        }


# The opening of a document read for its dateline.
_HEAD = 1000


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
    rules = cache.rules
    # Per touched group: the stretches its new events fall in, or None when the group must
    # be partitioned whole (it is new, it absorbed another group, or it was small).
    touched: dict[int, set[int] | None] = {}
    fresh: set[int] = set()  # groups of new events only: no merged event of theirs stored yet
    assigned: dict[int, int] = {}  # new event -> group, written at the end in one statement
    next_group = _next_group(conn)
    for pk in sorted(new.items, key=lambda pk: new.items[pk].key):
        item = new.items[pk]
        linked_groups = _linked_groups(conn, pk, item, cache)
        stored = set(linked_groups)
        linked_groups |= {
            assigned[other]
            for other in assigned
            if linked(item, new.items[other], rules) is not None
        }
        if not linked_groups:
            group = next_group
            next_group += 1
            touched[group] = None
            fresh.add(group)
        else:
            group = min(linked_groups)
            others = sorted(linked_groups - {group})
            if others:
                conn.execute(
                    events.update()
                    .where(events.c.merge_group.in_(others))
                    .values(merge_group=group)
                )
                for other_pk, other_group in assigned.items():
                    if other_group in others:
                        assigned[other_pk] = group
                for other in others:
                    touched.pop(other, None)
                touched[group] = None
                if stored or not fresh.issuperset(others) or group not in fresh:
                    fresh.difference_update({group, *others})
                else:
                    fresh.difference_update(others)
            elif group not in touched:
                touched[group] = set() if _size(conn, group) > rules.max_group else None
            stretches = touched[group]
            if stretches is not None and item.earliest is not None:
                stretches.add(stretch(item, rules))
            elif stretches is not None:
                touched[group] = None
        assigned[pk] = group
    conn.execute(
        events.update()
        .where(events.c.pk == sa.bindparam("b_pk"))
        .values(merge_group=sa.bindparam("b_group")),
        [{"b_pk": pk, "b_group": group} for pk, group in sorted(assigned.items())],
    )
    _summarize_fresh(conn, sorted(pk for pk, group in assigned.items() if group in fresh), cache)
    for group in sorted(set(touched) - fresh):
        repartition(conn, group, cache, stretches=touched[group])


def _summarize_fresh(conn: sa.Connection, pks: Sequence[int], cache: ItemCache) -> None:
    """The merged events of groups made of new events only: partitioned in memory and
    written in one statement each, as nothing of theirs is stored to replace."""
    if not pks:
        return
    loaded = _load(conn, events.c.pk.in_(pks), cache, full=True)
    groups: dict[int, list[Item]] = {}
    for pk, row in loaded.rows.items():
        groups.setdefault(row.merge_group, []).append(loaded.items[pk])
    clusters = sorted(
        keys for group in sorted(groups) for keys in partition_group(groups[group], cache.rules)
    )
    _write_merged(conn, loaded, clusters)


def _write_merged(conn: sa.Connection, loaded: _Loaded, clusters: Sequence[list[str]]) -> None:
    """Insert the merged events of ``clusters`` and point their members at them."""
    if not clusters:
        return
    admin1 = _admin1(conn, loaded)
    rows = []
    for keys in clusters:
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
        rows.append({**summary.columns, "sources": summary.sources})
    inserted = conn.execute(
        canonical_events.insert().returning(canonical_events.c.pk, sort_by_parameter_order=True),
        rows,
    ).scalars()
    pointers = [
        {"b_pk": loaded.by_key[key], "b_canonical": int(canonical_pk)}
        for keys, canonical_pk in zip(clusters, inserted, strict=True)
        for key in keys
    ]
    conn.execute(
        events.update()
        .where(events.c.pk == sa.bindparam("b_pk"))
        .values(canonical_pk=sa.bindparam("b_canonical")),
        pointers,
    )


def _size(conn: sa.Connection, group: int) -> int:
    count = sa.select(sa.func.count()).select_from(events).where(events.c.merge_group == group)
    return int(conn.execute(count).scalar() or 0)


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
        query.append(
            sa.or_(events.c.merge_country == item.country, events.c.merge_country.is_(None))
        )
    found = _load(conn, sa.and_(*query), cache)
    return {
        found.rows[other].merge_group
        for other, candidate in found.items.items()
        if linked(item, candidate, rules) is not None
    }


def repartition(
    conn: sa.Connection, group: int, cache: ItemCache, *, stretches: set[int] | None = None
) -> None:
    """Rewrite the merged events of one group from its members.

    ``stretches``: only these stretches of a group larger than ``max_group`` (which is
    partitioned stretch by stretch, ``merge.partition_group``), when only they changed.
    """
    rules = cache.rules
    where = events.c.merge_group == group
    if stretches is not None:
        if _size(conn, group) <= rules.max_group:
            stretches = None
        else:
            spans = [stretch_bounds(index, rules) for index in sorted(stretches)]
            where = sa.and_(
                where,
                sa.or_(*(events.c.merge_earliest.between(first, last) for first, last in spans)),
            )
    loaded = _load(conn, where, cache, full=True)
    old = {
        row.pk: row
        for row in conn.execute(sa.select(events.c.pk, events.c.canonical_pk).where(where))
    }
    stale = {row.canonical_pk for row in old.values() if row.canonical_pk is not None}
    if stale:
        conn.execute(events.update().where(events.c.pk.in_(old)).values(canonical_pk=None))
        conn.execute(canonical_events.delete().where(canonical_events.c.pk.in_(stale)))
    if not loaded.items:
        return
    items = list(loaded.items.values())
    if stretches is not None:
        # A large group's stretches are partitioned apart: these are all that changed.
        parts: dict[int, list[Item]] = {}
        for item in items:
            parts.setdefault(stretch(item, rules), []).append(item)
        clusters = sorted(
            keys for index in sorted(parts) for keys in partition(parts[index], rules)
        )
    else:
        clusters = partition_group(items, rules)
    _write_merged(conn, loaded, clusters)


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


def refresh_columns(conn: sa.Connection, rules: MergeRules, *, batch: int = 1000) -> None:
    """Compute every event's merge columns again (family, window, country) from its data."""
    doc_pks = [pk for (pk,) in conn.execute(sa.select(documents.c.pk).order_by(documents.c.pk))]
    for start in range(0, len(doc_pks), batch):
        chunk = doc_pks[start : start + batch]
        rows = conn.execute(
            sa.select(events.c.pk, events.c.data, events.c.doc_pk, documents.c.published)
            .join(documents, documents.c.pk == events.c.doc_pk)
            .where(events.c.doc_pk.in_(chunk))
        ).all()
        if not rows:
            continue
        contexts = ItemCache.contexts(conn, sorted({row.doc_pk for row in rows}))
        for row in rows:
            values = merge_columns(
                row.data, published=row.published, rules=rules, context=contexts[row.doc_pk]
            )
            conn.execute(events.update().where(events.c.pk == row.pk).values(**values))


def remerge_all(conn: sa.Connection, cache: ItemCache, *, batch: int = 1000) -> int:
    """Merge every stored event again from scratch (after the merge settings changed)."""
    conn.execute(events.update().values(merge_group=None, canonical_pk=None))
    refresh_columns(conn, cache.rules, batch=batch)
    cache.items.clear()
    conn.execute(canonical_events.delete())
    pks = [pk for (pk,) in conn.execute(sa.select(events.c.pk).order_by(events.c.pk))]
    for start in range(0, len(pks), batch):
        merge_new(conn, pks[start : start + batch], cache)
    return len(pks)
