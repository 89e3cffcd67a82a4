"""Chart specs: every mark reads a dataset of the spec that holds the fields it draws."""

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pandas as pd
import pytest

from tests.insights.test_frames import point
from therapy_app.insights import charts, frames
from therapy_app.services.insights import Insights

COMPOSITIONS = ("layer", "vconcat", "hconcat", "concat")
FELT = (("peaceful",), ("happy", "proud"), ("anxious",), ("lonely",))


def journal() -> Insights:
    rng = random.Random(7)
    start = datetime(2026, 1, 5, 8, tzinfo=UTC)
    points = [
        point(
            start + timedelta(hours=11 * i),
            rng.uniform(-1, 1),
            tags=("walk",) if i % 3 else ("work",),
            feelings=FELT[i % len(FELT)],
        )
        for i in range(120)
    ]
    return Insights(frames.entries_frame(points), date(2026, 3, 10))


def every_chart() -> dict[str, charts.Spec]:
    data = journal()
    window = data.entries.tail(20)
    parts = tuple(name for name, _, _ in frames.PARTS_OF_DAY)
    return {
        "timeline": charts.journal_timeline(
            data.overview, data.overview_period, window, {window["id"].iloc[0]: "A walk"}, {}
        ),
        "year in pixels": charts.year_in_pixels(data.daily),
        "circumplex": charts.circumplex(data.entries),
        "weekday": charts.average_by(data.weekday, "weekday", frames.WEEKDAYS),
        "time of day": charts.average_by(data.time_of_day, "part", parts),
        "feelings": charts.feelings_over_time(data.feelings_over_time, data.feelings_period),
        "tag effects": charts.tag_effects(
            [
                frames.Difference("walk", 80, 40, 0.3, 0.1, 0.5),
                frames.Difference("work", 40, 80, -0.2, -0.4, -0.05),
            ]
        ),
    }


def made_by(transform: dict[str, Any]) -> list[str]:
    made = transform.get("as", [])
    return [made] if isinstance(made, str) else made


def fields(encoding: dict[str, Any]) -> set[str]:
    channels = [
        c for value in encoding.values() for c in (value if isinstance(value, list) else [value])
    ]
    return {c["field"] for c in channels if isinstance(c, dict) and "field" in c}


def marks(
    spec: dict[str, Any], data: str | None = None, made: frozenset[str] = frozenset()
) -> Iterator[tuple[str | None, set[str], frozenset[str]]]:
    """(the dataset it reads, the fields it draws, the fields its transforms make) per mark."""
    data = spec.get("data", {}).get("name", data)
    made = made | {name for transform in spec.get("transform", []) for name in made_by(transform)}
    if "mark" in spec:
        yield data, fields(spec.get("encoding", {})), made
    for key in COMPOSITIONS:
        for part in spec.get(key, []):
            yield from marks(part, data, made)


def columns(dataset: pd.DataFrame | list[dict[str, Any]]) -> set[str]:
    if isinstance(dataset, pd.DataFrame):
        return set(dataset.columns)
    return set().union(*dataset)


@pytest.mark.parametrize("name", list(every_chart()))
def test_every_mark_reads_a_dataset_with_the_fields_it_draws(name: str) -> None:
    """A mark without a dataset of its own gets Altair 6's placeholder of one empty row,
    and draws nothing (or an 'undefined' bar) however much data the page passes."""
    spec = every_chart()[name]
    datasets = spec["datasets"]
    for data, drawn, made in marks(spec):
        assert data in datasets, f"a mark of {name} reads {data!r}"
        assert drawn - made <= columns(datasets[data]), f"{name}: {drawn - made} not in {data}"
        assert len(datasets[data]) > 0


def test_the_timeline_line_breaks_where_entries_lie_days_apart() -> None:
    data = journal()
    frame = data.entries
    kept = pd.concat([frame.head(3), frame.tail(3)])  # a filter leaves two far-apart groups
    spec = charts.journal_timeline(data.overview, data.overview_period, kept, {}, {})
    runs = list(spec["datasets"][charts.ENTRIES]["run"])
    assert runs == [0, 0, 0, 1, 1, 1]


def test_the_timelines_zero_line_is_hidden_from_screen_readers() -> None:
    """A decoration: in SVG a mark without a name is a graphic without a name (axe)."""
    entries = every_chart()["timeline"]["vconcat"][1]
    (rule,) = [layer["mark"] for layer in entries["layer"] if layer["mark"]["type"] == "rule"]
    assert rule["aria"] is False
