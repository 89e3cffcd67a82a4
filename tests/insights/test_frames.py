"""Insights frames: several entries a day, gaps, time zones and daylight-saving changes."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from therapy_app.insights import frames


def point(
    when: datetime,
    valence: float = 0.0,
    zone: str = "Europe/Berlin",
    tags: tuple[str, ...] = (),
    feelings: tuple[str, ...] = (),
) -> frames.MoodPoint:
    return frames.MoodPoint(
        id=f"e{when.timestamp()}{zone}",
        occurred_at=when.astimezone(UTC),
        timezone=zone,
        local_date=when.astimezone(ZoneInfo(zone)).date(),
        valence=valence,
        energy=0.0,
        control=None,
        quick_mood="okay",
        feelings=feelings,
        tags=tags,
        has_art=False,
    )


def test_several_entries_a_day_are_one_day() -> None:
    start = datetime(2026, 3, 2, 7, tzinfo=UTC)
    frame = frames.entries_frame(
        [
            point(start, 0.5),
            point(start + timedelta(hours=10), -0.5),
            point(start + timedelta(days=2), 1.0),
        ]
    )
    daily = frames.by_period(frame, "D")
    assert list(daily["entries"]) == [2, 1]  # the gap day simply has no row
    assert daily["valence_mean"].tolist() == [0.0, 1.0]
    assert daily["valence_std"].iloc[1] == 0.0


def test_local_days_and_hours_across_a_dst_change() -> None:
    # Europe/Berlin springs forward on 2026-03-29 at 02:00 local time.
    before = datetime(2026, 3, 28, 22, 30, tzinfo=UTC)  # 23:30 local on the 28th (CET)
    after = datetime(2026, 3, 29, 22, 30, tzinfo=UTC)  # 00:30 local on the 30th (CEST)
    frame = frames.entries_frame([point(before), point(after)])
    assert list(frame["local_date"]) == [date(2026, 3, 28), date(2026, 3, 30)]
    assert list(frame["hour"]) == [23, 0]
    assert list(frame["weekday"]) == ["Sat", "Mon"]


def test_each_entry_keeps_its_own_zone_when_travelling() -> None:
    same_instant = datetime(2026, 6, 1, 23, 0, tzinfo=UTC)
    frame = frames.entries_frame(
        [point(same_instant, zone="Europe/Berlin"), point(same_instant, zone="America/New_York")]
    )
    assert sorted(frame["local_date"]) == [date(2026, 6, 1), date(2026, 6, 2)]


def test_tag_effects_show_only_real_differences() -> None:
    rng = np.random.default_rng(0)
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    points = []
    for day in range(60):
        walk = day % 3 == 0
        coffee = day % 2 == 0
        valence = float(np.clip(0.4 * walk - 0.1 + rng.normal(0, 0.15), -1, 1))
        tags = tuple(t for t, on in (("walk", walk), ("coffee", coffee)) if on)
        points.append(point(start + timedelta(days=day), valence, tags=tags))
    effects = {e.label: e for e in frames.tag_effects(frames.entries_frame(points))}
    assert effects["walk"].likely_real and effects["walk"].difference > 0.3
    assert "likely real" in effects["walk"].sentence() and "+0." in effects["walk"].sentence()
    assert not effects["coffee"].likely_real


def test_rare_tags_are_left_out() -> None:
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    points = [point(start + timedelta(days=d), tags=("rare",) if d < 4 else ()) for d in range(20)]
    assert frames.tag_effects(frames.entries_frame(points)) == []


def test_streaks_weekdays_parts_of_day_and_months() -> None:
    start = datetime(2026, 4, 1, 8, tzinfo=UTC)
    days = [0, 1, 2, 5, 6, 7, 8]
    points = [point(start + timedelta(days=d), 0.1 * d, feelings=("hopeful",)) for d in days]
    frame = frames.entries_frame(points)
    assert frames.streaks(frame, date(2026, 4, 10)) == frames.Streaks(current=4, longest=4)
    assert frames.streaks(frame, date(2026, 4, 20)).current == 0
    assert set(frames.weekday_pattern(frame)["weekday"]) <= set(frames.WEEKDAYS)
    assert list(frames.time_of_day_pattern(frame)["part"]) == ["morning"]
    top = frames.top_feelings_by_month(frame)
    assert top.iloc[0]["feeling"] == "hopeful" and top.iloc[0]["count"] == 7
    weekly = frames.feelings_by_period(frame, "W")
    assert weekly["count"].sum() == 7 and set(weekly["primary"]) == {"anticipation"}


def test_before_and_after_a_chosen_day() -> None:
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    points = [point(start + timedelta(days=d), -0.4 if d < 20 else 0.4) for d in range(40)]
    change = frames.before_after(frames.entries_frame(points), date(2026, 1, 21))
    assert change.difference > 0.7 and change.likely_real
    assert frames.before_after(frames.entries_frame(points[:3]), date(2026, 1, 2)) is None


def test_empty_journal_gives_empty_frames() -> None:
    frame = frames.entries_frame([])
    assert frame.empty and frames.by_period(frame).empty
    assert frames.feelings_by_period(frame).empty and frames.tag_effects(frame) == []


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(-1, 1), st.booleans(), st.integers(0, 2)), min_size=12, max_size=60
    )
)
def test_day_bootstrap_matches_resampling_whole_days_one_by_one(rows) -> None:
    start = datetime(2026, 2, 1, 9, tzinfo=UTC)
    points = [
        point(start + timedelta(days=i // 2, hours=hour), valence, tags=("t",) if tagged else ())
        for i, (valence, tagged, hour) in enumerate(rows)
    ]
    frame = frames.entries_frame(points)
    tagged = frame["tags"].apply(bool).to_numpy()
    assume(2 <= tagged.sum() <= len(tagged) - 2)
    (change,) = frames.day_bootstrap(frame, {"t": tagged}, resamples=200)
    observed = frame["valence"][tagged].mean() - frame["valence"][~tagged].mean()
    assert change.difference == pytest.approx(observed)
    assert change.with_count + change.without_count == len(frame)
    # the interval, recomputed the slow way: the same resampled days, one resample at a time
    _, day = np.unique(frame["local_date"].to_numpy(), return_inverse=True)
    picks = np.random.default_rng(0).integers(0, day.max() + 1, size=(200, day.max() + 1))
    valence = frame["valence"].to_numpy()
    spreads = []
    for picked in picks:
        rows_of = np.concatenate([np.flatnonzero(day == d) for d in picked])
        inside, outside = rows_of[tagged[rows_of]], rows_of[~tagged[rows_of]]
        if len(inside) and len(outside):
            spreads.append(valence[inside].mean() - valence[outside].mean())
    low, high = np.percentile(spreads, [2.5, 97.5])
    assert (change.low, change.high) == (pytest.approx(low), pytest.approx(high))


ZONES = ("Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC")


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=st.just(UTC)),
            st.sampled_from(ZONES),
            st.sampled_from((None, 0.25)),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_the_frame_is_each_entry_in_its_own_local_time_oldest_first(rows) -> None:
    points = [
        point(when, zone=zone)._replace(id=f"e{n}", control=control)
        for n, (when, zone, control) in enumerate(rows)
    ]
    frame = frames.entries_frame(points)
    assert list(frame.columns) == list(frames.COLUMNS)
    assert frame["local_time"].is_monotonic_increasing
    expected = sorted(
        (when.astimezone(ZoneInfo(zone)).replace(tzinfo=None), n)
        for n, (when, zone, _) in enumerate(rows)
    )
    assert frame["id"].tolist() == [f"e{n}" for _, n in expected]  # ties keep their order
    for (local, n), shown in zip(expected, frame.itertuples(), strict=True):
        assert shown.local_time == local
        assert (shown.hour, shown.weekday) == (local.hour, frames.WEEKDAYS[local.weekday()])
        assert shown.local_date == points[n].local_date
    assert str(frame["local_time"].dtype) == "datetime64[us]"
