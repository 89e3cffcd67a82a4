"""Database engine, per-connection settings, schema upgrades and transactions."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, make_url
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from therapy_app.errors import NotFoundError, TherapyAppError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy import Table
    from sqlalchemy.engine import Engine

    from therapy_app.journal.crypto import FieldCipher

SQLITE_BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database  # None for "sqlite://", an in-memory database
    if database and database != ":memory:":
        path = Path(database)
        path.parent.mkdir(parents=True, exist_ok=True)
        # SQLite gives the -wal and -shm files the main file's mode: owner only.
        path.touch(mode=0o600, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: object, _record: object) -> None:
        # Take transaction control away from the sqlite3 module so BEGIN IMMEDIATE
        # below is what starts every transaction (no lock-upgrade deadlocks).
        dbapi_connection.isolation_level = None  # type: ignore[attr-defined]
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "foreign_keys=ON",
            # deleted and replaced rows are overwritten with zeros, not left in free pages
            "secure_delete=ON",
            f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: object) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]

    return engine


# From this revision on the database holds the key check (see services.keys); later ones
# may need the key itself, to seal values.
KEY_CHECK_REVISION = "0004"
# This revision sealed every personal value and cannot be undone: no downgrade goes below it.
SEALED_REVISION = "0007"


def alembic_config(engine: Engine, cipher: FieldCipher | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    config.attributes["cipher"] = cipher
    return config


def upgrade(engine: Engine, revision: str = "head", cipher: FieldCipher | None = None) -> None:
    """Bring the schema to ``revision``; the app runs this at every start."""
    try:
        command.upgrade(alembic_config(engine, cipher), revision)
    except OperationalError as error:
        msg = f"Could not open or upgrade the database ({error.orig}). Check DATABASE_URL."
        raise TherapyAppError(msg) from None


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back everything on any error."""
    with factory() as session, session.begin():
        yield session


def insert_missing(session: Session, table: Table, rows: list[dict[str, object]]) -> None:
    """Insert rows, leaving any whose key is already there (``ON CONFLICT DO NOTHING``):
    simultaneous writers of the same new row both succeed, neither fails on the other."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(table).values(rows).on_conflict_do_nothing())


Row = TypeVar("Row")


def existing(session: Session, model: type[Row], key: object, what: str) -> Row:
    """The row of ``model`` with that key; NotFoundError naming ``what`` when there is none."""
    row = session.get(model, key)
    if row is None:
        msg = f"That {what} does not exist (it may have been deleted)."
        raise NotFoundError(msg)
    return row
