"""The shipped migrations build exactly the schema of ``store/schema.py``, on both engines."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from dateline.store import Store
from dateline.store.migrate import alembic_config, current, head
from dateline.store.schema import metadata


def test_migrations_build_the_schema_of_the_metadata(db_url):
    with Store(db_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_opening_a_store_brings_it_to_the_newest_revision(db_url):
    with Store(db_url) as store, store.engine.connect() as conn:
        assert current(conn) == head()


def test_opening_twice_changes_nothing(db_url):
    with Store(db_url) as store:
        store.write([("h1", _minimal("d1"))])
    with Store(db_url) as store:
        assert store.counts()["documents"] == 1


def test_one_line_of_revisions():
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert [rev.revision for rev in script.walk_revisions()][-1] == "0001"


def test_sqlite_store_is_in_wal_mode(tmp_path):
    with Store(tmp_path / "a.db") as store, store.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1


def _minimal(doc_id: str) -> dict:
    from dateline.document import Document, Provenance

    doc = Document(id=doc_id, text="Some text.")
    doc.provenance = Provenance(dateline="0.1.0", config="abc")
    return doc.to_dict()


def test_sqlite_transactions_hold_ddl_too(tmp_path):
    # Regression (#13): Python's sqlite3 committed DDL on its own, so a kill during the first
    # migration left half a schema that the next open could not migrate.
    from dateline.store.engine import create_engine, resolve_url

    engine = create_engine(resolve_url(tmp_path / "t.db"))
    with pytest.raises(RuntimeError), engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
        raise RuntimeError("killed")
    assert "t" not in sa.inspect(engine).get_table_names()
    engine.dispose()
