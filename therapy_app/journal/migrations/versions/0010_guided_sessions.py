"""Guided sessions: where each stands (planned, under way, completed) and when, the entry
its check-in before made; and each person's safety plan, sealed.
"""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0010", "0009"


def upgrade() -> None:
    with op.batch_alter_table("therapy_sessions") as batch:
        batch.add_column(
            sa.Column("status", sa.String(length=16), nullable=False, server_default="planned")
        )
        batch.add_column(sa.Column("started_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("entry_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key(
            "fk_therapy_sessions_entry_id", "entries", ["entry_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_check_constraint(
            "ck_status_valid", "status IN ('planned', 'in-progress', 'completed')"
        )
    op.create_table(
        "safety_plans",
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("plan_ct", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("owner_id"),
    )


def downgrade() -> None:
    op.drop_table("safety_plans")
    with op.batch_alter_table("therapy_sessions") as batch:
        batch.drop_constraint("ck_status_valid", type_="check")
        batch.drop_constraint("fk_therapy_sessions_entry_id", type_="foreignkey")
        for column in ("entry_id", "completed_at", "started_at", "status"):
            batch.drop_column(column)
