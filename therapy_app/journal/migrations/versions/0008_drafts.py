"""Drafts: a half-written check-in or a picture in progress, encrypted, one per page kind."""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0008", "0007"


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("content_ct", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('check-in', 'art')", name="ck_kind_valid"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("owner_id", "kind", name="uq_drafts_owner_kind"),
    )
    op.create_index("ix_drafts_owner_id", "drafts", ["owner_id"])


def downgrade() -> None:
    op.drop_index("ix_drafts_owner_id", table_name="drafts")
    op.drop_table("drafts")
