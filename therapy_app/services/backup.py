"""Whole-database backup and restore, portable between SQLite and PostgreSQL.

Sensitive fields stay encrypted in the backup: it holds ciphertext, never the
key. Keep a copy of the key file apart from the backup; without it the journal
cannot be read, which is also how deleting the key destroys old backups.

File (format version 2): gzip of two lines of JSON. The first says what the file is, which
key wrote it (a fingerprint) and the schema revision, and carries an HMAC of the second
line under that key; the second holds the tables. Restore expands at most a bounded size,
refuses a file written under another key or altered in any byte, checks every row against
the schema, and writes all or nothing. A backup of an older schema is restored at that
revision and then upgraded; a newer one is refused, and so is one from before the journal's
values were sealed (schema 0007 cannot be undone, so nothing can be restored below it).
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import zlib
from datetime import date, datetime
from typing import TYPE_CHECKING

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, func, insert, select, text
from sqlalchemy.exc import DBAPIError, StatementError

from therapy_app.errors import InvalidInputError
from therapy_app.fileio import atomic_write_bytes
from therapy_app.journal import audit
from therapy_app.journal.db import SEALED_REVISION, alembic_config, upgrade
from therapy_app.journal.models import Base, KeyCheck, User

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sqlalchemy import Column, Table
    from sqlalchemy.orm import Session

    from therapy_app.services.context import AppContext

FORMAT = "therapy_app-backup"
FORMAT_VERSION = 2
MAX_BACKUP_BYTES = 2 * 1024**3
# Ciphertext in base64 hardly compresses; a backup that expands much more than this is
# not one this app wrote (a "zip bomb"), and is refused while it is being read.
MAX_EXPANSION = 50
MIN_EXPANDED_LIMIT = 64 * 1024**2
READ_CHUNK = 1024**2
MAC_PURPOSE = "backup"


def _encode(value: object) -> object:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def key_id(ctx: AppContext) -> str:
    """Names the key without revealing it: the same key always gives the same id."""
    return ctx.cipher.digest("key-id", b"")[:16]


def _revision(ctx: AppContext) -> str:
    with ctx.engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


def _audit_backup_from_command_line(
    ctx: AppContext, session: Session, action: audit.Action, reason: str
) -> None:
    """Record what the command line did with the whole database: no user acts there."""
    audit.record(
        session,
        ctx.cipher,
        at=ctx.clock(),
        actor_id=None,
        action=action,
        object_type="backup",
        reason=reason,
    )


def backup(ctx: AppContext, out: Path, progress: Callable[[str, int], None] | None = None) -> int:
    """Write every table to ``out`` (gzip JSON, authenticated, written atomically) from one
    consistent snapshot, while the app keeps running. Returns the row count."""
    tables: dict[str, list[dict[str, object]]] = {}
    with ctx.unit_of_work() as session:
        if session.get_bind().dialect.name == "postgresql":
            # every SELECT below sees the same moment (SQLite: BEGIN IMMEDIATE already does)
            session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        for table in Base.metadata.sorted_tables:
            rows = session.execute(select(table)).mappings()
            tables[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
            if progress:
                progress(table.name, len(tables[table.name]))
        _audit_backup_from_command_line(
            ctx, session, audit.Action.EXPORT, "whole database, from the command line"
        )
    body = json.dumps({"tables": tables}).encode("utf-8")
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": revision,
        "key_id": key_id(ctx),
        "hmac_sha256": ctx.cipher.digest(MAC_PURPOSE, body),
    }
    atomic_write_bytes(out, gzip.compress(json.dumps(header).encode("utf-8") + b"\n" + body))
    return sum(len(rows) for rows in tables.values())


def _expand(path: Path) -> bytearray:
    """The file's gzip content, refused as soon as it grows past what a backup can be."""
    try:
        size = path.stat().st_size
        limit = min(MAX_BACKUP_BYTES, max(MIN_EXPANDED_LIMIT, MAX_EXPANSION * size))
        expanded = bytearray()
        with gzip.open(path, "rb") as stream:
            while chunk := stream.read(READ_CHUNK):
                expanded += chunk
                if len(expanded) > limit:
                    msg = (
                        f"{path.name} expands to more than {limit // 1024**2} MB, far more than "
                        "a backup of this app does; it was not restored."
                    )
                    raise InvalidInputError(msg)
    except (OSError, EOFError, zlib.error):
        msg = f"{path} is not a readable therapy_app backup (damaged or another kind of file)."
        raise InvalidInputError(msg) from None
    return expanded


def _read(ctx: AppContext, path: Path) -> tuple[str, dict[str, object]]:
    """The backup's schema revision and tables, once it is known to be ours, unaltered."""
    first, _, body = _expand(path).partition(b"\n")
    try:
        header = json.loads(first)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        msg = f"{path} is not a therapy_app backup; nothing was restored."
        raise InvalidInputError(msg)
    version = header.get("version")
    if version != FORMAT_VERSION:
        msg = (
            f"{path} is a version {version} backup; this app restores version "
            f"{FORMAT_VERSION} (authenticated) backups only. Version 1 backups carry no proof "
            "that they are unaltered: restore them with the app version that wrote them."
        )
        raise InvalidInputError(msg)
    if header.get("key_id") != key_id(ctx):
        msg = (
            f"{path} was written with another key than this data folder's: nothing in it "
            "could be read here. Restore into a new data folder with the backup's key file in "
            "it (or THERAPY_APP_KEY set to that key). Nothing was restored."
        )
        raise InvalidInputError(msg)
    if header.get("hmac_sha256") != ctx.cipher.digest(MAC_PURPOSE, body):
        msg = f"{path} has been altered since it was written; it was not restored."
        raise InvalidInputError(msg)
    try:
        document = json.loads(body)
    except ValueError:
        document = None
    tables = document.get("tables") if isinstance(document, dict) else None
    if not isinstance(tables, dict):
        msg = f"{path} has no tables; it was not restored."
        raise InvalidInputError(msg)
    return str(header.get("schema")), tables


def _check_revision(ctx: AppContext, path: Path, revision: str) -> str:
    """``revision`` if this app knows it (the newest one or an older one), else refused."""
    scripts = ScriptDirectory.from_config(alembic_config(ctx.engine))
    known = [script.revision for script in scripts.walk_revisions()]  # newest first
    if revision not in known:
        msg = (
            f"{path} was written by a newer therapy_app (schema {revision}); upgrade the app "
            "to restore it. Nothing was restored."
        )
        raise InvalidInputError(msg)
    if known.index(revision) > known.index(SEALED_REVISION):
        msg = (
            f"{path} holds a journal from before its values were sealed (schema {revision}). "
            "Restore it with the therapy_app version that wrote it, start this version on "
            "that data folder (which seals it), then back it up again. Nothing was restored."
        )
        raise InvalidInputError(msg)
    return revision


def _decode(column: Column[object], value: object) -> object:
    """A value as the column holds it; ValueError says why it cannot be."""
    if value is None:
        return None
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        python_type = object
    if python_type is bytes:
        if not isinstance(value, str):
            raise ValueError
        return base64.b64decode(value, validate=True)
    if python_type is datetime:
        moment = datetime.fromisoformat(str(value))
        if moment.tzinfo is None:
            raise ValueError
        return moment
    if python_type is date:
        return date.fromisoformat(str(value))
    expected = {int: (int,), float: (int, float), str: (str,), bool: (bool,), dict: (dict,)}
    if python_type in expected and (
        not isinstance(value, expected[python_type])
        or (python_type is not bool and isinstance(value, bool))
    ):
        raise ValueError
    return value


def _rows(path: Path, table: Table, rows: object) -> list[dict[str, object]]:
    if not isinstance(rows, list):
        msg = f"{path}: table {table.name} is not a list of rows; nothing was restored."
        raise InvalidInputError(msg)
    columns = {column.name: column for column in table.columns}
    # Audit events get fresh ids so they never collide with the target's own.
    skip = {"id"} if table.name == "audit_events" else set()
    decoded = []
    for number, row in enumerate(rows, start=1):
        where = f"{path}: table {table.name}, row {number}"
        if not isinstance(row, dict) or set(row) - set(columns):
            extra = ", ".join(sorted(set(row) - set(columns))) if isinstance(row, dict) else ""
            why = f"has columns this app does not know ({extra})" if extra else "is not a row"
            msg = f"{where} {why}; nothing was restored."
            raise InvalidInputError(msg)
        try:
            decoded.append({k: _decode(columns[k], v) for k, v in row.items() if k not in skip})
        except (ValueError, TypeError, binascii.Error):
            bad = next(k for k, v in row.items() if not _decodes(columns[k], v))
            msg = f"{where}: '{bad}' is not a valid value for it; nothing was restored."
            raise InvalidInputError(msg) from None
    return decoded


def _decodes(column: Column[object], value: object) -> bool:
    try:
        _decode(column, value)
    except (ValueError, TypeError, binascii.Error):
        return False
    return True


def restore(ctx: AppContext, path: Path) -> int:
    """Restore a backup into an empty database, all or nothing. Returns the row count."""
    revision, tables = _read(ctx, path)
    revision = _check_revision(ctx, path, revision)
    head = _revision(ctx)
    if revision != head:  # an older backup: its rows go into its own schema, then upgrade
        with ctx.sessions() as session:
            if session.scalar(select(func.count()).select_from(User)):
                _refuse_non_empty()
        command.downgrade(alembic_config(ctx.engine), revision)
    try:
        metadata = Base.metadata if revision == head else _reflected(ctx)
        count = _insert(ctx, path, metadata, tables)
    finally:
        if revision != head:
            upgrade(ctx.engine, cipher=ctx.cipher)
    # recorded at the current schema: the audit log's columns differ in older ones
    with ctx.unit_of_work() as session:
        _audit_backup_from_command_line(
            ctx, session, audit.Action.WRITE, "restored from the command line"
        )
    return count


def _reflected(ctx: AppContext) -> MetaData:
    metadata = MetaData()
    metadata.reflect(bind=ctx.engine)
    metadata.remove(metadata.tables["alembic_version"])
    return metadata


def _refuse_non_empty() -> None:
    msg = "This database already holds accounts. Restore into a new, empty data folder."
    raise InvalidInputError(msg)


def _insert(ctx: AppContext, path: Path, metadata: MetaData, tables: dict[str, object]) -> int:
    unknown = set(tables) - set(metadata.tables)
    if unknown:
        known = "', '".join(sorted(unknown))
        msg = f"{path} has tables this app does not know ({known}); nothing was restored."
        raise InvalidInputError(msg)
    count = 0
    try:
        with ctx.unit_of_work() as session:
            if session.scalar(select(func.count()).select_from(metadata.tables["users"])):
                _refuse_non_empty()
            for table in metadata.sorted_tables:
                if table.name == KeyCheck.__tablename__:
                    continue  # the target has its own; the backup's key was proven above
                decoded = _rows(path, table, tables.get(table.name, []))
                if decoded:
                    session.execute(insert(table), decoded)
                count += len(decoded)
    except (DBAPIError, StatementError) as error:
        reason = type(getattr(error, "orig", None) or error).__name__
        msg = (
            f"{path} holds rows that break the database's rules ({reason}: a missing "
            "reference, a duplicate or a value out of range); nothing was restored."
        )
        raise InvalidInputError(msg) from None
    return count
