"""The merge's country of an event, a group's members by date, merged events by country.

Revision ID: 0002
Revises: 0001

``merge_country`` narrows the candidates of a new event to those the merge places in the
same country; ``(merge_group, merge_earliest)`` reads one stretch of dates of a large group;
``(country, date_earliest, key)`` lists a country's merged events in order without a sort.
The merge rules hash changes with this version, so an older store's merged events (and
these columns) are rebuilt when it is next written to.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("canonical_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_canonical_events_country_date_earliest"))
        batch_op.create_index(
            batch_op.f("ix_canonical_events_country_date_earliest_key"),
            ["country", "date_earliest", "key"],
            unique=False,
        )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merge_country", sa.Text(), nullable=True))
        batch_op.drop_index(batch_op.f("ix_events_merge_group"))
        batch_op.create_index(
            batch_op.f("ix_events_merge_group_merge_earliest"),
            ["merge_group", "merge_earliest"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_merge_group_merge_earliest"))
        batch_op.create_index(batch_op.f("ix_events_merge_group"), ["merge_group"], unique=False)
        batch_op.drop_column("merge_country")
    with op.batch_alter_table("canonical_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_canonical_events_country_date_earliest_key"))
        batch_op.create_index(
            batch_op.f("ix_canonical_events_country_date_earliest"),
            ["country", "date_earliest"],
            unique=False,
        )
