"""`bench app` on a small journal: every figure is there and only on-screen pictures travel."""

import pytest

from tests.browser.conftest import CHROMIUM
from tests.conftest import unavailable
from therapy_app.bench import app as app_bench
from therapy_app.bench.browser import serving


def test_bench_app_measures_a_small_journal(tmp_path) -> None:
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    report = app_bench.benchmark({"four_weeks": 28}, repeats=1, keep=tmp_path)
    figures = report["four_weeks"]
    assert figures["entries"] == figures["pictures"] == 56
    assert 0 < figures["timeline_data_ms"]["median"] <= figures["every_tab_data_ms"]["median"]
    assert figures["window_entries"] == figures["window_pictures"] == 42  # the last 3 weeks
    sent = figures["sent_per_visit"]
    assert sent["thumbnails_in_charts"] == 42 and sent["websocket_bytes"] > 0
    assert 0 < figures["thumbnail_bytes_max"] <= app_bench.TARGETS["thumbnail_bytes_max"]
    timings = {name: value for name, value in figures.items() if name.endswith("_ms")}
    for summary in timings.values():
        assert 0 < summary["min"] <= summary["median"] <= summary["max"]
    # a page is usable only after the services built its data, and a browser took its turn
    assert figures["page_usable_ms"]["min"] > figures["timeline_data_ms"]["min"]
    page = figures["page_usable_ms"]["median"]
    for name in ("bare_page", "bare_page_app_settings", "smallest_chart_page"):
        ratio = page / figures[f"{name}_ms"]["median"]
        assert figures[f"ratio_to_{name}"] == pytest.approx(ratio, abs=0.006)
    sidebar = figures["page_usable_from_the_sidebar_ms"]["median"]
    ratio = sidebar / figures["bare_page_ms"]["median"]
    assert figures["ratio_from_the_sidebar_to_bare_page"] == pytest.approx(ratio, abs=0.006)
    targets = app_bench.TARGETS
    assert figures["meets_target"] == {
        "timeline_data_ms": figures["timeline_data_ms"]["median"] <= targets["timeline_data_ms"],
        "page_usable_ms": page <= targets["page_usable_ms"],
        "ratio_to_bare_page": figures["ratio_to_bare_page"] <= targets["ratio_to_bare_page"],
        "thumbnail_bytes_max": True,
        "only_on_screen_thumbnails_sent": True,
    }
    again = app_bench.benchmark({"four_weeks": 28}, repeats=1, keep=tmp_path)
    assert again["four_weeks"]["seed_seconds"] == figures["seed_seconds"]  # reused, not reseeded


LATE_CHART = """import time

import streamlit as st

st.write("A bare page.")
time.sleep(0.4)  # shorter than the delay before Streamlit shows its "Running" badge
st.vega_lite_chart(
    {"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x"}}}
)
"""


def test_a_page_is_usable_only_once_its_run_is_over(page, tmp_path) -> None:
    script = tmp_path / "late_chart.py"
    script.write_text(LATE_CHART, encoding="utf-8")
    command = ["streamlit", "run", str(script), *app_bench.DEFAULTS]
    with serving(command, {}, "--server.port") as url:
        page.goto(url)
        page.wait_for_function(app_bench.USABLE, arg=[app_bench.BARE_WORDS])
        drawn = page.locator("[data-testid='stVegaLiteChart'] :is(canvas, svg.marks)")
        assert drawn.count() == 1
