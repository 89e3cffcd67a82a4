"""Exports of a journal (CSV, JSON, ZIP), our own JSON/ZIP imported into another account,
and the round trip JSON -> fresh account as a property."""

from __future__ import annotations

import csv
import io
import itertools
import json
import logging
import re
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FakeClock
from tests.helpers import make_user, sample_artwork
from therapy_app.errors import InvalidInputError
from therapy_app.journal import audit
from therapy_app.mood.checkin import CheckIn, FeelingChoice, normalise_tags
from therapy_app.mood.feelings import ALL_FEELINGS
from therapy_app.mood.scales import QuickMood
from therapy_app.services import entries, exports, imports

if TYPE_CHECKING:
    from pathlib import Path

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 30, 12, 0, tzinfo=UTC))


def _journal(ctx):
    sam = make_user(ctx, "sam", timezone="Europe/Paris")
    for day, note in enumerate(["=1+1 first", "zweiter Tag ✓", ""]):
        check_in = CheckIn(
            quick_mood=QuickMood(day + 2),
            feelings=(FeelingChoice("hopeful", 3),),
            tags=("walk", f"day {day}"),
            note=note,
            sleep_hours=7.5 if day else None,
            occurred_at=START + timedelta(days=day),
            timezone="Europe/Paris",
        )
        entries.check_in(ctx, sam, check_in, sample_artwork("Dawn") if day == 1 else None)
    return sam


def _comparable(ctx, actor) -> list[tuple]:
    """Everything an entry holds but its id and owner, in an order that ties cannot change."""
    page = entries.list_entries(ctx, actor, entries.EntryQuery(limit=None))
    return sorted(
        [
            (
                v.occurred_at,
                v.timezone,
                v.local_date,
                v.quick_mood,
                v.valence,
                v.energy,
                v.control,
                v.feelings,
                v.tags,
                v.note,
                v.sleep_hours,
                v.risk_flag,
                len(v.artwork_ids),
            )
            for v in page.items
        ],
        key=repr,
    )


def test_csv_json_and_zip_exports(ctx, tmp_path: Path) -> None:
    sam = _journal(ctx)
    done = exports.export_journal(ctx, sam, "csv", tmp_path / "j.csv")
    assert (done.entries, done.pictures) == (3, 0)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "j.csv").read_text("utf-8-sig"))))
    assert [r["note"] for r in rows] == ["'=1+1 first", "zweiter Tag ✓", ""]  # no formulas
    assert rows[0]["time"] == "10:00" and rows[0]["feelings"] == "hopeful:3"
    exports.export_journal(ctx, sam, "json", tmp_path / "j.json", since=date(2026, 1, 2))
    body = json.loads((tmp_path / "j.json").read_text("utf-8"))
    assert (body["format"], body["version"], body["since"]) == (
        "therapy_app-entries",
        1,
        "2026-01-02",
    )
    assert [e["note"] for e in body["entries"]] == ["zweiter Tag ✓", ""]
    assert body["entries"][0]["artworks"][0]["title"] == "Dawn"
    done = exports.export_journal(ctx, sam, "zip", tmp_path / "j.zip")
    assert (done.entries, done.pictures) == (3, 1)
    with zipfile.ZipFile(tmp_path / "j.zip") as archive:
        names = archive.namelist()
        assert {"entries.json", "entries.csv"} <= set(names)
        assert sum(name.startswith("images/") for name in names) == 1
    with ctx.sessions() as session:
        kinds = [e.object_type for e in audit.events(session, ctx.cipher) if e.action == "export"]
        assert sorted(kinds) == ["export_csv", "export_json", "export_zip"]


def test_zip_moves_a_journal_to_another_account(ctx, tmp_path: Path) -> None:
    sam = _journal(ctx)
    exports.export_journal(ctx, sam, "zip", tmp_path / "j.zip")
    kim = make_user(ctx, "kim", timezone="America/New_York")
    assert imports.import_file(ctx, kim, "zip", tmp_path / "j.zip")[1] == 3
    assert _comparable(ctx, kim) == _comparable(ctx, sam)
    assert imports.import_file(ctx, kim, "zip", tmp_path / "j.zip")[1] == 0


def test_export_range_is_checked(ctx, tmp_path: Path) -> None:
    sam = _journal(ctx)
    with pytest.raises(InvalidInputError, match="starts"):
        exports.export_journal(
            ctx, sam, "csv", tmp_path / "x.csv", date(2026, 2, 1), date(2026, 1, 1)
        )
    assert not (tmp_path / "x.csv").exists()


def test_a_zip_picture_must_be_a_png(ctx, tmp_path: Path) -> None:
    sam = _journal(ctx)
    exports.export_journal(ctx, sam, "zip", tmp_path / "j.zip")
    with zipfile.ZipFile(tmp_path / "j.zip") as source:
        members = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(tmp_path / "forged.zip", "w") as forged:
        for name, data in members.items():
            forged.writestr(name, b"<svg onload=alert(1)>" if name.startswith("images/") else data)
    plan = imports.plan_import(ctx, sam, "zip", tmp_path / "forged.zip")
    assert [p.message for p in plan.errors] == [
        f"Entry 2: the picture {next(n for n in members if n.startswith('images/'))} "
        "is not a PNG image."
    ]


def test_a_zip_that_expands_too_far_is_refused_unread(ctx, tmp_path: Path) -> None:
    sam = make_user(ctx, "sam")
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("entries.json", b" " * (40 * 1024**2))
    assert bomb.stat().st_size < 200_000
    with pytest.raises(InvalidInputError, match="too large"):
        imports.plan_import(ctx, sam, "zip", bomb)


def test_damaged_own_export_rows_are_problems(ctx, tmp_path: Path) -> None:
    sam = make_user(ctx, "sam")
    path = tmp_path / "j.json"
    good = {"id": "a", "occurred_at": "2026-01-01T09:00:00+00:00", "timezone": "UTC", "note": "x"}
    bad = [
        {**good, "id": "b", "occurred_at": "yesterday"},
        {**good, "id": "c", "note": 5},
        7,
        {**good, "id": ""},
        {**good, "id": "d", "artworks": [{"file": "images/d-1.png"}]},
    ]
    path.write_text(
        json.dumps({"format": "therapy_app-entries", "version": 1, "entries": [good, *bad]})
    )
    plan = imports.plan_import(ctx, sam, "json", path)
    assert [p.line for p in plan.errors] == [2, 3, 4, 5, 6] and len(plan.new) == 1
    path.write_text(json.dumps({"format": "therapy_app-entries", "version": 2, "entries": []}))
    with pytest.raises(InvalidInputError, match="newer therapy_app"):
        imports.plan_import(ctx, sam, "json", path)


ACCOUNTS = itertools.count()
FEELINGS = sorted(ALL_FEELINGS)
# a check-in that tells nothing is refused (issue 18), so no journal holds one
check_ins = st.builds(
    CheckIn,
    quick_mood=st.none() | st.sampled_from(QuickMood),
    feelings=st.lists(
        st.builds(FeelingChoice, st.sampled_from(FEELINGS), st.integers(1, 3)),
        max_size=3,
        unique_by=lambda f: f.word,
    ).map(tuple),
    valence=st.none() | st.floats(-1, 1),
    energy=st.none() | st.floats(-1, 1),
    control=st.none() | st.floats(-1, 1),
    tags=st.lists(st.text("abcdefgh ijkł", min_size=1, max_size=12), max_size=4).map(tuple),
    note=st.text(max_size=200),
    sleep_hours=st.none() | st.floats(0, 24),
    occurred_at=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2026, 11, 1), timezones=st.just(UTC)
    ),
    timezone=st.sampled_from(["UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns"]),
    unsafe_now=st.booleans(),  # the one-tap flag survives the round trip
).filter(lambda check_in: not replace(check_in, tags=normalise_tags(check_in.tags)).is_blank)


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(journal=st.lists(check_ins, min_size=1, max_size=4))
def test_round_trip_through_json_gives_the_same_entries(
    sqlite_ctx, tmp_path: Path, journal
) -> None:
    ctx = sqlite_ctx
    ctx.clock = FakeClock(datetime(2026, 11, 30, tzinfo=UTC))
    number = next(ACCOUNTS)  # a fresh pair of accounts for every example
    source, target = make_user(ctx, f"s{number}"), make_user(ctx, f"t{number}")
    for check_in in journal:
        entries.check_in(ctx, source, check_in)
    out = tmp_path / f"{number}.json"
    exports.export_journal(ctx, source, "json", out)
    imports.import_file(ctx, target, "json", out)
    assert _comparable(ctx, target) == _comparable(ctx, source)


def test_pdf_art_journal_by_month(ctx, tmp_path: Path) -> None:
    sam = _journal(ctx)
    long_note = "Zażółć gęślą jaźń. " * 400  # flows over pages beside and below its picture
    entries.check_in(
        ctx,
        sam,
        CheckIn(quick_mood=QuickMood.GOOD, note=long_note, occurred_at=START + timedelta(days=40)),
        sample_artwork("Long"),
    )
    done = exports.export_journal(ctx, sam, "pdf", tmp_path / "journal.pdf")
    data = (tmp_path / "journal.pdf").read_bytes()
    assert (done.entries, done.pictures) == (4, 2) and data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type /Page\b", data))
    assert pages >= 4  # cover, January, February and the long note's second page
    empty = exports.export_journal(ctx, sam, "pdf", tmp_path / "none.pdf", date(2030, 1, 1))
    assert empty.entries == 0 and (tmp_path / "none.pdf").read_bytes().startswith(b"%PDF-")


def test_pdf_export_logs_nothing_of_the_notes(ctx, tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    sam = make_user(ctx, "sam")
    secret = "秘密の日記 🎨 CANARY-pdf-4411"
    entries.check_in(ctx, sam, CheckIn(quick_mood=QuickMood.GOOD, note=secret, occurred_at=START))
    exports.export_journal(ctx, sam, "pdf", tmp_path / "journal.pdf")
    assert not any(part in caplog.text for part in ("秘", "🎨", "CANARY"))
