"""Altair charts for the timeline page. Colour-blind-safe (Okabe-Ito; blue-orange diverging),
readable in light and dark themes (no hard-coded backgrounds)."""

from __future__ import annotations

import base64
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


SCALES = alt.Scale(domain=["pleasantness", "energy"], range=["#0072B2", "#E69F00"])
PLEASANTNESS_ENERGY = alt.Color(
    "scale:N", scale=SCALES, legend=alt.Legend(title=None, orient="top")
)
PICTURE_SIDE = 34  # px of a thumbnail mark in the timeline


def overview(periods: pd.DataFrame, period: str) -> alt.LayerChart:
    """The whole journal, day by day or week by week: pleasantness as an area, energy as a
    line. Dragging across it picks the window shown below it (the selection named
    "window" comes back with the chosen interval)."""
    window = alt.selection_interval(encodings=["x"], name="window")
    base = alt.Chart(periods).encode(x=alt.X("period:T", title=None))
    tooltip = [
        alt.Tooltip("period:T", title=period, format="%a %d %b %Y"),
        alt.Tooltip("valence_mean:Q", title="pleasantness", format="+.2f"),
        alt.Tooltip("energy_mean:Q", title="energy", format="+.2f"),
        alt.Tooltip("entries:Q"),
    ]
    area = base.mark_area(opacity=0.45, color=SCALES.range[0], interpolate="monotone").encode(
        y=alt.Y("valence_mean:Q", axis=None), tooltip=tooltip
    )
    line = base.mark_line(color=SCALES.range[1], strokeWidth=1, interpolate="monotone").encode(
        y="energy_mean:Q"
    )
    # Streamlit fits the whole chart, axis included, into this height
    return (area.add_params(window) + line).properties(height=110, width="container")


def data_uri(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")


def timeline(
    window: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    notes: dict[str, str],
    pictures: dict[str, bytes],
) -> alt.LayerChart:
    """Every entry of a window: pleasantness and energy, each picture as a thumbnail on its
    pleasantness point, tooltips with feelings, tags and the note's first words. Scroll to
    zoom, drag to pan; a click selects the entry (its id comes back as "entry")."""
    data = window.assign(
        feelings_text=window["feelings"].str.join(", "),
        tags_text=window["tags"].str.join(", "),
        note_start=window["id"].map(notes).fillna(""),
        picture=window["id"].map({k: data_uri(v) for k, v in pictures.items()}),
    )
    long = data.rename(columns={"valence": "pleasantness"}).melt(
        id_vars=["id", "local_time", "feelings_text", "tags_text", "note_start", "picture"],
        value_vars=["pleasantness", "energy"],
        var_name="scale",
    )
    long.loc[long["scale"] == "energy", "picture"] = None  # each picture is sent once
    pick = alt.selection_point(fields=["id"], name="entry", on="click", nearest=True)
    tooltip = [
        alt.Tooltip("local_time:T", title="when", format="%a %d %b %Y %H:%M"),
        alt.Tooltip("scale:N", title=" "),
        alt.Tooltip("value:Q", format="+.2f"),
        alt.Tooltip("feelings_text:N", title="feelings"),
        alt.Tooltip("tags_text:N", title="tags"),
        alt.Tooltip("note_start:N", title="note"),
    ]
    base = alt.Chart(long).encode(
        x=alt.X("local_time:T", title=None, scale=alt.Scale(domain=[start, end])),
        # room above and below for the thumbnails of the most and least pleasant entries
        y=alt.Y(
            "value:Q",
            scale=alt.Scale(domain=[-1.2, 1.2]),
            axis=alt.Axis(values=[-1, -0.5, 0, 0.5, 1]),
            title=None,
        ),
        color=PLEASANTNESS_ENERGY,
    )
    lines = base.mark_line(interpolate="monotone", strokeWidth=1.5, opacity=0.6)
    points = base.mark_circle(size=70).encode(
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.6)), tooltip=tooltip
    )
    thumbnails = (
        base.transform_filter("isValid(datum.picture)")
        .mark_image(width=PICTURE_SIDE, height=PICTURE_SIDE, cornerRadius=4)
        .encode(url="picture:N", tooltip=tooltip)
    )
    zero = (
        alt.Chart(pd.DataFrame({"y": [0]}))
        .mark_rule(strokeDash=[4, 4], opacity=0.4)
        .encode(y="y:Q")
    )
    zoom = alt.selection_interval(encodings=["x"], bind="scales", name="zoom")
    return alt.layer(zero, lines, points.add_params(pick, zoom), thumbnails).properties(
        height=300, width="container"
    )


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


def feelings_over_time(counts: pd.DataFrame, period: str) -> alt.Chart:
    """How often each emotion was named, stacked per week (or per month for long spans)."""
    if period == "week":
        weeks = counts.assign(label=pd.to_datetime(counts["period"]).dt.strftime("%d %b %Y"))
        order = list(dict.fromkeys(weeks.sort_values("period")["label"]))
        x = alt.X("label:O", sort=order, title="week of", axis=alt.Axis(labelAngle=0))
        data, fmt = weeks, "%d %b %Y"
    else:
        x = alt.X("yearmonth(period):T", title="month")
        data, fmt = counts, "%B %Y"
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y("count:Q", stack="zero", title="times named"),
            color=alt.Color("primary:N", scale=PRIMARY_SCALE, title="feeling"),
            tooltip=[
                alt.Tooltip("period:T", title=f"{period} of", format=fmt),
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


def average_by(pattern: pd.DataFrame, column: str, order: list[str]) -> alt.Chart:
    """Mean pleasantness per weekday or part of the day; orange above zero, blue below."""
    return (
        alt.Chart(pattern)
        .mark_bar()
        .encode(
            x=alt.X(f"{column}:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("valence:Q", title="mean pleasantness"),
            color=alt.condition("datum.valence >= 0", alt.value("#E69F00"), alt.value("#0072B2")),
            tooltip=[f"{column}:N", alt.Tooltip("valence:Q", format="+.2f"), "entries:Q"],
        )
        .properties(height=200)
    )
