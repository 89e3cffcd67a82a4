"""Guided sessions: a therapist plans one for a consenting client; the client does it step
by step (each step saved as it is done, so leaving and coming back resumes it); both read
it back. One transaction per call; who may do what is checked here on every call.

- Plans are created only by a therapist with an active consent link to the client.
- Only the client does the steps, in order.
- The client reads all their sessions; a therapist reads the sessions they planned, while
  the client's consent shares work made in sessions (its "sessions" part: mood changes,
  scores, flags, answers and pictures), also when it shares nothing of the journal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from therapy_app.errors import InvalidInputError
from therapy_app.journal import audit, db
from therapy_app.journal.crypto import FieldContext
from therapy_app.journal.models import Artwork, Entry, Role, SessionStatus, TherapySession
from therapy_app.journal.sealed import SealedCheckIn
from therapy_app.mood.checkin import CheckIn, validate
from therapy_app.mood.measures import Measure, MeasureScore, score
from therapy_app.mood.session_plan import (
    MAX_ANSWER_CHARS,
    FlagKind,
    MoodPoint,
    SessionFlag,
    SessionPlan,
    SessionProgress,
    StepKind,
    StepRecord,
    clearly_worse,
    validate_plan,
)
from therapy_app.services import access, sharing
from therapy_app.services.artworks import add_artwork, finished_png
from therapy_app.services.entries import add_entries

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from datetime import datetime

    from sqlalchemy.orm import Session

    from therapy_app.services.actor import Actor
    from therapy_app.services.artworks import NewArtwork
    from therapy_app.services.context import AppContext

OBJECT = "session"
BASELINE_DAYS = 28


@dataclass(frozen=True)
class SessionView:
    """A session as the viewer may see it. ``answers`` is empty and ``artwork_ids`` too when
    the viewer is a therapist the client does not share notes or art with."""

    id: str
    client_id: str
    therapist_id: str
    therapist_name: str
    client_name: str
    status: SessionStatus
    created_at: datetime
    scheduled_for: datetime | None
    started_at: datetime | None
    completed_at: datetime | None
    plan: SessionPlan
    progress: SessionProgress
    entry_id: str | None  # the check-in before's entry; the session's pictures are with it
    before: MoodPoint | None
    after: MoodPoint | None
    baseline: MoodPoint | None  # the client's mean over the BASELINE_DAYS before it started
    answers: dict[int, str]  # reflection answers by step index
    measures: tuple[MeasureResult, ...]
    artwork_ids: tuple[str, ...]
    flags: tuple[SessionFlag, ...]

    @property
    def next_index(self) -> int | None:
        return self.progress.next_index(self.plan)

    @property
    def change(self) -> MoodPoint | None:
        return self.after.minus(self.before) if self.before and self.after else None

    @property
    def ended_clearly_worse(self) -> bool:
        return any(flag.kind is FlagKind.MOOD_WORSE for flag in self.flags)


@dataclass(frozen=True)
class MeasureResult:
    step_index: int
    score: MeasureScore


def flag_id(session_id: str, kind: FlagKind) -> str:
    """A flag's stable name (a session raises each kind at most once)."""
    return f"{session_id}:{kind.value}"


def _plan_context(session_id: str, client_id: str) -> FieldContext:
    return FieldContext("therapy_sessions", "plan", session_id, client_id)


def _content_context(session_id: str, client_id: str) -> FieldContext:
    return FieldContext("therapy_sessions", "content", session_id, client_id)


def _seal(ctx: AppContext, document: dict[str, object], where: FieldContext) -> bytes:
    return ctx.cipher.encrypt(json.dumps(document, separators=(",", ":")).encode(), where)


def _open(ctx: AppContext, blob: bytes, where: FieldContext) -> dict[str, object]:
    return json.loads(ctx.cipher.decrypt(blob, where))


def create_plan(
    ctx: AppContext,
    actor: Actor,
    client_id: str,
    plan: SessionPlan,
    scheduled_for: datetime | None = None,
) -> SessionView:
    """A therapist plans a session for a client who has an active consent link with them."""
    valid = validate_plan(plan)
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.THERAPIST, audit.Action.WRITE, OBJECT)
        access.require_shared(ctx, session, actor, client_id, "sessions", audit.Action.WRITE)
        row = TherapySession(
            therapist_id=actor.user_id,
            client_id=client_id,
            scheduled_for=scheduled_for,
            status=SessionStatus.PLANNED.value,
        )
        session.add(row)
        session.flush()
        row.plan_ct = _seal(ctx, valid.as_json(), _plan_context(row.id, client_id))
        row.content_ct = _seal(
            ctx, SessionProgress().as_json(), _content_context(row.id, client_id)
        )
        ctx.audit(session, actor, audit.Action.WRITE, OBJECT, row.id, client_id)
        return _view(ctx, session, actor, row)


def list_sessions(ctx: AppContext, actor: Actor, client_id: str | None = None) -> list[SessionView]:
    """A client's sessions, newest first: the actor's own (``client_id`` None or theirs), or,
    for a therapist within consent, those of that client the therapist planned."""
    with ctx.unit_of_work() as session:
        client_id = client_id or actor.user_id
        query = select(TherapySession).where(TherapySession.client_id == client_id)
        if client_id != actor.user_id:
            access.require_shared(ctx, session, actor, client_id, "sessions", audit.Action.READ)
            query = query.where(TherapySession.therapist_id == actor.user_id)
        rows = session.scalars(query.order_by(TherapySession.created_at.desc())).all()
        ctx.audit(session, actor, audit.Action.READ, "sessions", subject_id=client_id)
        return _views(ctx, session, actor, list(rows))


def get_session(ctx: AppContext, actor: Actor, session_id: str) -> SessionView:
    with ctx.unit_of_work() as session:
        row = _readable(ctx, session, actor, session_id)
        ctx.audit(session, actor, audit.Action.READ, OBJECT, row.id, row.client_id)
        return _view(ctx, session, actor, row)


def _readable(ctx: AppContext, session: Session, actor: Actor, session_id: str) -> TherapySession:
    row = _load(session, session_id)
    if actor.user_id != row.client_id:
        if actor.user_id != row.therapist_id:
            access.deny(actor, audit.Action.READ, OBJECT, session_id, row.client_id)
        access.require_shared(ctx, session, actor, row.client_id, "sessions", audit.Action.READ)
    return row


def _load(session: Session, session_id: str) -> TherapySession:
    return db.existing(session, TherapySession, session_id, "session")


def check_in_step(
    ctx: AppContext, actor: Actor, session_id: str, index: int, check_in: CheckIn
) -> SessionView:
    """The check-in before or after: saved as a journal entry of the client's as well."""
    valid = validate(check_in, ctx.clock())

    def record(session: Session, row: TherapySession) -> StepRecord:
        (entry,) = add_entries(ctx, session, row.client_id, [valid])
        if row.entry_id is None:
            row.entry_id = entry.id
        mood = MoodPoint(
            valid.resolved_valence(), valid.resolved_energy(), valid.resolved_control()
        )
        return StepRecord(index, ctx.clock(), mood=mood, entry_id=entry.id)

    return _do_step(
        ctx, actor, session_id, index, {StepKind.CHECK_IN_BEFORE, StepKind.CHECK_IN_AFTER}, record
    )


def art_step(
    ctx: AppContext, actor: Actor, session_id: str, index: int, artwork: NewArtwork | None
) -> SessionView:
    """The picture kept for an art prompt, stored with the session's entry (None: skipped)."""

    def record(session: Session, row: TherapySession) -> StepRecord:
        if artwork is None:
            return StepRecord(index, ctx.clock(), skipped=True)
        if row.entry_id is None:
            msg = (
                "The check-in this session began with has been deleted, so a picture cannot "
                "be stored with it. Skip this picture to go on."
            )
            raise InvalidInputError(msg)
        artwork_id = add_artwork(ctx, session, row.entry_id, row.client_id, artwork)
        ctx.audit(session, actor, audit.Action.WRITE, "artwork", artwork_id, row.client_id)
        return StepRecord(index, ctx.clock(), artwork_id=artwork_id)

    return _do_step(ctx, actor, session_id, index, {StepKind.ART}, record)


def reflection_step(
    ctx: AppContext, actor: Actor, session_id: str, index: int, answer: str
) -> SessionView:
    """An answer to a reflection question (an empty answer skips it)."""
    if len(answer) > MAX_ANSWER_CHARS:
        msg = f"An answer is at most {MAX_ANSWER_CHARS:,} characters; nothing was saved."
        raise InvalidInputError(msg)

    def record(_session: Session, _row: TherapySession) -> StepRecord:
        text = answer.strip()
        return StepRecord(index, ctx.clock(), skipped=not text, answer=text or None)

    return _do_step(ctx, actor, session_id, index, {StepKind.REFLECTION}, record)


def measure_step(
    ctx: AppContext, actor: Actor, session_id: str, index: int, answers: tuple[int, ...] | None
) -> SessionView:
    """A questionnaire's answers (None: skipped). PHQ-9 item 9 above zero flags the session."""

    def record(_session: Session, _row: TherapySession) -> StepRecord:
        return StepRecord(index, ctx.clock(), skipped=answers is None, answers=answers)

    return _do_step(ctx, actor, session_id, index, {StepKind.MEASURE}, record)


def raise_safety_flag(ctx: AppContext, actor: Actor, session_id: str, index: int) -> SessionView:
    """PHQ-9 item 9 answered above zero on the page, before the questionnaire is saved: the
    session is flagged for the therapist at once (the answers are kept only when saved).
    The client only, at the session's next step, which must be the PHQ-9."""
    with ctx.unit_of_work() as session:
        row, plan, progress = _own_session(ctx, session, actor, session_id)
        _check_next(plan, progress, index, {StepKind.MEASURE})
        if plan.steps[index].measure is not Measure.PHQ9:
            msg = "Only PHQ-9's ninth question raises this flag."
            raise InvalidInputError(msg)
        if all(flag.kind is not FlagKind.PHQ9_ITEM9 for flag in progress.flags):
            flag = SessionFlag(FlagKind.PHQ9_ITEM9, ctx.clock(), index)
            flagged = replace(progress, flags=(*progress.flags, flag))
            _store_progress(ctx, session, actor, row, flagged)
        session.flush()
        return _view(ctx, session, actor, row)


def _do_step(
    ctx: AppContext,
    actor: Actor,
    session_id: str,
    index: int,
    kinds: set[StepKind],
    make_record: Callable[[Session, TherapySession], StepRecord],
) -> SessionView:
    with ctx.unit_of_work() as session:
        row, plan, progress = _own_session(ctx, session, actor, session_id)
        _check_next(plan, progress, index, kinds)
        if row.status == SessionStatus.PLANNED.value:
            row.status = SessionStatus.IN_PROGRESS.value
            row.started_at = ctx.clock()
        record = make_record(session, row)
        step = plan.steps[index]
        if step.kind is StepKind.MEASURE and record.answers is not None:
            score(step.measure, record.answers)  # refuses answers that do not fit, first
        progress = progress.with_record(record, _flags(plan, progress, record))
        if progress.next_index(plan) is None:
            row.status = SessionStatus.COMPLETED.value
            row.completed_at = ctx.clock()
        _store_progress(ctx, session, actor, row, progress)
        session.flush()
        return _view(ctx, session, actor, row)


def _own_session(
    ctx: AppContext, session: Session, actor: Actor, session_id: str
) -> tuple[TherapySession, SessionPlan, SessionProgress]:
    """The session, its plan and progress, for the client to write to: anyone else is
    refused, and audited."""
    row = _load(session, session_id)
    access.require_owner(actor, row.client_id, audit.Action.WRITE, OBJECT, session_id)
    return row, _plan(ctx, row), _progress(ctx, row)


def _store_progress(
    ctx: AppContext, session: Session, actor: Actor, row: TherapySession, progress: SessionProgress
) -> None:
    """Seal the client's progress into the session's row, and audit their write."""
    row.content_ct = _seal(ctx, progress.as_json(), _content_context(row.id, row.client_id))
    row.updated_at = ctx.clock()
    ctx.audit(session, actor, audit.Action.WRITE, OBJECT, row.id, row.client_id)


def _check_next(
    plan: SessionPlan, progress: SessionProgress, index: int, kinds: set[StepKind]
) -> None:
    expected = progress.next_index(plan)
    if expected is None:
        msg = "This session is complete; its steps can no longer change."
        raise InvalidInputError(msg)
    if index != expected or plan.steps[index].kind not in kinds:
        msg = "That step is not the next one in this session; the page was out of date."
        raise InvalidInputError(msg)


def _flags(
    plan: SessionPlan, progress: SessionProgress, record: StepRecord
) -> tuple[SessionFlag, ...]:
    step = plan.steps[record.index]
    raised = {flag.kind for flag in progress.flags}
    flags = []
    if (
        step.kind is StepKind.MEASURE
        and record.answers is not None
        and score(step.measure, record.answers).safety_item_positive
        and FlagKind.PHQ9_ITEM9 not in raised
    ):
        flags.append(SessionFlag(FlagKind.PHQ9_ITEM9, record.done_at, record.index))
    before = progress.before
    if (
        step.kind is StepKind.CHECK_IN_AFTER
        and before is not None
        and record.mood is not None
        and clearly_worse(before, record.mood)
    ):
        flags.append(SessionFlag(FlagKind.MOOD_WORSE, record.done_at, record.index))
    return tuple(flags)


def _plan(ctx: AppContext, row: TherapySession) -> SessionPlan:
    return SessionPlan.from_json(_open(ctx, row.plan_ct, _plan_context(row.id, row.client_id)))


def _progress(ctx: AppContext, row: TherapySession) -> SessionProgress:
    return SessionProgress.from_json(
        _open(ctx, row.content_ct, _content_context(row.id, row.client_id))
    )


def _baselines(
    ctx: AppContext, session: Session, rows: list[TherapySession], progresses: list[SessionProgress]
) -> list[MoodPoint | None]:
    """Each session's baseline: the client's mean over the weeks before it, without its own
    check-ins (one query per client for all their sessions)."""
    started = [row for row in rows if row.started_at is not None]
    checkins: dict[str, list[tuple[str, datetime, MoodPoint]]] = {}
    for client_id in {row.client_id for row in started}:
        times = [row.started_at for row in started if row.client_id == client_id]
        found = session.execute(
            select(Entry.id, Entry.occurred_at, Entry.checkin_ct).where(
                Entry.owner_id == client_id,
                Entry.occurred_at >= min(times) - timedelta(days=BASELINE_DAYS),
                Entry.occurred_at <= max(times),
            )
        )
        checkins[client_id] = [
            (entry_id, at, _mood_point(SealedCheckIn.open(ctx.cipher, blob, entry_id, client_id)))
            for entry_id, at, blob in found
        ]
    baselines = []
    for row, progress in zip(rows, progresses, strict=True):
        if row.started_at is None:
            baselines.append(None)
            continue
        own = {r.entry_id for r in progress.records if r.entry_id}
        since = row.started_at - timedelta(days=BASELINE_DAYS)
        points = [
            point
            for entry_id, at, point in checkins[row.client_id]
            if since <= at <= row.started_at and entry_id not in own
        ]
        baselines.append(MoodPoint.mean(points))
    return baselines


def _mood_point(sealed: SealedCheckIn) -> MoodPoint:
    return MoodPoint(sealed.valence, sealed.energy, sealed.control or 0.0)


def _view(ctx: AppContext, session: Session, actor: Actor, row: TherapySession) -> SessionView:
    return _views(ctx, session, actor, [row])[0]


def _views(
    ctx: AppContext, session: Session, actor: Actor, rows: list[TherapySession]
) -> list[SessionView]:
    """The sessions as ``actor`` may see them, with a few queries for all of them: the
    consent, names, baselines and pictures are read once, not once a session."""
    plans = [_plan(ctx, row) for row in rows]
    progresses = [_progress(ctx, row) for row in rows]
    # the work made in a session (answers, pictures) is shared with the session's part
    shown = {
        client_id: access.can_read_owned(ctx, session, actor, client_id, "sessions")
        for client_id in {row.client_id for row in rows}
    }
    people = {row.client_id for row in rows} | {row.therapist_id for row in rows}
    names = sharing.display_names(ctx, session, people)
    kept = _still_there(
        session, [p for row, p in zip(rows, progresses, strict=True) if shown[row.client_id]]
    )
    baselines = _baselines(ctx, session, rows, progresses)
    views = []
    for row, plan, progress, baseline in zip(rows, plans, progresses, baselines, strict=True):
        notes = art = shown[row.client_id]
        views.append(
            SessionView(
                id=row.id,
                client_id=row.client_id,
                therapist_id=row.therapist_id,
                therapist_name=names.get(row.therapist_id, ""),
                client_name=names.get(row.client_id, ""),
                status=SessionStatus(row.status),
                created_at=row.created_at,
                scheduled_for=row.scheduled_for,
                started_at=row.started_at,
                completed_at=row.completed_at,
                plan=plan,
                progress=_visible(progress, notes, art),
                entry_id=row.entry_id,
                before=progress.before,
                after=progress.after(plan),
                baseline=baseline,
                answers={r.index: r.answer for r in progress.records if r.answer} if notes else {},
                measures=tuple(
                    MeasureResult(r.index, score(plan.steps[r.index].measure, r.answers))
                    for r in progress.records
                    if r.answers is not None
                ),
                artwork_ids=tuple(r.artwork_id for r in progress.records if r.artwork_id in kept)
                if art
                else (),
                flags=progress.flags,
            )
        )
    return views


def _still_there(session: Session, progresses: list[SessionProgress]) -> set[str]:
    """The sessions' pictures, less any deleted since (with their entry, or alone)."""
    ids = [r.artwork_id for progress in progresses for r in progress.records if r.artwork_id]
    return set(session.scalars(select(Artwork.id).where(Artwork.id.in_(ids)))) if ids else set()


def _visible(progress: SessionProgress, notes: bool, art: bool) -> SessionProgress:
    """The records without the answers or pictures the viewer may not see."""
    records = tuple(
        replace(
            r,
            answer=r.answer if notes else None,
            artwork_id=r.artwork_id if art else None,
        )
        for r in progress.records
    )
    return replace(progress, records=records)


def planned_by(
    ctx: AppContext, session: Session, actor: Actor, client_id: str
) -> list[SessionView]:
    """The sessions ``actor`` planned for ``client_id``, newest first, inside the caller's
    transaction: the caller has checked the consent and audits the read (services.review)."""
    query = select(TherapySession).where(
        TherapySession.client_id == client_id, TherapySession.therapist_id == actor.user_id
    )
    rows = session.scalars(query.order_by(TherapySession.created_at.desc())).all()
    return _views(ctx, session, actor, list(rows))


def picture_of(
    ctx: AppContext, session: Session, row: TherapySession, artwork_id: str
) -> bytes | None:
    """The PNG of a picture made in this session as the client finished it (with their
    drawing), or None if it was not made in it (inside the caller's transaction: the caller
    has checked who may see it)."""
    if artwork_id not in {r.artwork_id for r in _progress(ctx, row).records}:
        return None
    artwork = session.get(Artwork, artwork_id)
    if artwork is None or artwork.owner_id != row.client_id:
        return None
    return finished_png(ctx, artwork)


def flags_since(
    ctx: AppContext,
    session: Session,
    actor: Actor,
    client_ids: Collection[str],
    started_since: datetime,
) -> list[tuple[str, str, str, SessionFlag]]:
    """(client id, session id, title, flag) for each flag of the sessions ``actor`` planned
    for these clients started since a time, in one query: only what a caseload needs, without
    building whole views (inside the caller's transaction; the caller checks consent and
    audits)."""
    if not client_ids:
        return []
    rows = session.scalars(
        select(TherapySession).where(
            TherapySession.client_id.in_(client_ids),
            TherapySession.therapist_id == actor.user_id,
            TherapySession.started_at >= started_since,
        )
    )
    found = []
    for row in rows:
        flags = _progress(ctx, row).flags
        if flags:
            title = _plan(ctx, row).title
            found += [(row.client_id, row.id, title, flag) for flag in flags]
    return found
