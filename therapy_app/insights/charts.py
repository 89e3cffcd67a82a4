"""Vega-Lite charts for the timeline page. Colour-blind-safe (Okabe-Ito; blue-orange
diverging), readable in light and dark themes (no hard-coded backgrounds).

Each chart is written with Altair and validated once per process into a template; a page
gets the template's spec with the person's tables as its named datasets, so a rerun costs a
JSON parse instead of Altair's schema validation (a third of a second per page otherwise).
Every mark names the dataset it reads: a chart left without data gets Altair's placeholder
of one empty row (Altair 6), which Streamlit fills in only where it is the spec's one
dataset.
"""

from __future__ import annotations

import base64
import functools
import json
from typing import TYPE_CHECKING, Any

import altair as alt
import numpy as np
import pandas as pd

from therapy_app.insights.frames import WEEKDAYS
from therapy_app.mood.feelings import PRIMARIES

if TYPE_CHECKING:
    from therapy_app.insights.frames import Difference

# Rules and labels in a grey that reads on the light and the dark theme's backgrounds alike
NEUTRAL = "#7a7a7a"
# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies. Their
# black (sadness here) is the grey: black would vanish on the dark theme's background.
OKABE_ITO = ("#E69F00", "#009E73", "#0072B2", "#56B4E9", NEUTRAL, "#CC79A7", "#D55E00", "#F0E442")
PRIMARY_SCALE = alt.Scale(domain=[p.value for p in PRIMARIES], range=list(OKABE_ITO))
PLEASANTNESS = alt.Scale(scheme="blueorange", domain=[-1, 1])
AXIS = alt.Scale(domain=[-1, 1])
SCALES = alt.Scale(domain=["pleasantness", "energy"], range=["#0072B2", "#E69F00"])
PLEASANTNESS_ENERGY = alt.Color(
    "scale:N", scale=SCALES, legend=alt.Legend(title=None, orient="top")
)
PICTURE_SIDE = 34  # px of a thumbnail mark in the timeline
# Ticks within one day (a journal of a day or two) as a 24-hour clock; Vega's own labels for
# them are a 12-hour clock without am/pm ("06:40" for 18:40), or ":47" alone.
CLOCK_WITHIN_A_DAY = (
    "hours(datum.value) || minutes(datum.value) ? timeFormat(datum.value, '%H:%M') : datum.label"
)
DAY_MS = 86_400_000
GAP_DAYS = 3  # entries further apart are not joined by a line
# The strip's tooltip title and date format per resolution (services.insights.overview_period)
STRIP_PERIODS = {
    "day": ("day", "%a %d %b %Y"),
    "week": ("week of", "%a %d %b %Y"),
    "month": ("month", "%B %Y"),
}
STRIP, ENTRIES = "strip", "entries"  # the timeline's datasets, filled in per page
SOURCE = "source"  # the dataset of a chart drawn from one table
A_MONDAY = pd.Timestamp("2001-01-01")


Spec = dict[str, Any]  # a Vega-Lite spec with its datasets, for st.vega_lite_chart


def _template(chart: alt.TopLevelMixin) -> str:
    return json.dumps(chart.to_dict())  # Altair validates here


def _filled(template: str, tables: dict[str, pd.DataFrame]) -> Spec:
    spec = json.loads(template)
    spec["datasets"] = {**spec.get("datasets", {}), **tables}
    return spec


def _source() -> alt.Chart:
    return alt.Chart(alt.NamedData(SOURCE))


def _zero_line() -> alt.Chart:
    return (
        alt.Chart(alt.InlineData(values=[{}]))
        .mark_rule(color=NEUTRAL, strokeDash=[4, 4], opacity=0.6, aria=False)
        .encode(y=alt.datum(0))
    )


def journal_timeline(
    periods: pd.DataFrame,
    period: str,
    window: pd.DataFrame,
    notes: dict[str, str],
    pictures: dict[str, bytes],
    brushed: tuple[pd.Timestamp, pd.Timestamp] | None = None,
) -> Spec:
    """One chart in two parts (one view draws faster than two).

    Above, the whole journal by day, week or month: pleasantness as an area, energy as
    a line; dragging across it picks the weeks shown below (the selection "window" comes
    back with the interval, and the part below follows it at once).
    Below, every entry of those weeks: pleasantness and energy, each picture as a thumbnail
    on its pleasantness point, tooltips with feelings, tags and the note's first words.
    Scroll to zoom, drag to pan; a click selects an entry (its id comes back as "entry").
    """
    entries = pd.DataFrame(
        {
            "id": window["id"],
            "local_time": window["local_time"],
            "pleasantness": window["valence"],
            "energy": window["energy"],
            "feelings_text": window["feelings"].str.join(", "),
            "tags_text": window["tags"].str.join(", "),
            "note_start": window["id"].map(lambda entry_id: notes.get(entry_id, "")),
            "picture": window["id"].map({k: _data_uri(v) for k, v in pictures.items()}),
            "run": _runs(window["local_time"]),
        }
    )
    spec = _filled(_journal_timeline(period), {STRIP: periods, ENTRIES: entries})
    if brushed:  # drawn again on the strip: a chart drawn anew starts without its brush
        window_param = next(p for p in spec["params"] if p["name"] == "window")
        window_param["value"] = {"x": [_date_time(bound) for bound in brushed]}
    return spec


def _date_time(moment: pd.Timestamp) -> dict[str, int]:
    """A wall-clock time as Vega-Lite's DateTime, which the browser reads as its own local
    time, as it reads the chart's data."""
    return {
        "year": moment.year,
        "month": moment.month,
        "date": moment.day,
        "hours": moment.hour,
        "minutes": moment.minute,
        "seconds": moment.second,
    }


def _runs(times: pd.Series) -> pd.Series:
    """A number per entry that changes where entries lie more than GAP_DAYS apart: the line
    breaks there (filtered entries weeks apart would otherwise read as a smooth change)."""
    ordered = pd.to_datetime(times).sort_values()
    return (ordered.diff() > pd.Timedelta(days=GAP_DAYS)).cumsum().reindex(times.index)


def _data_uri(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")


@functools.cache
def _journal_timeline(period: str) -> str:
    window = alt.selection_interval(encodings=["x"], name="window")
    return _template(
        alt.vconcat(_strip(period, window), _entries(window)).resolve_scale(color="independent")
    )


def _strip(period: str, window: alt.Parameter) -> alt.LayerChart:
    # Dates only: a journal of a few days would otherwise get ticks labelled 06 AM, 12 PM.
    dates_only = alt.Axis(labelExpr="hours(datum.value) ? '' : datum.label")
    base = alt.Chart(alt.NamedData(STRIP)).encode(x=alt.X("period:T", title=None, axis=dates_only))
    title, date_format = STRIP_PERIODS[period]
    tooltip = [
        alt.Tooltip("period:T", title=title, format=date_format),
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
    return (area.add_params(window) + line).properties(height=90, width="container")


def _entries(window: alt.Parameter) -> alt.LayerChart:
    pick = alt.selection_point(fields=["id"], name="entry", on="click", nearest=True)
    tooltip = [
        alt.Tooltip("local_time:T", title="when", format="%a %d %b %Y %H:%M"),
        alt.Tooltip("scale:N", title=" "),
        alt.Tooltip("value:Q", format="+.2f"),
        alt.Tooltip("feelings_text:N", title="feelings"),
        alt.Tooltip("tags_text:N", title="tags"),
        alt.Tooltip("note_start:N", title="note"),
    ]
    # One row per entry is sent; the browser unfolds it into a pleasantness and an energy row.
    base = alt.Chart(alt.NamedData(ENTRIES)).transform_fold(
        ["pleasantness", "energy"], as_=["scale", "value"]
    )
    base = base.encode(
        x=alt.X(
            "local_time:T",
            title=None,
            # room at the ends for the first and last thumbnails; no ticks within a day
            scale=alt.Scale(domain=window, padding=PICTURE_SIDE // 2 + 2),
            axis=alt.Axis(tickMinStep=DAY_MS, labelExpr=CLOCK_WITHIN_A_DAY),
        ),
        # room above and below for the thumbnails of the most and least pleasant entries
        y=alt.Y(
            "value:Q",
            scale=alt.Scale(domain=[-1.2, 1.2]),
            axis=alt.Axis(values=[-1, -0.5, 0, 0.5, 1]),
            title=None,
        ),
        color=PLEASANTNESS_ENERGY,
    )
    lines = base.mark_line(interpolate="monotone", strokeWidth=1.5, opacity=0.6, clip=True).encode(
        detail="run:N"
    )
    points = base.mark_circle(size=70, clip=True).encode(
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.6)), tooltip=tooltip
    )
    thumbnails = (
        base.transform_filter("datum.scale === 'pleasantness' && isValid(datum.picture)")
        .mark_image(width=PICTURE_SIDE, height=PICTURE_SIDE, cornerRadius=4, clip=True)
        .encode(url="picture:N", tooltip=tooltip)
    )
    zoom = alt.selection_interval(encodings=["x"], bind="scales", name="zoom")
    return alt.layer(_zero_line(), lines, points.add_params(pick, zoom), thumbnails).properties(
        height=300, width="container"
    )


def year_in_pixels(daily: pd.DataFrame) -> Spec:
    """One square per day, coloured by the day's mean pleasantness; click a day."""
    day = pd.to_datetime(daily["period"])
    days = pd.DataFrame(
        {
            "day": day,
            # weeks counted from a Monday: a column per week, whatever the year
            "week": (day - A_MONDAY).dt.days // 7,
            "weekday": np.take(WEEKDAYS, day.dt.day_of_week),
            "valence_mean": daily["valence_mean"],
            "entries": daily["entries"],
        }
    )
    return _filled(_year_in_pixels(), {SOURCE: days})


@functools.cache
def _year_in_pixels() -> str:
    pick = alt.selection_point(fields=["day"], name="day", on="click")
    return _template(
        _source()
        .mark_rect(cornerRadius=2)
        .encode(
            x=alt.X("week:O", title=None, axis=alt.Axis(labels=False, ticks=False)),
            y=alt.Y("weekday:O", sort=list(WEEKDAYS), title=None),
            color=alt.Color(
                "valence_mean:Q",
                scale=PLEASANTNESS,
                title="pleasantness",
                legend=alt.Legend(gradientLength=96),  # within the seven rows' height
            ),
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


QUADRANTS = [
    {"valence": 0.6, "energy": 0.92, "label": "excited, happy"},
    {"valence": -0.6, "energy": 0.92, "label": "tense, upset"},
    {"valence": -0.6, "energy": -0.92, "label": "low, drained"},
    {"valence": 0.6, "energy": -0.92, "label": "calm, content"},
]


def circumplex(frame: pd.DataFrame) -> Spec:
    """All entries on pleasantness x energy, with density and the four quadrants named."""
    return _filled(_circumplex(), {SOURCE: frame[["local_time", "valence", "energy"]]})


@functools.cache
def _circumplex() -> str:
    density = (
        _source()
        .mark_rect(color=NEUTRAL)
        .encode(
            x=alt.X("valence:Q", bin=alt.Bin(extent=[-1, 1], step=0.2), title="pleasantness"),
            y=alt.Y("energy:Q", bin=alt.Bin(extent=[-1, 1], step=0.2), title="energy"),
            # more entries, a stronger grey on either theme (a grey scale would turn over)
            opacity=alt.Opacity(
                "count():Q",
                scale=alt.Scale(range=[0.1, 0.7]),
                title="entries",
                legend=alt.Legend(format="d", tickMinStep=1),  # counts: 1, not 1.000000
            ),
        )
    )
    dots = (
        _source()
        .mark_circle(size=18, opacity=0.75, color=OKABE_ITO[2])
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
        alt.Chart(alt.InlineData(values=QUADRANTS))
        .mark_text(fontSize=12, color=NEUTRAL)
        .encode(x="valence:Q", y="energy:Q", text="label:N")
    )
    return _template((density + dots + labels).properties(height=340))


def feelings_over_time(counts: pd.DataFrame, period: str) -> Spec:
    """How often each emotion was named, stacked per week (or per month for long spans)."""
    labelled = counts.assign(label=pd.to_datetime(counts["period"]).dt.strftime("%d %b %Y"))
    return _filled(_feelings_over_time(period), {SOURCE: labelled})


@functools.cache
def _feelings_over_time(period: str) -> str:
    if period == "week":
        x = alt.X(
            "label:O",
            sort=alt.EncodingSortField("period", op="min"),  # stacked bars would sum dates
            title="week of",
            axis=alt.Axis(labelAngle=0),
        )
        fmt = "%d %b %Y"
    else:
        x, fmt = alt.X("yearmonth(period):T", title="month"), "%B %Y"
    return _template(
        _source()
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y(
                "count:Q",
                stack="zero",
                title="times named",
                axis=alt.Axis(format="d", tickMinStep=1),  # none yet: 0, not 0.000000
            ),
            color=alt.Color("primary:N", scale=PRIMARY_SCALE, title="feeling"),
            tooltip=[
                alt.Tooltip("period:T", title=f"{period} of", format=fmt),
                "primary:N",
                "count:Q",
            ],
        )
        .properties(height=220)
    )


def tag_effects(effects: list[Difference]) -> Spec:
    """Each tag's difference as a bar, its likely range as a line through it, largest first."""
    data = pd.DataFrame(
        [
            {
                "tag": e.label,
                "difference": e.difference,
                "low": e.low,
                "high": e.high,
                "entries": e.with_count,
            }
            for e in sorted(effects, key=lambda e: e.difference, reverse=True)
        ]
    )
    return _filled(_tag_effects(), {SOURCE: data})


@functools.cache
def _tag_effects() -> str:
    # in the data's order: sorting each layer by its own x would give them different orders
    base = _source().encode(y=alt.Y("tag:N", sort=None, title=None))
    bars = base.mark_bar(color=OKABE_ITO[1]).encode(
        x=alt.X("difference:Q", title="pleasantness with the tag minus without"),
        tooltip=["tag:N", alt.Tooltip("difference:Q", format="+.2f"), "entries:Q"],
    )
    likely = base.mark_rule(color=NEUTRAL, strokeWidth=2).encode(
        x="low:Q",
        x2="high:Q",
        tooltip=[
            "tag:N",
            alt.Tooltip("low:Q", title="likely from", format="+.2f"),
            alt.Tooltip("high:Q", title="to", format="+.2f"),
        ],
    )
    return _template((bars + likely).properties(height=alt.Step(32)))


def average_by(pattern: pd.DataFrame, column: str, order: tuple[str, ...]) -> Spec:
    """Mean pleasantness per weekday or part of the day; orange above zero, blue below."""
    return _filled(_average_by(column, order), {SOURCE: pattern})


@functools.cache
def _average_by(column: str, order: tuple[str, ...]) -> str:
    return _template(
        _source()
        .mark_bar()
        .encode(
            x=alt.X(f"{column}:N", sort=list(order), title=None, axis=alt.Axis(labelAngle=0)),
            # the whole scale, labelled as everywhere else (one value gave ticks "0.000000")
            y=alt.Y(
                "valence:Q", title="mean pleasantness", scale=AXIS, axis=alt.Axis(format="+.1f")
            ),
            color=alt.condition("datum.valence >= 0", alt.value("#E69F00"), alt.value("#0072B2")),
            tooltip=[f"{column}:N", alt.Tooltip("valence:Q", format="+.2f"), "entries:Q"],
        )
        .properties(height=200)
    )
