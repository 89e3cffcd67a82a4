"""`therapy-app bench app`: the timeline of long demo journals, timed in the services and in
headless chromium beside a bare one-line Streamlit page served in the same run."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections import defaultdict
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from therapy_app.bench.browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    require_chromium,
    serving,
    streamlit_flags,
)
from therapy_app.config import settings_from_env
from therapy_app.progress_bar import progress_bar
from therapy_app.services import accounts, artworks, insights
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD, seed_demo
from therapy_app.services.kept_journals import KeptJournals
from therapy_app.ui.views.timeline_view import WINDOW_HINT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import BrowserContext, Page

TARGETS = {
    "timeline_data_ms": 300,
    "page_usable_ms": 2000,
    "ratio_to_bare_page": 1.5,
    "thumbnail_bytes_max": 25_000,
}
BARE_SCRIPT = 'import streamlit as st\n\nst.write("A bare page.")\n'
BARE_WORDS = "A bare page."
# The floor of any page like the timeline: the bare line and the smallest Altair chart, as the
# second page of a two-page app served as the app is (ui/server.py), with the app's settings.
SMALLEST_CHART_SCRIPT = """import altair as alt
import pandas as pd
import streamlit as st


def home() -> None:
    st.write("Home")


def chart() -> None:
    points = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    st.altair_chart(alt.Chart(points).mark_line().encode(x="x", y="y"), width="stretch")
    st.write("A bare page.")


st.navigation([st.Page(home), st.Page(chart, url_path="chart")]).run()
"""
# Served like the app: page addresses answered by `PageAddresses` (see ui/server.py).
SERVED_LIKE_THE_APP = """from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from therapy_app.ui.page_addresses import PageAddresses

app = st.App(Path(__file__).with_name("{script}"), middleware=[Middleware(PageAddresses)])
"""
DEFAULTS = ["--server.headless=true", "--browser.gatherUsageStats=false"]
# (script, flags, path, served like the app): the bare page with Streamlit's defaults (the
# target's reference) and with the app's own settings (theme, toolbar, no file watcher), which
# alone load faster.
REFERENCES = {
    "bare_page": (BARE_SCRIPT, DEFAULTS, "", False),
    "bare_page_app_settings": (BARE_SCRIPT, streamlit_flags(), "", False),
    "smallest_chart_page": (SMALLEST_CHART_SCRIPT, streamlit_flags(), "/chart", True),
}
# Usable: the script run is over (the state Streamlit's own end-to-end tests wait for; its
# "Running" badge shows only after a delay, so a page whose last words come before a chart
# would pass before the chart arrived), the page's last words are on screen in the main
# area, no element is still a skeleton (Streamlit shows one while it fetches a chart's code),
# and every chart on it has been drawn.
USABLE = """([words]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== "notRunning") return false;
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || !main.innerText.includes(words)) return false;
  if (main.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = [...main.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  return charts.every((chart) => chart.querySelector('canvas, svg.marks'));
}"""
THUMBNAIL_MARK = b"data:image/jpeg;base64,"
TIMELINE_DONE = WINDOW_HINT  # the last words of the timeline's first tab
CHECK_IN_DONE = "How are you, right now?"
FIRST_TAB = ("overview", "streaks")  # the frames the timeline opens on
OTHER_TABS = (
    "daily",
    "feelings_over_time",
    "tag_effects",
    "weekday",
    "time_of_day",
    "top_feelings",
)


@dataclass(frozen=True)
class Journal:
    home: str
    client: str
    entries: int
    pictures: int
    seed_seconds: float


def app_env(home: Path) -> dict[str, str]:
    return {"THERAPY_APP_HOME": str(home), "DATABASE_URL": "", "THERAPY_APP_KEY": ""}


def _journal(root: Path, days: int, echo: Callable[[str], None]) -> Journal:
    """A demo journal of ``days`` days, seeded once and kept under ``root`` for reruns."""
    home = root / f"{days}-days"
    record = home / "demo.json"
    if record.is_file():
        return Journal(**json.loads(record.read_text(encoding="utf-8")))
    home.mkdir(parents=True, exist_ok=True)
    ctx = open_app(settings_from_env(app_env(home)))
    echo(f"seeding {days} days of demo journal with a picture per entry into {home}")
    started = time.perf_counter()
    with progress_bar(f"{days} days of demo journal") as progress:
        result = seed_demo(ctx, days, progress=progress)
    ctx.dispose()
    journal = Journal(
        str(home), result.client, result.entries, result.pictures, time.perf_counter() - started
    )
    record.write_text(json.dumps(asdict(journal)), encoding="utf-8")
    return journal


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(samples), 1),
        "min": round(min(samples), 1),
        "max": round(max(samples), 1),
    }


def _timeline_data(journal: Journal, repeats: int) -> dict[str, object]:
    """What the page asks the services for: the journal's frames and the window's details
    (the first tab's, then every tab's)."""
    ctx = open_app(settings_from_env(app_env(Path(journal.home))))
    actor = accounts.resume(ctx, accounts.log_in(ctx, journal.client, PASSWORD))
    first_tab, every_tab, coming_back = [], [], []
    for _ in range(repeats + 1):  # the first run warms caches and is left out
        kept = KeptJournals()  # a new session's: built from the database, as on a first visit
        started = time.perf_counter()
        data = insights.journal_insights(ctx, actor, kept=kept)
        window = insights.window(ctx, actor, data.entries)
        for name in FIRST_TAB:
            getattr(data, name)
        first_tab.append((time.perf_counter() - started) * 1000)
        for name in OTHER_TABS:
            getattr(data, name)
        every_tab.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()  # and as on coming back: the journal's frames are kept
        data = insights.journal_insights(ctx, actor, kept=kept)
        window = insights.window(ctx, actor, data.entries)
        coming_back.append((time.perf_counter() - started) * 1000)
    every_id = data.entries["id"].tolist()
    sizes = [len(t) for t in artworks.entry_thumbnails(ctx, actor, every_id).values()]
    ctx.dispose()
    return {
        "timeline_data_ms": summary(first_tab[1:]),
        "every_tab_data_ms": summary(every_tab[1:]),
        "timeline_data_coming_back_ms": summary(coming_back[1:]),
        "thumbnail_bytes_max": max(sizes, default=0),
        "thumbnail_bytes_mean": round(statistics.fmean(sizes)) if sizes else 0,
        "window_entries": len(window.entries),
        "window_pictures": len(window.pictures),
    }


class _Traffic:
    """What the server sent the browser: websocket bytes, thumbnails inside them, and
    media requests (images shown with st.image)."""

    def __init__(self, page: Page) -> None:
        self.bytes = self.thumbnails = self.media = 0
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))
        page.on("request", lambda request: self._request(request.url))

    def _frame(self, payload: str | bytes) -> None:
        data = payload.encode() if isinstance(payload, str) else payload
        self.bytes += len(data)
        self.thumbnails += data.count(THUMBNAIL_MARK)

    def _request(self, url: str) -> None:
        self.media += "/media/" in url

    def reset(self) -> None:
        self.bytes = self.thumbnails = self.media = 0


def _load(page: Page, url: str, last_words: str) -> float:
    """Milliseconds from asking the browser for a page until it is usable."""
    page.bring_to_front()  # a background tab gets no animation frames: charts would wait
    page.goto("about:blank")
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(USABLE, arg=[last_words])
    return (time.perf_counter() - started) * 1000


def _click_through(page: Page, url: str) -> float:
    """Milliseconds from clicking Timeline in the sidebar of the check-in page (loaded first,
    untimed) until the timeline is usable: how a person usually gets there."""
    _load(page, url, CHECK_IN_DONE)
    started = time.perf_counter()
    page.get_by_role("link", name="Timeline").click()
    page.wait_for_function(USABLE, arg=[TIMELINE_DONE])
    return (time.perf_counter() - started) * 1000


@contextmanager
def chromium() -> Iterator[BrowserContext]:
    require_chromium("The app benchmark")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(120_000)
        try:
            yield context
        finally:
            browser.close()


def log_in(page: Page, url: str, username: str) -> None:
    """Log in once, asking to stay signed in, so each timed visit is a plain page load."""
    page.goto(url)
    page.wait_for_function(USABLE, arg=["A quiet place"])
    page.locator('input[aria-label="Username"]').first.fill(username)
    page.locator('input[aria-label="Password"]').first.fill(PASSWORD)
    page.get_by_text("Keep me signed in on this browser").first.click()
    # the server sets the sign-in cookie (HttpOnly: no page script sees it) when the page
    # posts its one-time code (ui/sign_in_cookie.py)
    with page.expect_response(lambda response: response.url.endswith("/_auth/remember")):
        page.get_by_role("button", name="Log in").click()
    page.wait_for_function(USABLE, arg=[CHECK_IN_DONE])


def _pages(journal: Journal, references: dict[str, str], repeats: int) -> dict[str, object]:
    """The timeline reached from the sidebar, then full page loads of it and of the reference
    pages, in turn in one browser so that all of them see the same machine at the same moment."""
    with serving(["therapy_app", "run"], app_env(Path(journal.home))) as url, chromium() as context:
        app = context.new_page()
        traffic = _Traffic(app)
        log_in(app, url, journal.client)
        other = context.new_page()
        timings: dict[str, list[float]] = defaultdict(list)
        for visit in range(repeats + 1):  # the first visit warms the servers: left out
            loads = {"clicked": _click_through(app, url)}
            traffic.reset()  # what one full load of the timeline brings
            loads["timeline"] = _load(app, f"{url}/timeline", TIMELINE_DONE)
            loads |= {name: _load(other, ref, BARE_WORDS) for name, ref in references.items()}
            if visit:
                for name, milliseconds in loads.items():
                    timings[name].append(milliseconds)
    timeline = statistics.median(timings["timeline"])
    return {
        "page_usable_ms": summary(timings["timeline"]),
        "page_usable_from_the_sidebar_ms": summary(timings["clicked"]),
        **{f"{name}_ms": summary(timings[name]) for name in references},
        **{
            f"ratio_to_{name}": round(timeline / statistics.median(timings[name]), 2)
            for name in references
        },
        "ratio_from_the_sidebar_to_bare_page": round(
            statistics.median(timings["clicked"]) / statistics.median(timings["bare_page"]), 2
        ),
        "sent_per_visit": {
            "websocket_bytes": traffic.bytes,
            "thumbnails_in_charts": traffic.thumbnails,
            "images_requested": traffic.media,
        },
    }


def _passes(figures: dict[str, object]) -> dict[str, bool]:
    return {
        "timeline_data_ms": figures["timeline_data_ms"]["median"] <= TARGETS["timeline_data_ms"],
        "page_usable_ms": figures["page_usable_ms"]["median"] <= TARGETS["page_usable_ms"],
        "ratio_to_bare_page": figures["ratio_to_bare_page"] <= TARGETS["ratio_to_bare_page"],
        "thumbnail_bytes_max": figures["thumbnail_bytes_max"] <= TARGETS["thumbnail_bytes_max"],
        "only_on_screen_thumbnails_sent": figures["sent_per_visit"]["thumbnails_in_charts"]
        <= figures["window_pictures"],
    }


def benchmark(
    journals: dict[str, int],
    repeats: int = 5,
    keep: Path | None = None,
    echo: Callable[[str], None] = lambda _: None,
) -> dict[str, object]:
    """Seed (or reuse, under ``keep``) a demo journal per entry of ``journals`` (label ->
    days) and measure each."""
    with tempfile.TemporaryDirectory(prefix="therapy-bench-") as scratch, ExitStack() as stack:
        root = keep or Path(scratch)
        references = {}
        for name, (script, flags, page, like_the_app) in REFERENCES.items():
            path = Path(scratch) / f"{name}.py"
            path.write_text(script, encoding="utf-8")
            if like_the_app:
                path = path.with_name(f"{name}_server.py")
                path.write_text(SERVED_LIKE_THE_APP.format(script=f"{name}.py"), encoding="utf-8")
            command = ["streamlit", "run", str(path), *flags]
            references[name] = stack.enter_context(serving(command, {}, "--server.port")) + page
        report: dict[str, object] = {"targets": TARGETS}
        for label, days in journals.items():
            journal = _journal(root, days, echo)
            echo(f"measuring {label}: {journal.entries} entries")
            figures = {
                "entries": journal.entries,
                "pictures": journal.pictures,
                "seed_seconds": round(journal.seed_seconds, 1),
                **_timeline_data(journal, repeats),
                **_pages(journal, references, repeats),
            }
            report[label] = {**figures, "meets_target": _passes(figures)}
        return report
