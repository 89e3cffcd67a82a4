"""The therapist's review: caseload order and flags, the client page within the scope, DAP
notes, acknowledging flags, session pictures."""

from datetime import timedelta

import pytest

from tests.helpers import complete_session, make_user, selects_sent
from therapy_app.errors import AccessDeniedError, InvalidInputError
from therapy_app.journal import audit
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.measures import Measure
from therapy_app.mood.session_plan import plan_from_directive
from therapy_app.services import entries, review, sessions, sharing

PLAN = plan_from_directive("feelings-as-weather", (Measure.PHQ9, Measure.GAD7))


def _client(ctx, therapist, name, scope=None):
    client = make_user(ctx, name)
    code = sharing.create_invite(ctx, therapist)
    sharing.redeem_invite(ctx, client, code, scope or sharing.Scope(True, True, True))
    return client


def _session(ctx, therapist, client, item9=1, before=0.3, after=0.4):
    planned = sessions.create_plan(ctx, therapist, client.user_id, PLAN)
    complete_session(ctx, client, planned.id, before, after, item9)
    return planned.id


def test_caseload_puts_open_flags_first_with_trend_and_sessions(ctx, clock) -> None:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    calm = _client(ctx, therapist, "abe")
    worried = _client(ctx, therapist, "zoe")
    for back in range(20, 0, -1):
        clock.now -= timedelta(days=back)
        entries.check_in(ctx, calm, CheckIn(valence=0.5, energy=0.0))
        low = -0.6 if back <= 5 else 0.4  # pleasantness drops by 1.0 over the last week
        entries.check_in(ctx, worried, CheckIn(valence=low, energy=0.0))
        clock.now += timedelta(days=back)
    _session(ctx, therapist, worried, item9=2)
    _session(ctx, therapist, calm, item9=0)
    upcoming = clock() + timedelta(days=3)
    sessions.create_plan(ctx, therapist, calm.user_id, PLAN, scheduled_for=upcoming)
    first, second = review.caseload(ctx, therapist)
    assert (first.name, second.name) == ("Zoe", "Abe")
    kinds = {flag.kind for flag in first.open_flags}
    assert kinds == {review.FlagKind.PHQ9_ITEM9, review.FlagKind.MOOD_DROP}
    assert second.open_flags == ()
    assert len(second.trend) == review.TREND_DAYS and second.trend[-2] == pytest.approx(0.5)
    assert second.next_session == upcoming and second.last_session == clock()


def test_the_caseload_reads_with_the_same_few_queries_for_two_clients_or_six(ctx) -> None:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    counts = []
    for name in ("abe", "bea", "cy", "dee", "eve", "flo"):
        client = _client(ctx, therapist, name)
        entries.check_in(ctx, client, CheckIn(valence=0.2, energy=0.1))
        _session(ctx, therapist, client)
        counts.append(selects_sent(ctx, lambda: review.caseload(ctx, therapist)))
    assert len(review.caseload(ctx, therapist)) == 6
    assert counts[1] == counts[-1] <= 10


def test_the_client_page_reads_with_the_same_few_queries_for_one_session_or_four(ctx) -> None:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = _client(ctx, therapist, "abe")
    entries.check_in(ctx, client, CheckIn(valence=0.2, energy=0.1))
    counts = []
    for _ in range(4):
        _session(ctx, therapist, client)
        counts.append(selects_sent(ctx, lambda: review.client_page(ctx, therapist, client.user_id)))
    assert len(review.client_page(ctx, therapist, client.user_id).sessions) == 4
    assert counts[0] == counts[-1] <= 15


def test_the_client_page_keeps_to_the_scope(ctx) -> None:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    only_sessions = _client(ctx, therapist, "abe", sharing.Scope.sessions_only())
    entries.check_in(ctx, only_sessions, CheckIn(valence=0.2, energy=0.1))
    session_id = _session(ctx, therapist, only_sessions)
    page = review.client_page(ctx, therapist, only_sessions.user_id)
    assert page.mood == ()  # the journal is not shared
    assert [view.id for view in page.sessions] == [session_id]
    assert {(m.measure, m.total, m.band) for m in page.measures} == {
        (Measure.PHQ9, 9, "mild"),
        (Measure.GAD7, 7, "mild"),
    }
    journal_only = _client(ctx, therapist, "bea", sharing.Scope(True, False, False, False))
    entries.check_in(ctx, journal_only, CheckIn(valence=0.2, energy=0.1))
    page = review.client_page(ctx, therapist, journal_only.user_id)
    assert len(page.mood) == 1 and page.sessions == () and page.measures == ()


def test_a_dap_note_is_prefilled_with_facts_sealed_and_never_for_the_client(ctx) -> None:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = _client(ctx, therapist, "abe")
    session_id = _session(ctx, therapist, client, before=0.1, after=0.5)
    draft = review.dap_prefill(ctx, therapist, session_id)
    assert "Art directive: Feelings as weather" in draft.data
    assert "Change (after - before): pleasantness +0.40" in draft.data
    assert "PHQ-9 (mood): 9/27 (mild)" in draft.data
    assert "Flag: PHQ-9 item 9" in draft.data
    assert draft.assessment == "" and draft.plan == ""
    # facts only: every line is one of the fixed kinds, none reads the picture
    kinds = ("Session", "Art directive", "Status", "Steps done", "Pictures made", "Before")
    kinds += ("After", "Change", "PHQ-9", "GAD-7", "Flag")
    assert all(line.startswith(kinds) for line in draft.data.splitlines())
    note = review.DapNote(draft.data, "Engaged well.", "Safety plan review.", session_id)
    saved = review.save_note(ctx, therapist, client.user_id, note)
    (kept,) = review.client_page(ctx, therapist, client.user_id).notes
    assert (kept.id, kept.assessment, kept.session_id) == (saved.id, "Engaged well.", session_id)
    with pytest.raises(AccessDeniedError):
        review.client_page(ctx, client, client.user_id)
    with pytest.raises(InvalidInputError, match="empty"):
        review.save_note(ctx, therapist, client.user_id, review.DapNote(" ", "", ""))


def test_acknowledging_a_flag_records_who_and_when(ctx, clock) -> None:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = _client(ctx, therapist, "abe")
    _session(ctx, therapist, client, item9=1)
    (flag,) = [f for f in review.client_page(ctx, therapist, client.user_id).flags if f.open]
    clock.advance(minutes=5)
    seen = review.acknowledge_flag(ctx, therapist, client.user_id, flag.key)
    assert (seen.acknowledged_at, seen.acknowledged_by) == (clock(), "Lee")
    assert review.caseload(ctx, therapist)[0].open_flags == ()
    (kept,) = review.client_page(ctx, therapist, client.user_id).flags
    assert kept.acknowledged_at == clock() and not kept.open
    with pytest.raises(AccessDeniedError):
        review.acknowledge_flag(ctx, therapist, client.user_id, "risk:forged")
    with ctx.sessions() as session:
        reasons = [e.reason for e in audit.events(session, ctx.cipher) if e.outcome == "denied"]
    assert reasons == ["no such flag"]


def test_a_session_picture_is_shown_only_from_its_own_session(ctx) -> None:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = _client(ctx, therapist, "abe", sharing.Scope.sessions_only())
    first, second = _session(ctx, therapist, client), _session(ctx, therapist, client)
    (picture,) = sessions.get_session(ctx, therapist, first).artwork_ids
    assert review.session_picture(ctx, therapist, first, picture).startswith(b"\x89PNG")
    with pytest.raises(AccessDeniedError):
        review.session_picture(ctx, therapist, second, picture)
    review.dap_prefill(ctx, therapist, first)
    with ctx.sessions() as session:
        read = audit.events(session, ctx.cipher)
    kinds = {
        (e.object_type, e.object_id)
        for e in read
        if e.actor_id == therapist.user_id and e.outcome == "ok"
    }
    assert {("session_picture", picture), ("session", first)} <= kinds


def test_the_client_page_opens_the_flags_window_and_a_report_its_own_days(ctx, clock) -> None:
    """The client page's mood by day is the flags' 90 days (its Timeline tab draws the whole
    journal itself); a report's is the days it covers, however long ago."""
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = _client(ctx, therapist, "abe")
    today = clock().date()
    for back in (200, 10):
        clock.now -= timedelta(days=back)
        entries.check_in(ctx, client, CheckIn(valence=0.3, energy=0.0))
        clock.now += timedelta(days=back)
    page = review.client_page(ctx, therapist, client.user_id)
    assert [day.day for day in page.mood] == [today - timedelta(days=10)]
    with ctx.unit_of_work() as session:
        consent = review.consent_for(ctx, session, therapist, client.user_id, audit.Action.READ)
        year = review.page_of(
            ctx, session, therapist, consent, today - timedelta(days=365), today, clock()
        )
    assert [day.day for day in year.mood] == [today - timedelta(days=d) for d in (200, 10)]
