"""User text with an image and links in it, on every page of a client and of a therapist:
the browser fetches nothing from another host (the page fixture fails the test if it does)
and no link points there."""

from playwright.sync_api import expect

from tests.browser.conftest import log_in_as, settled, shot
from tests.conftest import make_settings
from tests.helpers import PASSWORD, sample_artwork
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.services import accounts, entries, sharing
from therapy_app.services.context import open_app

HOST = "203.0.113.7"  # TEST-NET-3: not this machine, so any request to it is noted
PAYLOAD = f"![i](http://{HOST}/x.png) [go](http://{HOST}/) http://{HOST}/y"
CLIENT_PAGES = ["Make art", "Journal", "Gallery", "Timeline", "Sharing", "Settings"]


def _no_link_there(page) -> None:
    settled(page)
    assert page.locator(f"a[href*='{HOST}'], img[src*='{HOST}']").count() == 0


def test_user_text_fetches_and_links_nothing_elsewhere(server, page, tmp_path) -> None:
    ctx = open_app(make_settings(tmp_path))
    client = accounts.create_user(ctx, "cleo", PASSWORD, Role.CLIENT, PAYLOAD)
    therapist = accounts.create_user(ctx, "theo", PASSWORD, Role.THERAPIST, PAYLOAD)
    entries.check_in(
        ctx,
        client,
        CheckIn(valence=0.2, energy=0.1, tags=(PAYLOAD[:40],), note=PAYLOAD),
        artwork=sample_artwork(PAYLOAD[:100]),
    )
    sharing.redeem_invite(
        ctx, client, sharing.create_invite(ctx, therapist), sharing.Scope(True, True, True)
    )
    ctx.dispose()

    log_in_as(page, server, "cleo", PASSWORD, "How are you, right now?")
    expect(page.get_by_text(f"Signed in as {PAYLOAD}")).to_be_visible()
    _no_link_there(page)
    for name in CLIENT_PAGES:
        page.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading").first).to_be_visible()
        _no_link_there(page)
    page.get_by_role("link", name="Gallery").click()
    page.locator("button[data-testid^='stBaseButton']", has_text="Open").click()
    expect(page.get_by_role("button", name="Download PNG")).to_be_visible()
    _no_link_there(page)
    page.get_by_role("link", name="Journal").click()
    page.locator("button[data-testid^='stBaseButton']", has_text="Open").first.click()
    expect(page.get_by_role("button", name="Back to journal")).to_be_visible()
    _no_link_there(page)
    shot(page, "30-user-text-as-text")

    page.get_by_role("button", name="Log out").click()
    log_in_as(page, server, "theo", PASSWORD, "Clients")
    _no_link_there(page)
