"""A client does a guided session in chromium: makes its picture, leaves half-way, comes
back in a new browser and continues, answers PHQ-9 item 9 above zero and sees support at
once, ends clearly worse and is offered grounding and the safety plan. SQLite and PostgreSQL.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    ARTIFACTS,
    COUNT_RUNS,
    _note_elsewhere,
    log_in_as,
    server_run,
    serving_journal,
    shot,
)
from tests.browser.test_journeys import field
from tests.conftest import make_settings
from tests.helpers import PASSWORD, make_user
from therapy_app.journal.models import Role, SessionStatus
from therapy_app.mood.measures import ITEMS, PHQ9_SAFETY_ITEM, Measure
from therapy_app.mood.session_plan import FlagKind, plan_from_directive
from therapy_app.services import accounts, sessions, sharing
from therapy_app.services.context import open_app

pytestmark = pytest.mark.browser
SIDEBAR = "[data-testid='stSidebar']"


@pytest.fixture
def planned(tmp_path, database_url):
    """A client whose therapist prepared a 'Feelings as weather' session with PHQ-9, GAD-7."""
    ctx = open_app(make_settings(tmp_path, database_url))
    therapist = make_user(ctx, "dr_lee", Role.THERAPIST)
    client = make_user(ctx, "robin", timezone="Europe/Berlin")
    sharing.redeem_invite(ctx, client, sharing.create_invite(ctx, therapist), sharing.Scope())
    plan = plan_from_directive("feelings-as-weather", (Measure.PHQ9, Measure.GAD7), homework=True)
    session_id = sessions.create_plan(ctx, therapist, client.user_id, plan).id
    yield ctx, session_id
    ctx.dispose()


@pytest.fixture
def served(tmp_path, database_url, planned):
    with serving_journal(tmp_path, database_url) as url:
        yield url


def _log_in(page, url: str) -> None:
    log_in_as(page, url, "robin", PASSWORD, "How are you, right now?")
    page.locator(SIDEBAR).get_by_role("link", name="Sessions").click()
    expect(page.get_by_role("heading", name="Sessions")).to_be_visible()


def step(page, number: int, total: int = 7) -> None:
    text = f"Step {number} of {total}"
    expect(page.get_by_text(text, exact=False).first).to_be_visible(timeout=60_000)


def _answer(page, question: str, choice: str) -> None:
    page.get_by_role("radiogroup", name=question).get_by_text(choice, exact=True).click()


def answer_phq9_with_item_9_above_zero(page, shot_name: str) -> None:
    """PHQ-9 with item 9 'on several days' first (support shows at once, with the crisis
    line), the others 'not at all', then saved."""
    support = page.get_by_text("You don't have to carry this alone")
    expect(support).to_have_count(0)
    _answer(page, ITEMS[Measure.PHQ9][PHQ9_SAFETY_ITEM], "On several days")
    expect(support).to_be_visible()
    expect(page.get_by_role("link", name="Call 112").first).to_be_visible()
    shot(page, shot_name)
    for question in ITEMS[Measure.PHQ9][:PHQ9_SAFETY_ITEM]:
        _answer(page, question, "Not at all")
    page.get_by_role("button", name="Save answers").click()


def continue_through_the_phq9(page, shot_name: str, total: int) -> None:
    """From the sessions list: continue at step 4 (a question, skipped), answer the PHQ-9 of
    step 5 with item 9 above zero, and arrive at step 6."""
    page.get_by_role("button", name="Continue").click()
    step(page, 4, total)
    page.get_by_role("button", name="Skip this question").click()
    step(page, 5, total)
    answer_phq9_with_item_9_above_zero(page, shot_name)
    step(page, 6, total)


def test_a_session_left_half_way_is_continued_in_a_new_browser(served, planned, page) -> None:
    ctx, session_id = planned
    _log_in(page, served)
    page.get_by_role("button", name="Start").click()
    step(page, 1)
    shot(page, "20a-session-check-in")
    page.get_by_role("button", name="Save and go on").click()
    step(page, 2)
    expect(page.get_by_text("If your feelings today were weather")).to_be_visible()
    page.get_by_role("button", name="Paint from this").click()
    expect(page.get_by_text("For your session")).to_be_visible()
    keep = page.get_by_role("button", name="Keep this")
    expect(keep).to_have_count(4, timeout=90_000)
    shot(page, "20a-session-art")
    keep.first.click()
    expect(page.get_by_role("heading", name="Your picture")).to_be_visible(timeout=90_000)
    page.get_by_role("button", name="Keep for the session").click()
    expect(page.get_by_role("heading", name="Sessions")).to_be_visible(timeout=60_000)
    step(page, 3)  # back in the session, at the step after the picture
    expect(page.locator("[data-testid='stImage'] img").first).to_be_visible()
    expect(page.get_by_text("What would the forecast for tomorrow say?")).to_be_visible()
    field(page, "Your answer").fill("Clearing later")
    page.get_by_role("button", name="Save and go on").click()
    step(page, 4)
    page.context.close()  # the browser is closed half-way

    fresh = page.context.browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id="Europe/Berlin", color_scheme="dark"
    )
    fresh.add_init_script(COUNT_RUNS)
    again = fresh.new_page()
    again.set_default_timeout(30_000)
    elsewhere: list[str] = []
    again.on("request", lambda request: _note_elsewhere(request.url, elsewhere))
    _log_in(again, served)
    expect(again.get_by_text("Step 4 of 7")).to_be_visible()
    shot(again, "20a-sessions-list-dark")
    continue_through_the_phq9(again, "20a-session-phq9-support-dark", total=7)
    again.get_by_role("button", name="Skip this questionnaire").click()
    step(again, 7)
    pleasantness = again.get_by_role("slider", name="Pleasantness")
    pleasantness.focus()
    with server_run(again):  # the slider's value reaches the server
        for _ in range(12):
            again.keyboard.press("ArrowLeft")
    again.get_by_role("button", name="Save and go on").click()
    expect(again.get_by_text("This session is complete")).to_be_visible()
    expect(again.get_by_text("a minute to land")).to_be_visible()
    expect(again.get_by_text("not what caused it", exact=False)).to_be_visible()
    expect(
        again.get_by_role("link", name="Open my safety plan")
        .or_(again.get_by_role("link", name="My safety plan"))
        .first
    ).to_be_visible()
    shot(again, "20a-session-done-worse-dark")
    fresh.close()
    assert not elsewhere, elsewhere

    client = accounts.find_user(ctx, "robin")
    done = sessions.get_session(ctx, client, session_id)
    assert done.status is SessionStatus.COMPLETED
    assert len(done.artwork_ids) == 1
    assert done.answers == {2: "Clearing later"}
    assert {flag.kind for flag in done.flags} == {FlagKind.PHQ9_ITEM9, FlagKind.MOOD_WORSE}
    assert (ARTIFACTS / "20a-session-done-worse-dark.png").exists()
