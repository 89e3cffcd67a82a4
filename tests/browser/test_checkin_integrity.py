"""Nothing written is lost and nothing blank is stored: the check-in form shows what the
journal holds, long notes are kept, and a reload offers the unsaved check-in back."""

from playwright.sync_api import expect

from tests.browser.conftest import server_run, settled, shot
from tests.browser.test_journeys import create_account, field

NOTE = "Write as much or as little as you like"
NOTHING = "There is nothing to save yet"


def _journal_count(page, words: str) -> None:
    page.get_by_role("link", name="Journal").click()
    expect(page.get_by_role("heading", name="Journal")).to_be_visible()
    expect(page.get_by_text(words, exact=True)).to_be_visible()


def test_save_clears_the_form_visibly_and_never_stores_a_blank_entry(server, page) -> None:
    create_account(page, server)
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text(NOTHING)).to_be_visible()

    page.get_by_role("button", name="hopeful").click()
    field(page, NOTE).fill("Rain all day, then a good talk with Sam.")
    field(page, NOTE).blur()
    tags = field(page, "Tags (activities, people, places)")
    tags.click()
    page.keyboard.type("rain")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    with server_run(page):
        field(page, "Hours slept (optional)").fill("7.5")
        field(page, "Hours slept (optional)").press("Enter")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("The form below is empty again")).to_be_visible()
    # what is on screen is what the server holds: empty
    expect(field(page, NOTE)).to_have_value("")
    expect(field(page, "Hours slept (optional)")).to_have_value("")
    expect(page.get_by_text("rain", exact=True)).to_have_count(0)
    shot(page, "40-check-in-saved-and-cleared")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text(NOTHING)).to_be_visible()
    shot(page, "41-nothing-to-save")
    _journal_count(page, "1 entry")
    expect(page.get_by_text("Rain all day")).to_be_visible()


def test_a_long_note_is_kept_and_one_too_long_is_refused_with_the_text_still_there(
    server, page
) -> None:
    create_account(page, server)
    long_note = ("A long evening of writing it all down. " * 3_000)[:110_000]
    with server_run(page):
        field(page, NOTE).fill(long_note)
        field(page, NOTE).blur()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("The form below is empty again")).to_be_visible(timeout=60_000)

    too_long = "x" * 200_001
    field(page, NOTE).fill(too_long)
    field(page, NOTE).blur()  # sent before the click, on the same connection
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("the limit is 200,000")).to_be_visible(timeout=60_000)
    assert len(field(page, NOTE).input_value()) == 200_001
    shot(page, "42-note-too-long")
    _journal_count(page, "1 entry")
    with server_run(page):  # the list's 280-character excerpt is gone once the run ends
        page.locator("button[data-testid^='stBaseButton']", has_text="Open").click()
    expect(page.get_by_role("button", name="Back to journal")).to_be_visible()
    shown = page.locator("[data-testid='stText']", has_text="A long evening").last.inner_text()
    assert len(shown.strip()) == len(long_note.strip())


def test_a_reload_keeps_the_person_signed_in_and_offers_the_draft_back(server, page) -> None:
    create_account(page, server, remember=True)
    with server_run(page):  # the feeling's run ends first, so the next one is the note's
        page.get_by_role("button", name="tired").click()
    with server_run(page):  # the draft is kept when the form sends its value
        field(page, NOTE).fill("Half a thought I do not want to lose")
        field(page, NOTE).blur()
    page.reload()
    expect(page.get_by_text("You have a check-in you had not saved yet")).to_be_visible()
    expect(field(page, NOTE)).to_have_value("")
    shot(page, "43-draft-offered")
    page.get_by_role("button", name="Bring it back").click()
    expect(field(page, NOTE)).to_have_value("Half a thought I do not want to lose")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("The form below is empty again")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="How are you, right now?")).to_be_visible()
    settled(page)
    expect(page.get_by_text("You have a check-in you had not saved yet")).to_have_count(0)
    _journal_count(page, "1 entry")
    expect(page.get_by_text("tired", exact=False).first).to_be_visible()
