"""``therapy-app bench import``: how fast a large Daylio export goes into a new journal."""

from __future__ import annotations

import csv
import io
import random
import time
from datetime import UTC, datetime, timedelta

from therapy_app.bench.seed import scratch_journal
from therapy_app.journal.models import Role
from therapy_app.services import accounts, imports

MOODS = ("rad", "good", "meh", "bad", "awful")
ACTIVITIES = ("work", "friends", "family", "walk", "reading", "gaming", "good meal", "nap")
HEADER = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")


def daylio_sample(rows: int, seed: int = 7, end: datetime | None = None) -> str:
    """A Daylio export of ``rows`` entries, about three a day, newest first, with 12 h
    times, activities and notes (some with HTML), like the app writes."""
    rng = random.Random(seed)
    at = (end or datetime.now(UTC)).replace(tzinfo=None, second=0, microsecond=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for _ in range(rows):
        at -= timedelta(minutes=rng.randint(60, 900))
        activities = " | ".join(rng.sample(ACTIVITIES, rng.randint(0, 4)))
        note = rng.choice(("", "", "Slept badly.<br>Better by noon.", "A walk by the river 🌊"))
        writer.writerow(
            (
                at.date().isoformat(),
                f"{at.day} {at:%B}",
                f"{at:%A}",
                f"{at:%I:%M %p}".lstrip("0").lower(),
                rng.choice(MOODS),
                activities,
                "",
                note,
            )
        )
    return buffer.getvalue()


def benchmark(rows: int) -> dict[str, object]:
    """Import ``rows`` generated entries into a fresh SQLite journal, then the same file
    again; entries per second for each step."""
    with scratch_journal() as ctx:
        actor = accounts.create_user(ctx, "bench", "a long bench passphrase", Role.CLIENT)
        export = ctx.settings.home / "daylio_export.csv"
        export.write_text(daylio_sample(rows), encoding="utf-8")
        started = time.perf_counter()
        plan = imports.plan_import(ctx, actor, "daylio", export)
        planned = time.perf_counter()
        _, added = imports.import_file(ctx, actor, "daylio", export)
        imported = time.perf_counter()
        _, again = imports.import_file(ctx, actor, "daylio", export)
        repeated = time.perf_counter()
    return {
        "rows": rows,
        "entries_added": added,
        "entries_added_second_time": again,
        "preview_seconds": round(planned - started, 3),
        "import_seconds": round(imported - planned, 3),
        "entries_per_second": round(added / (imported - planned)),
        "second_import_seconds": round(repeated - imported, 3),
        "problems": len(plan.problems),
        "target_seconds_for_10000": 10,
    }
