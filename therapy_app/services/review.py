"""The therapist's review: the caseload with trends and flags, one client's page, flags
acknowledged. Every call checks the consent in force (access.require_shared) and audits
each read of a client's data; what a scope does not share is left out, never guessed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from therapy_app.journal import audit
from therapy_app.journal.models import Entry, FlagAcknowledgement, Role
from therapy_app.journal.sealed import SealedCheckIn
from therapy_app.services import access, sharing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

TREND_DAYS = 14
FLAG_WINDOW = timedelta(days=30)
# A large drop in mood: the last week's mean pleasantness this far below the three weeks
# before it (pleasantness runs from -1 to 1), each with at least DROP_MIN_ENTRIES entries.
DROP_THRESHOLD = 0.5
DROP_MIN_ENTRIES = 3


# (entry id, local date, the check-in, when)
CheckInRow = tuple[str, date, SealedCheckIn, datetime]


class FlagKind(enum.StrEnum):
    RISK_LANGUAGE = "risk language"
    PHQ9_ITEM9 = "PHQ-9 item 9"
    MOOD_DROP = "large drop in mood"


@dataclass(frozen=True)
class Flag:
    """Something a therapist should look at. ``key`` names it stably (what it is about),
    so acknowledging it once keeps it acknowledged."""

    key: str
    kind: FlagKind
    at: datetime
    description: str
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None

    @property
    def open(self) -> bool:
        return self.acknowledged_at is None


@dataclass(frozen=True)
class CaseloadRow:
    client_id: str
    name: str
    scope: sharing.Scope
    last_check_in: datetime | None
    trend: tuple[float | None, ...]  # mean pleasantness per day, the last TREND_DAYS days
    open_flags: tuple[Flag, ...]
    last_session: datetime | None
    next_session: datetime | None


def caseload(ctx: AppContext, actor: Actor) -> list[CaseloadRow]:
    """Each client whose consent is in force, open flags first, then by name."""
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.THERAPIST, audit.Action.READ, "caseload")
        rows = []
        for consent in sharing.consented_clients(ctx, session, actor.user_id):
            rows.append(_caseload_row(ctx, session, actor, consent, now))
            client_id = consent.link.client_id
            ctx.audit(session, actor, audit.Action.READ, "caseload", subject_id=client_id)
        return sorted(rows, key=lambda row: (not row.open_flags, row.name.casefold()))


def _caseload_row(
    ctx: AppContext, session: Session, actor: Actor, consent: access.Consent, now: datetime
) -> CaseloadRow:
    client_id = consent.link.client_id
    terms = consent.terms
    checkins: list[tuple[str, date, SealedCheckIn]] = []
    last_check_in = None
    if terms.mood:
        checkins = _checkins_since(ctx, session, client_id, now - FLAG_WINDOW)
        last_check_in = session.scalar(
            select(func.max(Entry.occurred_at)).where(Entry.owner_id == client_id)
        )
    flags = _acknowledged(ctx, session, actor.user_id, client_id, _mood_flags(checkins, now))
    return CaseloadRow(
        client_id,
        sharing.display_name(ctx, session, client_id) or "",
        sharing.Scope(terms.mood, terms.notes, terms.art, terms.sessions),
        last_check_in,
        _trend(checkins, now.date()),
        tuple(flag for flag in flags if flag.open),
        None,
        None,
    )


def _checkins_since(
    ctx: AppContext, session: Session, client_id: str, since: datetime
) -> list[CheckInRow]:
    rows = session.execute(
        select(Entry.id, Entry.local_date, Entry.checkin_ct, Entry.occurred_at)
        .where(Entry.owner_id == client_id, Entry.occurred_at >= since)
        .order_by(Entry.occurred_at)
    )
    return [
        (entry_id, day, SealedCheckIn.open(ctx.cipher, blob, entry_id, client_id), at)
        for entry_id, day, blob, at in rows
    ]


def _trend(checkins: list[CheckInRow], today: date) -> tuple[float | None, ...]:
    by_day: dict[date, list[float]] = {}
    for _, day, checkin, _ in checkins:
        by_day.setdefault(day, []).append(checkin.valence)
    days = [today - timedelta(days=back) for back in range(TREND_DAYS - 1, -1, -1)]
    return tuple(fmean(by_day[day]) if day in by_day else None for day in days)


def _mood_flags(checkins: list[CheckInRow], now: datetime) -> list[Flag]:
    flags = [
        Flag(f"risk:{entry_id}", FlagKind.RISK_LANGUAGE, at, "A check-in raised a safety flag.")
        for entry_id, _, checkin, at in checkins
        if checkin.risk_flag
    ]
    week_ago = now - timedelta(days=7)
    recent = [c.valence for _, _, c, at in checkins if at >= week_ago]
    before = [c.valence for _, _, c, at in checkins if at < week_ago]
    if len(recent) >= DROP_MIN_ENTRIES and len(before) >= DROP_MIN_ENTRIES:
        drop = fmean(before) - fmean(recent)
        if drop >= DROP_THRESHOLD:
            week = week_ago.date().isocalendar()
            flags.append(
                Flag(
                    f"drop:{week.year}-W{week.week:02d}",
                    FlagKind.MOOD_DROP,
                    now,
                    f"Pleasantness this week is {drop:.1f} lower than in the three weeks before.",
                )
            )
    return flags


def _flag_key(ctx: AppContext, client_id: str, key: str) -> str:
    return ctx.cipher.digest("flag", f"{client_id}|{key}".encode())


def _acknowledged(
    ctx: AppContext, session: Session, therapist_id: str, client_id: str, flags: list[Flag]
) -> list[Flag]:
    seen = {
        row.flag_key: row
        for row in session.scalars(
            select(FlagAcknowledgement).where(
                FlagAcknowledgement.therapist_id == therapist_id,
                FlagAcknowledgement.client_id == client_id,
            )
        )
    }
    name = sharing.display_name(ctx, session, therapist_id)
    marked = []
    for flag in flags:
        ack = seen.get(_flag_key(ctx, client_id, flag.key))
        marked.append(
            flag
            if ack is None
            else Flag(flag.key, flag.kind, flag.at, flag.description, ack.acknowledged_at, name)
        )
    return sorted(marked, key=lambda flag: (not flag.open, flag.at), reverse=False)
