"""The journal strip keeps the weeks brushed on it through the page's reruns, and an entry's
card closes when other weeks are brushed."""

import io
import re

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, settled
from tests.browser.test_timeline import drawn_box, log_in, open_an_entry_card
from tests.conftest import make_settings
from therapy_app.services.context import open_app
from therapy_app.services.demo import seed_demo

pytestmark = pytest.mark.browser
STRIP_HEIGHT = 90  # the strip is the chart's top part (insights/charts.py)
STILL_LOOKS = 20


def _strip(page, chart) -> Image.Image:
    """The strip once drawn: the page at rest and two looks in a row the same (the brush is
    drawn again a moment after the chart)."""
    settled(page)
    seen = None
    for _ in range(STILL_LOOKS):
        box = drawn_box(chart)
        clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": STRIP_HEIGHT}
        now = Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("L")
        if seen is not None and _differs(seen, now) == 0:
            return now
        seen = now
    raise AssertionError("the strip kept changing")


def _differs(first: Image.Image, second: Image.Image) -> float:
    """The share of the strip's pixels that differ visibly."""
    difference = ImageChops.difference(first, second).point(lambda v: 255 if v > 12 else 0)
    return difference.histogram()[255] / (first.width * first.height)


def _brush(page, chart, start: float, end: float) -> None:
    box = drawn_box(chart)
    y = box["y"] + 50
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end, y, steps=8)
    page.mouse.up()


def test_the_strip_keeps_its_brush_and_the_card_closes_elsewhere(server, page, tmp_path):
    ctx = open_app(make_settings(tmp_path))
    result = seed_demo(ctx, days=45)
    ctx.dispose()
    log_in(page, server, result.client)
    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_text("Scroll to zoom").first).to_be_visible()
    chart = page.locator("[data-testid='stVegaLiteChart']").first.locator("canvas, svg.marks")
    chart.first.scroll_into_view_if_needed()
    chart = chart.first
    unbrushed = _strip(page, chart)
    window = page.get_by_text(re.compile(r"^\d\d \w{3} 20\d\d to .*: (\d+) entries"))
    expect(window).to_contain_text(": 42 entries")

    _brush(page, chart, 0.2, 0.45)
    expect(window).not_to_contain_text(": 42 entries")
    weeks = window.inner_text()
    brushed = _strip(page, chart)
    brushed.save(ARTIFACTS / "26-strip-brushed.png")
    assert _differs(unbrushed, brushed) > 0.02, "the brushed weeks are not shown on the strip"

    opened = open_an_entry_card(page, chart)  # a rerun: the card
    expect(window).to_have_text(weeks)
    kept = _strip(page, chart)
    kept.save(ARTIFACTS / "27-strip-after-a-rerun.png")
    assert _differs(kept, brushed) < _differs(unbrushed, brushed) / 4, "the brush was lost"

    page.get_by_role("tab", name="Year in pixels").click()  # the chart leaves the page
    expect(page.get_by_text("a square a day").first).to_be_visible()
    page.get_by_role("tab", name="Over time").click()
    expect(window).to_have_text(weeks)
    back = _strip(page, chart)
    back.save(ARTIFACTS / "28-strip-after-another-tab.png")
    assert _differs(back, brushed) < _differs(unbrushed, brushed) / 4, "the brush was lost"

    _brush(page, chart, 0.55, 0.8)
    expect(window).not_to_have_text(weeks)
    expect(opened).to_have_count(0)  # the card belonged to the weeks shown before
    expect(page.get_by_role("button", name="Open in the gallery")).to_have_count(0)
