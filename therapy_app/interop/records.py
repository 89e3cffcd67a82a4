"""What importers produce and exporters consume: entries as check-ins, with their pictures.

An importer never touches the database: it turns a file into an ``ImportBatch`` that a
person can preview; ``services/`` validates and writes it in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from therapy_app.errors import InvalidInputError

if TYPE_CHECKING:
    from pathlib import Path

    from therapy_app.mood.checkin import CheckIn
    from therapy_app.mood.scales import QuickMood

# Ten years of several entries a day is a few MB; anything far larger is not an export.
MAX_IMPORT_BYTES = 32 * 1024**2


class Severity(StrEnum):
    ERROR = "error"  # the row cannot be stored: the file is refused until it is fixed
    WARNING = "warning"  # the row was repaired or read with an assumption; it is stored


@dataclass(frozen=True)
class Problem:
    line: int | None  # physical line in the file where the row starts; None for the file
    message: str
    severity: Severity = Severity.WARNING

    def as_json(self) -> dict[str, object]:
        return {"line": self.line, "severity": self.severity.value, "message": self.message}

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.message}"


@dataclass(frozen=True)
class ArtworkRecord:
    png: bytes
    provenance: dict[str, object]
    title: str = ""


@dataclass(frozen=True)
class EntryRecord:
    """One entry on its way in or out.

    ``key`` identifies the row in its source so that importing the same file twice adds
    nothing: for other apps it is built from the row's local time, for our own export it is
    the entry's id there.
    """

    key: str
    check_in: CheckIn
    line: int | None = None
    source_mood: str = ""
    artworks: tuple[ArtworkRecord, ...] = ()


def local_time(record: EntryRecord) -> datetime:
    """When the entry happened, on the clock of the zone it was written in."""
    occurred_at = record.check_in.occurred_at
    if occurred_at is None:
        msg = "an entry to show or write out has its time"
        raise ValueError(msg)
    return occurred_at.astimezone(ZoneInfo(record.check_in.timezone))


@dataclass(frozen=True)
class ImportOptions:
    timezone: str = "UTC"  # the zone the other app's local times are read in
    mood_map: dict[str, QuickMood] = field(default_factory=dict)  # label (casefolded) -> level


@dataclass(frozen=True)
class ImportBatch:
    format: str
    entries: tuple[EntryRecord, ...]
    problems: tuple[Problem, ...] = ()
    # The other app's mood names as found, with the level each is read as.
    moods: dict[str, QuickMood] = field(default_factory=dict)


def read_limited(path: Path, what: str) -> bytes:
    """The file's bytes, refused with one line when it is missing, empty or too large."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            msg = (
                f"{path.name} is {size / 1024**2:.0f} MB; a {what} is far smaller (the limit is "
                f"{MAX_IMPORT_BYTES // 1024**2} MB). Nothing was imported."
            )
            raise InvalidInputError(msg)
        data = path.read_bytes()
    except OSError as error:
        msg = f"Could not read {path.name}: {error.strerror}."
        raise InvalidInputError(msg) from None
    if not data.strip():
        msg = f"{path.name} is empty; nothing was imported."
        raise InvalidInputError(msg)
    return data


@dataclass(frozen=True)
class LocalTime:
    """A wall-clock time in a zone, placed on the UTC line, with what had to be assumed."""

    instant: datetime
    assumption: str | None = None


def place_local(naive: datetime, zone_name: str) -> LocalTime:
    """Where a wall-clock time falls: in a daylight-saving gap it moves forward by the gap,
    in a repeated hour the first of the two is taken; either is said."""
    zone = ZoneInfo(zone_name)
    first = naive.replace(tzinfo=zone, fold=0)
    instant = first.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != naive:
        moved = instant.astimezone(zone).strftime("%H:%M")
        return LocalTime(
            instant,
            f"{naive:%H:%M} did not exist on {naive:%Y-%m-%d} in {zone_name} (clocks went "
            f"forward); read as {moved}",
        )
    if first.utcoffset() != first.replace(fold=1).utcoffset():
        return LocalTime(
            instant,
            f"{naive:%H:%M} happened twice on {naive:%Y-%m-%d} in {zone_name} (clocks went "
            "back); read as the first",
        )
    return LocalTime(instant)
