"""`therapy-app bench art`: the art page in headless chromium, from a click on a control to
the pictures it asks for on screen (painted, sent and drawn), each timed ``repeats`` times;
beside it the four candidates painted alone, and a demo week's mood morph (time, bytes)."""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from therapy_app.bench.app import app_env, chromium, log_in, summary
from therapy_app.bench.browser import serving
from therapy_app.config import settings_from_env
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn, parse_feeling
from therapy_app.services import accounts, artworks, entries
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD, seed_demo

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

TARGETS = {
    "candidates_after_a_control_ms": 1000,
    "keep_ms": 1500,
    "morph_ms": 5000,
    "morph_bytes": 1_000_000,
}
MORPH_ROUNDS = 3  # each paints a whole animation
ARTIST = "artist"
# The pictures in the main area, as the browser holds them (each painting gets a new address).
IMAGES = '\'[data-testid="stMain"] [data-testid="stImage"] img\''
PICTURES = f"() => [...document.querySelectorAll({IMAGES})].map((img) => img.src)"
# Done: the run is over, at least ``count`` pictures are there, the first ``count`` are not
# those of ``before``, and each of them is decoded.
SHOWN = (
    """([before, count]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== "notRunning") return false;
  const images = [...document.querySelectorAll("""
    + IMAGES
    + """)];
  if (images.length < count) return false;
  const shown = images.slice(0, count);
  if (shown.every((img, i) => img.src === before[i])) return false;
  return shown.every((img) => img.complete && img.naturalWidth > 0);
}"""
)
SETTLED = """() => document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState
  === "notRunning" """


def _journal(home: Path) -> None:
    ctx = open_app(settings_from_env(app_env(home)))
    actor = accounts.create_user(ctx, ARTIST, PASSWORD, Role.CLIENT)
    entries.check_in(ctx, actor, CheckIn(feelings=(parse_feeling("hopeful"),)))
    ctx.dispose()


def _painting_alone(repeats: int) -> list[float]:
    """The floor under every figure: the four candidates painted in this process, on the
    same machine at the same moment (no page, no browser)."""
    from therapy_app.ui.views.art_view import CANDIDATE_SIDE, CANDIDATES

    painter = artworks.painter()
    check_in = CheckIn(feelings=(parse_feeling("hopeful"),))
    times = []
    for seed in range(repeats + 1):
        specs = [
            artworks.spec_for(check_in, seed * 10 + i, 0.15, CANDIDATE_SIDE)
            for i in range(CANDIDATES)
        ]
        started = time.perf_counter()
        painter.paint(specs)
        times.append((time.perf_counter() - started) * 1000)
    return times[1:]


def _morph(home: Path, rounds: int) -> tuple[list[float], int]:
    """A demo week (two entries a day, each with a picture): its mood morph painted, timed in
    the services (as the timeline's button asks for it), and its size."""
    ctx = open_app(settings_from_env(app_env(home)))
    client = seed_demo(ctx, days=7).client
    actor = accounts.resume(ctx, accounts.log_in(ctx, client, PASSWORD))
    until = ctx.clock().astimezone(ZoneInfo(actor.timezone)).date()
    times, size = [], 0
    for _ in range(rounds):
        started = time.perf_counter()
        size = len(artworks.mood_morph(ctx, actor, until - timedelta(days=6), until) or b"")
        times.append((time.perf_counter() - started) * 1000)
    ctx.dispose()
    return times, size


def _timed(page: Page, action: Callable[[], None], count: int) -> float:
    """Milliseconds from ``action`` until ``count`` new pictures are on screen."""
    before = page.evaluate(PICTURES)
    started = time.perf_counter()
    action()
    page.wait_for_function(SHOWN, arg=[before, count])
    return (time.perf_counter() - started) * 1000


def _slider_to(page: Page, label: str, key: str) -> Callable[[], None]:
    def move() -> None:
        page.get_by_role("slider", name=label).first.focus()
        page.keyboard.press(key)

    return move


def benchmark(repeats: int = 10, echo: Callable[[str], None] = lambda _: None) -> dict:
    """Time the art page's controls on a fresh journal of one check-in."""
    with tempfile.TemporaryDirectory(prefix="therapy-bench-art-") as scratch:
        home = Path(scratch)
        _journal(home)
        with serving(["therapy_app", "run"], app_env(home)) as url, chromium() as context:
            page = context.new_page()
            log_in(page, url, ARTIST)
            first: list[float] = []
            timings: dict[str, list[float]] = {
                "reroll": [],
                "imperfection": [],
                "more_like_this": [],
                "keep": [],
            }
            title_rerun: list[float] = []
            for visit in range(repeats + 1):  # the first round warms the server: left out
                echo(f"round {visit} of {repeats}")
                page.goto("about:blank")
                opened = _timed(page, lambda: page.goto(f"{url}/art"), 4)
                measured = {
                    "reroll": _timed(
                        page, lambda: page.get_by_role("button", name="Reroll").click(), 4
                    ),
                    "imperfection": _timed(page, _slider_to(page, "Imperfection", "End"), 4),
                    "more_like_this": _timed(
                        page,
                        lambda: page.get_by_role("button", name="More like this").first.click(),
                        4,
                    ),
                    "keep": _timed(
                        page, lambda: page.get_by_role("button", name="Keep this").nth(1).click(), 5
                    ),
                }
                title = page.locator('input[aria-label="Give it a title (optional)"]')
                started = time.perf_counter()
                title.fill(f"Round {visit}")
                title.press("Enter")
                page.wait_for_timeout(50)  # the rerun starts
                page.wait_for_function(SETTLED)
                typed = (time.perf_counter() - started) * 1000
                if visit:
                    first.append(opened)
                    title_rerun.append(typed)
                    for name, milliseconds in measured.items():
                        timings[name].append(milliseconds)
    painting = _painting_alone(repeats)
    with tempfile.TemporaryDirectory(prefix="therapy-bench-morph-") as scratch:
        morph, morph_bytes = _morph(Path(scratch), min(repeats, MORPH_ROUNDS))
    controls = [ms for name in ("reroll", "imperfection", "more_like_this") for ms in timings[name]]
    report = {
        "repeats": repeats,
        "targets": TARGETS,
        "page_with_candidates_ms": summary(first),
        **{f"{name}_ms": summary(values) for name, values in timings.items()},
        "title_entered_ms": summary(title_rerun),
        "candidates_after_a_control_ms": summary(controls),
        "painting_four_candidates_alone_ms": summary(painting),
        "morph_ms": summary(morph),
        "morph_bytes": morph_bytes,
    }
    report["meets_target"] = {
        name: (report[name]["median"] if isinstance(report[name], dict) else report[name]) <= target
        for name, target in TARGETS.items()
    }
    return report
