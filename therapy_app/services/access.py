"""Who may do what. Every use case asks here; a refusal is raised as AccessDeniedError
carrying the audit details, and the unit of work records it after rolling back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, NoReturn, Protocol

from sqlalchemy import select

from therapy_app.errors import AccessDeniedError
from therapy_app.journal.models import LinkStatus, Role, TherapistLink
from therapy_app.journal.sealed import SealedTerms

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from therapy_app.journal.crypto import FieldCipher
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

SharedPart = Literal["mood", "notes", "art", "sessions"]
CONSENTS_READ = "consents read"  # in a unit of work's Session.info: (pair, day) -> Consent
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


@dataclass(frozen=True)
class Consent:
    """A link's terms, opened: whether it is in force today and what it shares."""

    link_id: str
    therapist_id: str
    client_id: str
    terms: SealedTerms

    def in_force(self, today: date) -> bool:
        ends_on = self.terms.ends_on
        return self.terms.status == LinkStatus.ACTIVE.value and (
            ends_on is None or today <= date.fromisoformat(ends_on)
        )

    def shares(self, part: SharedPart) -> bool:
        return bool(getattr(self.terms, part))


class LinkColumns(Protocol):
    """What a consent is opened from: a link row, or a TherapistLink."""

    id: str
    therapist_id: str
    client_id: str | None
    terms_ct: bytes


# A link's columns that its consent needs, read without loading a TherapistLink: the pages
# of a therapist check consent once or more per request.
CONSENT_COLUMNS = (
    TherapistLink.id,
    TherapistLink.therapist_id,
    TherapistLink.client_id,
    TherapistLink.terms_ct,
)


def consent_of(cipher: FieldCipher, link: LinkColumns) -> Consent:
    terms = SealedTerms.open(cipher, link.terms_ct, link.id, link.therapist_id)
    return Consent(link.id, link.therapist_id, link.client_id or "", terms)


def pair_link(session: Session, therapist_id: str, client_id: str) -> TherapistLink | None:
    """The one link between a therapist and a client (a unique pair in the database)."""
    query = select(TherapistLink).where(
        TherapistLink.therapist_id == therapist_id, TherapistLink.client_id == client_id
    )
    return session.scalar(query)


def active_consent(
    session: Session, cipher: FieldCipher, today: date, therapist_id: str, client_id: str
) -> Consent | None:
    """The therapist's consent from this client if it is in force today (not revoked, not
    past its end date): read afresh in every unit of work, so ending it takes effect at the
    next request. Within one, a page's several checks of the same pair read it once."""
    read = session.info.setdefault(CONSENTS_READ, {})
    key = (therapist_id, client_id, today)
    if key not in read:
        link = (
            session.connection()
            .execute(
                select(*CONSENT_COLUMNS).where(
                    TherapistLink.therapist_id == therapist_id,
                    TherapistLink.client_id == client_id,
                )
            )
            .one_or_none()
        )
        consent = consent_of(cipher, link) if link is not None else None
        read[key] = consent if consent is not None and consent.in_force(today) else None
    return read[key]


def require_shared(
    ctx: AppContext, session: Session, actor: Actor, client_id: str, part: SharedPart, action: str
) -> Consent:
    """A therapist may see a client's data only through consent in force that shares ``part``."""
    consent = (
        active_consent(session, ctx.cipher, ctx.clock().date(), actor.user_id, client_id)
        if actor.is_therapist
        else None
    )
    if consent is None:
        deny(actor, action, "client", client_id, client_id, reason="no consent in force")
    if not consent.shares(part):
        deny(actor, action, "client", client_id, client_id, reason=f"{part} not shared")
    return consent


def readable_owner(
    ctx: AppContext,
    session: Session,
    actor: Actor,
    owner_id: str | None,
    part: SharedPart,
    action: str,
) -> str:
    """Whose data a listing reads: the actor's own when ``owner_id`` is None or theirs,
    otherwise a client's whose consent to the actor shares ``part`` (or refused)."""
    owner_id = owner_id or actor.user_id
    if owner_id != actor.user_id:
        require_shared(ctx, session, actor, owner_id, part, action)
    return owner_id


def owners_sharing(
    ctx: AppContext, session: Session, actor: Actor, owner_ids: set[str], part: SharedPart
) -> set[str]:
    """Which of these owners' ``part`` the actor may read: each owner's consent looked up
    once, however many of their rows a listing holds."""
    return {owner for owner in owner_ids if can_read_owned(ctx, session, actor, owner, part)}


def can_read_owned(
    ctx: AppContext, session: Session, actor: Actor, owner_id: str, part: SharedPart
) -> bool:
    if actor.user_id == owner_id:
        return True
    consent = (
        active_consent(session, ctx.cipher, ctx.clock().date(), actor.user_id, owner_id)
        if actor.is_therapist
        else None
    )
    return consent is not None and consent.shares(part)
