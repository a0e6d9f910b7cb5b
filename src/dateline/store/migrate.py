"""Bring a store's schema up to date with the migrations shipped in the package.

``upgrade`` runs when a store is opened, so a store made by an older dateline gains the new
tables and columns before anything reads it. Alembic records the revision in the table
``alembic_version``.
"""

from __future__ import annotations

from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory


def alembic_config(connection: sa.Connection | None = None) -> AlembicConfig:
    """Alembic's settings for the migrations inside the package, bound to ``connection``."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(resources.files("dateline.store") / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision the package ships."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None
    return revision


def current(connection: sa.Connection) -> str | None:
    """The revision a store is at (None: an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine) -> None:
    """Run every migration the store has not had yet, in one transaction where possible."""
    with engine.connect() as connection:
        if current(connection) == head():
            return
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
