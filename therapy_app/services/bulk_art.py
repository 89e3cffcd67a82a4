"""Pictures in bulk for entries that have none (typically after an import), painted from
each entry's mood in a background thread, so the person can leave the page and come back
to the progress. Every picture is saved with its entry in its own transaction: stopping
half-way keeps what was painted."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from therapy_app.errors import TherapyAppError
from therapy_app.journal import audit
from therapy_app.journal.models import Artwork, Entry
from therapy_app.services import artworks, entries

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

BATCH = 4  # pictures painted together: faster per picture, and progress still moves


def entries_without_art(ctx: AppContext, actor: Actor) -> list[str]:
    """The actor's entries that have no picture yet, oldest first."""
    with ctx.unit_of_work() as session:
        pictured = select(Artwork.entry_id).where(Artwork.owner_id == actor.user_id)
        ids = session.scalars(
            select(Entry.id)
            .where(Entry.owner_id == actor.user_id, Entry.id.not_in(pictured))
            .order_by(Entry.occurred_at)
        )
        ctx.audit(session, actor, audit.Action.READ, "entries", subject_id=actor.user_id)
        return list(ids)


def paint_entries(
    ctx: AppContext,
    actor: Actor,
    entry_ids: list[str],
    progress: Callable[[int], None],
    stop: Callable[[], bool],
) -> int:
    """Paint and save a picture for each of these entries that still has none; calls
    ``progress`` with the number done after each batch and ends early when ``stop()``."""
    from therapy_app.art.images import png_bytes  # NOTE: torch only when painting

    painter = artworks.painter()
    done = 0
    for start in range(0, len(entry_ids), BATCH):
        if stop():
            break
        views = [entries.get_entry(ctx, actor, i) for i in entry_ids[start : start + BATCH]]
        views = [view for view in views if not view.artwork_ids]  # painted meanwhile
        specs = [artworks.spec_for(v.as_check_in(), secrets.randbelow(2**31)) for v in views]
        for view, spec, image in zip(views, specs, painter.paint(specs), strict=True):
            picture = artworks.NewArtwork(png_bytes(image), painter.provenance(spec).as_json())
            artworks.save_artwork(ctx, actor, view.id, picture)
        done = min(len(entry_ids), start + BATCH)
        progress(done)
    return done


@dataclass
class BulkArtProgress:
    total: int
    done: int = 0
    running: bool = True
    error: str | None = None
    stop_requested: bool = False


class BulkArtJobs:
    """At most one painting job per person in this process, readable from any page visit."""

    def __init__(self) -> None:
        self._jobs: dict[str, BulkArtProgress] = {}
        self._lock = threading.Lock()

    def status(self, user_id: str) -> BulkArtProgress | None:
        return self._jobs.get(user_id)

    def start(self, ctx: AppContext, actor: Actor) -> BulkArtProgress:
        with self._lock:
            current = self._jobs.get(actor.user_id)
            if current and current.running:
                return current
            todo = entries_without_art(ctx, actor)
            job = BulkArtProgress(total=len(todo), running=bool(todo))
            self._jobs[actor.user_id] = job
        if todo:
            threading.Thread(
                target=self._run, args=(ctx, actor, todo, job), daemon=True, name="bulk-art"
            ).start()
        return job

    def stop(self, user_id: str) -> None:
        job = self._jobs.get(user_id)
        if job:
            job.stop_requested = True

    @staticmethod
    def _run(ctx: AppContext, actor: Actor, todo: list[str], job: BulkArtProgress) -> None:
        def advance(done: int) -> None:
            job.done = done

        try:
            paint_entries(ctx, actor, todo, advance, lambda: job.stop_requested)
        except TherapyAppError as error:
            job.error = str(error)
        finally:
            job.running = False
