"""The timeline's frames are kept between visits of one browser session, and never outlive a
change to the journal, reach another session or get past the access check."""

import pickle
from dataclasses import replace

import pytest

from tests.helpers import make_user, sample_artwork
from therapy_app.errors import AccessDeniedError
from therapy_app.mood.checkin import CheckIn, parse_feeling
from therapy_app.mood.scales import QuickMood
from therapy_app.services import artworks, entries, insights
from therapy_app.services.kept_journals import KeptJournals

OKAY = CheckIn(quick_mood=QuickMood.OKAY, feelings=(parse_feeling("content"),), tags=("walk",))


def test_a_second_visit_reuses_the_frames_until_the_journal_changes(ctx) -> None:
    ada = make_user(ctx, "ada")
    kept = KeptJournals()
    first = entries.check_in(ctx, ada, OKAY)
    seen = insights.journal_insights(ctx, ada, kept=kept)
    assert insights.journal_insights(ctx, ada, kept=kept) is seen

    entries.check_in(ctx, ada, CheckIn(quick_mood=QuickMood.GOOD))
    added = insights.journal_insights(ctx, ada, kept=kept)
    assert added is not seen and len(added.entries) == 2

    # only the tags change: no column of the entry's own row does
    entries.update_entry(ctx, ada, first.id, replace(OKAY, tags=("work",)))
    retagged = insights.journal_insights(ctx, ada, kept=kept)
    assert retagged is not added
    assert ["work"] in retagged.entries["tags"].tolist()

    artworks.save_artwork(ctx, ada, first.id, sample_artwork())
    painted = insights.journal_insights(ctx, ada, kept=kept)
    assert painted is not retagged and painted.entries["has_art"].any()

    entries.delete_entry(ctx, ada, first.id)
    assert len(insights.journal_insights(ctx, ada, kept=kept).entries) == 1


def test_filters_narrow_the_kept_frames_without_changing_them(ctx) -> None:
    ada = make_user(ctx, "ada")
    kept = KeptJournals()
    entries.check_in(ctx, ada, OKAY)
    entries.check_in(ctx, ada, CheckIn(quick_mood=QuickMood.GOOD))
    whole = insights.journal_insights(ctx, ada, kept=kept)
    walked = insights.journal_insights(ctx, ada, tags=("walk",), kept=kept)
    assert len(walked.entries) == 1 and len(whole.entries) == 2
    assert insights.journal_insights(ctx, ada, kept=kept) is whole


def test_kept_frames_are_no_way_past_the_access_check(ctx) -> None:
    ada = make_user(ctx, "ada")
    kept = KeptJournals()
    mallory = make_user(ctx, "mallory")
    entries.check_in(ctx, ada, OKAY)
    insights.journal_insights(ctx, ada, kept=kept)  # now kept in memory
    with pytest.raises(AccessDeniedError):
        insights.journal_insights(ctx, mallory, owner_id=ada.user_id, kept=kept)


def test_frames_are_kept_only_in_the_session_that_built_them(ctx) -> None:
    ada = make_user(ctx, "ada")
    entries.check_in(ctx, ada, OKAY)
    mine, another_session = KeptJournals(), KeptJournals()
    seen = insights.journal_insights(ctx, ada, kept=mine)
    assert insights.journal_insights(ctx, ada, kept=another_session) is not seen
    assert insights.journal_insights(ctx, ada) is not seen  # no session: nothing kept
    assert insights.journal_insights(ctx, ada, kept=mine) is seen


def test_a_session_keeps_only_its_last_few_journals(ctx) -> None:
    ada = make_user(ctx, "ada")
    entries.check_in(ctx, ada, OKAY)
    kept = KeptJournals(size=2)
    day = ctx.clock().date()
    oldest = insights.journal_insights(ctx, ada, until=day, kept=kept)
    insights.journal_insights(ctx, ada, since=day, kept=kept)
    insights.journal_insights(ctx, ada, kept=kept)
    assert insights.journal_insights(ctx, ada, until=day, kept=kept) is not oldest


def test_kept_frames_pickle_with_the_session_state(ctx) -> None:
    """The session state pickles (nothing per person hides in live objects): a copy holds
    the same journals and serves them, with a lock of its own."""
    ada = make_user(ctx, "ada")
    entries.check_in(ctx, ada, OKAY)
    kept = KeptJournals(size=2)
    seen = insights.journal_insights(ctx, ada, kept=kept)
    copy = pickle.loads(pickle.dumps(kept))
    again = insights.journal_insights(ctx, ada, kept=copy)
    assert copy.size == 2 and again is not seen
    assert again.entries.equals(seen.entries)
    assert insights.journal_insights(ctx, ada, kept=copy) is again
