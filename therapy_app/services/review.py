"""The therapist's review: the caseload with trends and flags, one client's page, private
DAP notes and acknowledged flags. Every call checks the consent in force (revoked or past
its end date: refused) and audits each read of a client's data; what a scope does not share
is left out, never guessed.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from therapy_app.errors import InvalidInputError
from therapy_app.journal import audit
from therapy_app.journal.crypto import FieldContext
from therapy_app.journal.models import (
    Entry,
    FlagAcknowledgement,
    Role,
    SessionStatus,
    TherapistNote,
    TherapySession,
    new_id,
)
from therapy_app.journal.sealed import SealedCheckIn
from therapy_app.mood import session_plan
from therapy_app.mood.directives import directive
from therapy_app.services import access, sessions, sharing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from therapy_app.mood.measures import Measure
    from therapy_app.mood.session_plan import MoodPoint
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.sessions import SessionView

TREND_DAYS = 14
FLAG_WINDOW = timedelta(days=90)
# A large drop in mood: the last week's mean pleasantness this far below the three weeks
# before it (pleasantness runs from -1 to 1), each with at least DROP_MIN_ENTRIES entries.
DROP_THRESHOLD = 0.5
DROP_MIN_ENTRIES = 3
MAX_NOTE_CHARS = 20_000
NOTE_OBJECT = "therapist_note"


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


@dataclass(frozen=True)
class MoodDay:
    day: date
    valence: float
    energy: float
    entries: int


@dataclass(frozen=True)
class MeasurePoint:
    on: date
    measure: Measure
    total: int
    band: str
    session_id: str


@dataclass(frozen=True)
class DapNote:
    """A private session note in DAP form: Data (what happened, facts only), Assessment (the
    therapist's view), Plan (what next)."""

    data: str
    assessment: str
    plan: str
    session_id: str | None = None
    id: str | None = None
    written_at: datetime | None = None


@dataclass(frozen=True)
class ClientPage:
    client_id: str
    name: str
    scope: sharing.Scope
    ends_on: date | None
    # the report's days, or the client page's flags' window; empty unless the journal is shared
    mood: tuple[MoodDay, ...]
    sessions: tuple[SessionView, ...]  # empty unless sessions are shared
    measures: tuple[MeasurePoint, ...]
    flags: tuple[Flag, ...]  # open first
    notes: tuple[DapNote, ...]  # the acting therapist's own


# (entry id, local date, the check-in, when)
CheckInRow = tuple[str, date, SealedCheckIn, datetime]


def consent_for(
    ctx: AppContext, session: Session, actor: Actor, client_id: str, action: str
) -> access.Consent:
    """The consent in force from ``client_id`` to the acting therapist, whatever it shares."""
    access.require_role(actor, Role.THERAPIST, action, "client")
    consent = access.active_consent(
        session, ctx.cipher, ctx.clock().date(), actor.user_id, client_id
    )
    if consent is None:
        access.deny(actor, action, "client", client_id, client_id, reason="no consent in force")
    return consent


def _scope(consent: access.Consent) -> sharing.Scope:
    terms = consent.terms
    return sharing.Scope(terms.mood, terms.notes, terms.art, terms.sessions)


def caseload(ctx: AppContext, actor: Actor) -> list[CaseloadRow]:
    """Each client whose consent is in force, open flags first, then by name. A few queries
    for the whole caseload, not a few per client: under load each round trip to the
    database waits its turn."""
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.THERAPIST, audit.Action.READ, "caseload")
        consents = sharing.consented_clients(ctx, session, actor.user_id)
        ids = [consent.client_id for consent in consents]
        checkins = _checkins_by_client(ctx, session, consents, now - FLAG_WINDOW, None)
        flags = _flags_by_client(ctx, session, actor, consents, checkins, now)
        last_check_ins = _last_check_ins(session, consents)
        sessions_at = _last_and_next_sessions(session, actor, consents, now)
        names = sharing.display_names(ctx, session, ids)
        rows = [
            CaseloadRow(
                client_id,
                names.get(client_id, ""),
                _scope(consent),
                last_check_ins.get(client_id),
                _trend(checkins[client_id], now.date()),
                tuple(flag for flag in flags[client_id] if flag.open),
                *sessions_at.get(client_id, (None, None)),
            )
            for client_id, consent in zip(ids, consents, strict=True)
        ]
        about = [(None, client_id) for client_id in ids]
        ctx.audit_each(session, actor, audit.Action.READ, "caseload", about)
        return sorted(rows, key=lambda row: (not row.open_flags, row.name.casefold()))


def _shared(consents: list[access.Consent], part: str) -> list[str]:
    """The clients among ``consents`` who share ``part`` ('mood' or 'sessions')."""
    return [c.client_id for c in consents if getattr(c.terms, part)]


def _last_check_ins(session: Session, consents: list[access.Consent]) -> dict[str, datetime]:
    ids = _shared(consents, "mood")
    if not ids:
        return {}
    query = select(Entry.owner_id, func.max(Entry.occurred_at)).where(Entry.owner_id.in_(ids))
    return dict(session.execute(query.group_by(Entry.owner_id)).all())


def _last_and_next_sessions(
    session: Session, actor: Actor, consents: list[access.Consent], now: datetime
) -> dict[str, tuple[datetime | None, datetime | None]]:
    ids = _shared(consents, "sessions")
    if not ids:
        return {}
    mine = (TherapySession.therapist_id == actor.user_id, TherapySession.client_id.in_(ids))
    client = TherapySession.client_id
    last = dict(
        session.execute(
            select(client, func.max(TherapySession.completed_at)).where(*mine).group_by(client)
        ).all()
    )
    upcoming = dict(
        session.execute(
            select(client, func.min(TherapySession.scheduled_for))
            .where(
                *mine,
                TherapySession.scheduled_for >= now,
                TherapySession.status != SessionStatus.COMPLETED.value,
            )
            .group_by(client)
        ).all()
    )
    return {client_id: (last.get(client_id), upcoming.get(client_id)) for client_id in ids}


def _checkins(
    ctx: AppContext,
    session: Session,
    consent: access.Consent,
    since: datetime | None,
    until: datetime | None,
) -> list[CheckInRow]:
    """One client's journal check-ins in a time range (see _checkins_by_client)."""
    return _checkins_by_client(ctx, session, [consent], since, until)[consent.client_id]


def _checkins_by_client(
    ctx: AppContext,
    session: Session,
    consents: list[access.Consent],
    since: datetime | None,
    until: datetime | None,
) -> dict[str, list[CheckInRow]]:
    """Each client's journal check-ins in a time range, oldest first, in one query (none
    unless the mood part is shared)."""
    found: dict[str, list[CheckInRow]] = {c.client_id: [] for c in consents}
    ids = _shared(consents, "mood")
    if not ids:
        return found
    query = select(
        Entry.owner_id, Entry.id, Entry.local_date, Entry.checkin_ct, Entry.occurred_at
    ).where(Entry.owner_id.in_(ids))
    if since is not None:
        query = query.where(Entry.occurred_at >= since)
    if until is not None:
        query = query.where(Entry.occurred_at < until)
    for owner_id, entry_id, day, blob, at in session.execute(query.order_by(Entry.occurred_at)):
        checkin = SealedCheckIn.open(ctx.cipher, blob, entry_id, owner_id)
        found[owner_id].append((entry_id, day, checkin, at))
    return found


def _trend(checkins: list[CheckInRow], today: date) -> tuple[float | None, ...]:
    by_day: dict[date, list[float]] = {}
    for _, day, checkin, _ in checkins:
        by_day.setdefault(day, []).append(checkin.valence)
    days = [today - timedelta(days=back) for back in range(TREND_DAYS - 1, -1, -1)]
    return tuple(fmean(by_day[day]) if day in by_day else None for day in days)


def _flags(
    ctx: AppContext,
    session: Session,
    actor: Actor,
    consent: access.Consent,
    checkins: list[CheckInRow],
    now: datetime,
) -> list[Flag]:
    """One client's flags (see _flags_by_client)."""
    client_id = consent.client_id
    return _flags_by_client(ctx, session, actor, [consent], {client_id: checkins}, now)[client_id]


def _flags_by_client(
    ctx: AppContext,
    session: Session,
    actor: Actor,
    consents: list[access.Consent],
    checkins: dict[str, list[CheckInRow]],
    now: datetime,
) -> dict[str, list[Flag]]:
    """Risk language, PHQ-9 item 9 and large drops in mood of the last FLAG_WINDOW (each
    only where the scope shares what raised it), marked where acknowledged, open first."""
    since = now - FLAG_WINDOW
    found: dict[str, list[Flag]] = {
        client_id: [
            Flag(f"risk:{entry_id}", FlagKind.RISK_LANGUAGE, at, "A check-in raised a safety flag.")
            for entry_id, _, checkin, at in rows
            if checkin.risk_flag and at >= since
        ]
        + _mood_drop(rows, now)
        for client_id, rows in checkins.items()
    }
    raised = sessions.flags_since(ctx, session, actor, _shared(consents, "sessions"), since)
    for client_id, session_id, title, flag in raised:
        if flag.raised_at >= since:
            found[client_id].append(
                Flag(
                    sessions.flag_id(session_id, flag.kind),
                    FlagKind.PHQ9_ITEM9
                    if flag.kind is session_plan.FlagKind.PHQ9_ITEM9
                    else FlagKind.MOOD_DROP,
                    flag.raised_at,
                    f"Raised in the session \u201c{title}\u201d.",
                )
            )
    seen = _acknowledgements(session, actor, list(found))
    return {
        client_id: _marked(ctx, actor, client_id, flags, seen) for client_id, flags in found.items()
    }


def _mood_drop(checkins: list[CheckInRow], now: datetime) -> list[Flag]:
    week_ago = now - timedelta(days=7)
    recent = [c.valence for _, _, c, at in checkins if week_ago <= at <= now]
    before = [
        c.valence for _, _, c, at in checkins if week_ago - timedelta(days=21) <= at < week_ago
    ]
    if len(recent) < DROP_MIN_ENTRIES or len(before) < DROP_MIN_ENTRIES:
        return []
    drop = fmean(before) - fmean(recent)
    if drop < DROP_THRESHOLD:
        return []
    week = week_ago.date().isocalendar()
    return [
        Flag(
            f"drop:{week.year}-W{week.week:02d}",
            FlagKind.MOOD_DROP,
            now,
            f"Pleasantness over the last week is {drop:.1f} lower than in the three weeks before.",
        )
    ]


def _flag_key(ctx: AppContext, client_id: str, key: str) -> str:
    return ctx.cipher.digest("flag", f"{client_id}|{key}".encode())


def _acknowledgements(
    session: Session, actor: Actor, client_ids: list[str]
) -> dict[tuple[str, str], datetime]:
    """When the acting therapist acknowledged each flag, by (client id, sealed flag key)."""
    rows = session.scalars(
        select(FlagAcknowledgement).where(
            FlagAcknowledgement.therapist_id == actor.user_id,
            FlagAcknowledgement.client_id.in_(client_ids),
        )
    )
    return {(row.client_id, row.flag_key): row.acknowledged_at for row in rows}


def _marked(
    ctx: AppContext,
    actor: Actor,
    client_id: str,
    flags: list[Flag],
    seen: dict[tuple[str, str], datetime],
) -> list[Flag]:
    marked = []
    for flag in flags:
        when = seen.get((client_id, _flag_key(ctx, client_id, flag.key)))
        by = actor.display_name if when else None
        marked.append(Flag(flag.key, flag.kind, flag.at, flag.description, when, by))
    return sorted(marked, key=lambda flag: (not flag.open, -flag.at.timestamp()))


def client_page(ctx: AppContext, actor: Actor, client_id: str) -> ClientPage:
    """One client as the acting therapist may see them, within the consent's scope: mood by
    day over the flags' 90 days (journal), the sessions the therapist planned, PHQ-9/GAD-7
    scores, flags and the therapist's own notes (the report, ``reports``, covers chosen
    days)."""
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        consent = consent_for(ctx, session, actor, client_id, audit.Action.READ)
        page = page_of(ctx, session, actor, consent, None, None, now)
        ctx.audit(session, actor, audit.Action.READ, "client_review", subject_id=client_id)
        return page


def page_of(
    ctx: AppContext,
    session: Session,
    actor: Actor,
    consent: access.Consent,
    since: date | None,
    until: date | None,
    now: datetime,
) -> ClientPage:
    client_id = consent.client_id
    start = datetime.combine(since, datetime.min.time(), now.tzinfo) if since else None
    end = (
        datetime.combine(until + timedelta(days=1), datetime.min.time(), now.tzinfo)
        if until
        else None
    )
    in_range, recent = _mood_and_recent(ctx, session, consent, start, end, now)
    views = sessions.planned_by(ctx, session, actor, client_id) if consent.terms.sessions else []
    flags = _flags(ctx, session, actor, consent, recent, now)
    chosen = [view for view in views if _within(view, start, end)]
    return ClientPage(
        client_id,
        sharing.display_name(ctx, session, client_id) or "",
        _scope(consent),
        date.fromisoformat(consent.terms.ends_on) if consent.terms.ends_on else None,
        _mood_days(in_range),
        tuple(chosen),
        _measures(chosen),
        tuple(flags),
        tuple(_notes(ctx, session, actor, client_id)),
    )


def _mood_and_recent(
    ctx: AppContext,
    session: Session,
    consent: access.Consent,
    start: datetime | None,
    end: datetime | None,
    now: datetime,
) -> tuple[list[CheckInRow], list[CheckInRow]]:
    """The check-ins of the page's mood by day, and those of the flags' window, each opened
    once. Without a range (the client page, whose Timeline tab draws the whole journal
    itself) the mood by day is the flags' window's."""
    window_start = now - FLAG_WINDOW
    if start is None and end is None:
        recent = _checkins(ctx, session, consent, window_start, None)
        return recent, recent
    in_range = _checkins(ctx, session, consent, start, end)
    if (start is None or start <= window_start) and (end is None or end > now):
        return in_range, [row for row in in_range if row[3] >= window_start]
    return in_range, _checkins(ctx, session, consent, window_start, None)


def _within(view: SessionView, start: datetime | None, end: datetime | None) -> bool:
    when = view.started_at or view.scheduled_for or view.created_at
    return (start is None or when >= start) and (end is None or when < end)


def _mood_days(checkins: list[CheckInRow]) -> tuple[MoodDay, ...]:
    by_day: dict[date, list[SealedCheckIn]] = {}
    for _, day, checkin, _ in checkins:
        by_day.setdefault(day, []).append(checkin)
    return tuple(
        MoodDay(
            day,
            fmean(c.valence for c in day_checkins),
            fmean(c.energy for c in day_checkins),
            len(day_checkins),
        )
        for day, day_checkins in sorted(by_day.items())
    )


def _measures(views: list[SessionView]) -> tuple[MeasurePoint, ...]:
    points = [
        MeasurePoint(
            (view.completed_at or view.started_at or view.created_at).date(),
            result.score.measure,
            result.score.total,
            result.score.band,
            view.id,
        )
        for view in views
        for result in view.measures
    ]
    return tuple(sorted(points, key=lambda point: point.on))


def acknowledge_flag(ctx: AppContext, actor: Actor, client_id: str, flag_key: str) -> Flag:
    """Record that the acting therapist has seen one of the client's current flags (who and
    when); acknowledging it again keeps the first time."""
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        consent = consent_for(ctx, session, actor, client_id, audit.Action.WRITE)
        recent = _checkins(ctx, session, consent, now - FLAG_WINDOW, None)
        flags = {f.key: f for f in _flags(ctx, session, actor, consent, recent, now)}
        flag = flags.get(flag_key)
        if flag is None:
            access.deny(actor, audit.Action.WRITE, "flag", None, client_id, reason="no such flag")
        if flag.open:
            session.add(
                FlagAcknowledgement(
                    therapist_id=actor.user_id,
                    client_id=client_id,
                    flag_key=_flag_key(ctx, client_id, flag_key),
                    acknowledged_at=now,
                )
            )
            ctx.audit(session, actor, audit.Action.WRITE, "flag", subject_id=client_id)
            flag = Flag(flag.key, flag.kind, flag.at, flag.description, now, actor.display_name)
        return flag


def _note_context(note_id: str, author_id: str) -> FieldContext:
    return FieldContext("therapist_notes", "body", note_id, author_id)


def _notes(ctx: AppContext, session: Session, actor: Actor, client_id: str) -> list[DapNote]:
    rows = session.scalars(
        select(TherapistNote)
        .where(TherapistNote.author_id == actor.user_id, TherapistNote.client_id == client_id)
        .order_by(TherapistNote.created_at.desc())
    )
    notes = []
    for row in rows:
        body = json.loads(ctx.cipher.decrypt(row.body_ct, _note_context(row.id, row.author_id)))
        notes.append(DapNote(**body, id=row.id, written_at=row.created_at))
    return notes


def dap_prefill(ctx: AppContext, actor: Actor, session_id: str) -> DapNote:
    """A DAP note for one of the acting therapist's sessions with its Data filled in from the
    session's facts (directive, steps done, before/after, measures, flags). Assessment and
    Plan are left to the therapist; nothing is read into the art."""
    with ctx.unit_of_work() as session:
        row = session.get(TherapySession, session_id)
        if row is None or row.therapist_id != actor.user_id:
            access.deny(
                actor, audit.Action.READ, "session", session_id, row.client_id if row else None
            )
        consent = consent_for(ctx, session, actor, row.client_id, audit.Action.READ)
        if not consent.terms.sessions:
            access.deny(
                actor,
                audit.Action.READ,
                "session",
                session_id,
                row.client_id,
                reason="sessions not shared",
            )
        (view,) = [
            v for v in sessions.planned_by(ctx, session, actor, row.client_id) if v.id == session_id
        ]
        ctx.audit(session, actor, audit.Action.READ, "session", session_id, row.client_id)
        return DapNote(data=session_facts(view), assessment="", plan="", session_id=session_id)


def session_facts(view: SessionView) -> str:
    """What happened in a session, as facts: never an interpretation of the art."""
    lines = [f"Session: {view.plan.title}"]
    if view.plan.template_id:
        lines.append(f"Art directive: {directive(view.plan.template_id).title}")
    when = view.completed_at or view.started_at
    lines.append(f"Status: {view.status.value}" + (f", {when:%d %B %Y}" if when else ""))
    done = len([r for r in view.progress.records if not r.skipped])
    lines.append(f"Steps done: {done} of {len(view.plan.steps)}")
    if view.artwork_ids:
        lines.append(f"Pictures made: {len(view.artwork_ids)}")
    if view.before:
        lines.append(f"Before: {_mood(view.before)}")
    if view.after:
        lines.append(f"After: {_mood(view.after)}")
    if view.change:
        lines.append(f"Change (after - before): {_mood(view.change, signed=True)}")
    lines += [
        f"{result.score.measure.label}: {result.score.total}/{result.score.max_total} "
        f"({result.score.band})"
        for result in view.measures
    ]
    lines += [f"Flag: {flag.kind.label}" for flag in view.flags]
    return "\n".join(lines)


def _mood(point: MoodPoint, signed: bool = False) -> str:
    number = "{:+.2f}" if signed else "{:.2f}"
    return ", ".join(
        f"{name} {number.format(value)}"
        for name, value in (
            ("pleasantness", point.valence),
            ("energy", point.energy),
            ("control", point.control),
        )
    )


def save_note(ctx: AppContext, actor: Actor, client_id: str, note: DapNote) -> DapNote:
    """Keep a private DAP note (sealed; only its author ever reads it, never the client)."""
    parts = (note.data.strip(), note.assessment.strip(), note.plan.strip())
    if not any(parts):
        msg = "The note is empty: write at least one of Data, Assessment or Plan."
        raise InvalidInputError(msg)
    if sum(map(len, parts)) > MAX_NOTE_CHARS:
        msg = f"The note is longer than {MAX_NOTE_CHARS:,} characters; shorten it."
        raise InvalidInputError(msg)
    with ctx.unit_of_work() as session:
        consent_for(ctx, session, actor, client_id, audit.Action.WRITE)
        if note.session_id is not None:
            row = session.get(TherapySession, note.session_id)
            if row is None or row.therapist_id != actor.user_id or row.client_id != client_id:
                access.deny(
                    actor,
                    audit.Action.WRITE,
                    NOTE_OBJECT,
                    note.session_id,
                    client_id,
                    reason="not their session",
                )
        note_id = new_id()
        body = {
            "data": parts[0],
            "assessment": parts[1],
            "plan": parts[2],
            "session_id": note.session_id,
        }
        row = TherapistNote(
            id=note_id,
            created_at=ctx.clock(),
            updated_at=ctx.clock(),
            author_id=actor.user_id,
            client_id=client_id,
            body_ct=ctx.cipher.encrypt(
                json.dumps(body).encode(), _note_context(note_id, actor.user_id)
            ),
        )
        session.add(row)
        session.flush()
        ctx.audit(session, actor, audit.Action.WRITE, NOTE_OBJECT, note_id, client_id)
        return DapNote(*parts, session_id=note.session_id, id=note_id, written_at=row.created_at)


def session_picture(ctx: AppContext, actor: Actor, session_id: str, artwork_id: str) -> bytes:
    """A picture made in one of the acting therapist's sessions (PNG), shared with the
    session's part of the consent (also when the journal's art is not shared)."""
    with ctx.unit_of_work() as session:
        row = session.get(TherapySession, session_id)
        if row is None or row.therapist_id != actor.user_id:
            access.deny(
                actor, audit.Action.READ, "session", session_id, row.client_id if row else None
            )
        access.require_shared(ctx, session, actor, row.client_id, "sessions", audit.Action.READ)
        png = sessions.picture_of(ctx, session, row, artwork_id)
        if png is None:
            access.deny(
                actor,
                audit.Action.READ,
                "session_picture",
                artwork_id,
                row.client_id,
                reason="not from this session",
            )
        ctx.audit(session, actor, audit.Action.READ, "session_picture", artwork_id, row.client_id)
        return png
