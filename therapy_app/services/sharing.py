"""Consent: a therapist invites, a client redeems the code and chooses what to share, and
until when.

One link per therapist and client: redeeming another code from the same therapist replaces
the terms of the link already there. Revoking or reaching the end date ends access on the
therapist's next request: every read goes through access.require_shared, which opens the
link's current terms.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import select

from therapy_app.errors import InvalidInputError
from therapy_app.journal import audit, db
from therapy_app.journal.models import LinkStatus, Role, TherapistLink, User, new_id
from therapy_app.journal.sealed import SealedProfile, SealedTerms
from therapy_app.services import access

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import datetime

    from sqlalchemy.orm import Session

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
INVITE_LENGTH = 10
INVITE_VALID_FOR = timedelta(days=14)


@dataclass(frozen=True)
class Scope:
    """What a client shares: the journal's check-ins (mood), with or without notes and art,
    and the work made in guided sessions with this therapist (always, while consent holds).
    ``Scope.sessions_only()`` shares the sessions and nothing of the journal."""

    mood: bool = True
    notes: bool = False
    art: bool = False
    sessions: bool = True

    @classmethod
    def sessions_only(cls) -> Scope:
        return cls(mood=False, notes=False, art=False, sessions=True)

    def checked(self) -> Scope:
        if (self.notes or self.art) and not self.mood:
            msg = "Notes and art come with the journal's check-ins: share those too, or neither."
            raise InvalidInputError(msg)
        if not (self.mood or self.sessions):
            msg = "Choose something to share, or stop sharing instead."
            raise InvalidInputError(msg)
        return self


# What each part of a link shares, exactly (the consent a client gives). The mood part
# is every entry's check-in without its note: a test holds this text to EntryView's fields.
SHARED_PARTS = {
    "mood": (
        "Your journal's check-ins: each entry's date and time, your mood, pleasantness, "
        "energy and sense of control, the feelings you chose, your tags, your hours of "
        "sleep, whether it has a picture, and safety flags."
    ),
    "notes": "What you write in your notes.",
    "art": "Your pictures and their titles.",
    "sessions": (
        "Work made in guided sessions with this therapist: your check-ins before and after, "
        "the pictures, your answers and questionnaire scores."
    ),
}


@dataclass(frozen=True)
class LinkView:
    id: str
    status: LinkStatus
    therapist_name: str
    client_name: str | None
    scope: Scope
    ends_on: date | None
    accepted_at: datetime | None
    # set by redeem_invite: the code replaced the terms of a link already there
    replaced: bool = False


def _code_hash(code: str) -> str:
    cleaned = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(cleaned.encode()).hexdigest()


def create_invite(ctx: AppContext, actor: Actor) -> str:
    """A one-time code the therapist gives the client (shown once, stored hashed)."""
    code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(INVITE_LENGTH))
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.THERAPIST, audit.Action.WRITE, "invite")
        link = TherapistLink(
            id=new_id(), therapist_id=actor.user_id, invite_code_hash=_code_hash(code)
        )
        _seal(ctx, link, SealedTerms(LinkStatus.INVITED.value, True, False, False, True, None))
        session.add(link)
        session.flush()
        ctx.audit(session, actor, audit.Action.WRITE, "invite", object_id=link.id)
    return f"{code[:5]}-{code[5:]}"


def _seal(ctx: AppContext, link: TherapistLink, terms: SealedTerms) -> None:
    link.terms_ct = terms.seal(ctx.cipher, link.id, link.therapist_id)


def _terms(status: LinkStatus, scope: Scope, ends_on: date | None) -> SealedTerms:
    scope = scope.checked()
    return SealedTerms(
        status.value,
        scope.mood,
        scope.notes,
        scope.art,
        scope.sessions,
        ends_on.isoformat() if ends_on else None,
    )


def _check_end(ends_on: date | None, today: date) -> None:
    if ends_on is not None and ends_on < today:
        msg = "The end date has already passed; choose today or a later day."
        raise InvalidInputError(msg)


def redeem_invite(
    ctx: AppContext, actor: Actor, code: str, scope: Scope, ends_on: date | None = None
) -> LinkView:
    """Start sharing with the therapist who made ``code``. Where this client already has a
    link with that therapist, the code replaces its terms (one link per pair)."""
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.CLIENT, audit.Action.WRITE, "invite")
        invite = session.scalar(
            select(TherapistLink).where(TherapistLink.invite_code_hash == _code_hash(code))
        )
        if invite is None or (now - invite.created_at > INVITE_VALID_FOR):
            msg = "That invite code is not valid (codes work once, for 14 days). Ask for a new one."
            raise InvalidInputError(msg)
        _check_end(ends_on, now.date())
        terms = _terms(LinkStatus.ACTIVE, scope, ends_on)
        link = access.pair_link(session, invite.therapist_id, actor.user_id)
        replaced = link is not None
        if link is None:
            link, invite.client_id, invite.invite_code_hash = invite, actor.user_id, None
        else:
            session.delete(invite)
            link.revoked_at = None
        link.accepted_at = now
        _seal(ctx, link, terms)
        session.flush()
        ctx.audit(
            session,
            actor,
            audit.Action.WRITE,
            "consent",
            object_id=link.id,
            subject_id=actor.user_id,
        )
        return replace(_view(ctx, session, link), replaced=replaced)


def _own_link(
    ctx: AppContext, session: Session, actor: Actor, link_id: str, action: str
) -> tuple[TherapistLink, access.Consent]:
    link = db.existing(session, TherapistLink, link_id, "sharing link")
    if actor.user_id != link.client_id:
        access.deny(actor, action, "consent", link_id, link.client_id, reason="not the client")
    return link, access.consent_of(ctx.cipher, link)


def update_scope(
    ctx: AppContext, actor: Actor, link_id: str, scope: Scope, ends_on: date | None = None
) -> LinkView:
    with ctx.unit_of_work() as session:
        link, consent = _own_link(ctx, session, actor, link_id, audit.Action.WRITE)
        if not consent.in_force(ctx.clock().date()):
            msg = "Sharing with this therapist has ended; redeem a new invite to share again."
            raise InvalidInputError(msg)
        _check_end(ends_on, ctx.clock().date())
        _seal(ctx, link, _terms(LinkStatus.ACTIVE, scope, ends_on))
        ctx.audit(
            session,
            actor,
            audit.Action.WRITE,
            "consent",
            object_id=link_id,
            subject_id=actor.user_id,
        )
        return _view(ctx, session, link)


def revoke(ctx: AppContext, actor: Actor, link_id: str) -> None:
    """The client stops sharing; the therapist's next request is refused."""
    with ctx.unit_of_work() as session:
        link, consent = _own_link(ctx, session, actor, link_id, audit.Action.DELETE)
        terms = consent.terms
        ends_on = date.fromisoformat(terms.ends_on) if terms.ends_on else None
        scope = Scope(terms.mood, terms.notes, terms.art, terms.sessions)
        _seal(ctx, link, _terms(LinkStatus.REVOKED, scope, ends_on))
        link.revoked_at = ctx.clock()
        ctx.audit(
            session,
            actor,
            audit.Action.DELETE,
            "consent",
            object_id=link_id,
            subject_id=actor.user_id,
        )


def my_links(ctx: AppContext, actor: Actor) -> list[LinkView]:
    """The acting user's links with the other side (invites not yet redeemed left out); a
    link past its end date shows as ended (revoked)."""
    with ctx.unit_of_work() as session:
        column = TherapistLink.client_id if actor.is_client else TherapistLink.therapist_id
        links = session.scalars(
            select(TherapistLink)
            .where(column == actor.user_id, TherapistLink.client_id.isnot(None))
            .order_by(TherapistLink.created_at.desc())
        )
        return [_view(ctx, session, link) for link in links]


def display_name(ctx: AppContext, session: Session, user_id: str | None) -> str | None:
    return display_names(ctx, session, [user_id]).get(user_id) if user_id else None


def display_names(ctx: AppContext, session: Session, user_ids: Collection[str]) -> dict[str, str]:
    """The display names of many people, in one query (those who exist)."""
    if not user_ids:
        return {}
    users = session.connection().execute(
        select(User.id, User.profile_ct).where(User.id.in_(user_ids))
    )
    return {u.id: SealedProfile.open(ctx.cipher, u.profile_ct, u.id).display_name for u in users}


def _view(ctx: AppContext, session: Session, link: TherapistLink) -> LinkView:
    consent = access.consent_of(ctx.cipher, link)
    terms = consent.terms
    in_force = consent.in_force(ctx.clock().date())
    status = LinkStatus(terms.status)
    return LinkView(
        id=link.id,
        status=LinkStatus.REVOKED if status is LinkStatus.ACTIVE and not in_force else status,
        therapist_name=display_name(ctx, session, link.therapist_id) or "",
        client_name=display_name(ctx, session, link.client_id),
        scope=Scope(terms.mood, terms.notes, terms.art, terms.sessions),
        ends_on=date.fromisoformat(terms.ends_on) if terms.ends_on else None,
        accepted_at=link.accepted_at,
    )


def consented_clients(ctx: AppContext, session: Session, therapist_id: str) -> list[access.Consent]:
    """The therapist's consents in force today (for the caseload and its benchmarks)."""
    today = ctx.clock().date()
    links = session.connection().execute(
        select(*access.CONSENT_COLUMNS).where(
            TherapistLink.therapist_id == therapist_id, TherapistLink.client_id.isnot(None)
        )
    )
    consents = [access.consent_of(ctx.cipher, link) for link in links]
    return [consent for consent in consents if consent.in_force(today)]


# How a therapist's reads of a client's data are told to the client, in this order: (one,
# many) for what is counted, one phrase for a whole that is the same however often it is read.
READ_WORDS: dict[str, tuple[str, str] | str] = {
    "entry": ("an entry", "{n} entries"),
    "entries": "your timeline",
    "notes": "your notes",
    "tags": "your tags",
    "artwork": ("a picture", "{n} pictures"),
    "artworks": "your gallery",
    "caseload": "your summary in their client list",
    "client_review": "your client page",
    "sessions": "your sessions",
    "session": ("a session", "{n} sessions"),
    "session_picture": ("a picture from a session", "{n} pictures from sessions"),
    "report": ("a PDF report", "{n} PDF reports"),
}


@dataclass(frozen=True)
class ViewedBy:
    """One line of "who viewed what and when" for the client."""

    on: date
    therapist_name: str
    sentence: str


def views_of_my_data(ctx: AppContext, actor: Actor, limit: int = 2000) -> list[ViewedBy]:
    """What the client's therapists opened, day by day, in plain words (from the audit log):
    "Dr Lee opened 3 entries and your timeline on 2 March"."""
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.CLIENT, audit.Action.READ, "audit_log")
        therapists = {
            link.therapist_id
            for link in session.scalars(
                select(TherapistLink).where(TherapistLink.client_id == actor.user_id)
            )
        }
        counts: dict[tuple[date, str], dict[str, set[str]]] = defaultdict(dict)
        for event in audit.events(session, ctx.cipher, subject_id=actor.user_id, limit=limit):
            if (
                event.actor_id not in therapists
                or event.action not in {audit.Action.READ, audit.Action.EXPORT}
                or event.outcome != audit.Outcome.OK
                or event.object_type not in READ_WORDS
            ):
                continue
            day = _local_day(event.at, actor.timezone)
            seen = counts[(day, event.actor_id)].setdefault(event.object_type, set())
            seen.add(event.object_id or event.at.isoformat())
        found = display_names(ctx, session, therapists)
        names = {t: found.get(t) or "Your therapist" for t in therapists}
        return [
            ViewedBy(day, names[who], _sentence(names[who], kinds, day))
            for (day, who), kinds in sorted(
                counts.items(), key=lambda item: item[0][0], reverse=True
            )
        ]


def _local_day(moment: datetime, timezone: str) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


def _sentence(name: str, kinds: dict[str, set[str]], day: date) -> str:
    parts = []
    for kind, words in READ_WORDS.items():
        if kind in kinds:
            one, many = (words, words) if isinstance(words, str) else words
            n = len(kinds[kind])
            parts.append(one if n == 1 else many.format(n=n))
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{name} opened {listed} on {day.day} {day:%B}"
