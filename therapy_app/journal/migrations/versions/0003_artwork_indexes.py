"""Indexes that answer the timeline's questions about pictures without reading them.

An artwork row holds its encrypted image; finding a journal's latest change or which of its
entries have pictures otherwise reads every image (137 ms for ten years on SQLite).
"""

from alembic import op

revision, down_revision = "0003", "0002"


def upgrade() -> None:
    op.create_index("ix_artworks_owner_updated", "artworks", ["owner_id", "updated_at"])
    op.create_index("ix_artworks_owner_entry", "artworks", ["owner_id", "entry_id"])


def downgrade() -> None:
    op.drop_index("ix_artworks_owner_entry", table_name="artworks")
    op.drop_index("ix_artworks_owner_updated", table_name="artworks")
