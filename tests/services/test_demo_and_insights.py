from therapy_app.services import accounts, insights, sharing
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
    (summary,) = sharing.caseload(sqlite_ctx, therapist)
    assert summary.entries_last_30_days == 42
    shared = insights.journal_insights(sqlite_ctx, therapist, owner_id=client.user_id)
    assert len(shared.entries) == 42
