"""The timeline of a demo journal: filter, brush, open an entry from the chart, screenshots."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot
from tests.browser.test_journeys import field
from tests.conftest import make_settings
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD, seed_demo

pytestmark = pytest.mark.browser


def log_in(page, url: str, username: str) -> None:
    page.goto(url)
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    field(page, "Username").fill(username)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="How are you, right now?")).to_be_visible()


def test_timeline_filter_brush_and_open_an_entry(server, page, tmp_path) -> None:
    ctx = open_app(make_settings(tmp_path))
    result = seed_demo(ctx, days=45, with_art=False)
    ctx.dispose()
    log_in(page, server, result.client)
    shot(page, "19-after-login")
    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.get_by_text("90", exact=True)).to_be_visible()  # entries metric
    charts = page.locator("[data-testid='stVegaLiteChart']")
    expect(charts.first).to_be_visible()
    page.wait_for_timeout(1500)
    shot(page, "20-timeline")
    for index, name in enumerate(
        ("over-time", "year-in-pixels", "circumplex", "weekday", "feelings-by-week")
    ):
        charts.nth(index).scroll_into_view_if_needed()
        charts.nth(index).screenshot(path=f"test-artifacts/21-chart-{name}.png")
    what = page.get_by_role("heading", name="What goes with what")
    what.scroll_into_view_if_needed()
    shot(page, "22-timeline-bottom")

    overview = charts.first.locator("canvas, svg.marks").first
    overview.scroll_into_view_if_needed()
    box = overview.bounding_box()
    strip_y = box["y"] + box["height"] * 0.79  # inside the overview strip, above its axis
    page.mouse.move(box["x"] + box["width"] * 0.55, strip_y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.9, strip_y, steps=8)
    page.mouse.up()
    page.wait_for_timeout(800)
    charts.first.screenshot(path="test-artifacts/23-timeline-brushed.png")

    opened = page.get_by_text(re.compile(r"^\w{3} \d{2} \w{3} 20\d\d, \d\d:\d\d"))
    for fraction, height in ((f, h) for f in (0.3, 0.5, 0.7) for h in (0.2, 0.3, 0.4, 0.5)):
        if opened.count():
            break
        page.mouse.click(box["x"] + box["width"] * fraction, box["y"] + box["height"] * height)
        page.wait_for_timeout(600)
    shot(page, "25-after-clicks")
    expect(opened.first).to_be_visible()
    shot(page, "25-entry-from-chart")
    tags = field(page, "Tags")
    tags.click()
    page.keyboard.type("walk")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page.get_by_text("Mean pleasantness", exact=True)).to_be_visible()
    shot(page, "24-timeline-filtered")
