"""Import into a journal, on SQLite and PostgreSQL: preview writes nothing, the write is one
transaction, a second import of the same file adds nothing, a refused file changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from tests.conftest import FakeClock
from tests.helpers import make_user
from tests.interop.test_importers import DATA, EXPECTED, FIXTURES
from therapy_app.errors import InvalidInputError
from therapy_app.journal import audit
from therapy_app.journal.models import Entry, ImportKey
from therapy_app.mood.scales import QuickMood
from therapy_app.services import entries, imports

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 30, 12, 0, tzinfo=UTC))  # after every fixture's rows


def _count(ctx, model) -> int:
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_fixture_imports_once(ctx, name: str) -> None:
    fmt, rows, _ = EXPECTED[name]
    sam = make_user(ctx, "sam")
    plan = imports.plan_import(ctx, sam, fmt, FIXTURES / name)
    assert (len(plan.new), plan.duplicates, _count(ctx, Entry)) == (rows, 0, 0)
    first, added = imports.import_file(ctx, sam, fmt, FIXTURES / name)
    assert added == rows == _count(ctx, Entry) == _count(ctx, ImportKey)
    again, added_again = imports.import_file(ctx, sam, fmt, FIXTURES / name)
    assert (added_again, again.duplicates) == (0, rows)
    assert _count(ctx, Entry) == rows


def test_imported_entries_read_back_as_written(ctx) -> None:
    sam = make_user(ctx, "sam", timezone="Europe/Berlin")
    mood_map = {"😊 отлично": QuickMood.GREAT, "😞 плохо": QuickMood.AWFUL}
    plan, added = imports.import_file(
        ctx, sam, "daylio", DATA / "daylio_bom_crlf_2019.csv", mood_map
    )
    assert added == 6 and plan.date_range[0].isoformat() == "2026-03-28"
    page = entries.list_entries(ctx, sam, entries.EntryQuery(limit=None))
    by_note = {view.note: view for view in page.items}
    twice = by_note["Twice at 2:30&more\nsecond line 🎨"]
    assert twice.quick_mood is QuickMood.GREAT and twice.tags == ("family", "読書")
    assert twice.local_time.hour == 2 and twice.timezone == "Europe/Berlin"
    assert by_note["Zażółć gęślą jaźń — ünïcödé ✓"].quick_mood is QuickMood.AWFUL
    # another person importing the same file gets their own entries
    kim = make_user(ctx, "kim")
    assert imports.import_file(ctx, kim, "daylio", DATA / "daylio_bom_crlf_2019.csv")[1] == 6


def test_a_file_with_unreadable_rows_is_refused_whole(ctx) -> None:
    sam = make_user(ctx, "sam")
    plan = imports.plan_import(ctx, sam, "daylio", DATA / "daylio_bad_rows.csv")
    assert [p.line for p in plan.errors] == [2, 3, 4] and len(plan.new) == 1
    with pytest.raises(InvalidInputError, match="3 rows of daylio_bad_rows.csv cannot be"):
        imports.import_file(ctx, sam, "daylio", DATA / "daylio_bad_rows.csv")
    assert _count(ctx, Entry) == _count(ctx, ImportKey) == 0


def test_rows_the_journal_refuses_are_problems_with_their_line(ctx, tmp_path: Path) -> None:
    sam = make_user(ctx, "sam")
    future = tmp_path / "future.csv"
    future.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2099-01-01,1 January,Thursday,10:00,rad,,,\n"
        "2020-01-01,1 January,Wednesday,10:00,rad,,,\n"
    )
    plan = imports.plan_import(ctx, sam, "daylio", future)
    assert [(p.line, p.severity.value) for p in plan.problems] == [(2, "error")]
    assert "future" in plan.problems[0].message


def test_import_is_audited_without_content(ctx) -> None:
    sam = make_user(ctx, "sam")
    imports.import_file(ctx, sam, "daylio", FIXTURES / "daylio/currin_sample.csv")
    with ctx.sessions() as session:
        (event,) = [e for e in audit.events(session, ctx.cipher) if e.object_type == "import"]
    assert event.reason == "daylio: 3 entries added, 0 known"
