"""Consent: one link per therapist and client, an end date, the sessions-only scope, and the
client's plain-words list of what their therapist opened."""

from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select

from tests.helpers import make_user
from therapy_app.errors import AccessDeniedError, InvalidInputError
from therapy_app.journal import audit
from therapy_app.journal.models import LinkStatus, Role, TherapistLink
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.session_plan import plan_from_directive
from therapy_app.services import entries, insights, sessions, sharing


def _pair(ctx):
    return make_user(ctx, "cleo"), make_user(ctx, "lee", Role.THERAPIST)


def _redeem(ctx, client, therapist, scope, ends_on=None):
    code = sharing.create_invite(ctx, therapist)
    return sharing.redeem_invite(ctx, client, code, scope, ends_on)


def _links(ctx) -> int:
    with ctx.sessions() as session:
        return session.scalar(
            select(func.count())
            .select_from(TherapistLink)
            .where(TherapistLink.client_id.isnot(None))
        )


def test_a_second_code_from_the_same_therapist_replaces_the_scope(ctx) -> None:
    """Reproduced before the fix: a narrower second code left the wider link in force and
    the note stayed visible."""
    client, therapist = _pair(ctx)
    entry = entries.check_in(ctx, client, CheckIn(valence=0.1, energy=0.0, note="my words"))
    wide = _redeem(ctx, client, therapist, sharing.Scope(True, True, True))
    assert entries.get_entry(ctx, therapist, entry.id).note == "my words"
    narrow = _redeem(ctx, client, therapist, sharing.Scope(True, False, False))
    assert narrow.replaced and not wide.replaced
    assert narrow.id == wide.id and _links(ctx) == 1
    assert entries.get_entry(ctx, therapist, entry.id).note is None
    (link,) = sharing.my_links(ctx, client)
    assert (link.scope.notes, link.scope.art) == (False, False)


def test_a_code_after_revoking_starts_sharing_again_on_the_same_link(ctx) -> None:
    client, therapist = _pair(ctx)
    first = _redeem(ctx, client, therapist, sharing.Scope())
    sharing.revoke(ctx, client, first.id)
    again = _redeem(ctx, client, therapist, sharing.Scope())
    assert again.replaced and again.status is LinkStatus.ACTIVE and _links(ctx) == 1


def test_access_ends_after_the_end_date_on_the_next_request(ctx, clock) -> None:
    client, therapist = _pair(ctx)
    entry = entries.check_in(ctx, client, CheckIn(valence=0.1, energy=0.0))
    ends_on = clock().date() + timedelta(days=2)
    link = _redeem(ctx, client, therapist, sharing.Scope(), ends_on)
    assert link.ends_on == ends_on
    clock.advance(days=2)
    assert entries.get_entry(ctx, therapist, entry.id).id == entry.id  # the last day counts
    clock.advance(days=1)
    with pytest.raises(AccessDeniedError):
        entries.get_entry(ctx, therapist, entry.id)
    with pytest.raises(AccessDeniedError):
        insights.journal_insights(ctx, therapist, owner_id=client.user_id)
    (shown,) = sharing.my_links(ctx, client)
    assert shown.status is LinkStatus.REVOKED
    with ctx.sessions() as session:
        denied = [
            e
            for e in audit.events(session, ctx.cipher)
            if e.actor_id == therapist.user_id and e.outcome == "denied"
        ]
    assert sorted(e.reason for e in denied) == ["no consent in force", "not the owner"]


def test_an_end_date_in_the_past_or_notes_without_the_journal_are_refused(ctx, clock) -> None:
    client, therapist = _pair(ctx)
    yesterday = clock().date() - timedelta(days=1)
    with pytest.raises(InvalidInputError, match="already passed"):
        _redeem(ctx, client, therapist, sharing.Scope(), yesterday)
    with pytest.raises(InvalidInputError, match="check-ins"):
        _redeem(ctx, client, therapist, sharing.Scope(False, True, False, True))
    assert _links(ctx) == 0


def test_sessions_only_shares_the_sessions_and_nothing_of_the_journal(ctx) -> None:
    client, therapist = _pair(ctx)
    entry = entries.check_in(ctx, client, CheckIn(valence=0.1, energy=0.0))
    _redeem(ctx, client, therapist, sharing.Scope.sessions_only())
    planned = sessions.create_plan(
        ctx, therapist, client.user_id, plan_from_directive("safe-place", ())
    )
    assert [s.id for s in sessions.list_sessions(ctx, therapist, client.user_id)] == [planned.id]
    with pytest.raises(AccessDeniedError):
        entries.get_entry(ctx, therapist, entry.id)
    with pytest.raises(AccessDeniedError):
        entries.list_entries(ctx, therapist, owner_id=client.user_id)


def test_the_client_reads_who_opened_what_in_plain_words(ctx, clock) -> None:
    client, therapist = _pair(ctx)
    written = [
        entries.check_in(ctx, client, CheckIn(valence=0.1 * n, energy=0.0)) for n in range(4)
    ]
    _redeem(ctx, client, therapist, sharing.Scope())
    for entry in written[:3]:
        entries.get_entry(ctx, therapist, entry.id)
    entries.get_entry(ctx, therapist, written[0].id)  # the same entry twice counts once
    insights.journal_insights(ctx, therapist, owner_id=client.user_id)
    clock.advance(days=1)
    entries.get_entry(ctx, therapist, written[3].id)
    lines = sharing.views_of_my_data(ctx, client)
    assert [line.sentence for line in lines] == [
        "Lee opened an entry on 2 March",
        "Lee opened 3 entries and your timeline on 1 March",
    ]
    assert [line.on for line in lines] == [date(2026, 3, 2), date(2026, 3, 1)]
    with pytest.raises(AccessDeniedError):
        sharing.views_of_my_data(ctx, therapist)


def test_one_request_reads_the_consent_once_and_the_next_reads_it_afresh(ctx) -> None:
    """The timeline's window checks mood, notes and art of the same client: one read of the
    link between them, yet a revocation in between two requests ends access at once."""
    client, therapist = _pair(ctx)
    entries.check_in(ctx, client, CheckIn(valence=0.1, energy=0.0, note="my words"))
    link = _redeem(ctx, client, therapist, sharing.Scope(True, True, True))
    reads: list[str] = []

    def count_link_reads(_conn, _cursor, statement: str, *_rest: object) -> None:
        if statement.lstrip().startswith("SELECT") and "FROM therapist_links" in statement:
            reads.append(statement)

    frame = insights.journal_insights(ctx, therapist, owner_id=client.user_id).entries
    event.listen(ctx.engine, "before_cursor_execute", count_link_reads)
    try:
        window = insights.window(ctx, therapist, frame, owner_id=client.user_id)
        assert len(reads) == 2  # the window's three checks, then the note excerpts' own
        assert list(window.notes.values()) == ["my words"]
        sharing.revoke(ctx, client, link.id)
        with pytest.raises(AccessDeniedError):
            insights.window(ctx, therapist, frame, owner_id=client.user_id)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", count_link_reads)
