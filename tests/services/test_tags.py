"""Tags live only as long as their entries, and simultaneous check-ins lose nothing."""

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from tests.helpers import make_user
from therapy_app.journal.models import Tag
from therapy_app.mood.checkin import CheckIn
from therapy_app.services import entries


def _tag_names(ctx, actor) -> list[str]:
    """Every tag the owner has, used or not."""
    return sorted(name for name, _ in entries.tag_usage(ctx, actor))


def test_a_tag_goes_with_its_last_entry(ctx) -> None:
    actor = make_user(ctx, "ada")
    first = entries.check_in(ctx, actor, CheckIn(valence=0.1, energy=0, tags=("walk", "rain")))
    second = entries.check_in(ctx, actor, CheckIn(valence=0.1, energy=0, tags=("walk",)))
    entries.update_entry(ctx, actor, first.id, CheckIn(valence=0.1, energy=0, tags=("sun",)))
    assert _tag_names(ctx, actor) == ["sun", "walk"]
    entries.delete_entry(ctx, actor, second.id)
    assert _tag_names(ctx, actor) == ["sun"]
    assert entries.tag_usage(ctx, actor) == [("sun", 1)]


def test_simultaneous_check_ins_with_the_same_new_tag_all_keep(ctx) -> None:
    actor = make_user(ctx, "ada")
    barrier = threading.Barrier(4)

    def check_in(_: int) -> str:
        barrier.wait()
        return entries.check_in(ctx, actor, CheckIn(valence=0.2, energy=0, tags=("new",))).id

    with ThreadPoolExecutor(4) as pool:
        saved = list(pool.map(check_in, range(4)))
    assert len(set(saved)) == 4
    assert entries.list_entries(ctx, actor).total == 4
    assert entries.tag_usage(ctx, actor) == [("new", 4)]
    with ctx.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Tag)) == 1
