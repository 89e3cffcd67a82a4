"""Altair charts for the timeline page. Colour-blind-safe (Okabe-Ito; blue-orange diverging),
readable in light and dark themes (no hard-coded backgrounds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from therapy_app.insights.frames import WEEKDAYS
from therapy_app.mood.feelings import PRIMARIES

if TYPE_CHECKING:
    from therapy_app.insights.frames import Difference

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#009E73", "#0072B2", "#56B4E9", "#000000", "#CC79A7", "#D55E00", "#F0E442")
PRIMARY_SCALE = alt.Scale(domain=[p.value for p in PRIMARIES], range=list(OKABE_ITO))
PLEASANTNESS = alt.Scale(scheme="blueorange", domain=[-1, 1])
AXIS = alt.Scale(domain=[-1, 1])


def timeline(frame: pd.DataFrame) -> alt.VConcatChart:
    """Valence and energy over time; the lower strip is a brush that zooms the upper chart;
    clicking a point selects that entry (its id comes back in the selection)."""
    data = frame.assign(
        feelings_text=frame["feelings"].str.join(", "), tags_text=frame["tags"].str.join(", ")
    )
    brush = alt.selection_interval(encodings=["x"], name="brush")
    pick = alt.selection_point(fields=["id"], name="entry", on="click", nearest=True)
    long = data.melt(
        id_vars=["id", "local_time", "feelings_text", "tags_text", "note_start", "has_art"],
        value_vars=["valence", "energy"],
        var_name="scale",
    )
    colour = alt.Color(
        "scale:N",
        scale=alt.Scale(domain=["valence", "energy"], range=["#0072B2", "#E69F00"]),
        legend=alt.Legend(
            title=None,
            orient="top",
            labelExpr="datum.label == 'valence' ? 'pleasantness' : 'energy'",
        ),
    )
    base = alt.Chart(long).encode(
        x=alt.X("local_time:T", title=None, scale=alt.Scale(domain=brush)),
        y=alt.Y("value:Q", scale=AXIS, title=None),
        color=colour,
    )
    lines = base.mark_line(interpolate="monotone", strokeWidth=1.5, opacity=0.7)
    points = (
        base.mark_circle(size=60)
        .encode(
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
            tooltip=[
                alt.Tooltip("local_time:T", title="when", format="%a %d %b %Y %H:%M"),
                alt.Tooltip("scale:N"),
                alt.Tooltip("value:Q", format="+.2f"),
                alt.Tooltip("feelings_text:N", title="feelings"),
                alt.Tooltip("tags_text:N", title="tags"),
                alt.Tooltip("note_start:N", title="note"),
            ],
        )
        .add_params(pick)
    )
    zero = (
        alt.Chart(pd.DataFrame({"y": [0]}))
        .mark_rule(strokeDash=[4, 4], opacity=0.4)
        .encode(y="y:Q")
    )
    upper = (lines + points + zero).properties(height=260, width="container")
    overview = (
        alt.Chart(data)
        .mark_area(opacity=0.5, color="#0072B2")
        .encode(
            x=alt.X("local_time:T", title="drag to zoom"),
            y=alt.Y("valence:Q", scale=AXIS, title=None, axis=None),
        )
        .add_params(brush)
        .properties(height=50, width="container")
    )
    return alt.vconcat(upper, overview)


def year_in_pixels(daily: pd.DataFrame) -> alt.Chart:
    """One square per day, coloured by the day's mean pleasantness; click a day."""
    days = daily.assign(day=pd.to_datetime(daily["period"]))
    days = days.assign(
        week=days["day"].dt.strftime("%G-W%V"), weekday=days["day"].dt.strftime("%a")
    )
    pick = alt.selection_point(fields=["day"], name="day", on="click")
    return (
        alt.Chart(days)
        .mark_rect(cornerRadius=2)
        .encode(
            x=alt.X("week:O", title=None, axis=alt.Axis(labels=False, ticks=False)),
            y=alt.Y("weekday:O", sort=list(WEEKDAYS), title=None),
            color=alt.Color("valence_mean:Q", scale=PLEASANTNESS, title="pleasantness"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.8)),
            tooltip=[
                alt.Tooltip("day:T", format="%a %d %b %Y"),
                alt.Tooltip("valence_mean:Q", title="pleasantness", format="+.2f"),
                alt.Tooltip("entries:Q"),
            ],
        )
        .add_params(pick)
        .properties(width=alt.Step(16), height=alt.Step(16))
    )


QUADRANTS = pd.DataFrame(
    {
        "valence": [0.6, -0.6, -0.6, 0.6],
        "energy": [0.92, 0.92, -0.92, -0.92],
        "label": ["excited, happy", "tense, upset", "low, drained", "calm, content"],
    }
)


def circumplex(frame: pd.DataFrame) -> alt.LayerChart:
    """All entries on pleasantness x energy, with density and the four quadrants named."""
    density = (
        alt.Chart(frame)
        .mark_rect(opacity=0.55)
        .encode(
            x=alt.X("valence:Q", bin=alt.Bin(extent=[-1, 1], step=0.2), title="pleasantness"),
            y=alt.Y("energy:Q", bin=alt.Bin(extent=[-1, 1], step=0.2), title="energy"),
            color=alt.Color("count():Q", scale=alt.Scale(scheme="greys"), title="entries"),
        )
    )
    dots = (
        alt.Chart(frame)
        .mark_circle(size=18, opacity=0.5, color="#0072B2")
        .encode(
            x=alt.X("valence:Q", scale=AXIS),
            y=alt.Y("energy:Q", scale=AXIS),
            tooltip=[
                alt.Tooltip("local_time:T", format="%d %b %Y"),
                alt.Tooltip("valence:Q", format="+.2f"),
                alt.Tooltip("energy:Q", format="+.2f"),
            ],
        )
    )
    labels = (
        alt.Chart(QUADRANTS)
        .mark_text(fontSize=12, opacity=0.7)
        .encode(x="valence:Q", y="energy:Q", text="label:N")
    )
    return (density + dots + labels).properties(height=340)


def feelings_by_week(counts: pd.DataFrame) -> alt.Chart:
    weeks = counts.assign(week=pd.to_datetime(counts["period"]).dt.strftime("%d %b %Y"))
    order = list(dict.fromkeys(weeks.sort_values("period")["week"]))
    return (
        alt.Chart(weeks)
        .mark_bar()
        .encode(
            x=alt.X("week:O", sort=order, title="week of", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", stack="zero", title="times named"),
            color=alt.Color("primary:N", scale=PRIMARY_SCALE, title="feeling"),
            tooltip=[
                alt.Tooltip("period:T", title="week of", format="%d %b %Y"),
                "primary:N",
                "count:Q",
            ],
        )
        .properties(height=220)
    )


def tag_effects(effects: list[Difference]) -> alt.LayerChart:
    data = pd.DataFrame(
        [
            {
                "tag": e.label,
                "difference": e.difference,
                "low": e.low,
                "high": e.high,
                "entries": e.with_count,
            }
            for e in effects
        ]
    )
    base = alt.Chart(data).encode(y=alt.Y("tag:N", sort="-x", title=None))
    bars = base.mark_bar(color="#009E73").encode(
        x=alt.X("difference:Q", title="pleasantness with the tag minus without"),
        tooltip=["tag:N", alt.Tooltip("difference:Q", format="+.2f"), "entries:Q"],
    )
    whiskers = base.mark_rule().encode(x="low:Q", x2="high:Q")
    return (bars + whiskers).properties(height=max(120, 28 * len(data)))


def weekday(pattern: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(pattern)
        .mark_bar()
        .encode(
            x=alt.X("weekday:N", sort=list(WEEKDAYS), title=None),
            y=alt.Y("valence:Q", title="mean pleasantness"),
            color=alt.condition("datum.valence >= 0", alt.value("#E69F00"), alt.value("#0072B2")),
            tooltip=["weekday:N", alt.Tooltip("valence:Q", format="+.2f"), "entries:Q"],
        )
        .properties(height=200)
    )
