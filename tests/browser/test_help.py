"""Help can be reached in one tap on a phone-width screen, signed in or not, and at the top
of the sidebar on a wide one; its lines are called, texted or opened from links."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import first_load, shot
from tests.browser.test_journeys import create_account

PHONE = {"width": 390, "height": 844}


def _header_help(page):
    return page.locator("[data-testid='stMain']").get_by_role("button", name="Need help now?")


def _check_links(page) -> None:
    expect(page.get_by_text("not a crisis service").last).to_be_visible()
    for label, href in (
        ("Call 112", "tel:112"),
        ("Text 988", "sms:988"),
        ("Call 116 123", "tel:116123"),
        ("Open findahelpline.com", "https://findahelpline.com"),
    ):
        link = page.get_by_role("link", name=label).last
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", href)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_help_is_one_tap_away_on_a_phone(server, page, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(PHONE)
    first_load(page, server)
    expect(page.get_by_text("Let's create your account")).to_be_visible()
    expect(_header_help(page)).to_be_visible()
    _header_help(page).click()
    _check_links(page)
    shot(page, f"50-help-phone-signed-out-{scheme}")
    page.keyboard.press("Escape")

    page.set_viewport_size({"width": 1280, "height": 900})
    create_account(page, server)
    expect(_header_help(page)).to_be_hidden()  # wide: the sidebar carries it, at its top
    sidebar = page.locator("[data-testid='stSidebar']")
    help_box = sidebar.get_by_text("Need help now?").bounding_box()
    signed_in = sidebar.get_by_text("Signed in as").bounding_box()
    assert help_box["y"] < signed_in["y"]
    shot(page, f"51-help-wide-{scheme}")

    page.set_viewport_size(PHONE)
    expect(_header_help(page)).to_be_visible()
    _header_help(page).click()
    _check_links(page)
    shot(page, f"52-help-phone-signed-in-{scheme}")
