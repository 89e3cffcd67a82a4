"""A real server on a free port and Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import TEST_KEY, unavailable
from therapy_app.bench.browser import CHROMIUM, CHROMIUM_FLAGS, serving

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@pytest.fixture
def server(tmp_path):
    env = {"THERAPY_APP_HOME": str(tmp_path), "THERAPY_APP_KEY": TEST_KEY, "DATABASE_URL": ""}
    with serving(["therapy_app", "run"], env) as url:
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


def shot(page, name: str) -> None:
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
