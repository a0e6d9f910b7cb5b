"""Alembic's entry point for the store's migrations.

dateline runs the migrations itself when a store is opened (``dateline.store.migrate``),
handing over its open connection; this file only wires that connection to Alembic.
"""

from __future__ import annotations

from alembic import context

from dateline.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things: later migrations rebuild tables ("batch" mode).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
