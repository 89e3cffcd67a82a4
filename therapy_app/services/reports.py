"""A therapist's PDF report on one client for a date range (interop/clinical_pdf.py), made
from what the consent in force shares and nothing else; the export is audited."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, TypedDict, Unpack

from therapy_app.errors import InvalidInputError
from therapy_app.interop import clinical_pdf
from therapy_app.journal import audit
from therapy_app.journal.models import TherapySession
from therapy_app.mood.measures import BANDS
from therapy_app.services import review, sessions, sharing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.sessions import SessionView

DEFAULT_DAYS = 90
MEASURE_NAMES = {"phq9": "PHQ-9", "gad7": "GAD-7"}


class ReportOptions(TypedDict, total=False):
    """What a report covers: the days ``since``..``until`` (default: the last 90 days), and
    the therapist's own notes when ``with_notes``."""

    since: date | None
    until: date | None
    with_notes: bool


def client_report(
    ctx: AppContext, actor: Actor, client_id: str, **options: Unpack[ReportOptions]
) -> bytes:
    """The report (``report_document``) as PDF bytes."""
    return clinical_pdf.render(report_document(ctx, actor, client_id, **options))


def report_document(
    ctx: AppContext,
    actor: Actor,
    client_id: str,
    since: date | None = None,
    until: date | None = None,
    with_notes: bool = False,
) -> clinical_pdf.ReportDocument:
    """What the report holds, within the consent's scope (the export is audited)."""
    today = ctx.clock().date()
    until = until or today
    since = since or until - timedelta(days=DEFAULT_DAYS - 1)
    if since > until:
        msg = "The report's first day comes after its last day."
        raise InvalidInputError(msg)
    with ctx.unit_of_work() as session:
        consent = review.consent_for(ctx, session, actor, client_id, audit.Action.EXPORT)
        page = review.page_of(ctx, session, actor, consent, since, until, ctx.clock())
        document = clinical_pdf.ReportDocument(
            client=page.name,
            therapist=actor.display_name,
            since=since,
            until=until,
            made_at=ctx.clock(),
            shared=_shared_words(page.scope, page.ends_on),
            mood_days=tuple((d.day, d.valence, d.energy) for d in page.mood),
            sessions=tuple(_session(ctx, session, view) for view in reversed(page.sessions)),
            measures=tuple(
                _measure(view, result)
                for view in reversed(page.sessions)
                for result in view.measures
            ),
            flags=tuple(
                _flag_line(flag) for flag in page.flags if since <= flag.at.date() <= until
            ),
            notes=tuple(
                _note(note, page.sessions)
                for note in page.notes
                if since <= note.written_at.date() <= until
            )
            if with_notes
            else None,
        )
        ctx.audit(session, actor, audit.Action.EXPORT, "report", subject_id=client_id)
        return document


def _shared_words(scope: sharing.Scope, ends_on: date | None) -> str:
    parts = []
    if scope.mood:
        parts.append("journal check-ins")
    if scope.notes:
        parts.append("journal notes")
    if scope.art:
        parts.append("journal pictures")
    if scope.sessions:
        parts.append("work made in sessions")
    until = f", until {ends_on:%d %B %Y}" if ends_on else ", with no end date"
    return ", ".join(parts) + until


def _measure(view: SessionView, result: sessions.MeasureResult) -> clinical_pdf.ReportMeasure:
    measure = result.score.measure
    return clinical_pdf.ReportMeasure(
        on=(view.completed_at or view.started_at or view.created_at).date(),
        name=MEASURE_NAMES[measure.value],
        total=result.score.total,
        max_total=result.score.max_total,
        band=result.score.band,
        bands=BANDS[measure],
    )


def _session(ctx: AppContext, session: Session, view: SessionView) -> clinical_pdf.ReportSession:
    row = session.get(TherapySession, view.id)
    pictures = tuple(
        png
        for png in (
            sessions.picture_of(ctx, session, row, artwork_id) for artwork_id in view.artwork_ids
        )
        if png is not None
    )
    return clinical_pdf.ReportSession(
        title=view.plan.title,
        when=view.completed_at or view.started_at,
        status=view.status.in_words,
        before=view.before,
        after=view.after,
        measures=tuple(_measure(view, result) for result in view.measures),
        flags=tuple(flag.kind.label for flag in view.flags),
        pictures=pictures,
    )


def _flag_line(flag: review.Flag) -> str:
    seen = (
        f"acknowledged by {flag.acknowledged_by} on {flag.acknowledged_at:%d %B %Y}"
        if flag.acknowledged_at
        else "open"
    )
    return f"{flag.at:%d %B %Y} · {flag.kind.value}: {flag.description} ({seen})"


def _note(note: review.DapNote, views: tuple[SessionView, ...]) -> clinical_pdf.ReportNote:
    titles = {view.id: view.plan.title for view in views}
    return clinical_pdf.ReportNote(
        written_at=note.written_at,
        session_title=titles.get(note.session_id) if note.session_id else None,
        data=note.data,
        assessment=note.assessment,
        plan=note.plan,
    )
