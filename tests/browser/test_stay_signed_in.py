"""Bookmarks and reloads: staying signed in is opt-in, logging out ends it, and a bookmark
opens its page once the person has logged in."""

import time
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect
from sqlalchemy import update

from tests.browser.conftest import first_load, settled, shot
from tests.browser.test_journeys import field
from tests.conftest import make_settings
from therapy_app.errors import AuthenticationError
from therapy_app.journal.models import LoginThrottle
from therapy_app.services import accounts
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD, seed_demo

CHECK_IN = "How are you, right now?"


def _log_in(page, url: str, username: str, remember: bool) -> None:
    first_load(page, url)
    field(page, "Username").fill(username)
    field(page, "Password").fill(PASSWORD)
    if not remember:
        page.get_by_role("button", name="Log in").click()
    else:  # the page posts a one-time code and the server answers with the cookie
        page.get_by_text("Keep me signed in on this browser").first.click()
        with page.expect_response(lambda response: response.url.endswith("/_auth/remember")):
            page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=CHECK_IN)).to_be_visible()


def test_a_reload_keeps_only_those_who_asked_signed_in(server, page, tmp_path) -> None:
    ctx = open_app(make_settings(tmp_path))
    username = seed_demo(ctx, days=2, with_art=False).client
    ctx.dispose()

    _log_in(page, server, username, remember=False)
    page.reload()
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()

    _log_in(page, server, username, remember=True)
    signin = f"therapy_app_{server.rsplit(':', 1)[1]}_signin"  # named with the port
    (cookie,) = [c for c in page.context.cookies() if c["name"] == signin]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["expires"] == -1
    assert "signin" not in page.evaluate("document.cookie")  # no page script can read it
    _planted_elsewhere_is_refused(page, server, cookie)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{server}/timeline")
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    # the bookmarked page connects to the server at once, without first trying /timeline/...
    assert not [url for url in asked if "/timeline/_stcore/" in url]
    assert f"{server}/_stcore/health" in asked
    expect(page.locator("[data-testid='stVegaLiteChart'] svg.marks")).to_be_visible()
    shot(page, "26-bookmarked-timeline")

    with page.expect_response(lambda response: response.url.endswith("/_auth/forget")):
        page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    page.reload()
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == signin]


def _planted_elsewhere_is_refused(page, server: str, cookie: dict) -> None:
    """A browser given this cookie (say, planted from a page on another port of the host)
    is not signed in: the cookie is bound to the browser the server gave it to."""
    other = page.context.browser.new_context()
    other.add_cookies([{"name": cookie["name"], "value": cookie["value"], "url": server}])
    victim = other.new_page()
    victim.goto(server)
    expect(victim.get_by_role("tab", name="Log in")).to_be_visible()
    other.close()


def test_a_bookmark_opens_its_page_after_logging_in(server, page, tmp_path) -> None:
    ctx = open_app(make_settings(tmp_path))
    username = seed_demo(ctx, days=2, with_art=False).client
    ctx.dispose()

    first_load(page, f"{server}/journal")
    field(page, "Username").fill(username)
    field(page, "Password").fill(PASSWORD)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    shot(page, "27-bookmark-before-log-in")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Journal")).to_be_visible()
    assert page.url == f"{server}/journal"


def test_the_first_pages_own_address_opens_it_signed_in_or_out(server, page, tmp_path) -> None:
    ctx = open_app(make_settings(tmp_path))
    username = seed_demo(ctx, days=2, with_art=False).client
    ctx.dispose()

    first_load(page, f"{server}/checkin")
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    settled(page)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    _log_in(page, f"{server}/checkin", username, remember=True)
    settled(page)
    page.goto(f"{server}/checkin")
    expect(page.get_by_role("heading", name=CHECK_IN)).to_be_visible()
    settled(page)
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_the_owners_browser_signs_in_while_an_attacker_fills_the_throttles(
    server, page, tmp_path
) -> None:
    """The browser the owner signed in on keeps an HttpOnly device cookie for a year; an
    attacker then fills the account's throttle and this machine's address throttle, and that
    browser still signs in at once, while a fresh browser is told to wait."""
    ctx = open_app(make_settings(tmp_path))
    username = seed_demo(ctx, days=2, with_art=False).client
    with page.expect_response(lambda response: response.url.endswith("/_auth/remember")):
        _log_in(page, server, username, remember=False)  # a first sign-in leaves the cookie
    device = f"therapy_app_{server.rsplit(':', 1)[1]}_device"
    (cookie,) = [c for c in page.context.cookies() if c["name"] == device]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert cookie["expires"] > time.time() + 300 * 24 * 3600
    with page.expect_response(lambda response: response.url.endswith("/_auth/forget")):
        page.get_by_role("button", name="Log out").click()

    for n in range(accounts.FREE_FAILURES + 1):
        for name, address in [(username, f"10.7.{n}.1")] + [
            (f"other{n}", here) for here in ("127.0.0.1", "::1", "unknown")
        ]:
            with pytest.raises(AuthenticationError):
                accounts.log_in(ctx, name, "guess", address)
    with ctx.unit_of_work() as session:  # as after an hour of this: a 15-minute wait
        session.execute(
            update(LoginThrottle).values(wait_until=datetime.now(UTC) + accounts.MAX_BACKOFF)
        )
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, username, PASSWORD, "127.0.0.1")
    ctx.dispose()

    _log_in(page, server, username, remember=False)
    expect(page.get_by_role("heading", name=CHECK_IN)).to_be_visible()
    fresh = page.context.browser.new_context()
    stranger = fresh.new_page()
    stranger.goto(server)
    field(stranger, "Username").fill(username)
    field(stranger, "Password").fill(PASSWORD)
    stranger.get_by_role("button", name="Log in").click()
    expect(stranger.get_by_text("Too many failed attempts")).to_be_visible()
    fresh.close()
