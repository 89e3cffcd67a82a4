"""The person's own hand: a drawn layer kept apart from the model's picture, sealed."""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0012", "0011"


def upgrade() -> None:
    op.add_column("artworks", sa.Column("drawing_ct", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("artworks") as batch:
        batch.drop_column("drawing_ct")
