"""The safety plan, one tap from every page: written, saved, kept as an offline copy; the
country chosen in Settings puts its crisis lines first under "Need help now?"."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot
from tests.browser.test_journeys import create_account, field

pytestmark = pytest.mark.browser
SIDEBAR = "[data-testid='stSidebar']"


def test_write_the_safety_plan_keep_a_copy_and_see_the_countrys_lines(server, page) -> None:
    create_account(page, server)
    sidebar = page.locator(SIDEBAR)
    # one tap from the check-in page, below the help
    sidebar.get_by_role("link", name="My safety plan").last.click()
    expect(page.get_by_role("heading", name="My safety plan")).to_be_visible()
    field(page, "1. My warning signs").fill("Not sleeping\nCancelling on friends")
    field(page, "4. People I can ask for help").fill("Ana 0151 000000")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_text("Your safety plan is saved")).to_be_visible()
    shot(page, "20a-safety-plan")
    with page.expect_download() as download:
        page.get_by_role("button", name="Keep a copy on this device").click()
    copy = download.value.path().read_text(encoding="utf-8")
    assert "Cancelling on friends" in copy and "<script" not in copy

    sidebar.get_by_role("link", name="Settings").click()
    page.get_by_role("combobox", name="Show the crisis lines of this country").click()
    page.keyboard.type("Germany")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Save country").click()
    expect(page.get_by_text("Country saved")).to_be_visible()
    sidebar.get_by_role("link", name="Check in").click()
    expect(page.get_by_role("heading", name="How are you, right now?")).to_be_visible()
    sidebar.get_by_text("Need help now?").click()
    expect(sidebar.get_by_text("TelefonSeelsorge", exact=True)).to_be_visible()
    expect(sidebar.get_by_role("link", name="Call 0800 111 0 111")).to_be_visible()
    shot(page, "20a-help-germany")
    sidebar.get_by_role("link", name="My safety plan").last.click()
    expect(field(page, "1. My warning signs")).to_have_value("Not sleeping\nCancelling on friends")


def test_the_safety_plan_page_in_the_dark(server, page) -> None:
    page.emulate_media(color_scheme="dark")
    create_account(page, server)
    page.locator(SIDEBAR).get_by_role("link", name="My safety plan").last.click()
    expect(page.get_by_role("heading", name="My safety plan")).to_be_visible()
    shot(page, "20a-safety-plan-dark")
