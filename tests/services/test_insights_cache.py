"""The timeline's frames are kept between visits, and never outlive a change to the journal
or get past the access check."""

from dataclasses import replace

import pytest

from tests.helpers import make_user, sample_artwork
from therapy_app.errors import AccessDeniedError
from therapy_app.mood.checkin import CheckIn, parse_feeling
from therapy_app.mood.scales import QuickMood
from therapy_app.services import artworks, entries, insights

OKAY = CheckIn(quick_mood=QuickMood.OKAY, feelings=(parse_feeling("content"),), tags=("walk",))


def test_a_second_visit_reuses_the_frames_until_the_journal_changes(ctx) -> None:
    ada = make_user(ctx, "ada")
    first = entries.check_in(ctx, ada, OKAY)
    seen = insights.journal_insights(ctx, ada)
    assert insights.journal_insights(ctx, ada) is seen

    entries.check_in(ctx, ada, CheckIn(quick_mood=QuickMood.GOOD))
    added = insights.journal_insights(ctx, ada)
    assert added is not seen and len(added.entries) == 2

    # only the tags change: no column of the entry's own row does
    entries.update_entry(ctx, ada, first.id, replace(OKAY, tags=("work",)))
    retagged = insights.journal_insights(ctx, ada)
    assert retagged is not added
    assert ["work"] in retagged.entries["tags"].tolist()

    artworks.save_artwork(ctx, ada, first.id, sample_artwork())
    painted = insights.journal_insights(ctx, ada)
    assert painted is not retagged and painted.entries["has_art"].any()

    entries.delete_entry(ctx, ada, first.id)
    assert len(insights.journal_insights(ctx, ada).entries) == 1


def test_filters_narrow_the_kept_frames_without_changing_them(ctx) -> None:
    ada = make_user(ctx, "ada")
    entries.check_in(ctx, ada, OKAY)
    entries.check_in(ctx, ada, CheckIn(quick_mood=QuickMood.GOOD))
    whole = insights.journal_insights(ctx, ada)
    walked = insights.journal_insights(ctx, ada, tags=("walk",))
    assert len(walked.entries) == 1 and len(whole.entries) == 2
    assert insights.journal_insights(ctx, ada) is whole


def test_kept_frames_are_no_way_past_the_access_check(ctx) -> None:
    ada = make_user(ctx, "ada")
    mallory = make_user(ctx, "mallory")
    entries.check_in(ctx, ada, OKAY)
    insights.journal_insights(ctx, ada)  # now kept in memory
    with pytest.raises(AccessDeniedError):
        insights.journal_insights(ctx, mallory, owner_id=ada.user_id)
