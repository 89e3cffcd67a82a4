"""Daylio's CSV export: one row per entry, the mood by its (renameable) label.

Header variants seen: ``full_date,date,weekday,time,mood,activities,note`` (2019),
``...,note_title,note`` (2020-), ``...,activities,scales,note_title,note`` (2025-), and the
2017 ``year,date,weekday,time,mood,activities,note`` whose ``date`` is a localised day and
month. Times are 12 h (``6:50 pm``, ``12:00 AM``) or 24 h in one file; notes may hold HTML.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from therapy_app.interop.csv_rows import (
    CsvRow,
    CsvTable,
    fit_to_header,
    read_table,
    refuse_columns,
)
from therapy_app.interop.records import (
    EntryRecord,
    ImportBatch,
    ImportOptions,
    Problem,
    Severity,
    place_local,
)
from therapy_app.interop.text import fit_tags, html_to_text, minute_keys
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.feelings import ALL_FEELINGS, lookup
from therapy_app.mood.scales import QuickMood, quick_mood_from_valence
from therapy_app.mood.text import cue_feelings

if TYPE_CHECKING:
    from pathlib import Path

WHAT = "Daylio CSV export"

# Daylio's five default labels in the languages its exports are most often seen in.
DEFAULT_LABELS: dict[str, QuickMood] = {
    **dict.fromkeys(
        ("rad", "great", "awesome", "super", "wspaniale", "genial", "génial", "ótimo", "geweldig"),
        QuickMood.GREAT,
    ),
    **dict.fromkeys(
        ("good", "happy", "dobrze", "gut", "bien", "bom", "bene", "goed"), QuickMood.GOOD
    ),
    **dict.fromkeys(
        (
            "meh",
            "ok",
            "okay",
            "average",
            "fine",
            "neutral",
            "tak sobie",
            "so lala",
            "normal",
            "bof",
            "regular",
            "così così",
            "gaat wel",
        ),
        QuickMood.OKAY,
    ),
    **dict.fromkeys(
        ("bad", "sad", "źle", "schlecht", "mal", "mau", "male", "slecht"), QuickMood.BAD
    ),
    **dict.fromkeys(
        (
            "awful",
            "terrible",
            "horrible",
            "okropnie",
            "schrecklich",
            "fatal",
            "horrível",
            "terribile",
            "vreselijk",
        ),
        QuickMood.AWFUL,
    ),
}

# Month names for the 2017 layout's localised ``date`` (``7 września``, ``August 18``).
MONTHS: dict[str, int] = {
    name: number
    for names in (
        "january february march april may june july august september october november december",
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik "
        "listopad grudzień",
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
        "listopada grudnia",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre",
    )
    for number, name in enumerate(names.split(), start=1)
}

TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(?:([ap])\.?\s*m\.?)?$", re.IGNORECASE)
SLEEP_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
FIRST_FREE_COLUMN = "activities"


def guess_level(label: str) -> tuple[QuickMood, bool]:
    """A mood label's level and whether that is more than a guess: Daylio's default names
    first, then a default name inside the label (``vaguely ok``), then the feeling words it
    reads as; a label that says nothing is ``okay``, unsure."""
    name = " ".join(label.casefold().split())
    if name in DEFAULT_LABELS:
        return DEFAULT_LABELS[name], True
    for word in reversed(name.split()):
        if word in DEFAULT_LABELS:
            return DEFAULT_LABELS[word], True
    cues = cue_feelings(name)
    if cues:
        total = sum(weight for _, weight in cues)
        valence = sum(ALL_FEELINGS[word].valence * weight for word, weight in cues) / total
        return quick_mood_from_valence(valence), True
    return QuickMood.OKAY, False


# Morning and afternoon markers of other locales, as Daylio writes them around the time.
HALF_DAY = {"오전": "am", "오후": "pm", "午前": "am", "午後": "pm", "上午": "am", "下午": "pm"}


def parse_time(text: str) -> time | None:
    value = text.strip()
    for marker, half in HALF_DAY.items():
        if marker in value:
            value = f"{value.replace(marker, '').strip()} {half}"
    match = TIME.match(value)
    if match is None:
        return None
    hour, minute, half = int(match[1]), int(match[2]), (match[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _localised_date(year: str, day_month: str) -> date | None:
    """``2017`` and ``7 września`` / ``August 18`` / ``16 de octubre``."""
    words = re.findall(r"\w+", day_month.casefold())
    days = [int(word) for word in words if word.isdigit()]
    months = [MONTHS[word] for word in words if word in MONTHS]
    if len(days) != 1 or not months or not year.strip().isdigit():
        return None
    try:
        return date(int(year), months[0], days[0])
    except ValueError:
        return None


def _row_date(values: dict[str, str]) -> date | None:
    if "full_date" in values:
        try:
            return date.fromisoformat(values["full_date"].strip())
        except ValueError:
            return None
    return _localised_date(values.get("year", ""), values.get("date", ""))


def _sleep_hours(scales: str, others: set[str]) -> float | None:
    """``Sleep Time: 8:00`` (with no-break spaces) becomes 8.0 hours; other scales' names
    are collected so the batch can say they were left out."""
    hours = None
    for part in scales.replace("\u00a0", " ").split(" | "):
        name, _, value = part.partition(":")
        name = name.strip()
        if not name:
            continue
        match = SLEEP_TIME.match(value.strip())
        if name.casefold() == "sleep time" and match:
            hours = int(match[1]) + int(match[2]) / 60
        else:
            others.add(name)
    return hours


def _check_columns(path: Path, table: CsvTable) -> None:
    columns = set(table.columns)
    has_date = "full_date" in columns or {"year", "date"} <= columns
    if {"mood", "time"} <= columns and has_date:
        return
    hint = ""
    if {"date", "mood", "notes"} <= columns:
        hint = " It looks like a How We Feel export: import it as howwefeel."
    refuse_columns(path, table, WHAT, "full_date (or year and date), time and mood", hint)


# Column sets by row width, for exports saved without their header row.
HEADERLESS = {
    len(columns): columns
    for columns in (
        tuple("full_date date weekday time mood activities note".split()),
        tuple("full_date date weekday time mood activities note_title note".split()),
        tuple("full_date date weekday time mood activities scales note_title note".split()),
    )
}
STARTS_WITH_DATA = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")


def _with_header(table: CsvTable) -> CsvTable:
    """The table as written, or, when its first row is already an entry (a year or a date
    where the header would be), with Daylio's columns for that many fields."""
    first = table.first.fields
    if not STARTS_WITH_DATA.match(first[0].strip().lstrip("\ufeff")):
        return table
    columns = list(HEADERLESS.get(len(first), ()))
    if columns and len(first[0].strip()) == 4:  # the 2017 layout: year, then day and month
        columns[0] = "year"
    return CsvTable(columns, [table.first, *table.rows], table.first)


def parse(path: Path, options: ImportOptions) -> ImportBatch:
    """Read a Daylio export into entries; nothing is written."""
    table = _with_header(read_table(path, WHAT))
    _check_columns(path, table)
    width = len(table.columns)
    free_from = (
        table.columns.index(FIRST_FREE_COLUMN)
        if FIRST_FREE_COLUMN in table.columns
        else table.columns.index("mood") + 1
    )
    problems: list[Problem] = []
    other_scales: set[str] = set()
    levels: dict[str, QuickMood] = {}
    moods: dict[str, QuickMood] = {}
    unsure: set[str] = set()
    parsed: list[tuple[CsvRow, datetime, dict[str, str]]] = []
    for row in table.rows:
        fields, repair = fit_to_header(row.fields, width, free_from)
        if fields is None:
            problems.append(Problem(row.line, f"This row {repair}.", Severity.ERROR))
            continue
        if repair:
            problems.append(Problem(row.line, f"This row {repair}."))
        values = dict(zip(table.columns, fields, strict=True))
        day, at = _row_date(values), parse_time(values["time"])
        if day is None or at is None:
            shown = values.get("full_date") or f"{values.get('year', '')} {values.get('date', '')}"
            msg = f"Cannot read the date and time '{shown.strip()} {values['time'].strip()}'."
            problems.append(Problem(row.line, msg, Severity.ERROR))
            continue
        label = values["mood"].strip()
        if not label:
            problems.append(Problem(row.line, "The mood is empty.", Severity.ERROR))
            continue
        if label.casefold() not in levels:
            level = options.mood_map.get(label.casefold())
            if level is None:
                level, sure = guess_level(label)
                if not sure:
                    unsure.add(label)
            levels[label.casefold()] = level
            moods[label] = level  # as first written, for the mapping step
        parsed.append((row, datetime.combine(day, at), values))
    entries = []
    keys = minute_keys("daylio", [local for _, local, _ in parsed])
    for (row, local, values), key in zip(parsed, keys, strict=True):
        placed = place_local(local, options.timezone)
        if placed.assumption:
            problems.append(Problem(row.line, placed.assumption + "."))
        tags, tag_problems = fit_tags(values.get("activities", "").split(" | "))
        problems.extend(Problem(row.line, message) for message in tag_problems)
        label = values["mood"].strip()
        feeling = lookup(label)
        entries.append(
            EntryRecord(
                key=key,
                line=row.line,
                source_mood=label,
                check_in=CheckIn(
                    quick_mood=levels[label.casefold()],
                    feelings=(FeelingChoice(feeling.word),) if feeling else (),
                    tags=tags,
                    note=_note(values.get("note_title", ""), values.get("note", "")),
                    sleep_hours=_sleep_hours(values.get("scales", ""), other_scales),
                    occurred_at=placed.instant,
                    timezone=options.timezone,
                ),
            )
        )
    if unsure:
        names = ", ".join(f"'{name}'" for name in sorted(unsure))
        moods_were = f"Moods {names} were" if len(unsure) > 1 else f"Mood {names} was"
        problems.append(
            Problem(
                None,
                f"{moods_were} read as okay (a guess); set their levels in the mood "
                'mapping (--mood-map "name=1..5,...").',
            )
        )
    if other_scales:
        names = ", ".join(sorted(other_scales))
        problems.append(Problem(None, f"Scales other than sleep time are not imported: {names}."))
    return ImportBatch("daylio", tuple(entries), tuple(problems), moods)


def _note(title: str, note: str) -> str:
    """The note as written (HTML turned into plain text), after its title if it has one."""
    title, body = html_to_text(title).strip(), html_to_text(note)
    return f"{title}\n\n{body}" if title and body.strip() else title or body
