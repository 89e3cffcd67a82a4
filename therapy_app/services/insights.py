"""The timeline's data, always built from entries read through the access-checked services."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import func, select

from therapy_app.insights import frames
from therapy_app.journal import audit
from therapy_app.journal.models import Artwork, Entry, Tag
from therapy_app.journal.sealed import SealedCheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import access, artworks, entries

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.kept_journals import KeptJournals

WINDOW_DAYS = 21  # what the detailed timeline shows until the person picks other weeks
MAX_PICTURES = 60  # more thumbnails than this would overlap: the person zooms in first
# The overview strip's most points: finer is noise at its width, and slower to draw. Days
# up to about five months, weeks up to about three years, then months.
STRIP_POINTS = 160
# Past this many weeks, feelings are counted per month: 520 weekly bars are unreadable.
WEEKLY_FEELINGS_UP_TO = 26
QUICK_MOOD_LABEL = {int(mood): mood.label for mood in QuickMood}


class Insights:
    """One journal's frames, each built the first time a page asks for it (the timeline
    shows one tab at a time, and ten years of bootstraps are not free)."""

    def __init__(self, entries: pd.DataFrame, today: date) -> None:
        self.entries = entries
        self.today = today

    @functools.cached_property
    def daily(self) -> pd.DataFrame:
        return frames.by_period(self.entries, "D")

    @functools.cached_property
    def weekly(self) -> pd.DataFrame:
        return frames.by_period(self.entries, "W")

    @functools.cached_property
    def monthly(self) -> pd.DataFrame:
        return frames.by_period(self.entries, "M")

    @property
    def overview_period(self) -> str:
        """The finest of day, week and month that draws the journal in STRIP_POINTS points."""
        dates = self.entries["local_date"]
        days = (dates.iloc[-1] - dates.iloc[0]).days + 1
        if days <= STRIP_POINTS:
            return "day"
        return "week" if days <= 7 * STRIP_POINTS else "month"

    @property
    def overview(self) -> pd.DataFrame:
        """The whole journal at the strip's resolution."""
        period = self.overview_period
        if period == "day":
            return self.daily
        return self.weekly if period == "week" else self.monthly

    @property
    def feelings_period(self) -> str:
        return "week" if len(self.weekly) <= WEEKLY_FEELINGS_UP_TO else "month"

    @functools.cached_property
    def feelings_over_time(self) -> pd.DataFrame:
        return frames.feelings_by_period(self.entries, self.feelings_period[0].upper())

    @functools.cached_property
    def tag_effects(self) -> list[frames.Difference]:
        return frames.tag_effects(self.entries)

    @functools.cached_property
    def weekday(self) -> pd.DataFrame:
        return frames.weekday_pattern(self.entries)

    @functools.cached_property
    def time_of_day(self) -> pd.DataFrame:
        return frames.time_of_day_pattern(self.entries)

    @functools.cached_property
    def top_feelings(self) -> pd.DataFrame:
        return frames.top_feelings_by_month(self.entries)

    @functools.cached_property
    def streaks(self) -> frames.Streaks:
        return frames.streaks(self.entries, self.today)


def _mood_points(
    ctx: AppContext, session: Session, owner_id: str, since: date | None, until: date | None
) -> list[frames.MoodPoint]:
    """Plain queries instead of loading ORM objects, then each check-in opened once and
    each tag name once."""
    connection = session.connection()
    rows = connection.execute(
        select(Entry.id, Entry.occurred_at, Entry.local_date, Entry.checkin_ct).where(
            Entry.owner_id == owner_id, *Entry.on_days(since, until)
        )
    ).all()
    tags = entries.tag_names_by_entry(session, ctx.cipher, Tag.owner_id == owner_id)
    with_art = set(
        session.scalars(select(Artwork.entry_id).where(Artwork.owner_id == owner_id).distinct())
    )
    points = []
    for entry_id, occurred_at, local_date, checkin_ct in rows:
        sealed = SealedCheckIn.open(ctx.cipher, checkin_ct, entry_id, owner_id)
        points.append(
            frames.MoodPoint(
                entry_id,
                occurred_at,
                sealed.timezone,
                local_date,
                sealed.valence,
                sealed.energy,
                sealed.control,
                QUICK_MOOD_LABEL.get(sealed.quick_mood),
                tuple(word for word, _ in sealed.feelings),
                tags.get(entry_id, ()),
                entry_id in with_art,
            )
        )
    return points


def _revision(session: Session, owner_id: str) -> tuple[object, ...]:
    """Changes whenever an entry or picture of the journal is added, edited or deleted."""
    entries_now = select(func.count(), func.max(Entry.updated_at))
    pictures_now = select(func.count(), func.max(Artwork.updated_at))
    return (
        *session.execute(entries_now.where(Entry.owner_id == owner_id)).one(),
        *session.execute(pictures_now.where(Artwork.owner_id == owner_id)).one(),
    )


def journal_insights(
    ctx: AppContext,
    actor: Actor,
    owner_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    tags: tuple[str, ...] = (),
    feelings: tuple[str, ...] = (),
    kept: KeptJournals | None = None,
) -> Insights:
    """Everything the timeline page draws, for the actor's own journal or, with the
    client's consent to share moods, a client's (``owner_id``). With ``kept`` (the browser
    session's), frames built before for the same journal, unchanged since, are reused."""
    today = ctx.clock().date()
    with ctx.unit_of_work() as session:
        owner_id = access.readable_owner(ctx, session, actor, owner_id, "mood", audit.Action.READ)
        key = (owner_id, since, until, today, _revision(session, owner_id)) if kept else ()
        whole = kept.get(key) if kept else None
        if whole is None:
            points = _mood_points(ctx, session, owner_id, since, until)
            whole = Insights(frames.entries_frame(points), today)
            if kept:
                kept.put(key, whole)
        ctx.audit(session, actor, audit.Action.READ, "entries", subject_id=owner_id)
    if not tags and not feelings:
        return whole
    frame = whole.entries
    if tags:
        frame = frame[frame["tags"].apply(lambda names: any(t in names for t in tags))]
    if feelings:
        frame = frame[frame["feelings"].apply(lambda names: any(f in names for f in feelings))]
    return Insights(frame, today)


@dataclass(frozen=True)
class Window:
    """The entries the detailed timeline shows, with what only they need: the first words
    of their notes and their thumbnails (never the whole journal's)."""

    start: pd.Timestamp
    end: pd.Timestamp
    entries: pd.DataFrame
    notes: dict[str, str]
    pictures: dict[str, bytes]
    pictures_hidden: bool  # too many to show: the person picks fewer weeks to see them


def window(
    ctx: AppContext,
    actor: Actor,
    frame: pd.DataFrame,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    owner_id: str | None = None,
) -> Window:
    """The entries of ``frame`` (from journal_insights) between ``start`` and ``end``; by
    default the last WINDOW_DAYS days. A therapist gets notes and pictures only where the
    client shares them."""
    with ctx.unit_of_work() as session:
        owner_id = access.readable_owner(ctx, session, actor, owner_id, "mood", audit.Action.READ)
        shares_notes = access.can_read_owned(ctx, session, actor, owner_id, "notes")
        shares_art = access.can_read_owned(ctx, session, actor, owner_id, "art")
    if start is None or end is None:
        end = frame["local_time"].max().normalize() + pd.Timedelta(days=1)
        start = max(end - pd.Timedelta(days=WINDOW_DAYS), frame["local_time"].min().normalize())
    shown = frame[(frame["local_time"] >= start) & (frame["local_time"] < end)]
    with_art = shown.loc[shown["has_art"], "id"].tolist()
    hidden = len(with_art) > MAX_PICTURES
    notes = entries.note_excerpts(ctx, actor, shown["id"].tolist()) if shares_notes else {}
    pictures = {}
    if shares_art and not hidden:
        pictures = artworks.entry_thumbnails(ctx, actor, with_art)
    return Window(start, end, shown, notes, pictures, pictures_hidden=hidden)
