"""Device cookies (OWASP): browsers an account has signed in on, kept as a keyed digest of
the cookie's nonce, with their own count of failed sign-ins.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    op.create_table(
        "device_cookies",
        sa.Column("nonce_key", sa.String(length=64), primary_key=True),
        sa.Column(
            "user_id",
            sa.String(length=36),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_ok_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_device_cookies_user_id", "device_cookies", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_device_cookies_user_id", "device_cookies")
    op.drop_table("device_cookies")
