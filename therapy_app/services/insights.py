"""The timeline's data, always built from entries read through the access-checked services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from therapy_app.insights import frames
from therapy_app.services import entries

if TYPE_CHECKING:
    from datetime import date

    import pandas as pd

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext


@dataclass(frozen=True)
class Insights:
    entries: pd.DataFrame
    daily: pd.DataFrame
    weekly_feelings: pd.DataFrame
    tag_effects: list[frames.Difference]
    weekday: pd.DataFrame
    time_of_day: pd.DataFrame
    top_feelings: pd.DataFrame
    streaks: frames.Streaks


def journal_insights(
    ctx: AppContext,
    actor: Actor,
    owner_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    tags: tuple[str, ...] = (),
    feelings: tuple[str, ...] = (),
) -> Insights:
    query = entries.EntryQuery(since=since, until=until, limit=None)
    views = entries.list_entries(ctx, actor, query, owner_id=owner_id).items
    frame = frames.entries_frame(views)
    if tags:
        frame = frame[frame["tags"].apply(lambda names: any(t in names for t in tags))]
    if feelings:
        frame = frame[frame["feelings"].apply(lambda names: any(f in names for f in feelings))]
    today = ctx.clock().date()
    return Insights(
        entries=frame,
        daily=frames.by_period(frame, "D"),
        weekly_feelings=frames.feelings_by_period(frame, "W"),
        tag_effects=frames.tag_effects(frame),
        weekday=frames.weekday_pattern(frame),
        time_of_day=frames.time_of_day_pattern(frame),
        top_feelings=frames.top_feelings_by_month(frame),
        streaks=frames.streaks(frame, today),
    )
