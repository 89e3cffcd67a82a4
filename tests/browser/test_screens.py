"""The pages this journey changes, in light and dark and at a phone's 390 px: the check-in,
the art page, an entry with its picture, the gallery's picture (screenshots looked at)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import server_run, shot
from tests.browser.test_journeys import create_account, field

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_changed_pages_wide_and_narrow(server, page, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    create_account(page, server, "painter")
    page.get_by_role("button", name="tired").click()
    with server_run(page):
        field(page, "Write as much or as little as you like").fill("A grey day, a warm soup.")
        field(page, "Write as much or as little as you like").blur()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("The form below is empty again")).to_be_visible()
    shot(page, f"60-check-in-saved-{scheme}")
    page.get_by_role("button", name="Make art from this check-in").click()
    expect(page.get_by_role("button", name="Keep this")).to_have_count(4, timeout=60_000)
    page.get_by_role("button", name="Keep this").first.click()
    expect(page.get_by_role("heading", name="Your picture")).to_be_visible(timeout=60_000)
    with server_run(page):
        field(page, "Give it a title (optional)").fill("Soup steam")
        field(page, "Give it a title (optional)").press("Enter")
    shot(page, f"61-art-chosen-{scheme}")
    page.set_viewport_size(PHONE)
    shot(page, f"62-art-chosen-phone-{scheme}")
    page.get_by_role("button", name="Save with this entry").click()
    expect(page.get_by_text("Your picture is saved with this entry")).to_be_visible(timeout=60_000)
    picture = page.locator("[data-testid='stMain'] [data-testid='stImage'] img").first
    expect(picture).to_be_visible()
    assert picture.bounding_box()["width"] <= PHONE["width"]
    note = page.locator("[data-testid='stText']", has_text="A grey day, a warm soup.")
    expect(note).to_have_count(1)  # the note once (the old view showed it twice)
    shot(page, f"63-entry-phone-{scheme}")
    page.set_viewport_size({"width": 1280, "height": 900})
    shot(page, f"64-entry-wide-{scheme}")
    page.get_by_role("button", name="Open in the gallery").click()
    # the title is shown as text under the day's heading (user text is never Markdown)
    expect(page.get_by_test_id("stText").filter(has_text="Soup steam")).to_be_visible()
    page.get_by_text("The exact recipe").click()
    shot(page, f"65-gallery-picture-{scheme}")
    page.set_viewport_size(PHONE)
    shot(page, f"66-gallery-picture-phone-{scheme}")
