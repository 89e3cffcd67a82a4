"""The append-only audit log: who did what to whose data, never the content."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from therapy_app.journal.models import AuditEvent
from therapy_app.journal.sealed import SealedAuditDetail

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from sqlalchemy.orm import Session

    from therapy_app.journal.crypto import FieldCipher


class Action(StrEnum):
    READ = "read"
    WRITE = "write"
    DELETE = "delete"
    EXPORT = "export"
    LOGIN = "login"
    LOGOUT = "logout"


class Outcome(StrEnum):
    OK = "ok"
    DENIED = "denied"
    FAILED = "failed"


@dataclass(frozen=True)
class AuditRecord:
    """One audit event, opened."""

    id: int
    at: datetime
    actor_id: str | None
    action: str
    object_type: str
    object_id: str | None
    subject_id: str | None
    outcome: str
    reason: str | None


def record(
    session: Session,
    cipher: FieldCipher,
    *,
    at: datetime,
    actor_id: str | None,
    action: Action | str,
    object_type: str,
    object_id: str | None = None,
    subject_id: str | None = None,
    outcome: Outcome | str = Outcome.OK,
    reason: str | None = None,
) -> None:
    detail = SealedAuditDetail(str(action), object_type, str(outcome), reason)
    record_each(
        session, cipher, at=at, actor_id=actor_id, detail=detail, about=[(object_id, subject_id)]
    )


def record_each(
    session: Session,
    cipher: FieldCipher,
    *,
    at: datetime,
    actor_id: str | None,
    detail: SealedAuditDetail,
    about: Iterable[tuple[str | None, str | None]],
) -> None:
    """One event for each (object id, subject id) in ``about``, in one statement. Written
    at once, not when the session flushes: an event has no foreign keys to wait for, and
    a page that reads a few hundred rows pays for no ORM object per event."""
    rows = [
        {
            "at": at,
            "actor_id": actor_id,
            "object_id": object_id,
            "subject_id": subject_id,
            "detail_ct": detail.seal(cipher, actor_id, subject_id, object_id),
        }
        for object_id, subject_id in about
    ]
    if rows:
        session.connection().execute(insert(AuditEvent.__table__), rows)


def opened(cipher: FieldCipher, event: AuditEvent) -> AuditRecord:
    detail = SealedAuditDetail.open(
        cipher, event.detail_ct, event.actor_id, event.subject_id, event.object_id
    )
    return AuditRecord(
        event.id,
        event.at,
        event.actor_id,
        detail.action,
        detail.object_type,
        event.object_id,
        event.subject_id,
        detail.outcome,
        detail.reason,
    )


def events(
    session: Session,
    cipher: FieldCipher,
    *,
    subject_id: str | None = None,
    limit: int | None = None,
) -> list[AuditRecord]:
    """Events, newest first, about a subject (all when none is given)."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if subject_id is not None:
        query = query.where(AuditEvent.subject_id == subject_id)
    return [opened(cipher, event) for event in session.scalars(query)]
