"""Pages of the journal and the gallery hold exactly the entries a full read would put there,
whether the database pages (no search) or a search decrypts in batches and stops early."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import make_user, sample_artwork
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.services import artworks, entries, paging
from therapy_app.services.entries import EntryQuery

FEELINGS = ("happy", "lonely", "peaceful")
TAGS = ("walk", "work")
WORDS = ("river", "deadline", "tea")
ENTRIES = 33
START = datetime(2026, 1, 1, 12, tzinfo=UTC)


def _check_in(number: int) -> CheckIn:
    # Every third entry shares its time with the one before: the order must still be total.
    return CheckIn(
        feelings=(FeelingChoice(FEELINGS[number % 3], 1),),
        tags=TAGS[: number % 3],
        note=f"{WORDS[number % 2]} {WORDS[(number // 3) % 3]} {number}",
        occurred_at=START + timedelta(hours=number - number // 3),
    )


@pytest.fixture
def journal(ctx, clock, monkeypatch):
    monkeypatch.setattr(paging, "BATCH", 4)  # several batches in a small journal
    clock.now = START + timedelta(days=30)
    actor = make_user(ctx, "ada")
    picture = sample_artwork()
    for number in range(ENTRIES):
        art = picture if number % 4 == 0 else None
        entries.check_in(ctx, actor, _check_in(number), art)
    everything = entries.list_entries(ctx, actor, EntryQuery(limit=None))
    assert everything.total == ENTRIES and everything.complete
    return actor, everything.items


def _wanted(view: entries.EntryView, query: EntryQuery) -> bool:
    words = " ".join([view.note or "", *view.tags, *(f.word for f in view.feelings)]).casefold()
    return (
        (not query.text or query.text.casefold() in words)
        and (query.feeling is None or query.feeling in [f.word for f in view.feelings])
        and (query.tag is None or query.tag in view.tags)
    )


queries = st.builds(
    EntryQuery,
    text=st.sampled_from(("", "river", "TEA", "deadline 1", "absent")),
    feeling=st.none() | st.sampled_from(FEELINGS),
    tag=st.none() | st.sampled_from(TAGS),
    offset=st.integers(0, 40),
    limit=st.none() | st.integers(1, 12),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=queries)
def test_a_page_holds_exactly_the_matching_entries_in_order(ctx, journal, query) -> None:
    actor, everything = journal
    expected = [view.id for view in everything if _wanted(view, query)]
    end = None if query.limit is None else query.offset + query.limit
    page = entries.list_entries(ctx, actor, query)
    assert [view.id for view in page.items] == expected[query.offset : end]
    if page.complete:
        assert page.total == len(expected)
    else:  # a search that stopped early knows there is at least one more match
        assert end is not None and page.total == end + 1 <= len(expected)
    assert all(view.artwork_ids for view in page.items if view.id in _pictured(everything))


def _pictured(everything) -> set[str]:
    return {view.id for view in everything if view.artwork_ids}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    feeling=st.none() | st.sampled_from(FEELINGS),
    offset=st.integers(0, 10),
    limit=st.none() | st.integers(1, 5),
)
def test_a_gallery_page_holds_exactly_the_matching_pictures(
    ctx, journal, feeling, offset, limit
) -> None:
    actor, _ = journal
    everything = artworks.list_artworks(ctx, actor)
    assert len(everything) == len(range(0, ENTRIES, 4))
    expected = [view.id for view in everything if feeling is None or feeling in view.feelings]
    end = None if limit is None else offset + limit
    page = artworks.artwork_page(
        ctx, actor, query=artworks.ArtworkQuery(feeling, offset=offset, limit=limit)
    )
    assert [view.id for view in page.items] == expected[offset:end]
    assert page.total == len(expected) if page.complete else page.total == end + 1


@pytest.fixture
def opened(monkeypatch) -> list[int]:
    """One item per entry the services decrypt into a view."""
    opened: list[int] = []
    real_view = entries._view
    monkeypatch.setattr(
        entries, "_view", lambda *args, **kw: opened.append(1) or real_view(*args, **kw)
    )
    return opened


def test_the_search_stops_once_the_page_is_full(ctx, journal, opened) -> None:
    actor, _ = journal
    page = entries.list_entries(ctx, actor, EntryQuery(text="3", limit=2))
    assert len(page.items) == 2 and not page.complete
    assert len(opened) < ENTRIES // 2  # far from the whole journal


def test_without_a_search_only_the_page_is_decrypted(ctx, journal, opened) -> None:
    actor, _ = journal
    page = entries.list_entries(ctx, actor, EntryQuery(offset=10, limit=10))
    assert len(opened) == len(page.items) == 10 and page.total == ENTRIES
