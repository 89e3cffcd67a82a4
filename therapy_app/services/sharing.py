"""Consent: a therapist invites, a client redeems the code and chooses what to share.

Revoking ends access at once: every read goes through access.require_shared,
which looks at the link's current status.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from statistics import fmean
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from therapy_app.errors import InvalidInputError, NotFoundError
from therapy_app.journal import audit
from therapy_app.journal.models import Entry, LinkStatus, Role, TherapistLink, User
from therapy_app.journal.sealed import SealedCheckIn, SealedProfile
from therapy_app.services import access

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
INVITE_LENGTH = 10
INVITE_VALID_FOR = timedelta(days=14)


@dataclass(frozen=True)
class Scope:
    mood: bool = True
    notes: bool = False
    art: bool = False


# What each part of a link shares, exactly (the consent a client gives). The mood part
# is every entry's check-in without its note: a test holds this text to EntryView's fields.
SHARED_PARTS = {
    "mood": (
        "Always shared: each entry's date and time, your mood, pleasantness, energy and "
        "sense of control, the feelings you chose, your tags, your hours of sleep, whether "
        "it has a picture, and safety flags."
    ),
    "notes": "What you write in your notes.",
    "art": "Your pictures and their titles.",
}


@dataclass(frozen=True)
class LinkView:
    id: str
    status: LinkStatus
    therapist_name: str
    client_name: str | None
    scope: Scope
    accepted_at: datetime | None


@dataclass(frozen=True)
class ClientSummary:
    client_id: str
    name: str
    scope: Scope
    entries_last_30_days: int
    mean_valence_last_30_days: float | None
    risk_flags_last_30_days: int
    last_entry_at: datetime | None


def _code_hash(code: str) -> str:
    cleaned = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(cleaned.encode()).hexdigest()


def create_invite(ctx: AppContext, actor: Actor) -> str:
    """A one-time code the therapist gives the client (shown once, stored hashed)."""
    code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(INVITE_LENGTH))
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.THERAPIST, audit.Action.WRITE, "invite")
        link = TherapistLink(
            therapist_id=actor.user_id,
            invite_code_hash=_code_hash(code),
            status=LinkStatus.INVITED.value,
        )
        session.add(link)
        session.flush()
        ctx.audit(session, actor, audit.Action.WRITE, "invite", object_id=link.id)
    return f"{code[:5]}-{code[5:]}"


def redeem_invite(ctx: AppContext, actor: Actor, code: str, scope: Scope) -> LinkView:
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.CLIENT, audit.Action.WRITE, "invite")
        link = session.scalar(
            select(TherapistLink).where(TherapistLink.invite_code_hash == _code_hash(code))
        )
        if (
            link is None
            or link.status != LinkStatus.INVITED.value
            or (now - link.created_at > INVITE_VALID_FOR)
        ):
            msg = "That invite code is not valid (codes work once, for 14 days). Ask for a new one."
            raise InvalidInputError(msg)
        link.client_id = actor.user_id
        link.invite_code_hash = None
        link.status = LinkStatus.ACTIVE.value
        link.accepted_at = now
        _set_scope(link, scope)
        audit.record(
            session,
            at=now,
            actor_id=actor.user_id,
            action=audit.Action.WRITE,
            object_type="consent",
            object_id=link.id,
            subject_id=actor.user_id,
        )
        session.flush()
        return _view(ctx, session, link)


def _set_scope(link: TherapistLink, scope: Scope) -> None:
    link.share_mood = True  # sharing at all means at least the mood timeline
    link.share_notes = scope.notes
    link.share_art = scope.art


def _own_link(session: Session, actor: Actor, link_id: str, action: str) -> TherapistLink:
    link = session.get(TherapistLink, link_id)
    if link is None:
        msg = "That sharing link does not exist."
        raise NotFoundError(msg)
    if actor.user_id != link.client_id:
        access.deny(actor, action, "consent", link_id, link.client_id, reason="not the client")
    return link


def update_scope(ctx: AppContext, actor: Actor, link_id: str, scope: Scope) -> LinkView:
    with ctx.unit_of_work() as session:
        link = _own_link(session, actor, link_id, audit.Action.WRITE)
        if link.status != LinkStatus.ACTIVE.value:
            msg = "Sharing with this therapist has ended; redeem a new invite to share again."
            raise InvalidInputError(msg)
        _set_scope(link, scope)
        ctx.audit(
            session,
            actor,
            audit.Action.WRITE,
            "consent",
            object_id=link.id,
            subject_id=actor.user_id,
        )
        return _view(ctx, session, link)


def revoke(ctx: AppContext, actor: Actor, link_id: str) -> None:
    """The client stops sharing; the therapist loses access immediately."""
    with ctx.unit_of_work() as session:
        link = _own_link(session, actor, link_id, audit.Action.DELETE)
        link.status = LinkStatus.REVOKED.value
        link.revoked_at = ctx.clock()
        ctx.audit(
            session,
            actor,
            audit.Action.DELETE,
            "consent",
            object_id=link.id,
            subject_id=actor.user_id,
        )


def my_links(ctx: AppContext, actor: Actor) -> list[LinkView]:
    with ctx.unit_of_work() as session:
        column = TherapistLink.client_id if actor.is_client else TherapistLink.therapist_id
        links = session.scalars(
            select(TherapistLink)
            .where(column == actor.user_id, TherapistLink.client_id.isnot(None))
            .order_by(TherapistLink.created_at.desc())
        )
        return [_view(ctx, session, link) for link in links]


def _view(ctx: AppContext, session: Session, link: TherapistLink) -> LinkView:
    def name(user_id: str | None) -> str | None:
        user = session.get(User, user_id) if user_id else None
        if user is None:
            return None
        return SealedProfile.open(ctx.cipher, user.profile_ct, user.id).display_name

    return LinkView(
        id=link.id,
        status=LinkStatus(link.status),
        therapist_name=name(link.therapist_id) or "",
        client_name=name(link.client_id),
        scope=Scope(True, link.share_notes, link.share_art),
        accepted_at=link.accepted_at,
    )


def caseload(ctx: AppContext, actor: Actor) -> list[ClientSummary]:
    """The therapist's consenting clients with their last 30 days at a glance."""
    since = ctx.clock() - timedelta(days=30)
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.THERAPIST, audit.Action.READ, "caseload")
        links = session.scalars(
            select(TherapistLink).where(
                TherapistLink.therapist_id == actor.user_id,
                TherapistLink.status == LinkStatus.ACTIVE.value,
            )
        )
        summaries = []
        for link in links:
            recent = [
                SealedCheckIn.open(ctx.cipher, blob, entry_id, link.client_id)
                for entry_id, blob in session.execute(
                    select(Entry.id, Entry.checkin_ct).where(
                        Entry.owner_id == link.client_id, Entry.occurred_at >= since
                    )
                )
            ]
            last = session.scalar(
                select(func.max(Entry.occurred_at)).where(Entry.owner_id == link.client_id)
            )
            client = session.get(User, link.client_id)
            summaries.append(
                ClientSummary(
                    link.client_id,
                    SealedProfile.open(ctx.cipher, client.profile_ct, client.id).display_name,
                    Scope(True, link.share_notes, link.share_art),
                    len(recent),
                    fmean(c.valence for c in recent) if recent else None,
                    sum(c.risk_flag for c in recent),
                    last,
                )
            )
            ctx.audit(session, actor, audit.Action.READ, "caseload", subject_id=link.client_id)
        return summaries
