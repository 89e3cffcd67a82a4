"""How We Feel's CSV export: one emotion word per check-in, tags, sleep, notes.

Header ``Date,Mood,Tags (People),Tags (Places),Tags (Events),Exercise,Sleep,...,Notes,
Reflections,Takeaways`` (variants add ``Mood Key``, ``Locale``, ``Mood Keys``). The date is
one cell, ``2026 Sun Feb 8 4:04 PM``. Emotion words become this app's feelings.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from therapy_app.interop.csv_rows import CsvTable, fit_to_header, read_table, refuse_columns
from therapy_app.interop.daylio import MONTHS, parse_time
from therapy_app.interop.records import (
    EntryRecord,
    ImportBatch,
    ImportOptions,
    Problem,
    Severity,
    place_local,
)
from therapy_app.interop.text import fit_tags, minute_keys
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.feelings import ALL_FEELINGS, lookup
from therapy_app.mood.scales import quick_mood_from_valence
from therapy_app.mood.text import cue_feelings

if TYPE_CHECKING:
    from pathlib import Path

WHAT = "How We Feel CSV export"

# How We Feel's emotion words that this app's vocabulary names differently, by the nearest
# feeling (its own words, such as "hopeful" or "anxious", are found directly).
NEAREST_FEELING: dict[str, str] = {
    word: feeling
    for feeling, words in {
        "cheerful": "upbeat amused lively",
        "playful": "festive",
        "excited": "exhilarated hyper thrilled energized",
        "elated": "ecstatic",
        "eager": "enthusiastic",
        "happy": "pleasant pleased joyful delighted glad",
        "proud": "confident accomplished successful",
        "determined": "empowered brave",
        "amazed": "surprised astonished",
        "awestruck": "awe",
        "relaxed": "mellow easygoing chill carefree sleepy",
        "content": "thoughtful fulfilled satisfied balanced comfortable complacent cozy",
        "peaceful": "calm restful tranquil serene",
        "grateful": "touched blessed humble moved",
        "loved": "loving warm",
        "connected": "compassionate empathetic",
        "respected": "appreciated valued",
        "accepted": "included",
        "nostalgic": "sentimental",
        "furious": "enraged livid fuming",
        "nervous": "jittery",
        "shocked": "stunned",
        "scared": "frightened afraid",
        "worried": "apprehensive troubled concerned",
        "unsettled": "uneasy shaken",
        "irritated": "annoyed peeved",
        "stressed": "pressured",
        "jealous": "envious",
        "repulsed": "disgusted",
        "judged": "disrespected",
        "ashamed": "humiliated",
        "down": "glum pessimistic sullen bored",
        "melancholy": "morose",
        "disappointed": "discouraged disheartened",
        "numb": "apathetic listless",
        "lonely": "alienated excluded",
        "hopeless": "despondent despairing helpless",
        "empty": "depressed",
        "exhausted": "spent drained",
        "tired": "fatigued weary",
        "heartbroken": "desolate",
        "sadness": "sad miserable",
        "anger": "angry",
        "vulnerable": "powerless",
    }.items()
    for word in words.split()
}
TAG_COLUMNS = ("tags (people)", "tags (places)", "tags (events)")
TEXT_COLUMNS = ("notes", "reflections", "takeaways")
KNOWN_COLUMNS = frozenset(
    {"date", "mood", "mood key", "mood keys", "locale", "sleep", *TAG_COLUMNS, *TEXT_COLUMNS}
    | {f"tags key ({kind})" for kind in ("people", "places", "events")}
)
DATE = re.compile(r"^(\d{4})\s+[^\W\d]+\.?\s+([^\W\d]+)\.?\s+(\d{1,2}),?\s+(.+)$")
SLEEP = re.compile(r"^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in)?)?$")
LIST_SEPARATOR = re.compile(r"\s*[,;|]\s*")


def feeling_for(word: str) -> str | None:
    """This app's feeling word for a How We Feel emotion word, or None if it says nothing."""
    name = " ".join(word.casefold().split())
    if lookup(name):
        return name
    if name in NEAREST_FEELING:
        return NEAREST_FEELING[name]
    cues = cue_feelings(name)
    return cues[0][0] if cues else None


def parse_date(text: str) -> datetime | None:
    """``2026 Sun Feb 8 4:04 PM`` (or an ISO date and time)."""
    match = DATE.match(text.strip())
    if match is None:
        try:
            return datetime.fromisoformat(text.strip()).replace(tzinfo=None)
        except ValueError:
            return None
    month, at = MONTHS.get(match[2].casefold()), parse_time(match[4])
    if month is None or at is None:
        return None
    try:
        return datetime.combine(date(int(match[1]), month, int(match[3])), at)
    except ValueError:
        return None


def parse_sleep(text: str) -> float | None:
    """Hours slept from ``7.5``, ``7:30`` or ``7h 30m``; None when it is none of these."""
    value = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return float(value)
    if clock := re.fullmatch(r"(\d{1,2}):(\d{2})", value):
        return int(clock[1]) + int(clock[2]) / 60
    match = SLEEP.match(value)
    if match and (match[1] or match[2]):
        return float(match[1] or 0) + int(match[2] or 0) / 60
    return None


def _check_columns(path: Path, table: CsvTable) -> None:
    columns = set(table.columns)
    if {"date", "mood"} <= columns and columns & {*TAG_COLUMNS, *TEXT_COLUMNS}:
        return
    hint = ""
    if {"mood", "time"} <= columns:
        hint = " It looks like a Daylio export: import it as daylio."
    refuse_columns(path, table, WHAT, "Date, Mood and Notes or Tags", hint)


def _note(values: dict[str, str]) -> str:
    """Notes as written; reflections and takeaways follow under their names."""
    parts = [values.get("notes", "")]
    parts += [
        f"{name.title()}: {values[name]}" for name in TEXT_COLUMNS[1:] if values.get(name, "")
    ]
    return "\n\n".join(part for part in parts if part) if len(parts) > 1 else parts[0]


def parse(path: Path, options: ImportOptions) -> ImportBatch:
    """Read a How We Feel export into entries; nothing is written."""
    table = read_table(path, WHAT)
    _check_columns(path, table)
    width = len(table.columns)
    free_from = next(table.columns.index(c) for c in (*TEXT_COLUMNS, "mood") if c in table.columns)
    problems: list[Problem] = []
    parsed = []
    for row in table.rows:
        fields, repair = fit_to_header(row.fields, width, free_from)
        if fields is None:
            problems.append(Problem(row.line, f"This row {repair}.", Severity.ERROR))
            continue
        if repair:
            problems.append(Problem(row.line, f"This row {repair}."))
        values = dict(zip(table.columns, fields, strict=True))
        local = parse_date(values["date"])
        words = [word for word in LIST_SEPARATOR.split(values["mood"].strip()) if word]
        if local is None:
            msg = f"Cannot read the date '{values['date'].strip()}'."
            problems.append(Problem(row.line, msg, Severity.ERROR))
            continue
        if not words:
            problems.append(Problem(row.line, "The mood is empty.", Severity.ERROR))
            continue
        parsed.append((row.line, local, values, words))
    unused = sorted(
        name
        for name in set(table.columns) - KNOWN_COLUMNS
        if any(values.get(name, "").strip() for _, _, values, _ in parsed)
    )
    entries = []
    keys = minute_keys("howwefeel", [local for _, local, _, _ in parsed])
    for (line, local, values, words), key in zip(parsed, keys, strict=True):
        placed = place_local(local, options.timezone)
        if placed.assumption:
            problems.append(Problem(line, placed.assumption + "."))
        feelings = []
        for word in words:
            feeling = feeling_for(word)
            if feeling is None:
                problems.append(Problem(line, f"'{word}' is not a feeling this app knows."))
            else:
                feelings.append(FeelingChoice(feeling))
        tags, notes = fit_tags(
            tag for column in TAG_COLUMNS for tag in LIST_SEPARATOR.split(values.get(column, ""))
        )
        problems.extend(Problem(line, message) for message in notes)
        sleep = parse_sleep(values["sleep"]) if values.get("sleep", "").strip() else None
        if values.get("sleep", "").strip() and sleep is None:
            problems.append(Problem(line, f"Cannot read sleep '{values['sleep'].strip()}'."))
        valence = (
            sum(ALL_FEELINGS[f.word].valence for f in feelings) / len(feelings) if feelings else 0.0
        )
        entries.append(
            EntryRecord(
                key=key,
                line=line,
                source_mood=", ".join(words),
                check_in=CheckIn(
                    quick_mood=quick_mood_from_valence(valence),
                    feelings=tuple(feelings),
                    valence=valence if feelings else None,
                    tags=tags,
                    note=_note(values),
                    sleep_hours=sleep,
                    occurred_at=placed.instant,
                    timezone=options.timezone,
                ),
            )
        )
    if unused:
        problems.append(Problem(None, f"Columns not imported: {', '.join(unused)}."))
    return ImportBatch("howwefeel", tuple(entries), tuple(problems))
