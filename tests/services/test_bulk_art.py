"""Pictures in bulk for imported entries: each gets one from its mood, in the background."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from tests.conftest import FakeClock
from tests.helpers import make_user
from tests.interop.test_importers import FIXTURES
from therapy_app.services import entries, imports
from therapy_app.services.bulk_art import BulkArtJobs, entries_without_art


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 30, 12, 0, tzinfo=UTC))


def test_imported_entries_get_pictures_in_the_background(sqlite_ctx) -> None:
    sam = make_user(sqlite_ctx, "sam")
    imports.import_file(sqlite_ctx, sam, "daylio", FIXTURES / "daylio/currin_sample.csv")
    assert len(entries_without_art(sqlite_ctx, sam)) == 3
    jobs = BulkArtJobs()
    job = jobs.start(sqlite_ctx, sam)
    assert jobs.start(sqlite_ctx, sam) is job  # one job per person
    deadline = time.monotonic() + 120
    while job.running and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (job.done, job.total, job.error) == (3, 3, None)
    assert entries_without_art(sqlite_ctx, sam) == []
    views = entries.list_entries(sqlite_ctx, sam).items
    assert all(len(view.artwork_ids) == 1 for view in views)
    assert jobs.start(sqlite_ctx, sam).total == 0  # nothing left to paint


def test_a_stopped_job_keeps_what_it_painted(sqlite_ctx) -> None:
    sam = make_user(sqlite_ctx, "sam")
    imports.import_file(sqlite_ctx, sam, "daylio", FIXTURES / "daylio/staticf0x_test_data.csv")
    jobs = BulkArtJobs()
    job = jobs.start(sqlite_ctx, sam)
    jobs.stop(sam.user_id)
    while job.running:
        time.sleep(0.2)
    assert job.done < job.total == 32
    assert len(entries_without_art(sqlite_ctx, sam)) == 32 - job.done
