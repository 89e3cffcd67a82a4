"""`therapy-app bench pages`: what the journal and gallery pages ask the services for, on
long journals (two check-ins a day, each with a picture), first and deep pages, with and
without filters."""

from __future__ import annotations

import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from therapy_app.bench.seed import Pictures, seed_journal
from therapy_app.config import settings_from_env
from therapy_app.journal.models import Role
from therapy_app.services import accounts, artworks, entries
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD, ZONE

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

TARGETS = {"journal_page_data_ms": 150, "gallery_page_data_ms": 150}
JOURNAL_PAGE, GALLERY_PAGE = 10, 24  # as the views show them
CLIENT = "bench-pages"


def _journal(root: Path, years: int, echo: Callable[[str], None]) -> AppContext:
    """A journal of ``years`` years under ``root``, seeded once and reused."""
    home = root / f"{years}-years"
    ctx = open_app(settings_from_env({"THERAPY_APP_HOME": str(home)}))
    if not (home / "seeded").is_file():
        echo(f"seeding {years * 365} days with a picture per entry into {home}")
        started = time.perf_counter()
        actor = accounts.create_user(ctx, CLIENT, PASSWORD, Role.CLIENT, "Bench", ZONE)
        count = seed_journal(ctx, actor.user_id, years * 365, Pictures.make())
        echo(f"  {count} entries in {time.perf_counter() - started:.0f} s")
        (home / "seeded").write_text(str(count), encoding="utf-8")
    return ctx


def _journal_page(ctx: AppContext, actor: Actor, query: entries.EntryQuery) -> int:
    """The journal page's service calls: the filter's tags, the page, its thumbnails."""
    entries.tag_usage(ctx, actor)
    page = entries.list_entries(ctx, actor, query)
    entries_with_art = [view.id for view in page.items if view.artwork_ids]
    artworks.entry_thumbnails(ctx, actor, entries_with_art)
    return len(page.items)


def _timed(call: Callable[[], int], repeats: int) -> dict[str, float]:
    call()  # warms the connection and caches, as a page already open would have them
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        shown = call()
        samples.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": round(statistics.median(samples), 1),
        "max_ms": round(max(samples), 1),
        "shown": shown,
    }


def _figures(ctx: AppContext, repeats: int) -> dict[str, dict[str, float]]:
    actor = accounts.find_user(ctx, CLIENT)
    query = entries.EntryQuery
    journal = {
        "journal_first_page": query(limit=JOURNAL_PAGE),
        "journal_page_100": query(offset=99 * JOURNAL_PAGE, limit=JOURNAL_PAGE),
        "journal_tag_walk": query(tag="walk", limit=JOURNAL_PAGE),
        "journal_feeling_happy": query(feeling="happy", limit=JOURNAL_PAGE),
        "journal_search_river": query(text="river", limit=JOURNAL_PAGE),
    }
    figures = {
        name: _timed(lambda q=q: _journal_page(ctx, actor, q), repeats)
        for name, q in journal.items()
    }
    gallery = {
        "gallery_first_page": {},
        "gallery_page_50": {"offset": 49 * GALLERY_PAGE},
        "gallery_feeling_happy": {"feeling": "happy"},
    }
    for name, options in gallery.items():
        figures[name] = _timed(
            lambda o=options: len(
                artworks.artwork_page(
                    ctx, actor, query=artworks.ArtworkQuery(limit=GALLERY_PAGE, **o)
                ).items
            ),
            repeats,
        )
    return figures


def benchmark(
    years: list[int], repeats: int, keep: Path | None, echo: Callable[[str], None]
) -> dict[str, object]:
    report: dict[str, object] = {"targets": TARGETS}
    with ExitStack() as stack:
        root = keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for length in years:
            ctx = _journal(root, length, echo)
            try:
                figures = _figures(ctx, repeats)
            finally:
                ctx.dispose()
            journal = figures["journal_first_page"]["median_ms"]
            gallery = figures["gallery_first_page"]["median_ms"]
            report[f"{length}_years"] = {
                **figures,
                "journal_page_data_ms": journal,
                "gallery_page_data_ms": gallery,
                "meets_targets": journal <= TARGETS["journal_page_data_ms"]
                and gallery <= TARGETS["gallery_page_data_ms"],
            }
    return report
