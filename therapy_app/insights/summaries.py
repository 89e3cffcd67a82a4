"""One sentence above each chart, read first by a screen reader, from the numbers the chart
draws (the chart's "show as table" shows the same numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    import pandas as pd

STEADY = 0.1  # a change of pleasantness smaller than this reads as "about the same"
NUMBER_WORDS = {1: "week", 2: "two weeks", 3: "three weeks", 4: "four weeks"}


def trend(weekly: pd.DataFrame, weeks: int = 4) -> str:
    """'Pleasantness rose over the last four weeks' (the last ``weeks`` weeks against the
    ``weeks`` before them, by their mean pleasantness)."""
    if len(weekly) < 2:
        return "Too few weeks yet to see a trend in pleasantness."
    weeks = min(weeks, len(weekly) // 2)
    recent = weekly["valence_mean"].iloc[-weeks:].mean()
    before = weekly["valence_mean"].iloc[-2 * weeks : -weeks].mean()
    span = f"the last {NUMBER_WORDS[weeks]}"
    if recent - before > STEADY:
        return f"Pleasantness rose over {span}."
    if before - recent > STEADY:
        return f"Pleasantness fell over {span}."
    return f"Pleasantness stayed about the same over {span}."


def highest_and_lowest(frame: pd.DataFrame, label: str) -> str:
    """'Pleasantness was highest on Sat (+0.19) and lowest on Mon (-0.52).'"""
    if frame.empty:
        return "No entries to compare yet."
    ranked = frame.sort_values("valence")
    low, high = ranked.iloc[0], ranked.iloc[-1]
    return (
        f"Pleasantness was highest {label} {high.iloc[0]} ({high['valence']:+.2f}) and lowest "
        f"{label} {low.iloc[0]} ({low['valence']:+.2f})."
    )


def most_named(feelings: pd.DataFrame) -> str:
    """'Anticipation was felt most often (12 times).'"""
    if feelings.empty:
        return "No feelings named yet."
    totals = feelings.groupby("primary")["count"].sum().sort_values()
    return f"{totals.index[-1].capitalize()} was felt most often ({int(totals.iloc[-1])} times)."


def days_with_entries(daily: pd.DataFrame) -> str:
    """'Entries on 3 of the days shown.'"""
    return f"Entries on {len(daily)} of the days shown, each square coloured by its mood."


def circumplex(entries: pd.DataFrame) -> str:
    """'6 entries; most were pleasant and calm.'"""
    if entries.empty:
        return "No entries yet."
    pleasant = (entries["valence"] >= 0).mean() >= 0.5
    energised = (entries["energy"] >= 0).mean() >= 0.5
    return (
        f"{len(entries)} entries; most were {'pleasant' if pleasant else 'unpleasant'} and "
        f"{'energised' if energised else 'calm'}."
    )


def scores(name: str, taken: list[tuple[date, int, str]]) -> str:
    """'PHQ-9 went from 14 (moderate) on 02 Mar 2026 to 9 (mild) on 30 Mar 2026.' from
    (day, total, band), oldest first."""
    if not taken:
        return f"No {name} scores yet."
    (first_on, first, first_band), (last_on, last, last_band) = taken[0], taken[-1]
    if len(taken) == 1:
        return f"One {name} score so far: {first} ({first_band}) on {first_on:%d %b %Y}."
    return (
        f"{name} went from {first} ({first_band}) on {first_on:%d %b %Y} "
        f"to {last} ({last_band}) on {last_on:%d %b %Y}."
    )
