"""Columns that the migrations declare alike.

Frozen: a migration that has run must build the same table when it runs on a new database,
so none of these may change; a different column gets a new function.
"""

import sqlalchemy as sa


def user_reference(name: str) -> sa.Column:
    """A user's id, required, whose rows go with the user."""
    return sa.Column(
        name, sa.String(length=36), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def moment(name: str) -> sa.Column:
    """A required time with its zone."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)
