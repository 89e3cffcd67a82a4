"""An index that finds a tag's entries.

The primary key of ``entry_tags`` starts with the entry, so reading a journal's tags (every
timeline, journal page and review) scanned the links of every journal in the database: 6 ms
for 30 clients on PostgreSQL, growing with the clinic. Deleting a tag's links needs it too.
"""

from alembic import op

revision, down_revision = "0014", "0013"


def upgrade() -> None:
    op.create_index("ix_entry_tags_tag_id", "entry_tags", ["tag_id"])


def downgrade() -> None:
    op.drop_index("ix_entry_tags_tag_id", table_name="entry_tags")
