"""The timeline of a demo journal: filter, brush, open an entry from the chart, screenshots."""

import re
import tomllib

from playwright.sync_api import Locator, expect

from tests.browser.conftest import ARTIFACTS, appears_after_a_click, first_load, settled, shot
from tests.browser.test_journeys import field
from tests.conftest import make_settings
from therapy_app.bench.browser import CONFIG
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD, seed_demo

DARK_THEME = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["theme"]["dark"]

# tab -> words that show it has opened, then the names of its charts in order
TABS = {
    "Over time": ("Scroll to zoom", "journal-and-weeks"),
    "Year in pixels": ("a square a day", "year-in-pixels"),
    "Patterns": ("By weekday", "circumplex", "weekday", "time-of-day", "feelings-by-week"),
    "What goes with what": ("Before and after", "tag-effects"),
    "A week in art": ("Week ending",),
}


def drawn_box(chart: Locator) -> dict[str, float]:
    """Where a chart's drawing is, asked for afresh: each click on a chart reruns the page,
    and Streamlit may draw the chart anew meanwhile."""
    box = None
    while box is None:
        chart.wait_for(state="visible")
        box = chart.bounding_box()
    return box


def open_an_entry_card(page, chart: Locator) -> Locator:
    """Click the chart's middle until an entry's card opens (a click on an empty spot opens
    nothing); the card's heading, its date and time."""
    opened = page.get_by_text(re.compile(r"^\w{3} \d{2} \w{3} 20\d\d, \d\d:\d\d"))
    for fraction, height in ((f, h) for f in (0.3, 0.5, 0.7) for h in (0.5, 0.6, 0.7, 0.8)):
        if opened.count():
            break
        box = drawn_box(chart)
        page.mouse.click(box["x"] + box["width"] * fraction, box["y"] + box["height"] * height)
        appears_after_a_click(opened)
    expect(opened.first).to_be_visible()
    return opened


def log_in(page, url: str, username: str) -> None:
    first_load(page, url)
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    field(page, "Username").fill(username)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="How are you, right now?")).to_be_visible()


def open_tab_and_shoot(page, tab: str, prefix: str) -> None:
    """Open a tab of the timeline, then a screenshot of the page and one of each chart."""
    words, *names = TABS[tab]
    page.get_by_role("tab", name=tab).click()
    expect(page.get_by_text(words).first).to_be_visible()
    shot(page, f"{prefix}-timeline-{tab.lower().replace(' ', '-')}")
    charts = page.locator("[data-testid='stVegaLiteChart']")
    for index, name in enumerate(names):
        charts.nth(index).scroll_into_view_if_needed()
        charts.nth(index).screenshot(path=ARTIFACTS / f"{prefix}-chart-{name}.png")


def test_timeline_filter_brush_and_open_an_entry(server, page, tmp_path) -> None:
    ctx = open_app(make_settings(tmp_path))
    result = seed_demo(ctx, days=45)
    ctx.dispose()
    log_in(page, server, result.client)
    shot(page, "19-after-login")
    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^90 entries · mean pleasantness"))).to_be_visible()
    window = page.get_by_text(re.compile(r"^\d\d \w{3} 20\d\d to .*: (\d+) entries"))
    expect(window).to_contain_text(": 42 entries")  # the last three weeks
    charts = page.locator("[data-testid='stVegaLiteChart']")
    expect(charts.first).to_be_visible()
    shot(page, "20-timeline")
    for tab in TABS:
        open_tab_and_shoot(page, tab, "21")
    page.get_by_role("tab", name="Over time").click()
    expect(page.get_by_text("Scroll to zoom").first).to_be_visible()

    timeline = charts.first.locator("canvas, svg.marks").first
    timeline.scroll_into_view_if_needed()
    box = timeline.bounding_box()
    strip = box["y"] + 70  # the whole journal is the chart's top part, the weeks below it
    page.mouse.move(box["x"] + box["width"] * 0.2, strip)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, strip, steps=8)
    page.mouse.up()
    expect(window).not_to_contain_text(": 42 entries")  # the brushed weeks are shown instead
    settled(page)
    charts.first.screenshot(path=ARTIFACTS / "23-timeline-brushed.png")

    open_an_entry_card(page, timeline)
    # the card shows the entry's picture, large, and opens it in the gallery
    expect(page.get_by_role("button", name="Open in the gallery")).to_be_visible()
    picture = page.locator("[data-testid='stMain'] [data-testid='stImage'] img").first
    expect(picture).to_be_visible()
    assert picture.bounding_box()["width"] >= 400
    shot(page, "25-entry-from-chart")
    page.get_by_role("button", name="Filter").click()
    tags = field(page, "Tags")
    tags.click()
    page.keyboard.type("walk")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page.get_by_text(re.compile(r"^\d+ entries match · mean"))).to_be_visible()
    expect(page.get_by_role("button", name="Filters (1)")).to_be_visible()
    shot(page, "24-timeline-filtered")


def test_the_timeline_follows_a_dark_device_setting(server, page, tmp_path) -> None:
    ctx = open_app(make_settings(tmp_path))
    result = seed_demo(ctx, days=30)
    ctx.dispose()
    page.emulate_media(color_scheme="dark")
    log_in(page, server, result.client)
    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_text("Scroll to zoom").first).to_be_visible()
    background = page.evaluate(
        "getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor"
    )
    assert background == rgb(DARK_THEME["backgroundColor"])
    for tab in TABS:
        open_tab_and_shoot(page, tab, "28-dark")


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"
