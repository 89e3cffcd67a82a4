"""The therapist's PDF report: what it holds follows the consent's scope; refused without."""

from datetime import date

import pytest

from tests.helpers import make_user, reviewed_client
from therapy_app.errors import AccessDeniedError, InvalidInputError
from therapy_app.journal.models import Role
from therapy_app.services import reports, review, sharing


def test_the_report_holds_mood_sessions_measures_flags_and_optional_notes(ctx) -> None:
    therapist, client = reviewed_client(ctx)
    (flag,) = [f for f in review.client_page(ctx, therapist, client.user_id).flags if f.open]
    review.acknowledge_flag(ctx, therapist, client.user_id, flag.key)
    review.save_note(ctx, therapist, client.user_id, review.DapNote("Facts.", "View.", "Next."))
    document = reports.report_document(ctx, therapist, client.user_id)
    assert len(document.mood_days) == 21 and len(document.sessions) == 2
    assert [m.name for m in document.measures] == ["PHQ-9", "GAD-7", "PHQ-9", "GAD-7"]
    assert all(len(s.pictures) >= 1 for s in document.sessions)
    assert document.notes is None
    assert any("acknowledged by Lee" in line for line in document.flags)
    with_notes = reports.report_document(ctx, therapist, client.user_id, with_notes=True)
    assert [n.plan for n in with_notes.notes] == ["Next."]
    first_week = reports.report_document(
        ctx, therapist, client.user_id, since=date(2026, 2, 9), until=date(2026, 2, 15)
    )
    assert len(first_week.mood_days) == 7 and len(first_week.sessions) == 1
    assert reports.client_report(ctx, therapist, client.user_id).startswith(b"%PDF")


def test_the_report_keeps_to_the_scope(ctx) -> None:
    therapist, client = reviewed_client(ctx, sharing.Scope.sessions_only())
    document = reports.report_document(ctx, therapist, client.user_id)
    assert document.mood_days == () and len(document.sessions) == 2
    assert document.shared.startswith("work made in sessions")


def test_the_report_is_refused_without_consent(ctx) -> None:
    therapist, client = reviewed_client(ctx)
    stranger = make_user(ctx, "kim", Role.THERAPIST)
    with pytest.raises(AccessDeniedError):
        reports.client_report(ctx, stranger, client.user_id)
    with pytest.raises(InvalidInputError, match="after its last day"):
        reports.client_report(
            ctx, therapist, client.user_id, since=date(2026, 3, 1), until=date(2026, 2, 1)
        )
    (link,) = sharing.my_links(ctx, client)
    sharing.revoke(ctx, client, link.id)
    with pytest.raises(AccessDeniedError):
        reports.client_report(ctx, therapist, client.user_id)
