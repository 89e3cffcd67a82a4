"""A check-in, making art and saving it, and reading the journal with the keyboard alone
(Tab, Shift+Tab, Enter, Space and typing): the test never clicks, and every control it
reaches shows a visible focus ring."""

import tomllib

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.browser.conftest import first_load, settled, shot
from tests.conftest import make_settings
from therapy_app.bench.browser import CONFIG
from therapy_app.journal.models import Role
from therapy_app.services import accounts
from therapy_app.services.context import open_app

PASSWORD = "a calm long passphrase"
# The focus is shown by an outline or a shadow on the control or a box around it, or by
# the box's border taking the theme's primary colour (Streamlit's text fields).
FOCUSED = """(primaries) => {
  const element = document.activeElement;
  let ring = false;
  const seen = [];
  for (let node = element, depth = 0; node && depth < 5; node = node.parentElement, depth++) {
    const style = getComputedStyle(node);
    ring ||= (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none" || primaries.includes(style.borderTopColor);
    seen.push(`${node.tagName} ${style.outlineStyle} ${style.boxShadow} ${style.borderTopColor}`);
  }
  // the accessible name: an icon's ligature ("login") is hidden from screen readers, so too here
  const shown = element.cloneNode(true);
  shown.querySelectorAll("[aria-hidden='true']").forEach((hidden) => hidden.remove());
  const name = (element.getAttribute("aria-label") || shown.textContent || "").trim();
  return {name, ring, seen};
}"""
THEME = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["theme"]
PRIMARIES = [
    "rgb({}, {}, {})".format(*bytes.fromhex(THEME[scheme]["primaryColor"][1:]))
    for scheme in ("light", "dark")
]


def _shows_a_ring(page, name: str) -> None:
    """The ring fades in (a CSS transition): wait for it a moment, then say what was seen."""
    try:
        page.wait_for_function(f"(primaries) => ({FOCUSED})(primaries).ring", arg=PRIMARIES,
                               timeout=2_000)  # fmt: skip
    except PlaywrightTimeoutError:
        seen = page.evaluate(FOCUSED, PRIMARIES)["seen"]
        raise AssertionError(f"no visible focus ring on {name!r}: {seen}") from None


def tab_to(page, name: str, most: int = 120) -> None:
    """Press Tab until the control whose label starts with ``name`` has the focus."""
    for _ in range(most):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED, PRIMARIES)
        if focused["name"].startswith(name):
            _shows_a_ring(page, name)
            return
    raise AssertionError(f"{name!r} was not reached with Tab")


def test_check_in_make_art_save_and_read_the_journal_by_keyboard(server, page, tmp_path):
    ctx = open_app(make_settings(tmp_path))
    accounts.create_user(ctx, "kim", PASSWORD, Role.CLIENT)
    ctx.dispose()
    first_load(page, server)
    settled(page)
    tab_to(page, "Username")
    page.keyboard.type("kim")
    tab_to(page, "Password")
    page.keyboard.type(PASSWORD)
    tab_to(page, "Log in")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="How are you, right now?")).to_be_visible()
    settled(page)

    tab_to(page, "good")
    page.keyboard.press("Space")
    expect(page.get_by_text("That's a complete check-in")).to_be_visible()
    settled(page)
    shot(page, "80-keyboard-checked-in")
    tab_to(page, "Make art from this check-in")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Keep this").first).to_be_visible(timeout=60_000)
    settled(page)
    tab_to(page, "Keep this")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your picture")).to_be_visible(timeout=60_000)
    settled(page)
    tab_to(page, "Save with this entry")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your picture is saved with this entry")).to_be_visible(timeout=60_000)
    settled(page)

    # saving moved on to the entry, on the Journal page: its way back to the list
    tab_to(page, "Back to journal")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Journal")).to_be_visible()
    expect(page.get_by_text("1 entry")).to_be_visible()
    settled(page)
    tab_to(page, "Open")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Back to journal")).to_be_visible()
    picture = page.locator("[data-testid='stMain'] [data-testid='stImage'] img").first
    expect(picture).to_be_visible()
    assert picture.get_attribute("alt").startswith("Picture for ")
    shot(page, "81-keyboard-journal-entry")
