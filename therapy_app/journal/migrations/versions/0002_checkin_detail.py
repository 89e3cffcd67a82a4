"""Check-in detail: feelings per entry, sleep hours and the safety flag."""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0002", "0001"


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch_op:
        batch_op.add_column(sa.Column("sleep_hours", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("risk_flag", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "entry_feelings",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("word", sa.String(length=32), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("intensity BETWEEN 1 AND 3", name="ck_intensity"),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "word"),
    )


def downgrade() -> None:
    op.drop_table("entry_feelings")
    with op.batch_alter_table("entries") as batch_op:
        batch_op.drop_column("risk_flag")
        batch_op.drop_column("sleep_hours")
