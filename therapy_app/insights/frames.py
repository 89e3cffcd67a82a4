"""Frames over entries: per entry, per day/week/month, what goes with what, patterns.

Times are the person's local wall-clock times (each entry keeps its own zone), so days,
weekdays and hours mean what they meant to the person, across travel and DST changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from therapy_app.mood.feelings import ALL_FEELINGS

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from therapy_app.services.entries import EntryView

NOTE_WORDS = 12
MIN_TAG_ENTRIES = 5
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PARTS_OF_DAY = (("night", 0, 6), ("morning", 6, 12), ("afternoon", 12, 18), ("evening", 18, 24))
COLUMNS = (
    "id",
    "local_time",
    "local_date",
    "weekday",
    "hour",
    "valence",
    "energy",
    "control",
    "quick_mood",
    "feelings",
    "primaries",
    "tags",
    "note_start",
    "has_art",
)


def entries_frame(views: Sequence[EntryView]) -> pd.DataFrame:
    """One row per entry, oldest first, in each entry's own local time."""
    rows = []
    for view in views:
        local = view.local_time
        note = " ".join((view.note or "").split()[:NOTE_WORDS])
        rows.append(
            {
                "id": view.id,
                "local_time": pd.Timestamp(local.replace(tzinfo=None)),
                "local_date": view.local_date,
                "weekday": WEEKDAYS[local.weekday()],
                "hour": local.hour,
                "valence": view.valence,
                "energy": view.energy,
                "control": view.control,
                "quick_mood": view.quick_mood.label if view.quick_mood else None,
                "feelings": [f.word for f in view.feelings],
                "primaries": sorted({ALL_FEELINGS[f.word].primary.value for f in view.feelings}),
                "tags": list(view.tags),
                "note_start": note + ("…" if len((view.note or "").split()) > NOTE_WORDS else ""),
                "has_art": bool(view.artwork_ids),
            }
        )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.sort_values("local_time", kind="stable").reset_index(drop=True)


def by_period(frame: pd.DataFrame, period: str = "D") -> pd.DataFrame:
    """Mean and spread of valence and energy per day ('D'), week ('W') or month ('M')."""
    if frame.empty:
        return pd.DataFrame(
            columns=[
                "period",
                "entries",
                "valence_mean",
                "valence_std",
                "energy_mean",
                "energy_std",
            ]
        )
    days = pd.to_datetime(frame["local_date"])
    keys = days.dt.to_period(period).dt.start_time
    grouped = frame.assign(period=keys).groupby("period")
    out = grouped.agg(
        entries=("id", "size"),
        valence_mean=("valence", "mean"),
        valence_std=("valence", "std"),
        energy_mean=("energy", "mean"),
        energy_std=("energy", "std"),
    )
    return out.fillna({"valence_std": 0.0, "energy_std": 0.0}).reset_index()


def feelings_by_period(frame: pd.DataFrame, period: str = "W") -> pd.DataFrame:
    """How often each primary emotion was named per week or month (long format)."""
    exploded = frame[["local_date", "primaries"]].explode("primaries").dropna()
    if exploded.empty:
        return pd.DataFrame(columns=["period", "primary", "count"])
    periods = pd.to_datetime(exploded["local_date"]).dt.to_period(period).dt.start_time
    counts = exploded.assign(period=periods).groupby(["period", "primaries"]).size()
    return counts.rename("count").reset_index().rename(columns={"primaries": "primary"})


def top_feelings_by_month(frame: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    exploded = frame[["local_date", "feelings"]].explode("feelings").dropna()
    if exploded.empty:
        return pd.DataFrame(columns=["month", "feeling", "count"])
    months = pd.to_datetime(exploded["local_date"]).dt.to_period("M").dt.start_time
    counts = exploded.assign(month=months).groupby(["month", "feelings"]).size().rename("count")
    ranked = counts.reset_index().sort_values(
        ["month", "count", "feelings"], ascending=[True, False, True]
    )
    return ranked.groupby("month").head(top).rename(columns={"feelings": "feeling"})


@dataclass(frozen=True)
class Difference:
    label: str
    with_count: int
    without_count: int
    difference: float
    low: float
    high: float

    @property
    def likely_real(self) -> bool:
        return self.low > 0 or self.high < 0

    def sentence(self) -> str:
        direction = "more" if self.difference > 0 else "less"
        return (
            f"Days with {self.label} were {direction} pleasant: {self.difference:+.2f}, likely real"
            if self.likely_real
            else f"Days with {self.label}: {self.difference:+.2f}, could be chance"
        )


def bootstrap_difference(
    with_values: np.ndarray,
    without_values: np.ndarray,
    label: str,
    resamples: int = 2000,
    seed: int = 0,
) -> Difference:
    """Difference in means with a 95% percentile bootstrap interval."""
    rng = np.random.default_rng(seed)
    a = rng.choice(with_values, (resamples, len(with_values))).mean(1)
    b = rng.choice(without_values, (resamples, len(without_values))).mean(1)
    low, high = np.percentile(a - b, [2.5, 97.5])
    return Difference(
        label,
        len(with_values),
        len(without_values),
        float(with_values.mean() - without_values.mean()),
        float(low),
        float(high),
    )


def tag_effects(frame: pd.DataFrame, minimum: int = MIN_TAG_ENTRIES) -> list[Difference]:
    """For each tag on at least ``minimum`` entries: valence with it minus without it."""
    tags = frame["tags"].explode().dropna().value_counts()
    effects = []
    for tag, count in tags.items():
        has = frame["tags"].apply(lambda names, tag=tag: tag in names)
        if count < minimum or (~has).sum() < minimum:
            continue
        effects.append(
            bootstrap_difference(
                frame.loc[has, "valence"].to_numpy(),
                frame.loc[~has, "valence"].to_numpy(),
                str(tag),
            )
        )
    return sorted(effects, key=lambda e: -abs(e.difference))


def weekday_pattern(frame: pd.DataFrame) -> pd.DataFrame:
    grouped = frame.groupby("weekday")[["valence", "energy"]].agg(["mean", "size"])
    grouped.columns = ["valence", "entries", "energy", "_"]
    return grouped.drop(columns="_").reindex(list(WEEKDAYS)).dropna().reset_index()


def time_of_day_pattern(frame: pd.DataFrame) -> pd.DataFrame:
    labels = [name for name, _, _ in PARTS_OF_DAY]
    parts = pd.cut(frame["hour"], bins=[0, 6, 12, 18, 24], right=False, labels=labels)
    grouped = frame.assign(part=parts).groupby("part", observed=True)
    return grouped.agg(
        valence=("valence", "mean"), energy=("energy", "mean"), entries=("id", "size")
    ).reset_index()


@dataclass(frozen=True)
class Streaks:
    current: int
    longest: int


def streaks(frame: pd.DataFrame, today: date) -> Streaks:
    """Consecutive days with at least one entry; the current streak may end yesterday."""
    days = sorted(set(frame["local_date"]))
    longest = run = 0
    previous = None
    for day in days:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    current = run if previous is not None and (today - previous).days <= 1 else 0
    return Streaks(current, longest)


def before_after(frame: pd.DataFrame, pivot: date) -> Difference | None:
    """Mean pleasantness after a chosen day minus before it (e.g. a first session)."""
    after = frame["local_date"] >= pivot
    if after.sum() < 2 or (~after).sum() < 2:
        return None
    return bootstrap_difference(
        frame.loc[after, "valence"].to_numpy(),
        frame.loc[~after, "valence"].to_numpy(),
        f"after {pivot:%d %b %Y}",
    )
