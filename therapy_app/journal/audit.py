"""The append-only audit log: who did what to whose data, never the content."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from therapy_app.journal.models import AuditEvent

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session


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


def record(
    session: Session,
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
    session.add(
        AuditEvent(
            at=at,
            actor_id=actor_id,
            action=str(action),
            object_type=object_type,
            object_id=object_id,
            subject_id=subject_id,
            outcome=str(outcome),
            reason=reason[:200] if reason else None,
        )
    )
