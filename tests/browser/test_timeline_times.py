"""Tooltips show the person's own wall-clock time, whatever zone the browser is in."""

from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.browser.conftest import appears_after_a_click
from tests.browser.test_timeline import drawn_box, log_in
from tests.conftest import make_settings
from therapy_app.bench.app import USABLE
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import accounts, entries
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD


def test_the_tooltip_shows_the_entrys_local_time(server, page, tmp_path) -> None:
    ctx = open_app(make_settings(tmp_path))
    actor = accounts.create_user(ctx, "ada", PASSWORD, Role.CLIENT, "Ada", "Asia/Tokyo")
    when = datetime(2026, 11, 20, 8, 15, tzinfo=ZoneInfo("Asia/Tokyo"))
    check_in = CheckIn(quick_mood=QuickMood.OKAY, occurred_at=when, timezone="Asia/Tokyo")
    entries.check_in(ctx, actor, check_in)
    ctx.dispose()
    log_in(page, server, "ada")  # the browser itself is in Europe/Berlin
    page.get_by_role("link", name="Timeline").click()
    detail = page.locator("[data-testid='stVegaLiteChart']").first
    expect(detail.locator("canvas, svg.marks").first).to_be_visible()
    box = detail.locator("canvas, svg.marks").first.bounding_box()
    tooltip = page.locator("#vg-tooltip-element")
    spots = [(x / 80, y / 20) for y in (11, 12, 10, 13, 9) for x in range(80)]
    for x, y in spots:  # sweep around the zero line (an "okay" day) until the point answers
        page.mouse.move(box["x"] + box["width"] * x, box["y"] + box["height"] * y)
        if tooltip.is_visible() and "when" in tooltip.inner_text():
            break
    assert "Fri 20 Nov 2026 08:15" in tooltip.inner_text()

    page.get_by_role("tab", name="Year in pixels").click()
    page.wait_for_function(USABLE, arg=["a square a day"])  # the run is over, charts drawn
    charts = page.locator("[data-testid='stVegaLiteChart']")
    expect(charts).to_have_count(1)  # the other tab's chart is gone
    pixels = charts.first.locator("canvas, svg.marks").first
    opened = page.get_by_text("Fri 20 Nov 2026, 08:15")
    spots = [(x, y) for y in range(2, 40, 6) for x in range(30, 130, 6)]
    for x, y in spots:  # the journal's only day is the only square: find and click it
        box = drawn_box(pixels)
        page.mouse.click(box["x"] + x, box["y"] + y)
        appears_after_a_click(opened)
        if opened.count():
            break
    expect(opened.first).to_be_visible()
