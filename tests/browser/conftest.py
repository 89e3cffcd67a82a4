"""A real server on a free port and Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.conftest import TEST_KEY, unavailable
from therapy_app.bench.browser import CHROMIUM, CHROMIUM_FLAGS, serving

if TYPE_CHECKING:
    from collections.abc import Iterator

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
LOCAL_HOSTS = ("127.0.0.1", "localhost")
FIRST_LOAD_MS = 90_000
# Counts Streamlit's finished script runs in window.__runsDone (the app marks its state on
# the stApp element), so that a test can wait for the run that an action asked for.
COUNT_RUNS = """
window.__runsDone = 0;
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.dataset.testScriptState === "notRunning" && change.oldValue !== null
        && change.oldValue !== "notRunning") window.__runsDone += 1;
  }
}).observe(document, {
  subtree: true, attributes: true, attributeOldValue: true,
  attributeFilter: ["data-test-script-state"],
});
"""
# The page at rest: no script run going, no loading skeleton, every chart drawn.
SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== "notRunning") return false;
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || main.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = [...main.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  return charts.every((chart) => chart.querySelector('canvas, svg.marks'));
}"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives chromium, which takes seconds: `pytest -m "not
    browser"` leaves them out, and so does the quick loop, `pytest -m "not slow"`. A test
    that fails is run once more (pytest-rerunfailures), and the summary names it as rerun:
    a race between the browser and the server that the test did not wait out must not
    stop a build, nor go unseen."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.flaky(reruns=1))


@contextmanager
def serving_journal(home: Path, database_url: str = "") -> Iterator[str]:
    """The app serving the journal in ``home`` (and ``database_url``, where given)."""
    env = {"THERAPY_APP_HOME": str(home), "THERAPY_APP_KEY": TEST_KEY}
    app_env = {**env, "DATABASE_URL": database_url}
    with serving(["therapy_app", "run"], app_env, tell_log=True) as url:
        yield url


@pytest.fixture
def server(tmp_path):
    with serving_journal(tmp_path) as url:
        yield url


@pytest.fixture
def page():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        unavailable("playwright is not installed")
    expect.set_options(timeout=30_000)  # the first page load compiles the app
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, timezone_id="Europe/Berlin"
        )
        context.add_init_script(COUNT_RUNS)
        tab = context.new_page()
        tab.set_default_timeout(30_000)
        elsewhere: list[str] = []
        tab.on("request", lambda request: _note_elsewhere(request.url, elsewhere))
        yield tab
        browser.close()
    assert not elsewhere, f"the page asked a server outside this machine: {elsewhere}"


def _note_elsewhere(url: str, elsewhere: list[str]) -> None:
    """Journal pages are health data: nothing they load may come from (and so tell) anyone
    but the app's own server."""
    parts = urlsplit(url)
    if parts.scheme not in ("data", "blob", "about") and parts.hostname not in LOCAL_HOSTS:
        elsewhere.append(url)


def first_load(page, url: str) -> None:
    """Open the app's first page: its first run imports the app (torch, pandas), which on a
    busy machine takes longer than any later step, so it alone waits up to 90 s."""
    page.goto(url)
    page.locator("[data-testid='stMain'] h1").first.wait_for(timeout=FIRST_LOAD_MS)
    page.wait_for_function(SETTLED, timeout=FIRST_LOAD_MS)  # the title shows before the end


def log_in_as(
    page, url: str, username: str, password: str, first_heading: str, remember: bool = False
) -> None:
    """Log in on the sign-in page and wait for the first page of the person's role; with
    ``remember``, ticking 'keep me signed in', so that going to a page's address (a reload)
    keeps the person signed in."""
    from playwright.sync_api import expect

    first_load(page, url)
    fields = "input[aria-label='{}']"
    page.locator(fields.format("Username")).first.fill(username)
    page.locator(fields.format("Password")).first.fill(password)
    if remember:  # the log-in tab's box (the sign-up tab has one too)
        page.get_by_text("Keep me signed in on this browser").first.click()
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=first_heading)).to_be_visible()
    if remember:
        wait_for_sign_in_cookie(page, url)


def wait_for_sign_in_cookie(page, url: str, timeout_s: float = 30.0) -> None:
    """Wait until the browser holds the 'keep me signed in' cookie, which the page collects
    after the first page shows (ui/sign_in_cookie.py): a reload before it signs out."""
    name = f"therapy_app_{urlsplit(url).port}_signin"  # HttpOnly: only the context sees it
    deadline = time.monotonic() + timeout_s
    while not any(cookie["name"] == name for cookie in page.context.cookies()):
        assert time.monotonic() < deadline, f"the browser never got the cookie {name}"
        page.wait_for_timeout(100)


def settled(page) -> None:
    """Wait until the page is at rest (see SETTLED)."""
    page.wait_for_function(SETTLED)


@contextmanager
def server_run(page):
    """Wait, after the block, for the script run that what it did asked for (a value sent
    to the server, a click) to finish, and for the page to be at rest."""
    done = page.evaluate("window.__runsDone")
    yield
    page.wait_for_function("(done) => window.__runsDone > done", arg=done)
    settled(page)


def appears_after_a_click(locator, timeout_ms: float = 2_000) -> bool:
    """Give what a click may open the time to appear; False if it did not (a click on an
    empty spot of a chart opens nothing, a click on a box being redrawn opens no list)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        locator.first.wait_for(state="visible", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        return False
    return True


def shot(page, name: str) -> None:
    settled(page)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, animations="disabled")
