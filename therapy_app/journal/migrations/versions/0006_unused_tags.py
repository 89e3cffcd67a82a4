"""Delete tags no entry uses: a deleted entry's tags outlived it (seen by a therapist and
kept in backups). From now on the services delete a tag with its last entry.
"""

from alembic import op

revision, down_revision = "0006", "0005"


def upgrade() -> None:
    op.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)")


def downgrade() -> None:
    """Deleted tags are gone; nothing to bring back."""
