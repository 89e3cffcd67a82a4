"""axe-core (the npm package, injected with Playwright) on every page a client and a therapist
see after a demo journal, in the light and the dark theme: no serious or critical violation.

axe-core is installed from npm into .test-cache/ the first time (CI reaches the registry);
after that the test runs offline. No npm or no axe-core is a failure, never a skip."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, first_load, log_in_as, settled, shot
from tests.conftest import make_settings
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD, seed_demo

AXE_VERSION = "4.14.1"
CACHE = Path(__file__).parents[2] / ".test-cache" / f"axe-core-{AXE_VERSION}"
AXE = CACHE / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ZOOMED = {"width": 640, "height": 450}  # the desktop window at 200 % zoom, in CSS pixels
# Vega-Lite draws an interval selection's two rectangles itself, as unnamed images, and no
# chart option reaches them (config aria=false leaves them and strips the other marks'
# descriptions); the timeline says what it shows in a sentence and a 'Show as table'.
VEGA_BRUSH = [[".window_brush_bg"], [".window_brush"]]
SERIOUS = f"""async () => {{
  const context = {{exclude: {json.dumps(VEGA_BRUSH)}}};
  const found = await axe.run(context, {{resultTypes: ["violations"]}});
  return found.violations
    .filter((v) => ["serious", "critical"].includes(v.impact))
    .map((v) => `${{v.id}} (${{v.impact}}): `
      + v.nodes.map((n) => n.target.join(" ")).slice(0, 3));
}}"""


@pytest.fixture(scope="session")
def axe_script() -> str:
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to install axe-core for the accessibility test")
        CACHE.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", "--prefix", str(CACHE), f"axe-core@{AXE_VERSION}", "--no-audit",
             "--no-fund", "--no-save", "--no-package-lock"],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if done.returncode != 0 or not AXE.exists():
            pytest.fail(f"could not install axe-core from npm: {done.stderr[-500:]}")
    return AXE.read_text(encoding="utf-8")


def _pages(page) -> list[str]:
    links = page.locator("[data-testid='stSidebarNav'] a")
    expect(links.first).to_be_visible()
    return links.evaluate_all("all => all.map((link) => link.href)")


def _violations(page, axe_script: str, where: str) -> list[str]:
    settled(page)
    page.add_script_tag(content=axe_script)
    return [f"{where}: {found}" for found in page.evaluate(SERIOUS)]


def _checked(page, axe_script: str, where: str, scheme: str) -> list[str]:
    """The page's violations, and its screenshots wide, on a phone and at 200 % zoom; the
    page must be the signed-in one asked for, not the sign-in page after a lost session."""
    expect(page.get_by_role("button", name="Log out")).to_be_attached()
    found = _violations(page, axe_script, where)
    name = where.replace(" ", "-").replace("'", "")
    shot(page, f"70-axe-{name}-{scheme}")
    for size, label in ((PHONE, "phone"), (ZOOMED, "zoom-200")):
        page.set_viewport_size(size)
        shot(page, f"71-{label}-{name}-{scheme}")
    page.set_viewport_size(DESKTOP)
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_violation_on_any_page(server, page, tmp_path, axe_script, scheme):
    ctx = open_app(make_settings(tmp_path))
    demo = seed_demo(ctx, days=14)
    ctx.dispose()
    page.emulate_media(color_scheme=scheme)
    first_load(page, server)
    found = _violations(page, axe_script, "sign-in page")
    for username, first_page in (
        (demo.client, "How are you, right now?"),
        (demo.therapist, "Clients"),
    ):
        log_in_as(page, server, username, PASSWORD, first_page, remember=True)
        for address in _pages(page):
            page.goto(address)
            name = address.rsplit("/", 1)[-1] or "first page"
            found += _checked(page, axe_script, f"{username} {name}", scheme)
        if username == demo.therapist:
            page.get_by_role("link", name="Clients").click()
            page.get_by_role("combobox", name="Open a client").click()
            page.get_by_role("option").first.click()
            expect(page.get_by_role("tab", name="Overview")).to_be_visible()
            found += _checked(page, axe_script, f"{username} a client's page", scheme)
        page.get_by_role("button", name="Log out").click()  # forgets the kept sign-in too
        expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    (ARTIFACTS / f"axe-{scheme}.txt").write_text("\n".join(found), encoding="utf-8")
    assert found == []
