"""Initial store schema: documents and their records, merged events, runs.

Revision ID: 0001
Revises: (none: the first revision)
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "canonical_events",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("plover", sa.Text(), nullable=True),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("acled_event_type", sa.Text(), nullable=True),
        sa.Column("acled_sub_event_type", sa.Text(), nullable=True),
        sa.Column("actor1", sa.Text(), nullable=True),
        sa.Column("actor1_type", sa.Text(), nullable=True),
        sa.Column("actor2", sa.Text(), nullable=True),
        sa.Column("actor2_type", sa.Text(), nullable=True),
        sa.Column("assoc_actor1", sa.Text(), nullable=True),
        sa.Column("assoc_actor2", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Text(), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("injured_low", sa.Integer(), nullable=True),
        sa.Column("injured_high", sa.Integer(), nullable=True),
        sa.Column("certainty", sa.Text(), nullable=False),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("n_documents", sa.Integer(), nullable=False),
        sa.Column("first_published", sa.Date(), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_canonical_events")),
        sa.UniqueConstraint("key", name=op.f("uq_canonical_events_key")),
    )
    with op.batch_alter_table("canonical_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_canonical_events_acled_event_type_date_earliest"),
            ["acled_event_type", "date_earliest"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_canonical_events_country_date_earliest"),
            ["country", "date_earliest"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_canonical_events_date_earliest"), ["date_earliest"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_canonical_events_plover_date_earliest"),
            ["plover", "date_earliest"],
            unique=False,
        )

    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("dateline_version", sa.Text(), nullable=False),
        sa.Column("config_hash", sa.Text(), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("workers", sa.Integer(), nullable=False),
        sa.Column("documents_read", sa.Integer(), nullable=False),
        sa.Column("documents_added", sa.Integer(), nullable=False),
        sa.Column("documents_replaced", sa.Integer(), nullable=False),
        sa.Column("documents_skipped", sa.Integer(), nullable=False),
        sa.Column("documents_failed", sa.Integer(), nullable=False),
        sa.Column("events_added", sa.Integer(), nullable=False),
        sa.Column("problems", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )
    op.create_table(
        "store_info",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_store_info")),
    )
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("config_hash", sa.Text(), nullable=False),
        sa.Column("dateline_version", sa.Text(), nullable=False),
        sa.Column("schema", sa.Text(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("provenance", sa.JSON(), nullable=True),
        sa.Column("raw_map", sa.JSON(), nullable=False),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("n_problems", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_documents_run_id_runs"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_id"), ["id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_published"), ["published"], unique=False)

    op.create_table(
        "input_failures",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_input_failures_run_id_runs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_input_failures")),
    )
    with op.batch_alter_table("input_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_input_failures_run_id"), ["run_id"], unique=False)

    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_pk"],
            ["documents.pk"],
            name=op.f("fk_claims_doc_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_doc_pk"), ["doc_pk"], unique=False)

    op.create_table(
        "entities",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=True),
        sa.Column("actor_type", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_pk"],
            ["documents.pk"],
            name=op.f("fk_entities_doc_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_entities")),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_canonical"), ["canonical"], unique=False)
        batch_op.create_index(batch_op.f("ix_entities_doc_pk"), ["doc_pk"], unique=False)

    op.create_table(
        "events",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("plover", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("acled_event_type", sa.Text(), nullable=True),
        sa.Column("acled_sub_event_type", sa.Text(), nullable=True),
        sa.Column("actor1", sa.Text(), nullable=True),
        sa.Column("actor1_type", sa.Text(), nullable=True),
        sa.Column("actor2", sa.Text(), nullable=True),
        sa.Column("actor2_type", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Text(), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=True),
        sa.Column("fatalities_best", sa.Integer(), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("injured_best", sa.Integer(), nullable=True),
        sa.Column("injured_low", sa.Integer(), nullable=True),
        sa.Column("injured_high", sa.Integer(), nullable=True),
        sa.Column("certainty", sa.Text(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("merge_family", sa.Text(), nullable=True),
        sa.Column("merge_earliest", sa.Date(), nullable=True),
        sa.Column("merge_latest", sa.Date(), nullable=True),
        sa.Column("merge_group", sa.Integer(), nullable=True),
        sa.Column("canonical_pk", sa.Integer(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["canonical_pk"],
            ["canonical_events.pk"],
            name=op.f("fk_events_canonical_pk_canonical_events"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["doc_pk"],
            ["documents.pk"],
            name=op.f("fk_events_doc_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_canonical_pk"), ["canonical_pk"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_country_date_earliest"),
            ["country", "date_earliest"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_events_date_earliest"), ["date_earliest"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_doc_pk"), ["doc_pk"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_merge_family_merge_earliest"),
            ["merge_family", "merge_earliest"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_events_merge_group"), ["merge_group"], unique=False)

    op.create_table(
        "places",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("geonames_id", sa.BigInteger(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("precision", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_pk"],
            ["documents.pk"],
            name=op.f("fk_places_doc_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_places")),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_places_country"), ["country"], unique=False)
        batch_op.create_index(batch_op.f("ix_places_doc_pk"), ["doc_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_places_geonames_id"), ["geonames_id"], unique=False)

    op.create_table(
        "problems",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_pk"],
            ["documents.pk"],
            name=op.f("fk_problems_doc_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_problems")),
    )
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_problems_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_problems_doc_pk"), ["doc_pk"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_pk"],
            ["documents.pk"],
            name=op.f("fk_quotes_doc_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_quotes")),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_doc_pk"), ["doc_pk"], unique=False)

    op.create_table(
        "times",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("earliest", sa.Date(), nullable=True),
        sa.Column("latest", sa.Date(), nullable=True),
        sa.Column("precision", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_pk"], ["documents.pk"], name=op.f("fk_times_doc_pk_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_times")),
    )
    with op.batch_alter_table("times", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_times_doc_pk"), ["doc_pk"], unique=False)

    op.create_table(
        "event_actors",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=True),
        sa.Column("actor_type", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_pk"],
            ["events.pk"],
            name=op.f("fk_event_actors_event_pk_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_event_actors")),
    )
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_actors_canonical"), ["canonical"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_actors_event_pk"), ["event_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_actors_name"), ["name"], unique=False)

    op.create_table(
        "event_evidence",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("caption", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_pk"],
            ["events.pk"],
            name=op.f("fk_event_evidence_event_pk_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_event_evidence")),
    )
    with op.batch_alter_table("event_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_evidence_event_pk"), ["event_pk"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_evidence_event_pk"))

    op.drop_table("event_evidence")
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_actors_name"))
        batch_op.drop_index(batch_op.f("ix_event_actors_event_pk"))
        batch_op.drop_index(batch_op.f("ix_event_actors_canonical"))

    op.drop_table("event_actors")
    with op.batch_alter_table("times", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_times_doc_pk"))

    op.drop_table("times")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_doc_pk"))

    op.drop_table("quotes")
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problems_doc_pk"))
        batch_op.drop_index(batch_op.f("ix_problems_code"))

    op.drop_table("problems")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_places_geonames_id"))
        batch_op.drop_index(batch_op.f("ix_places_doc_pk"))
        batch_op.drop_index(batch_op.f("ix_places_country"))

    op.drop_table("places")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_merge_group"))
        batch_op.drop_index(batch_op.f("ix_events_merge_family_merge_earliest"))
        batch_op.drop_index(batch_op.f("ix_events_doc_pk"))
        batch_op.drop_index(batch_op.f("ix_events_date_earliest"))
        batch_op.drop_index(batch_op.f("ix_events_country_date_earliest"))
        batch_op.drop_index(batch_op.f("ix_events_canonical_pk"))

    op.drop_table("events")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_doc_pk"))
        batch_op.drop_index(batch_op.f("ix_entities_canonical"))

    op.drop_table("entities")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_doc_pk"))

    op.drop_table("claims")
    with op.batch_alter_table("input_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_input_failures_run_id"))

    op.drop_table("input_failures")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_published"))
        batch_op.drop_index(batch_op.f("ix_documents_id"))

    op.drop_table("documents")
    op.drop_table("store_info")
    op.drop_table("runs")
    with op.batch_alter_table("canonical_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_canonical_events_plover_date_earliest"))
        batch_op.drop_index(batch_op.f("ix_canonical_events_date_earliest"))
        batch_op.drop_index(batch_op.f("ix_canonical_events_country_date_earliest"))
        batch_op.drop_index(batch_op.f("ix_canonical_events_acled_event_type_date_earliest"))

    op.drop_table("canonical_events")
