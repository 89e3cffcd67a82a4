"""The key check: a known value sealed with the journal's key, written at the first start
after this upgrade, so that a missing or different key is refused instead of used.
"""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0004", "0003"


def upgrade() -> None:
    op.create_table(
        "key_check",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("value_ct", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("key_check")
