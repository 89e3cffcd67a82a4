"""Import keys: which entries came from which row of another app's file (as keyed digests),
so importing the same file twice adds nothing.
"""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0009", "0008"


def upgrade() -> None:
    op.create_table(
        "import_keys",
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("owner_id", "key_hash"),
    )
    op.create_index("ix_import_keys_entry_id", "import_keys", ["entry_id"])


def downgrade() -> None:
    op.drop_index("ix_import_keys_entry_id", table_name="import_keys")
    op.drop_table("import_keys")
