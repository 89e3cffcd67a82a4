"""Check in, make art from it, vary and mix it, leave and come back to it, save it, and find
it with its entry and in the gallery."""

from playwright.sync_api import expect

from tests.browser.conftest import server_run, shot
from tests.browser.test_journeys import create_account, field

TITLE = "Give it a title (optional)"


def test_make_art_vary_save_and_find_it_in_the_gallery(server, page) -> None:
    create_account(page, server, "artist", remember=True)
    page.get_by_role("button", name="okay").click()
    page.get_by_role("button", name="hopeful").click()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Saved to your journal").first).to_be_visible()
    page.get_by_role("button", name="Make art from this check-in").click()
    expect(page.get_by_role("heading", name="Make art")).to_be_visible()
    keep = page.get_by_role("button", name="Keep this")
    expect(keep).to_have_count(4, timeout=60_000)
    shot(page, "10-art-candidates")
    page.get_by_role("button", name="More like this").first.click()
    expect(keep).to_have_count(4, timeout=60_000)

    mix = page.get_by_role("checkbox", name="Mix")
    page.get_by_text("Mix", exact=True).nth(0).click()
    expect(mix.nth(0)).to_be_checked()
    page.get_by_text("Mix", exact=True).nth(1).click()
    page.get_by_role("button", name="Mix these two").click()
    expect(keep).to_have_count(4, timeout=60_000)
    for index in range(4):  # the boxes show what the server holds: none ticked
        expect(mix.nth(index)).not_to_be_checked()

    keep.nth(2).click()
    expect(page.get_by_role("heading", name="Your picture")).to_be_visible(timeout=60_000)
    with server_run(page):  # the draft is kept when the title reaches the server
        field(page, TITLE).fill("River light")
        field(page, TITLE).press("Enter")
    shot(page, "11-art-chosen")
    page.reload()
    expect(page.get_by_text("You have a picture you had not saved yet")).to_be_visible()
    expect(page.get_by_text("River light")).to_be_visible()
    shot(page, "14-art-draft-offered")
    page.get_by_role("button", name="Bring it back").click()
    expect(page.get_by_role("heading", name="Your picture")).to_be_visible(timeout=60_000)
    expect(field(page, TITLE)).to_have_value("River light")

    page.get_by_role("button", name="Save with this entry").click()
    # the page moves on to the saved picture in its entry
    expect(page.get_by_text("Your picture is saved with this entry")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("button", name="Save with this entry")).to_have_count(0)
    expect(page.get_by_role("button", name="Back to journal")).to_be_visible()
    picture = page.locator("[data-testid='stImage'] img").first
    expect(picture).to_be_visible()
    assert picture.bounding_box()["width"] >= 400
    expect(page.get_by_text("River light")).to_be_visible()
    shot(page, "15-entry-with-its-picture")

    page.get_by_role("button", name="Open in the gallery").click()
    # the title is shown as text under the day's heading (user text is never Markdown)
    expect(page.get_by_test_id("stText").filter(has_text="River light")).to_be_visible()
    expect(page.get_by_role("button", name="Download PNG")).to_be_visible()
    expect(page.get_by_text("Painted by model")).to_be_visible()
    expect(page.get_by_text("The exact recipe")).to_be_visible()
    page.get_by_role("button", name="Delete picture").click()
    expect(page.get_by_text("Delete this picture for good?")).to_be_visible()
    shot(page, "13-gallery-open")
    page.get_by_role("button", name="Keep it").click()
    page.get_by_role("button", name="Back to gallery").click()
    expect(page.get_by_role("heading", name="Gallery")).to_be_visible()
    expect(page.get_by_text("1 picture", exact=True)).to_be_visible()
    shot(page, "12-gallery")
