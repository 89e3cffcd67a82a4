"""Device cookies (OWASP): browsers an account has signed in on, kept as a keyed digest of
the cookie's nonce, with their own count of failed sign-ins.
"""

import sqlalchemy as sa
from alembic import op

from therapy_app.journal.migrations.columns import moment, user_reference

revision, down_revision = "0013", "0012"


def upgrade() -> None:
    op.create_table(
        "device_cookies",
        sa.Column("nonce_key", sa.String(length=64), primary_key=True),
        user_reference("user_id"),
        sa.Column("failures", sa.Integer(), nullable=False),
        moment("created_at"),
        moment("last_ok_at"),
    )
    op.create_index("ix_device_cookies_user_id", "device_cookies", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_device_cookies_user_id", "device_cookies")
    op.drop_table("device_cookies")
