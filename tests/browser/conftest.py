"""A real server on a free port and Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY, unavailable
from therapy_app.ui.browser import CHROMIUM, CHROMIUM_FLAGS, serving

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"


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
        yield tab
        browser.close()


def shot(page, name: str) -> None:
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
