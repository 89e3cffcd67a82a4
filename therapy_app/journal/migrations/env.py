"""Alembic environment: the app hands over its engine in config.attributes.

On SQLite, a migration that changes a table's columns copies the table and drops the old
one ("batch" mode); with foreign keys on, that drop would delete every row that refers to
it (ON DELETE CASCADE). Foreign keys are off while migrating, as SQLite's documentation
prescribes for such changes, and are checked before the upgrade commits.
"""

from alembic import context
from sqlalchemy import text

from therapy_app.errors import TherapyAppError
from therapy_app.journal.models import Base

engine = context.config.attributes["engine"]
is_sqlite = engine.dialect.name == "sqlite"

with engine.connect() as connection:
    if is_sqlite:  # outside any transaction, where SQLite honours it
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
    context.configure(
        connection=connection, target_metadata=Base.metadata, render_as_batch=is_sqlite
    )
    try:
        with context.begin_transaction():
            context.run_migrations()
            if is_sqlite and connection.execute(text("PRAGMA foreign_key_check")).first():
                msg = (
                    "The database upgrade would leave rows that refer to missing ones; nothing "
                    "was changed. Restore the database from a backup, or report this."
                )
                raise TherapyAppError(msg)
        connection.commit()
        if is_sqlite:  # nothing an upgrade replaced stays behind in the write-ahead log
            connection.connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        if is_sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
