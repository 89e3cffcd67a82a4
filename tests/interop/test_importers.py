"""Importers on real exports (../shared/fixtures, read where they are) and on edge cases
written for these tests (tests/interop/data): each quirk once, each broken kind refused."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from therapy_app.errors import InvalidInputError
from therapy_app.interop import IMPORT_FORMATS, get_importer
from therapy_app.interop.daylio import guess_level, parse_time
from therapy_app.interop.records import ImportOptions, Severity
from therapy_app.mood.scales import QuickMood

FIXTURES = Path(__file__).parents[3] / "shared" / "fixtures"
DATA = Path(__file__).parent / "data"
G, OK, B, A, R = QuickMood.GOOD, QuickMood.OKAY, QuickMood.BAD, QuickMood.AWFUL, QuickMood.GREAT

# file -> (format, rows, {mood label: level}, problems that are warnings)
EXPECTED = {
    "daylio/staticf0x_test_data.csv": (
        "daylio",
        32,
        {"rad": R, "good": G, "meh": OK, "bad": B, "awful": A},
    ),
    "daylio/currin_sample.csv": ("daylio", 3, {"sad": B, "average": OK}),
    "daylio/currin_sample_multiple_moods.csv": (
        "daylio",
        7,
        {"OK": OK, "Refreshed": OK, "good": G, "ok but sleepy": OK, "bad": B, "Anxious": B},
    ),
    "daylio/gabanna_daylio_export_ok_scales.csv": (
        "daylio",
        7,
        {"laughing": R, "rested": G, "vaguely ok": OK, "tired": B, "vaguely bad": B},
    ),
    "daylio/gabanna_daylio_export_ok.csv": (
        "daylio",
        12,
        {"vaguely ok": OK, "vaguely good": G, "grateful": R, "blissful": R, "rad": R},
    ),
    "daylio/gabanna_daylio_export_escaped_characters.csv": (
        "daylio",
        5,
        {"vaguely ok": OK, "vaguely good": G, "fatigued": B, "tired": B},
    ),
    "daylio/kplich_daylio_export.csv": (
        "daylio",
        21,
        {"wspaniale": R, "dobrze": G, "tak sobie": OK, "źle": B, "okropnie": A},
    ),
    "howwefeel/journal-to-howwefeel-app-importer_HowWeFeelEmotions.example.csv": (
        "howwefeel",
        3,
        {},
    ),
}


def parse(fmt: str, path: Path, zone: str = "UTC", **mood_map: QuickMood):
    return get_importer(fmt).parse(path, ImportOptions(zone, mood_map))


def test_every_fixture_is_listed() -> None:
    found = {str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*.csv")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_with_its_counts_and_moods(name: str) -> None:
    fmt, rows, moods = EXPECTED[name]
    batch = parse(fmt, FIXTURES / name)
    assert len(batch.entries) == rows
    assert not [p for p in batch.problems if p.severity is Severity.ERROR]
    assert {k: v for k, v in batch.moods.items() if k in moods} == moods
    assert len({entry.key for entry in batch.entries}) == rows  # keys tell rows apart
    assert parse(fmt, FIXTURES / name).entries == batch.entries  # the same file, the same rows


def test_daylio_quirks_from_the_real_exports() -> None:
    static = parse("daylio", FIXTURES / "daylio/staticf0x_test_data.csv").entries
    assert static[0].check_in.occurred_at == datetime(2020, 5, 30, 18, 50, tzinfo=UTC)
    assert static[0].check_in.tags == ("friends", "gaming", "programming", "nap")
    assert static[-2].check_in.occurred_at.hour == 14  # a 24 h time among 12 h ones
    assert static[-2].check_in.note == "Could be better"
    upper = parse("daylio", FIXTURES / "daylio/gabanna_daylio_export_ok.csv")
    assert upper.entries[2].check_in.occurred_at.hour == 0  # 12:00 AM is midnight
    assert upper.entries[0].check_in.tags == ("2ćities skylines", "dó#lóó fa$$s_ą%")
    line5 = next(e for e in upper.entries if e.line == 5)
    assert line5.check_in.note == (
        "Sed ut est interdum\n\nMaecenas dictum augue in nibh pellentesque porttitor."
    )
    assert [p.line for p in upper.problems if p.line] == [5]
    escaped = parse("daylio", FIXTURES / "daylio/gabanna_daylio_export_escaped_characters.csv")
    assert escaped.entries[0].check_in.tags == ("sos", '"quoted activity"')
    scales = parse("daylio", FIXTURES / "daylio/gabanna_daylio_export_ok_scales.csv").entries
    assert [e.check_in.sleep_hours for e in scales][2:6] == [8.0, None, 7.5, 7.0]
    assert scales[4].check_in.note == "Never mindd."
    assert scales[6].check_in.note == "Who knows.\n\nAm I [[virtual]]?"
    currin = parse("daylio", FIXTURES / "daylio/currin_sample.csv").entries
    assert currin[1].check_in.tags[:2] == ("stressed / frustrated", "eat out")
    assert currin[0].source_mood == "sad"
    polish = parse("daylio", FIXTURES / "daylio/kplich_daylio_export.csv")
    assert polish.entries[0].check_in.occurred_at == datetime(2017, 9, 7, 12, 10, tzinfo=UTC)
    assert [p.line for p in polish.problems] == [11]


def test_daylio_edge_cases_written_for_these_tests() -> None:
    batch = parse("daylio", DATA / "daylio_bom_crlf_2019.csv", "Europe/Berlin", **{"😊 отлично": R})
    first, second, gap, multiline, twin_a, twin_b = batch.entries
    assert first.check_in.quick_mood is R and first.source_mood == "😊 отлично"
    assert first.check_in.note == "Twice at 2:30&more\nsecond line 🎨"
    assert first.check_in.tags == ("family", "読書")
    assert second.check_in.note == "Zażółć gęślą jaźń — ünïcödé ✓"  # no HTML: exactly as written
    assert batch.moods["😞 плохо"] is OK  # a name that says nothing: okay, flagged as a guess
    # 02:30 happened twice that night (first taken); 02:30 in March did not exist (03:30)
    assert first.check_in.occurred_at == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert gap.check_in.occurred_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert gap.check_in.note == "A gap: <3 & no tags here"
    assert multiline.check_in.note == "line one\nline two of the same note"
    assert multiline.check_in.tags == ("work", "Reading")
    assert twin_a.key != twin_b.key  # two entries in the same minute both count
    messages = " ".join(str(p) for p in batch.problems)
    assert "line 2: 02:30 happened twice" in messages
    assert "line 4: 02:30 did not exist" in messages and "😞 плохо" in messages


def test_rows_that_cannot_be_read_are_errors_with_their_line() -> None:
    batch = parse("daylio", DATA / "daylio_bad_rows.csv")
    errors = [(p.line, p.severity) for p in batch.problems]
    assert errors == [(2, Severity.ERROR), (3, Severity.ERROR), (4, Severity.ERROR)]
    assert len(batch.entries) == 1


def test_how_we_feel_words_tags_sleep_and_notes() -> None:
    fixture = parse("howwefeel", FIXTURES / EXPECTED_HWF)
    mellow, hopeful, thoughtful = fixture.entries
    assert [f.word for f in mellow.check_in.feelings] == ["relaxed"]
    assert [f.word for f in hopeful.check_in.feelings] == ["hopeful"]
    assert all(e.check_in.quick_mood is G for e in fixture.entries)
    assert "Reflections: Lorem ipsum dolor sit amet, consectetur adipiscing elit" in (
        mellow.check_in.note
    )
    assert [p.line for p in fixture.problems if p.line] == [2]
    own = parse("howwefeel", DATA / "howwefeel_tags_sleep.csv")
    anxious, drained, unknown = own.entries
    assert anxious.check_in.tags == ("Mum", "Sam", "Home", "Exam")
    assert anxious.check_in.sleep_hours == 7.5 and drained.check_in.sleep_hours == 7.5
    assert anxious.check_in.note == "Could not focus 😟"
    assert [f.word for f in drained.check_in.feelings] == ["exhausted"]
    assert unknown.check_in.feelings == () and unknown.check_in.quick_mood is OK
    assert [(p.line, p.severity) for p in own.problems] == [
        (4, Severity.ERROR),
        (5, Severity.WARNING),
    ]


EXPECTED_HWF = "howwefeel/journal-to-howwefeel-app-importer_HowWeFeelEmotions.example.csv"


def _garbage(tmp_path: Path) -> Path:
    path = tmp_path / "garbage.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024**2)
    return path


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    return path


BROKEN = {
    "empty": (_empty, "is empty"),
    "binary": (_binary, "binary data"),
    "50 MB of garbage": (_garbage, "50 MB"),
    "wrong columns": (lambda _: DATA / "daylio_wrong_columns.csv", "needs the columns"),
    "another app's CSV": (lambda _: DATA / "not_an_export.csv", "needs the columns"),
    "header only": (lambda _: DATA / "daylio_header_only.csv", "has no rows"),
    "not UTF-8": (lambda _: DATA / "daylio_latin1.csv", "not UTF-8"),
}


@pytest.mark.parametrize("fmt", ["daylio", "howwefeel", "json", "zip"])
@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_files_are_refused_in_one_line(tmp_path: Path, fmt: str, kind: str) -> None:
    make, _ = BROKEN[kind]
    with pytest.raises(InvalidInputError) as refused:
        parse(fmt, make(tmp_path))
    message = str(refused.value)
    assert "\n" not in message and "othing was imported" in message
    if fmt == "daylio":
        assert BROKEN[kind][1] in message


def test_small_readers() -> None:
    assert parse_time("12:19 am").hour == 0 and parse_time("12:00 PM").hour == 12
    assert parse_time("07:31").minute == 31 and parse_time("13:00 pm") is None
    assert parse_time("25:00") is None
    assert parse_time("9:00\u202fPM").hour == 21  # Android's narrow no-break space
    assert parse_time("10:04 a.m.").hour == 10 and parse_time("午後7:05").hour == 19
    assert guess_level("Rad") == (R, True) and guess_level("vaguely bad") == (B, True)
    assert guess_level("xyzzy") == (OK, False)
    assert set(IMPORT_FORMATS) == {"daylio", "howwefeel", "json", "zip"}


def test_daylio_files_as_other_tools_leave_them() -> None:
    spanish = parse("daylio", DATA / "daylio_headerless_spanish.csv")
    assert [e.check_in.occurred_at for e in spanish.entries] == [
        datetime(2018, 10, 16, 21, 30, tzinfo=UTC),
        datetime(2018, 10, 15, 9, 5, tzinfo=UTC),
    ]
    assert [e.check_in.quick_mood for e in spanish.entries] == [R, A]
    assert spanish.entries[1].check_in.tags == ("trabajo", "familia")
    korean = parse("daylio", DATA / "daylio_utf16_semicolons_korean.csv", **{"좋음": G})
    evening, morning = korean.entries
    assert (evening.check_in.occurred_at.hour, morning.check_in.occurred_at.hour) == (21, 7)
    assert evening.check_in.note == "좋은 하루 🌸" and evening.check_in.quick_mood is G
    assert evening.check_in.tags == ("산책", "독서")
