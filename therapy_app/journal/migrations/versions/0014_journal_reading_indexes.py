"""Indexes for reading one journal, or a caseload's, out of a clinic's.

The primary key of ``entry_tags`` starts with the entry, so reading a journal's tags (every
timeline, journal page and review) scanned the links of every journal in the database: 6 ms
for 30 clients on PostgreSQL, growing with the clinic; deleting a tag's links needs it too.
Entries were found by owner alone, then filtered and sorted by time: a caseload's latest
check-ins and its flags' 90 days read every entry of fifteen journals (7 ms each at a year),
and a journal page sorted the whole journal. Owner first, then time, answers both; it also
finds an owner's entries, so the owner-only index goes.
"""

from alembic import op

revision, down_revision = "0014", "0013"


def upgrade() -> None:
    op.create_index("ix_entry_tags_tag_id", "entry_tags", ["tag_id"])
    op.create_index("ix_entries_owner_occurred", "entries", ["owner_id", "occurred_at", "id"])
    op.create_index("ix_entries_owner_local_date", "entries", ["owner_id", "local_date"])
    op.drop_index("ix_entries_owner_id", table_name="entries")


def downgrade() -> None:
    op.create_index("ix_entries_owner_id", "entries", ["owner_id"])
    op.drop_index("ix_entries_owner_local_date", table_name="entries")
    op.drop_index("ix_entries_owner_occurred", table_name="entries")
    op.drop_index("ix_entry_tags_tag_id", table_name="entry_tags")
