"""Whole-database backup and restore, portable between SQLite and PostgreSQL.

Sensitive fields stay encrypted in the backup: it holds ciphertext, never the
key. Keep a copy of the key file apart from the backup; without it the journal
cannot be read, which is also how deleting the key destroys old backups.
"""

from __future__ import annotations

import base64
import gzip
import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select, text

from therapy_app.errors import InvalidInputError
from therapy_app.fileio import atomic_write_bytes
from therapy_app.journal import audit
from therapy_app.journal.models import Base, KeyCheck, User

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sqlalchemy import Column

    from therapy_app.services.context import AppContext

FORMAT = "therapy_app-backup"
FORMAT_VERSION = 1
MAX_BACKUP_BYTES = 2 * 1024**3


def _encode(value: object) -> object:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decoder(column: Column[object]) -> Callable[[object], object]:
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        python_type = object
    if python_type is bytes:
        return base64.b64decode
    if python_type is datetime:
        return datetime.fromisoformat
    if python_type is date:
        return date.fromisoformat
    return lambda value: value


def backup(ctx: AppContext, out: Path, progress: Callable[[str, int], None] | None = None) -> int:
    """Write every table to ``out`` (gzip JSON, written atomically). Returns the row count."""
    tables: dict[str, list[dict[str, object]]] = {}
    with ctx.unit_of_work() as session:
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        for table in Base.metadata.sorted_tables:
            rows = session.execute(select(table)).mappings()
            tables[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
            if progress:
                progress(table.name, len(tables[table.name]))
        audit.record(
            session,
            at=ctx.clock(),
            actor_id=None,
            action=audit.Action.EXPORT,
            object_type="backup",
            reason="whole database, from the command line",
        )
    document = {"format": FORMAT, "version": FORMAT_VERSION, "schema": revision, "tables": tables}
    atomic_write_bytes(out, gzip.compress(json.dumps(document).encode("utf-8")))
    return sum(len(rows) for rows in tables.values())


def _read(path: Path) -> dict[str, object]:
    try:
        raw = gzip.decompress(path.read_bytes())
        if len(raw) > MAX_BACKUP_BYTES:
            raise ValueError
        document = json.loads(raw)
    except (OSError, ValueError, EOFError):
        msg = f"{path} is not a readable therapy_app backup (damaged or another kind of file)."
        raise InvalidInputError(msg) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        msg = f"{path} is not a therapy_app backup."
        raise InvalidInputError(msg)
    if document.get("version") != FORMAT_VERSION:
        msg = f"{path} was written by a newer therapy_app; upgrade the app to restore it."
        raise InvalidInputError(msg)
    return document


def _require_same_key(ctx: AppContext, key_checks: list[dict[str, object]], path: Path) -> None:
    """A backup written under another key would restore as unreadable data: refuse it."""
    for row in key_checks:
        if not ctx.cipher.opens(base64.b64decode(str(row["value_ct"]))):
            msg = (
                f"{path} was written with another key than this data folder's. Nothing was "
                "restored. Restore into a new data folder with the backup's key file in it "
                "(or THERAPY_APP_KEY set to that key)."
            )
            raise InvalidInputError(msg)


def restore(ctx: AppContext, path: Path) -> int:
    """Restore a backup into an empty database, all or nothing. Returns the row count."""
    document = _read(path)
    tables = document["tables"]
    count = 0
    with ctx.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(User)):
            msg = "This database already holds accounts. Restore into a new, empty data folder."
            raise InvalidInputError(msg)
        _require_same_key(ctx, tables.get(KeyCheck.__tablename__, []), path)
        for table in Base.metadata.sorted_tables:
            if table.name == KeyCheck.__tablename__:
                continue  # the target has its own, and the backup's was just checked against it
            rows = tables.get(table.name, [])
            decoders = {column.name: _decoder(column) for column in table.columns}
            # Audit events get fresh ids so they never collide with the target's own.
            skip = {"id"} if table.name == "audit_events" else set()
            decoded = [
                {
                    k: (decoders[k](v) if v is not None else None)
                    for k, v in row.items()
                    if k not in skip
                }
                for row in rows
            ]
            if decoded:
                session.execute(insert(table), decoded)
            count += len(decoded)
        audit.record(
            session,
            at=ctx.clock(),
            actor_id=None,
            action=audit.Action.WRITE,
            object_type="backup",
            reason="restored from the command line",
        )
    return count
