"""The store's tables: one SQLAlchemy Core schema for SQLite and PostgreSQL.

Each record of the output contract is kept whole (``data``: the record's dict exactly as
``Document.to_dict`` gave it, in its list position), so that a document reads back to the
same dict; the values users filter on are copied into typed, indexed columns beside it.
The migrations in ``migrations/versions`` build this same schema (a test compares them);
change both together, with a new migration.

Rows are joined on integer keys (``pk``) that only this store knows. What stays the same
from one store to another is the natural key: a document's ``content_hash`` and a record's
contract ``id`` inside it; a merged event's ``key`` is made from its members' natural keys.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _doc_fk() -> sa.Column[int]:
    return sa.Column(
        "doc_pk",
        sa.Integer,
        sa.ForeignKey("documents.pk", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    # running, finished, failed (a Python error), or running forever after a kill -9
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("dateline_version", sa.Text, nullable=False),
    sa.Column("config_hash", sa.Text, nullable=False),
    sa.Column("inputs", sa.JSON, nullable=False),
    sa.Column("workers", sa.Integer, nullable=False),
    sa.Column("documents_read", sa.Integer, nullable=False, default=0),
    sa.Column("documents_added", sa.Integer, nullable=False, default=0),
    sa.Column("documents_replaced", sa.Integer, nullable=False, default=0),
    sa.Column("documents_skipped", sa.Integer, nullable=False, default=0),
    sa.Column("documents_failed", sa.Integer, nullable=False, default=0),
    sa.Column("events_added", sa.Integer, nullable=False, default=0),
    sa.Column("problems", sa.Integer, nullable=False, default=0),
)

# Inputs that could not be read at all (empty, binary, ...): part of a run's history.
input_failures = sa.Table(
    "input_failures",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Index(None, "run_id"),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    # SHA-256 of the input as read and of the options that change what is extracted from it.
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("config_hash", sa.Text, nullable=False),
    sa.Column("dateline_version", sa.Text, nullable=False),
    sa.Column("schema", sa.Text, nullable=False),
    sa.Column("id", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("headline", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("meta", sa.JSON, nullable=False),
    sa.Column("provenance", sa.JSON),
    sa.Column("raw_map", sa.JSON, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False),
    sa.Column("n_problems", sa.Integer, nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="SET NULL")),
    # One extraction per input: a new version or configuration replaces the old one.
    sa.UniqueConstraint("content_hash"),
    sa.Index(None, "id"),
    sa.Index(None, "published"),
)

problems = sa.Table(
    "problems",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _doc_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Index(None, "code"),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _doc_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("id", sa.Text, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("canonical", sa.Text),
    sa.Column("actor_type", sa.Text),
    sa.Column("country", sa.Text),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index(None, "canonical"),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _doc_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("id", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("geonames_id", sa.BigInteger),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("precision", sa.Text, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index(None, "geonames_id"),
    sa.Index(None, "country"),
)

times = sa.Table(
    "times",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _doc_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("id", sa.Text, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("earliest", sa.Date),
    sa.Column("latest", sa.Date),
    sa.Column("precision", sa.Text, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _doc_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("id", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("speaker", sa.Text),
    sa.Column("data", sa.JSON, nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _doc_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("id", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("claimant", sa.Text),
    sa.Column("data", sa.JSON, nullable=False),
)

# One row per real-world event: the article events the merge found to tell the same one.
canonical_events = sa.Table(
    "canonical_events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(40), nullable=False),
    sa.Column("plover", sa.Text),
    sa.Column("mode", sa.Text),
    sa.Column("acled_event_type", sa.Text),
    sa.Column("acled_sub_event_type", sa.Text),
    sa.Column("actor1", sa.Text),
    sa.Column("actor1_type", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("actor2_type", sa.Text),
    sa.Column("assoc_actor1", sa.Text),
    sa.Column("assoc_actor2", sa.Text),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geo_precision", sa.Text),
    sa.Column("date_earliest", sa.Date),
    sa.Column("date_latest", sa.Date),
    sa.Column("date_precision", sa.Text),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("injured_low", sa.Integer),
    sa.Column("injured_high", sa.Integer),
    sa.Column("certainty", sa.Text, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False),
    sa.Column("n_documents", sa.Integer, nullable=False),
    sa.Column("first_published", sa.Date),
    # Every source: document id, source, headline, published, event id, figures, certainty.
    sa.Column("sources", sa.JSON, nullable=False),
    sa.Column("notes", sa.Text),
    sa.UniqueConstraint("key"),
    sa.Index(None, "country", "date_earliest"),
    sa.Index(None, "date_earliest"),
    sa.Index(None, "acled_event_type", "date_earliest"),
    sa.Index(None, "plover", "date_earliest"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _doc_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("id", sa.Text, nullable=False),
    sa.Column("plover", sa.Text, nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("acled_event_type", sa.Text),
    sa.Column("acled_sub_event_type", sa.Text),
    sa.Column("actor1", sa.Text),
    sa.Column("actor1_type", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("actor2_type", sa.Text),
    sa.Column("country", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geo_precision", sa.Text),
    sa.Column("date_earliest", sa.Date),
    sa.Column("date_latest", sa.Date),
    sa.Column("date_precision", sa.Text),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("injured_best", sa.Integer),
    sa.Column("injured_low", sa.Integer),
    sa.Column("injured_high", sa.Integer),
    sa.Column("certainty", sa.Text, nullable=False),
    sa.Column("source_name", sa.Text),
    # What the merge compares: the type family and the date window (the publication date
    # stands in for a missing date); NULL family: the event is never merged.
    sa.Column("merge_family", sa.Text),
    sa.Column("merge_earliest", sa.Date),
    sa.Column("merge_latest", sa.Date),
    # The connected component of the merge graph, and the merged event it belongs to.
    sa.Column("merge_group", sa.Integer),
    sa.Column(
        "canonical_pk", sa.Integer, sa.ForeignKey("canonical_events.pk", ondelete="SET NULL")
    ),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index(None, "country", "date_earliest"),
    sa.Index(None, "date_earliest"),
    sa.Index(None, "merge_family", "merge_earliest"),
    sa.Index(None, "merge_group"),
    sa.Index(None, "canonical_pk"),
)

# The actors of each event, one row per role, for --actor (associates included).
event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column(
        "event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("canonical", sa.Text),
    sa.Column("actor_type", sa.Text),
    sa.Column("country", sa.Text),
    sa.Index(None, "event_pk"),
    sa.Index(None, "name"),
    sa.Index(None, "canonical"),
)

# Every span an event rests on, by the field it supports, so that a page can highlight it.
event_evidence = sa.Table(
    "event_evidence",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column(
        "event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("caption", sa.Integer),
    sa.Column("text", sa.Text, nullable=False),
    sa.Index(None, "event_pk"),
)

# Settings that shaped what is stored beyond the documents: the merge settings' hash.
store_info = sa.Table(
    "store_info",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# Tables holding records of one document, in the contract's list order.
RECORD_TABLES = {
    "entities": entities,
    "places": places,
    "times": times,
    "events": events,
    "quotes": quotes,
    "claims": claims,
}
