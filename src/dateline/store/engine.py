"""Connect to a store: a SQLite file (the default) or a PostgreSQL server (the ``postgres`` extra).

``--db`` takes a file path (``corpus.db``) or a database URL (``sqlite:///corpus.db``,
``postgresql://user:pass@host/db``). SQLite runs in WAL mode: readers never wait for the
writer, and a killed writer leaves the last committed transaction intact. ``synchronous``
is NORMAL, which WAL makes safe against a killed process (not against a power cut in the
last moment, which costs only the last transactions, never the file).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from ..errors import MissingExtraError, StoreError

# How long a SQLite connection waits for another process's write lock before failing.
BUSY_TIMEOUT_MS = 30_000


def resolve_url(db: str | Path) -> URL:
    """The SQLAlchemy URL for ``db``: a URL as given, anything else a SQLite file path."""
    text = str(db)
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser()))
    try:
        url = make_url(text)
    except sa.exc.ArgumentError as exc:
        raise StoreError(
            f"{text!r} is not a database URL ({exc}); give a file path or a URL"
        ) from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if importlib.util.find_spec("psycopg") is None:
            raise MissingExtraError("a PostgreSQL store", "postgres")
        return url
    if backend == "sqlite":
        return url
    raise StoreError(
        f"{url.render_as_string(hide_password=True)}: dateline stores in SQLite or PostgreSQL, "
        f"not {backend}; give a file path or a postgresql:// URL"
    )


def describe(url: URL) -> str:
    """A SQLite store's file path, or the URL without its password, for messages."""
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def _dumps(value: Any) -> str:
    # Compact and exact: JSON columns hold whole records, read back to the same dicts.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def create_engine(url: URL) -> sa.Engine:
    """An engine for ``url``; a SQLite file's folder is created, WAL and foreign keys on."""
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            url,
            json_serializer=_dumps,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
        )
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, json_serializer=_dumps, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 commits before DDL and begins transactions late, on its own: a kill
    # during the first migration left half a schema. SQLAlchemy's transactions take over
    # (``_sqlite_begin``), so every transaction, DDL included, is whole or absent.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    connection.exec_driver_sql("BEGIN")
