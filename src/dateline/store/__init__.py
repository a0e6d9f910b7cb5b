"""The corpus store: documents, their records and merged events in SQLite or PostgreSQL.

``Store`` opens (and migrates) a store; ``store.ingest.ingest`` runs the pipeline over inputs
into it, resumably; ``Store.events`` and ``Store.events_frame`` read merged or article events
back. Modules: ``schema`` (tables), ``migrate`` and ``migrations/`` (Alembic), ``engine``
(URLs, SQLite settings), ``rows`` (documents to rows and back), ``base`` (the Store),
``merge`` (which events are one) and ``canonical`` (the merge on the store), ``ingest``
(batches), ``query`` (filters), ``cli`` (the commands).

Names are imported on first use, so that ``dateline extract`` does not load SQLAlchemy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import Store, Written
    from .query import EventFilter, iter_events, query_events

__all__ = ["EventFilter", "Store", "Written", "iter_events", "query_events"]

_HOMES = {
    "Store": "base",
    "Written": "base",
    "EventFilter": "query",
    "iter_events": "query",
    "query_events": "query",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
