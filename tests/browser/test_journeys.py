"""What a person clicks and sees, in chromium against the real server."""

from playwright.sync_api import expect

from tests.browser.conftest import first_load, shot, wait_for_sign_in_cookie

PASSWORD = "a calm long passphrase"
PAYLOAD = (
    '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> '
    "[click me](javascript:window.__xss=3) **not bold**"
)


def field(page, label: str):
    """A text box by its label (Streamlit also labels the help icon with the same words)."""
    return page.locator(f'input[aria-label="{label}"], textarea[aria-label="{label}"]').first


def create_account(page, url: str, username: str = "robin", remember: bool = False) -> None:
    first_load(page, url)
    expect(page.get_by_text("Let's create your account")).to_be_visible()
    shot(page, "01-first-start")
    field(page, "Username").fill(username)
    field(page, "What should we call you?").fill("Robin")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password again").fill(PASSWORD)
    if remember:
        page.get_by_text("Keep me signed in on this browser").click()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="How are you, right now?")).to_be_visible()
    if remember:
        wait_for_sign_in_cookie(page, url)


def test_account_log_out_and_in_again(server, page) -> None:
    create_account(page, server)
    shot(page, "02-check-in")
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    field(page, "Username").fill("robin")
    field(page, "Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("do not match")).to_be_visible()
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="How are you, right now?")).to_be_visible()
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Need help now?").click()
    expect(sidebar.get_by_text("not a crisis service")).to_be_visible()
    shot(page, "03-help-open")


def test_check_in_journal_search_edit_delete_and_no_script_runs(server, page) -> None:
    create_account(page, server)
    page.get_by_role("button", name="good").click()
    expect(page.get_by_text("That's a complete check-in")).to_be_visible()
    page.get_by_role("button", name="hopeful").click()
    note = field(page, "Write as much or as little as you like")
    note.fill("Long walk by the river with Sam. " + PAYLOAD)
    note.blur()
    tags = field(page, "Tags (activities, people, places)")
    tags.click()
    page.keyboard.type("walk")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    shot(page, "04-check-in-details")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Saved to your journal").first).to_be_visible()
    page.get_by_role("button", name="bad").click()
    expect(page.get_by_text("That's a complete check-in")).to_be_visible()

    page.get_by_role("link", name="Journal").click()
    expect(page.get_by_role("heading", name="Journal")).to_be_visible()
    expect(page.get_by_text("2 entries")).to_be_visible()
    expect(page.get_by_text("<script>window.__xss=1</script>", exact=False)).to_be_visible()
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    shot(page, "05-journal")

    search = field(page, "Search")
    search.fill("river")
    search.press("Enter")
    expect(page.get_by_text("1 entry", exact=True)).to_be_visible()
    shot(page, "06-journal-search")
    page.locator("button[data-testid^='stBaseButton']", has_text="Open").click()
    expect(page.get_by_role("button", name="Back to journal")).to_be_visible()
    page.get_by_text("Edit this entry").click()
    edit_note = field(page, "Write as much or as little as you like")
    edit_note.fill("Long walk by the river with Sam, then soup.")
    edit_note.blur()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("then soup").first).to_be_visible()
    shot(page, "07-entry-edited")
    page.get_by_role("button", name="Delete entry").click()
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_role("heading", name="Journal")).to_be_visible()
    search = field(page, "Search")
    search.fill("")
    search.press("Enter")
    expect(page.get_by_text("1 entry", exact=True)).to_be_visible()
    assert page.evaluate("window.__xss") is None
