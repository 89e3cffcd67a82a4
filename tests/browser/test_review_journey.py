"""Issue 20's whole journey in chromium, on SQLite and PostgreSQL: a therapist invites; the
client accepts with a scope and an end date; the therapist prepares a session from a
template; the client does it, leaving half-way and coming back, with PHQ-9 item 9 above
zero (support at once, and a flag); the therapist reviews it, writes a DAP note,
acknowledges the flag and downloads the PDF; the client reads what the therapist opened and
stops sharing; the therapist's view of the client is gone.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    ARTIFACTS,
    appears_after_a_click,
    log_in_as,
    serving_journal,
    settled,
    shot,
)
from tests.browser.test_guided_session import continue_through_the_phq9, step
from tests.browser.test_journeys import field
from tests.conftest import make_settings
from tests.helpers import PASSWORD, make_user
from therapy_app.journal.models import Role
from therapy_app.services import accounts, review
from therapy_app.services.context import open_app

pytestmark = pytest.mark.browser
SIDEBAR = "[data-testid='stSidebar']"
SESSION_STEPS = 6  # the plan the therapist prepares below


@pytest.fixture
def people(tmp_path, database_url):
    ctx = open_app(make_settings(tmp_path, database_url))
    make_user(ctx, "dr_lee", Role.THERAPIST, timezone="Europe/Berlin")
    make_user(ctx, "robin", timezone="Europe/Berlin")
    yield ctx
    ctx.dispose()


@pytest.fixture
def served(tmp_path, database_url, people):
    with serving_journal(tmp_path, database_url) as url:
        yield url


def _browser(page, dark: bool = False):
    context = page.context.browser.new_context(
        viewport={"width": 1280, "height": 900},
        timezone_id="Europe/Berlin",
        color_scheme="dark" if dark else "light",
        accept_downloads=True,
    )
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    return tab


def _go(page, link: str, heading: str) -> None:
    page.locator(SIDEBAR).get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def _choose(page, label: str, option: str) -> None:
    """Open the list (again if the first click fell while an expander or a rerun redrew the
    box) and click the option where it is now: the open list redraws its options while it
    settles, replacing the element under a click that waits for it to be stable."""
    box = page.get_by_role("combobox", name=label)
    choice = page.get_by_role("option", name=option).first
    for _ in range(3):
        settled(page)
        box.click()
        if appears_after_a_click(choice, timeout_ms=5_000):
            break
    choice.click(force=True)


def _invite(therapist, url: str) -> str:
    log_in_as(therapist, url, "dr_lee", PASSWORD, "Clients")
    therapist.get_by_role("button", name="Create an invite code").click()
    message = therapist.get_by_text("Give this code to your client")
    expect(message).to_be_visible()
    return re.search(r"[A-Z0-9]{5}-[A-Z0-9]{5}", message.inner_text()).group(0)


def _accept(client, url: str, code: str, ends_on: date) -> None:
    log_in_as(client, url, "robin", PASSWORD, "How are you, right now?")
    _go(client, "Sharing", "Sharing with a therapist")
    field(client, "Invite code from your therapist").fill(code)
    client.get_by_text("Also share my notes").click()
    dates = client.locator("[data-testid='stDateInput']").filter(has_text="Share until")
    dates.locator("input").fill(ends_on.isoformat())
    client.get_by_role("button", name="Start sharing").click()
    expect(client.get_by_text("You are now sharing with your therapist")).to_be_visible()
    expect(client.get_by_text(f"Until {ends_on:%A %d %B %Y}", exact=False)).to_be_visible()
    shot(client, "20b-sharing-accepted")


def _prepare(therapist) -> None:
    _go(therapist, "Clients", "Clients")
    _choose(therapist, "Open a client", "Robin")
    therapist.get_by_role("tab", name="Sessions").click()
    therapist.get_by_text("Prepare a session").click()
    _choose(therapist, "Art directive", "Feelings as weather")
    _choose(therapist, "Questionnaires", "PHQ-9 (mood)")
    therapist.keyboard.press("Escape")
    therapist.get_by_role("button", name="Prepare the session").click()
    expect(therapist.get_by_text("is ready for your client")).to_be_visible()


def _first_half(client) -> None:
    _go(client, "Sessions", "Sessions")
    client.get_by_role("button", name="Start").click()
    step(client, 1, SESSION_STEPS)
    client.get_by_role("button", name="Save and go on").click()
    step(client, 2, SESSION_STEPS)
    client.get_by_role("button", name="Skip this picture").click()
    step(client, 3, SESSION_STEPS)
    expect(client.get_by_text("What would the forecast for tomorrow say?")).to_be_visible()
    field(client, "Your answer").fill("Clearing later")
    client.get_by_role("button", name="Save and go on").click()
    step(client, 4, SESSION_STEPS)


def _second_half(client, url: str) -> None:
    log_in_as(client, url, "robin", PASSWORD, "How are you, right now?")
    _go(client, "Sessions", "Sessions")
    continue_through_the_phq9(client, "20b-client-phq9-support-dark", total=SESSION_STEPS)
    client.get_by_role("button", name="Save and go on").click()
    expect(client.get_by_text("This session is complete")).to_be_visible()


def _review(therapist) -> None:
    _go(therapist, "Clients", "Clients")
    expect(therapist.get_by_text("1: PHQ-9 item 9").first).to_be_attached()  # a canvas grid
    therapist.get_by_role("tab", name="Overview").click()
    expect(therapist.get_by_text("Raised in the session").first).to_be_visible()
    shot(therapist, "20b-therapist-client-overview")
    therapist.get_by_role("button", name="Acknowledge").click()
    expect(therapist.get_by_text("Acknowledged by Dr_Lee", exact=False)).to_be_visible()
    therapist.get_by_role("tab", name="Sessions").click()
    expect(therapist.get_by_text("Feelings as weather · completed")).to_be_visible()
    shot(therapist, "20b-therapist-sessions")
    therapist.get_by_role("tab", name="Notes").click()
    _choose(therapist, "About the session", "Feelings as weather")
    therapist.get_by_role("button", name="Fill in the session's facts").click()
    expect(field(therapist, "Data: what happened (facts)")).to_have_value(
        re.compile(r"^Session: Feelings as weather")
    )
    field(therapist, "Assessment: your view").fill("Engaged; named the weather easily.")
    field(therapist, "Plan: what next").fill("Go through the safety plan together.")
    therapist.get_by_role("button", name="Save note").click()
    expect(therapist.get_by_text("Note of", exact=False)).to_be_visible()
    shot(therapist, "20b-therapist-dap-note")
    therapist.get_by_role("tab", name="Report").click()
    therapist.get_by_text("Include my notes").click()
    therapist.get_by_role("button", name="Prepare the PDF report").click()
    with therapist.expect_download() as download:
        therapist.get_by_role("button", name="Download the report").click()
    saved = ARTIFACTS / "20b-report.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(saved), str(ARTIFACTS / "20b-report")], check=True
    )


def _see_views_and_revoke(client) -> None:
    _go(client, "Sharing", "Sharing with a therapist")
    expect(
        client.get_by_text(re.compile(r"^Dr_Lee opened .*your client page")).first
    ).to_be_visible()
    shot(client, "20b-sharing-viewed-by-dark")
    client.get_by_role("button", name="Stop sharing").click()
    client.get_by_role("button", name="Stop sharing now").click()
    expect(client.get_by_role("button", name="Stop sharing")).to_have_count(0)


def test_invite_consent_session_review_report_and_revoke(served, people, page) -> None:
    ctx = people
    code = _invite(page, served)
    client = _browser(page)
    _accept(client, served, code, date.today() + timedelta(days=30))
    _prepare(page)
    _first_half(client)
    client.context.close()  # the client's browser closes half-way
    client = _browser(page, dark=True)
    _second_half(client, served)
    _review(page)
    _see_views_and_revoke(client)
    _go(page, "Clients", "Clients")
    expect(page.get_by_text("No clients share with you yet")).to_be_visible()
    shot(page, "20b-therapist-after-revoke")
    therapist = accounts.find_user(ctx, "dr_lee")
    assert review.caseload(ctx, therapist) == []
