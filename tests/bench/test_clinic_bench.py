"""The clinic benchmark in miniature (seconds, no PostgreSQL restart, no browsers), and its
write check, which must notice a lost or half-written entry."""

from tests.conftest import POSTGRES_URL
from tests.helpers import sample_artwork
from therapy_app.bench import clinic
from therapy_app.bench.clinic import ART_TAG, Plan, Tally, check_writes
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import entries

SMALL_CLINIC = {"clients": 4, "therapists": 2, "per_therapist": 2, "days": 10}
TINY = Plan(**SMALL_CLINIC, workers=4, processes=2, seconds=3, fault_seconds=0, browsers=0)


def test_a_tiny_clinic_runs_clean(postgres_url) -> None:
    del postgres_url  # PostgreSQL is there; the benchmark makes a schema of its own
    report = clinic.benchmark(TINY, POSTGRES_URL, lambda _line: None)
    load_a = report["load_a"]
    assert report["seed"]["entries"] == TINY.clients * TINY.days
    assert load_a["errors"] == {}
    assert sum(op["count"] for op in load_a["operations"].values()) > 0
    assert load_a["writes"]["lost"] == 0 and load_a["writes"]["half_written"] == 0
    assert len(load_a["memory_per_process"]) == TINY.processes
    assert load_a["cpu_seconds"]["load_processes"] > 0 and "postgres" in load_a["cpu_seconds"]
    assert load_a["least_mean_ms_on_these_cores"] > 0


def test_the_write_check_notices_lost_and_half_written_entries(ctx) -> None:
    roster = clinic._seed_accounts(ctx, TINY)
    client = roster.clients[0]
    kept = entries.check_in(ctx, client, CheckIn(quick_mood=QuickMood.GOOD))
    pictured = entries.check_in(ctx, client, CheckIn(tags=(ART_TAG,)), sample_artwork())
    tally = Tally(acknowledged=[kept.id, pictured.id], with_art=[pictured.id])
    assert check_writes(ctx, roster, tally) == {
        "acknowledged": 2,
        "lost": 0,
        "acknowledged_with_art": 1,
        "lost_pictures": 0,
        "half_written": 0,
    }
    entries.check_in(ctx, client, CheckIn(tags=(ART_TAG,)))  # marked, but no picture
    tally.acknowledged.append("an-entry-that-never-was")
    found = check_writes(ctx, roster, tally)
    assert found["lost"] == 1 and found["half_written"] == 1
