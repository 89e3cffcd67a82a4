"""PHQ-9 and GAD-7 scores over time against their published severity bands (Altair)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from therapy_app.mood.measures import BANDS, ITEMS, MAX_ITEM_SCORE

if TYPE_CHECKING:
    from datetime import date

    from therapy_app.mood.measures import Measure

BAND_COLOURS = ("#e3efe3", "#f4efcf", "#f7dcc0", "#f0c6b9", "#e6a9a9")


def bands_frame(measure: Measure) -> pd.DataFrame:
    """One row per severity band: its name and the totals it spans."""
    bands = BANDS[measure]
    top = MAX_ITEM_SCORE * len(ITEMS[measure])
    ceilings = [floor for floor, _ in bands[1:]] + [top]
    return pd.DataFrame(
        {
            "band": [name for _, name in bands],
            "from": [floor for floor, _ in bands],
            "to": ceilings,
            "colour": list(BAND_COLOURS[: len(bands)]),
        }
    )


def measure_trend(measure: Measure, scores: list[tuple[date, int]]) -> alt.LayerChart:
    """The scores as points joined by a line over shaded severity bands."""
    bands = bands_frame(measure)
    totals = pd.DataFrame(
        {"day": [pd.Timestamp(d) for d, _ in scores], "total": [t for _, t in scores]}
    )
    top = int(bands["to"].max())
    shading = (
        alt.Chart(bands)
        .mark_rect(opacity=0.9)
        .encode(
            y=alt.Y("from:Q", scale=alt.Scale(domain=[0, top]), title="Total"),
            y2="to:Q",
            color=alt.Color("colour:N", scale=None),
            tooltip=["band:N", "from:Q", "to:Q"],
        )
    )
    labels = (
        alt.Chart(bands)
        .mark_text(align="left", dx=4, dy=-6, fontSize=10, color="#555")
        .encode(y="to:Q", text="band:N", x=alt.value(0))
    )
    line = (
        alt.Chart(totals)
        .mark_line(point=True, color="#3465a4")
        .encode(
            x=alt.X("day:T", title=None),
            y=alt.Y("total:Q", scale=alt.Scale(domain=[0, top])),
            tooltip=[alt.Tooltip("day:T", title="Day"), alt.Tooltip("total:Q", title="Total")],
        )
    )
    return alt.layer(shading, labels, line).properties(height=220)
