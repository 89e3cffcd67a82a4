"""Check in, make art from it, vary it, save it, and find it in the gallery."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot
from tests.browser.test_journeys import create_account, field

pytestmark = pytest.mark.browser


def test_make_art_vary_save_and_find_it_in_the_gallery(server, page) -> None:
    create_account(page, server, "artist")
    page.get_by_role("button", name="okay").click()
    page.get_by_role("button", name="hopeful").click()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Saved to your journal")).to_be_visible()
    page.get_by_role("button", name="Make art from this check-in").click()
    expect(page.get_by_role("heading", name="Make art")).to_be_visible()
    expect(page.get_by_role("button", name="Keep this")).to_have_count(4, timeout=60_000)
    shot(page, "10-art-candidates")
    page.get_by_role("button", name="More like this").first.click()
    expect(page.get_by_role("button", name="Keep this")).to_have_count(4, timeout=60_000)
    page.get_by_role("button", name="Keep this").nth(2).click()
    expect(page.get_by_role("heading", name="Your picture")).to_be_visible(timeout=60_000)
    field(page, "Give it a title (optional)").fill("River light")
    field(page, "Give it a title (optional)").press("Enter")
    shot(page, "11-art-chosen")
    page.get_by_role("button", name="Save with this entry").click()
    expect(page.get_by_text("Saved with your entry")).to_be_visible(timeout=60_000)
    page.get_by_role("link", name="Gallery").click()
    expect(page.get_by_role("heading", name="Gallery")).to_be_visible()
    expect(page.get_by_text("1 picture", exact=True)).to_be_visible()
    expect(page.get_by_text("River light")).to_be_visible()
    shot(page, "12-gallery")
    page.locator("button[data-testid^='stBaseButton']", has_text="Open").click()
    expect(page.get_by_role("button", name="Download PNG")).to_be_visible()
    # the title is shown as text under the day's heading (user text is never Markdown)
    expect(page.get_by_test_id("stText").filter(has_text="River light")).to_be_visible()
    shot(page, "13-gallery-open")
