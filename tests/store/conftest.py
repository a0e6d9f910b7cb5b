"""Store fixtures: every store test runs on SQLite and, given a server, on PostgreSQL.

PostgreSQL tests need ``DATELINE_TEST_PG_URL`` (``.ci/run`` starts a server and sets it);
without it they are skipped, and the skip reason says so.
"""

from __future__ import annotations

import os

import pytest

from dateline.config import load_config

from .helpers import register_synthetic_stage, unregister_synthetic_stage

PG_URL = os.environ.get("DATELINE_TEST_PG_URL")
PG_SKIP = "no PostgreSQL server: set DATELINE_TEST_PG_URL (.ci/run starts one) to run these"


def reset_postgres(url: str) -> None:
    """An empty database: drop and recreate the public schema."""
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def db_url(request, tmp_path):
    """A URL of an empty store on each engine."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    if not PG_URL:
        pytest.skip(PG_SKIP)
    reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def store(db_url):
    from dateline.store import Store

    with Store(db_url) as opened:
        yield opened


@pytest.fixture
def synthetic():
    """The stage ``test.synthetic_events.v1`` registered for this test (see helpers)."""
    register_synthetic_stage()
    yield
    unregister_synthetic_stage()


@pytest.fixture
def light_config():
    """Clean and language only: no spaCy model, so ingest tests run in milliseconds."""
    return load_config(
        overrides={"pipeline": {"stages": ["dateline.clean.v1", "dateline.language.v1"]}}
    )
