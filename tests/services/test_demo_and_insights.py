from datetime import UTC, date, datetime, timedelta

import pytest

from tests.insights.test_frames import point
from therapy_app.insights import frames
from therapy_app.journal.models import SessionStatus
from therapy_app.mood.session_plan import FlagKind
from therapy_app.services import accounts, insights, review, sessions
from therapy_app.services.demo import PASSWORD, seed_demo, seed_review, seed_sessions


def test_demo_journal_and_its_insights(sqlite_ctx) -> None:
    result = seed_demo(sqlite_ctx, days=21, with_art=False)
    assert result.entries == 42 and result.pictures == 0
    client = accounts.find_user(sqlite_ctx, result.client)
    therapist = accounts.find_user(sqlite_ctx, result.therapist)
    assert accounts.log_in(sqlite_ctx, result.client, PASSWORD)
    data = insights.journal_insights(sqlite_ctx, client)
    assert len(data.entries) == 42 and data.daily["entries"].max() == 2
    assert data.streaks.longest == 21
    assert set(data.weekday["weekday"]) == {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
    walked = insights.journal_insights(sqlite_ctx, client, tags=("walk",)).entries
    assert 0 < len(walked) < 42 and all("walk" in tags for tags in walked["tags"])
    (summary,) = review.caseload(sqlite_ctx, therapist)
    # the demo writes up to yesterday: every day of the trend but today has a mean
    assert summary.last_check_in is not None
    assert summary.trend[-1] is None and None not in summary.trend[:-1]
    shared = insights.journal_insights(sqlite_ctx, therapist, owner_id=client.user_id)
    assert len(shared.entries) == 42


DAYS = 21
# the check-ins of the sessions: two before and after, one left half-way after the first
SESSION_CHECK_INS = 5


def test_the_demo_seeds_guided_sessions_for_its_therapist(sqlite_ctx) -> None:
    journal = seed_demo(sqlite_ctx, days=DAYS, with_art=False)
    result = seed_sessions(sqlite_ctx, journal, with_art=False)
    assert result.entries == journal.entries + SESSION_CHECK_INS
    therapist = accounts.find_user(sqlite_ctx, result.therapist)
    client = accounts.find_user(sqlite_ctx, result.client)
    found = sessions.list_sessions(sqlite_ctx, therapist, client.user_id)
    assert result.sessions == len(found) == 4
    by_status = {s.status: s for s in found}
    assert set(by_status) == set(SessionStatus)
    done = [s for s in found if s.status is SessionStatus.COMPLETED]
    assert len(done) == 2
    assert all(s.change is not None and s.answers and len(s.measures) == 2 for s in done)
    assert {s.plan.template_id for s in found} == {
        "draw-your-week",
        "safe-place",
        "feelings-as-weather",
        "bridge",
    }
    flags = [flag.kind for s in found for flag in s.flags]
    assert flags == [FlagKind.PHQ9_ITEM9]
    assert by_status[SessionStatus.PLANNED].scheduled_for > sqlite_ctx.clock()
    assert by_status[SessionStatus.IN_PROGRESS].next_index == 1
    first = min(done, key=lambda s: s.completed_at)
    assert (sqlite_ctx.clock() - first.completed_at).days == DAYS // 2 - 1
    reviewed = seed_review(sqlite_ctx, result)
    assert (reviewed.dap_notes, reviewed.acknowledged_flags) == (1, 1)
    page = review.client_page(sqlite_ctx, therapist, client.user_id)
    (note,) = page.notes
    assert note.session_id in {s.id for s in done} and note.data.startswith("Session:")
    (flag,) = [f for f in page.flags if f.kind is review.FlagKind.PHQ9_ITEM9]
    assert flag.acknowledged_by == "Dr. Rivera (demo)"


@pytest.mark.parametrize(
    ("days", "period"),
    [(1, "day"), (160, "day"), (161, "week"), (365, "week"), (1121, "month"), (3650, "month")],
)
def test_the_overview_strip_is_the_finest_period_that_fits_its_points(days, period) -> None:
    first = datetime(2020, 1, 6, 9, tzinfo=UTC)
    daily = [point(first + timedelta(days=day)) for day in range(days)]
    data = insights.Insights(frames.entries_frame(daily), date(2031, 1, 1))
    assert data.overview_period == period
    assert len(data.overview) <= insights.STRIP_POINTS
    finer = {"week": data.daily, "month": data.weekly}.get(period)
    assert finer is None or len(finer) > insights.STRIP_POINTS
