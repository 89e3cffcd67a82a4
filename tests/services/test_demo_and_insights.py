from datetime import UTC, date, datetime, timedelta

import pytest

from tests.insights.test_frames import point
from therapy_app.insights import frames
from therapy_app.services import accounts, insights, review
from therapy_app.services.demo import PASSWORD, seed_demo


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
