"""The Store: open (and migrate) a corpus store, write documents, read them back.

One data-access layer for SQLite and PostgreSQL (SQLAlchemy Core); the schema is
``schema.py`` and Alembic's migrations bring any older store up to it when it is opened.
A batch of documents is written in one transaction together with the merged events it
changes and its run's counts, so a killed ingest leaves the store as it was after the last
whole batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from ..config import Config, load_config
from ..errors import StoreError
from . import migrate
from .canonical import ItemCache, merge_new, regroup, remerge_all
from .engine import create_engine, describe, resolve_url
from .query import EventFilter, iter_events, query_events
from .rows import (
    RECORD_KEYS,
    RECORD_ROWS,
    assemble,
    document_row,
    event_actor_rows,
    event_evidence_rows,
    event_row,
)
from .schema import (
    RECORD_TABLES,
    canonical_events,
    documents,
    event_actors,
    event_evidence,
    events,
    input_failures,
    problems,
    runs,
    store_info,
)

log = logging.getLogger(__name__)

# Run counters, in the order reports list them.
COUNTERS = (
    "documents_read",
    "documents_added",
    "documents_replaced",
    "documents_skipped",
    "documents_failed",
    "events_added",
    "problems",
)
# Any number; PostgreSQL writers take this transaction-level lock in turn.
_PG_WRITE_LOCK = 7_213_001


@dataclass(frozen=True)
class Written:
    """What became of one document handed to ``Store.write``."""

    content_hash: str
    outcome: str  # added, replaced (another version or configuration), skipped (already stored)
    events: int
    problems: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def merge_rules_hash(config: Config) -> str:
    """A hash of the ``[store.merge]`` settings: when it changes, merged events are rebuilt."""
    blob = json.dumps(config.store.merge.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


class Store:
    """A corpus store at a file path or URL (``[store] url`` by default); a context manager."""

    def __init__(
        self, db: str | Path | None = None, *, config: Config | None = None, create: bool = True
    ) -> None:
        self.config = config if config is not None else load_config()
        self.url = resolve_url(db if db is not None else self.config.store.url)
        self.rules = self.config.store.merge
        self._items = ItemCache(self.rules)
        if not create and self.url.get_backend_name() == "sqlite":
            database = self.url.database or ""
            if database not in ("", ":memory:") and not Path(database).exists():
                raise StoreError(
                    f"{database}: no such store; make it with dateline ingest PATH... --db {database}"
                )
        self.engine = create_engine(self.url)
        try:
            migrate.upgrade(self.engine)
        except sa.exc.DBAPIError as exc:
            self.engine.dispose()
            raise StoreError(
                f"{self.name}: cannot open the store ({_reason(exc)}); check the path or URL, "
                "that the server is running and that you may write there"
            ) from exc

    @property
    def name(self) -> str:
        """The store's URL without its password."""
        return describe(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions ------------------------------------------------------------------------
    def _writing(self, conn: sa.Connection) -> None:
        """Serialise writers: SQLite has its file lock; PostgreSQL takes an advisory lock."""
        if self.dialect == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})

    # -- runs --------------------------------------------------------------------------------
    def start_run(self, *, inputs: Sequence[str], workers: int, config_hash: str) -> int:
        """Record the start of an ingest run; its counts grow with every committed batch."""
        from .. import __version__

        with self.engine.begin() as conn:
            return int(
                conn.execute(
                    runs.insert()
                    .values(
                        started_at=_now(),
                        status="running",
                        dateline_version=__version__,
                        config_hash=config_hash,
                        inputs=list(inputs),
                        workers=workers,
                        **dict.fromkeys(COUNTERS, 0),
                    )
                    .returning(runs.c.id)
                ).scalar_one()
            )

    def _count(self, conn: sa.Connection, run_id: int | None, counts: Mapping[str, int]) -> None:
        if run_id is None or not any(counts.values()):
            return
        values = {name: runs.c[name] + counts[name] for name in counts if counts[name]}
        conn.execute(runs.update().where(runs.c.id == run_id).values(**values))

    def count_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        """Add to a run's counters in a transaction of their own (skipped documents)."""
        with self.engine.begin() as conn:
            self._count(conn, run_id, counts)

    def finish_run(self, run_id: int, *, status: str = "finished") -> None:
        with self.engine.begin() as conn:
            conn.execute(
                runs.update().where(runs.c.id == run_id).values(status=status, finished_at=_now())
            )

    def add_failures(self, run_id: int, failures: Sequence[tuple[str, str, str]]) -> None:
        """Inputs of a run that could not be read: (source, code, message) each."""
        if not failures:
            return
        with self.engine.begin() as conn:
            conn.execute(
                input_failures.insert(),
                [{"run_id": run_id, "source": s, "code": c, "message": m} for s, c, m in failures],
            )
            self._count(conn, run_id, {"documents_failed": len(failures)})

    def runs(self) -> list[dict[str, Any]]:
        """Every ingest run, newest first, with its counts and the inputs it could not read."""
        with self.engine.connect() as conn:
            failures: dict[int, list[dict[str, Any]]] = {}
            for row in conn.execute(sa.select(input_failures).order_by(input_failures.c.pk)):
                failures.setdefault(row.run_id, []).append(
                    {"source": row.source, "code": row.code, "message": row.message}
                )
            return [
                {**row._asdict(), "failures": failures.get(row.id, [])}
                for row in conn.execute(sa.select(runs).order_by(runs.c.id.desc()))
            ]

    # -- writing -----------------------------------------------------------------------------
    def known(self, hashes: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Of ``hashes``, those stored: content hash -> (configuration hash, version)."""
        if not hashes:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(
                    documents.c.content_hash, documents.c.config_hash, documents.c.dateline_version
                ).where(documents.c.content_hash.in_(sorted(set(hashes))))
            )
            return {row.content_hash: (row.config_hash, row.dateline_version) for row in rows}

    def write(
        self,
        batch: Sequence[tuple[str, Mapping[str, Any]]],
        *,
        run_id: int | None = None,
        counts: Mapping[str, int] | None = None,
    ) -> list[Written]:
        """Store contract dicts keyed by content hash, merge their events, in one transaction.

        A document already stored under the same configuration hash and version is skipped;
        under another, it is replaced (its old records and their merged events go). The
        run's counters grow in the same transaction (by ``counts`` too, if given).
        """
        out: list[Written] = []
        with self.engine.begin() as conn:
            self._writing(conn)
            new_events: list[int] = []
            emptied: set[int] = set()
            for content_hash, data in batch:
                outcome, event_pks, groups = self._write_one(conn, content_hash, data, run_id)
                new_events += event_pks
                emptied |= groups
                out.append(Written(content_hash, outcome, len(event_pks), len(data["problems"])))
            try:
                regroup(conn, emptied, self._items)
                merge_new(conn, new_events, self._items)
            except BaseException:
                self._items = ItemCache(self.rules)  # it may hold rows rolled back
                raise
            total = dict.fromkeys(COUNTERS, 0) | dict(counts or {})
            for item in out:
                total[f"documents_{item.outcome}"] += 1
                if item.outcome != "skipped":
                    total["events_added"] += item.events
                    total["problems"] += item.problems
            self._count(conn, run_id, total)
        return out

    def _write_one(
        self,
        conn: sa.Connection,
        content_hash: str,
        data: Mapping[str, Any],
        run_id: int | None,
    ) -> tuple[str, list[int], set[int]]:
        row = document_row(data, content_hash=content_hash)
        old = conn.execute(
            sa.select(documents.c.pk, documents.c.config_hash, documents.c.dateline_version).where(
                documents.c.content_hash == content_hash
            )
        ).first()
        outcome = "added"
        groups: set[int] = set()
        if old is not None:
            if (old.config_hash, old.dateline_version) == (
                row["config_hash"],
                row["dateline_version"],
            ):
                return "skipped", [], set()
            groups = {
                group
                for (group,) in conn.execute(
                    sa.select(events.c.merge_group).where(
                        events.c.doc_pk == old.pk, events.c.merge_group.is_not(None)
                    )
                )
            }
            # Its merged events go too (their other members are merged again by regroup).
            conn.execute(
                canonical_events.delete().where(
                    canonical_events.c.pk.in_(
                        sa.select(events.c.canonical_pk).where(events.c.doc_pk == old.pk)
                    )
                )
            )
            conn.execute(documents.delete().where(documents.c.pk == old.pk))
            outcome = "replaced"
        doc_pk = conn.execute(
            documents.insert().values(**row, run_id=run_id).returning(documents.c.pk)
        ).scalar_one()
        for key, make_row in RECORD_ROWS.items():
            records = data[key]
            if records:
                conn.execute(
                    RECORD_TABLES[key].insert(),
                    [
                        {"doc_pk": doc_pk, "position": i, "id": r["id"], "data": r, **make_row(r)}
                        for i, r in enumerate(records)
                    ],
                )
        if data["problems"]:
            conn.execute(
                problems.insert(),
                [
                    {"doc_pk": doc_pk, "position": i, "code": p["code"], "message": p["message"]}
                    for i, p in enumerate(data["problems"])
                ],
            )
        event_pks = self._write_events(conn, doc_pk, data["events"], row["published"])
        return outcome, event_pks, groups

    def _write_events(
        self,
        conn: sa.Connection,
        doc_pk: int,
        records: Sequence[Mapping[str, Any]],
        published: dt.date | None,
    ) -> list[int]:
        if not records:
            return []
        rows = [
            {
                "doc_pk": doc_pk,
                "position": i,
                "id": r["id"],
                "data": r,
                **event_row(r, published=published, rules=self.rules),
            }
            for i, r in enumerate(records)
        ]
        pks = [
            int(pk)
            for pk in conn.execute(
                events.insert().returning(events.c.pk, sort_by_parameter_order=True), rows
            ).scalars()
        ]
        actors = [
            {"event_pk": pk, **actor}
            for pk, r in zip(pks, records, strict=True)
            for actor in event_actor_rows(r)
        ]
        if actors:
            conn.execute(event_actors.insert(), actors)
        spans = [
            {"event_pk": pk, **span}
            for pk, r in zip(pks, records, strict=True)
            for span in event_evidence_rows(r)
        ]
        if spans:
            conn.execute(event_evidence.insert(), spans)
        return pks

    # -- merged events -----------------------------------------------------------------------
    def merge_current(self) -> bool:
        """Rebuild every merged event if the merge settings changed since they were made.

        Returns whether they were rebuilt. A new store just records the settings.
        """
        wanted = merge_rules_hash(self.config)
        with self.engine.begin() as conn:
            self._writing(conn)
            stored = conn.execute(
                sa.select(store_info.c.value).where(store_info.c.name == "merge_rules")
            ).scalar()
            if stored == wanted:
                return False
            rebuilt = False
            if stored is not None:
                remerge_all(conn, self._items)
                rebuilt = True
            conn.execute(store_info.delete().where(store_info.c.name == "merge_rules"))
            conn.execute(store_info.insert().values(name="merge_rules", value=wanted))
            return rebuilt

    # -- reading -----------------------------------------------------------------------------
    def document(self, id_or_hash: str) -> dict[str, Any] | None:
        """A stored document as the contract dict it was stored from (by id or content hash)."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(documents)
                .where(sa.or_(documents.c.id == id_or_hash, documents.c.content_hash == id_or_hash))
                .order_by(documents.c.pk)
                .limit(1)
            ).first()
            if row is None:
                return None
            return self._assemble(conn, row)

    def documents(self) -> Iterator[dict[str, Any]]:
        """Every stored document's contract dict, by document id then content hash."""
        with self.engine.connect() as conn:
            keys = (
                conn.execute(
                    sa.select(documents.c.pk).order_by(documents.c.id, documents.c.content_hash)
                )
                .scalars()
                .all()
            )
            for pk in keys:
                row = conn.execute(sa.select(documents).where(documents.c.pk == pk)).one()
                yield self._assemble(conn, row)

    def _assemble(self, conn: sa.Connection, row: Any) -> dict[str, Any]:
        records: dict[str, list[Any]] = {}
        for key in RECORD_KEYS:
            table = RECORD_TABLES[key]
            records[key] = list(
                conn.execute(
                    sa.select(table.c.data)
                    .where(table.c.doc_pk == row.pk)
                    .order_by(table.c.position)
                ).scalars()
            )
        found = conn.execute(
            sa.select(problems.c.code, problems.c.message)
            .where(problems.c.doc_pk == row.pk)
            .order_by(problems.c.position)
        ).all()
        return assemble(row._asdict(), records, [p._asdict() for p in found])

    def events(
        self, where: EventFilter | None = None, *, merged: bool = True
    ) -> list[dict[str, Any]]:
        """Merged events (or every article's, ``merged=False``) matching ``where``, by date."""
        return query_events(self, where, merged=merged)

    def events_frame(self, where: EventFilter | None = None, *, merged: bool = True) -> Any:
        """The same events as a pandas DataFrame with ACLED's columns (``dateline[pandas]``)."""
        from ..export.frame import to_frame

        return to_frame(iter_events(self, where, merged=merged))

    def fingerprint(self) -> str:
        """A hash of what the store holds, blind to row keys, runs and insertion order.

        Two stores with the same documents (each with the same extraction) and the same
        merged events have the same fingerprint: how a resumed ingest is checked against an
        uninterrupted one.
        """
        digest = hashlib.sha256()
        with self.engine.connect() as conn:
            hashes = (
                conn.execute(sa.select(documents.c.content_hash).order_by(documents.c.content_hash))
                .scalars()
                .all()
            )
        for content_hash in hashes:
            data = self.document(content_hash)
            digest.update(content_hash.encode("ascii"))
            digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        for record in sorted(iter_events(self), key=lambda r: str(r["key"])):
            digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()

    def counts(self) -> dict[str, int]:
        """How many rows each table of the store holds."""
        from .schema import metadata

        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for name, table in sorted(metadata.tables.items())
            }


def _reason(exc: sa.exc.DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
