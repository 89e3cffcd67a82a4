"""A new journal's timeline reads like words a person would use: a 24-hour clock, whole
numbers for counts, 'day' for one day."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import settled, shot
from tests.browser.test_journeys import create_account


def _chart_words(page) -> list[str]:
    settled(page)
    texts = page.locator("[data-testid='stVegaLiteChart'] svg text")
    return texts.evaluate_all("all => all.map((text) => text.textContent)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_new_journals_timeline_labels(server, page, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    create_account(page, server)
    page.get_by_role("button", name="good").click()
    expect(page.get_by_text("That's a complete check-in")).to_be_visible()
    page.get_by_role("button", name="bad").click()
    expect(page.get_by_text("Saved: bad")).to_be_visible()
    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_text("1 day in a row")).to_be_visible()
    expect(page.get_by_text("Scroll to zoom").first).to_be_visible()
    words = _chart_words(page)
    assert words, "the charts are drawn as SVG, with their labels as text"
    clock = [w for w in words if re.fullmatch(r":?\d\d(:\d\d)?", w)]
    assert all(re.fullmatch(r"\d\d:\d\d", w) for w in clock), clock
    shot(page, f"30-new-journal-over-time-{scheme}")
    page.get_by_role("tab", name="Patterns").click()
    expect(page.get_by_text("By weekday")).to_be_visible()
    words = _chart_words(page)
    assert not [w for w in words if re.fullmatch(r"-?\d+\.\d{4,}", w)], words
    shot(page, f"31-new-journal-patterns-{scheme}")
