"""Who may do what. Every use case asks here; a refusal is raised as AccessDeniedError
carrying the audit details, and the unit of work records it after rolling back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NoReturn

from sqlalchemy import select

from therapy_app.errors import AccessDeniedError
from therapy_app.journal.models import LinkStatus, Role, TherapistLink

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from therapy_app.services.actor import Actor

SharedPart = Literal["mood", "notes", "art"]
REFUSAL = "You do not have access to this. The attempt has been recorded."


def deny(
    actor: Actor | None,
    action: str,
    object_type: str,
    object_id: str | None = None,
    subject_id: str | None = None,
    message: str = REFUSAL,
    reason: str = "not permitted",
) -> NoReturn:
    raise AccessDeniedError(
        message,
        audit={
            "actor_id": actor.user_id if actor else None,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "subject_id": subject_id,
            "reason": reason,
        },
    )


def require_owner(
    actor: Actor, owner_id: str, action: str, object_type: str, object_id: str | None
) -> None:
    if actor.user_id != owner_id:
        deny(actor, action, object_type, object_id, owner_id, reason="not the owner")


def require_role(actor: Actor, role: Role, action: str, object_type: str) -> None:
    if actor.role is not role:
        deny(actor, action, object_type, reason=f"needs role {role.value}")


def active_link(session: Session, therapist_id: str, client_id: str) -> TherapistLink | None:
    query = select(TherapistLink).where(
        TherapistLink.therapist_id == therapist_id,
        TherapistLink.client_id == client_id,
        TherapistLink.status == LinkStatus.ACTIVE.value,
    )
    return session.scalars(query).first()


def require_shared(
    session: Session, actor: Actor, client_id: str, part: SharedPart, action: str
) -> TherapistLink:
    """A therapist may see a client's data only through an active link that shares ``part``."""
    link = active_link(session, actor.user_id, client_id) if actor.is_therapist else None
    if link is None:
        deny(actor, action, "client", client_id, client_id, reason="no active consent")
    if part != "mood" and not getattr(link, f"share_{part}"):
        deny(actor, action, "client", client_id, client_id, reason=f"{part} not shared")
    return link


def readable_owner(
    session: Session, actor: Actor, owner_id: str | None, part: SharedPart, action: str
) -> str:
    """Whose data a listing reads: the actor's own when ``owner_id`` is None or theirs,
    otherwise a client's whose active link with the actor shares ``part`` (or refused)."""
    owner_id = owner_id or actor.user_id
    if owner_id != actor.user_id:
        require_shared(session, actor, owner_id, part, action)
    return owner_id


def can_read_owned(session: Session, actor: Actor, owner_id: str, part: SharedPart) -> bool:
    if actor.user_id == owner_id:
        return True
    link = active_link(session, actor.user_id, owner_id) if actor.is_therapist else None
    return link is not None and (part == "mood" or bool(getattr(link, f"share_{part}")))
