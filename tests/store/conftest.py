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


# Each test process works in a schema of its own, so that two test runs against one
# server (a developer's and a fresh clone's) never drop each other's tables.
PG_SCHEMA = f"dateline_test_{os.getpid()}"


def reset_postgres(url: str) -> str:
    """An empty schema of this process's own; the URL that reads and writes only there."""
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        conn.execute(sa.text(f"CREATE SCHEMA {PG_SCHEMA}"))
    engine.dispose()
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{PG_SCHEMA}"


@pytest.fixture(scope="session", autouse=True)
def _drop_postgres_schema():
    """The process's schema is dropped when its tests are done."""
    yield
    if PG_URL:
        import sqlalchemy as sa

        engine = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
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
    return reset_postgres(PG_URL)


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
