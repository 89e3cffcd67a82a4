from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.helpers import make_user
from therapy_app.errors import InvalidInputError, NotFoundError
from therapy_app.mood.checkin import CheckIn, parse_feeling
from therapy_app.mood.scales import QuickMood
from therapy_app.services import entries
from therapy_app.services.entries import EntryQuery


def test_one_tap_is_a_complete_entry(ctx) -> None:
    actor = make_user(ctx, "ada")
    view = entries.check_in(ctx, actor, CheckIn(quick_mood=QuickMood.GOOD))
    assert view.quick_mood is QuickMood.GOOD and view.valence > 0
    assert entries.list_entries(ctx, actor).total == 1


def test_full_check_in_round_trip(ctx, clock) -> None:
    actor = make_user(ctx, "ada", timezone="America/New_York")
    check_in = CheckIn(
        quick_mood=QuickMood.BAD,
        feelings=(parse_feeling("anxious:3"), parse_feeling("tired")),
        control=-0.4,
        tags=("Work", " work ", "late night"),
        note="Deadline again.\nLong day.",
        sleep_hours=5.5,
        timezone="America/New_York",
    )
    view = entries.check_in(ctx, actor, check_in)
    again = entries.get_entry(ctx, actor, view.id)
    assert again.note == "Deadline again.\nLong day."
    assert again.tags == ("late night", "work")
    assert [f.word for f in again.feelings] == ["anxious", "tired"]
    assert again.local_time.utcoffset() == timedelta(hours=-5)
    assert again.local_date == date(2026, 3, 1)
    assert entries.tag_usage(ctx, actor)[0] == ("late night", 1)


def test_search_filters_and_paging(ctx, clock) -> None:
    actor = make_user(ctx, "ada")
    for day in range(25):
        clock.now = datetime(2026, 1, 1, 12, tzinfo=UTC) + timedelta(days=day)
        entries.check_in(
            ctx,
            actor,
            CheckIn(
                feelings=(parse_feeling("happy" if day % 2 else "lonely"),),
                tags=("walk",) if day % 5 == 0 else (),
                note=f"day {day} note",
            ),
        )
    first = entries.list_entries(ctx, actor, EntryQuery(limit=10))
    assert first.total == 25 and len(first.items) == 10
    assert first.items[0].note == "day 24 note"  # newest first
    last = entries.list_entries(ctx, actor, EntryQuery(offset=20, limit=10))
    assert len(last.items) == 5
    assert entries.list_entries(ctx, actor, EntryQuery(text="DAY 13")).total == 1
    assert entries.list_entries(ctx, actor, EntryQuery(feeling="happy")).total == 12
    assert entries.list_entries(ctx, actor, EntryQuery(tag="walk")).total == 5
    window = EntryQuery(since=date(2026, 1, 3), until=date(2026, 1, 5))
    assert entries.list_entries(ctx, actor, window).total == 3


def test_edit_and_delete(ctx) -> None:
    actor = make_user(ctx, "ada")
    view = entries.check_in(ctx, actor, CheckIn(quick_mood=QuickMood.OKAY, note="first"))
    edited = entries.update_entry(
        ctx,
        actor,
        view.id,
        CheckIn(quick_mood=QuickMood.GREAT, note="second", occurred_at=view.occurred_at),
    )
    assert edited.note == "second" and edited.occurred_at == view.occurred_at
    entries.delete_entry(ctx, actor, view.id)
    with pytest.raises(NotFoundError):
        entries.get_entry(ctx, actor, view.id)


@pytest.mark.parametrize(
    ("check_in", "message"),
    [
        (CheckIn(note="x" * 200_001), "limit is 200,000"),
        (CheckIn(), "nothing to save"),
        (CheckIn(note="  \n "), "nothing to save"),
        (CheckIn(valence=1.5), "between -1 and 1"),
        (CheckIn(energy=float("nan")), "between -1 and 1"),
        (CheckIn(sleep_hours=30), "between 0 and 24"),
        (CheckIn(timezone="Mars/Olympus"), "Unknown time zone"),
        (CheckIn(occurred_at=datetime(2027, 1, 1, tzinfo=UTC)), "in the future"),
        (CheckIn(tags=("x" * 41,)), "longer than"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(ctx, check_in, message) -> None:
    actor = make_user(ctx, "ada")
    with pytest.raises(InvalidInputError, match=message):
        entries.check_in(ctx, actor, check_in)
    assert entries.list_entries(ctx, actor).total == 0


def test_unknown_feeling_lists_valid_ones() -> None:
    with pytest.raises(InvalidInputError, match="Valid feelings: .*anxious"):
        parse_feeling("blorp")


def test_empty_note_is_fine_and_risk_is_flagged(ctx) -> None:
    actor = make_user(ctx, "ada")
    assert entries.check_in(ctx, actor, CheckIn(quick_mood=QuickMood.OKAY, note="")).note == ""
    risky = entries.check_in(ctx, actor, CheckIn(note="I want to end my life"))
    assert risky.risk_flag
    # "I'm not safe right now" alone is something told (issue 17), not a blank check-in
    assert entries.check_in(ctx, actor, CheckIn(unsafe_now=True)).risk_flag


def test_an_edit_keeps_the_one_tap_flag(ctx) -> None:
    actor = make_user(ctx, "ada")
    tapped = entries.check_in(ctx, actor, CheckIn(quick_mood=QuickMood.BAD, unsafe_now=True))
    opened = entries.get_entry(ctx, actor, tapped.id)
    edited = entries.update_entry(ctx, actor, tapped.id, replace(opened.as_check_in(), note="ok"))
    assert edited.risk_flag and edited.unsafe_now
    worded = entries.check_in(ctx, actor, CheckIn(note="I want to end my life"))
    calmer = replace(worded.as_check_in(), note="a better evening")
    assert not entries.update_entry(ctx, actor, worded.id, calmer).risk_flag


def test_long_notes_are_kept_whole(ctx) -> None:
    actor = make_user(ctx, "ada")
    note = "A long day, written down slowly. " * 4_000  # 132,000 characters
    view = entries.check_in(ctx, actor, CheckIn(note=note))
    assert entries.get_entry(ctx, actor, view.id).note == note


def test_an_entry_cannot_be_emptied(ctx) -> None:
    actor = make_user(ctx, "ada")
    view = entries.check_in(ctx, actor, CheckIn(note="something"))
    with pytest.raises(InvalidInputError, match="nothing to save"):
        entries.update_entry(ctx, actor, view.id, CheckIn())
    assert entries.get_entry(ctx, actor, view.id).note == "something"


def test_note_excerpts_are_the_first_words(ctx) -> None:
    actor = make_user(ctx, "ada")
    long = entries.check_in(ctx, actor, CheckIn(quick_mood=QuickMood.OKAY, note="one two three"))
    empty = entries.check_in(ctx, actor, CheckIn(quick_mood=QuickMood.OKAY))
    found = entries.note_excerpts(ctx, actor, [long.id, empty.id], words=2)
    assert found == {long.id: "one two…", empty.id: ""}
    assert entries.note_excerpts(ctx, actor, []) == {}
