"""This app's own export: entries as versioned JSON, or a ZIP with the pictures too.

Schema ``therapy_app-entries`` version 1 (README, "Export formats")::

    {"format": "therapy_app-entries", "version": 1, "exported_at": ISO instant,
     "since": date | null, "until": date | null,
     "entries": [{"id", "occurred_at" (ISO instant, UTC), "timezone" (IANA), "local_date",
                  "quick_mood" (awful..great | null), "valence", "energy", "control" | null,
                  "feelings": [{"word", "intensity" 1..3}], "tags": [str], "note": str,
                  "sleep_hours" | null, "risk_flag" (flagged for a therapist: the one-tap
                  "not safe right now" or risk read in the note; added in 1, absent = false),
                  "artworks": [{"title", "file" ("images/<entry id>-<n>.png" in a ZIP,
                                 null in JSON alone), "provenance": {...}}]}]}

The ZIP holds ``entries.json``, ``entries.csv`` and ``images/``. Importing it elsewhere
(e.g. moving to a clinic's server) keys each entry by its id here, so a second import
adds nothing.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from therapy_app.errors import InvalidInputError
from therapy_app.interop.records import (
    MAX_IMPORT_BYTES,
    ArtworkRecord,
    EntryRecord,
    ImportBatch,
    ImportOptions,
    Problem,
    Severity,
    local_time,
    read_limited,
)
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.scales import QuickMood

if TYPE_CHECKING:
    from pathlib import Path

FORMAT = "therapy_app-entries"
VERSION = 1
ENTRIES_JSON = "entries.json"
ENTRIES_CSV = "entries.csv"
MAX_ZIP_MEMBERS = 100_000
MAX_UNZIPPED_BYTES = 1024**3
MAX_ZIP_BYTES = 2 * 1024**3
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class ExportDocument:
    """Entries to write out, oldest first, with the range they were chosen by."""

    entries: tuple[EntryRecord, ...]
    exported_at: datetime
    owner: str
    since: date | None = None
    until: date | None = None


def image_name(record: EntryRecord, index: int) -> str:
    return f"images/{record.key}-{index + 1}.png"


def entry_json(record: EntryRecord, with_files: bool) -> dict[str, object]:
    check_in = record.check_in
    local = local_time(record)
    return {
        "id": record.key,
        "occurred_at": local.astimezone(UTC).isoformat(),
        "timezone": check_in.timezone,
        "local_date": local.date().isoformat(),
        "quick_mood": check_in.quick_mood.label if check_in.quick_mood else None,
        "valence": check_in.valence,
        "energy": check_in.energy,
        "control": check_in.control,
        "feelings": [{"word": f.word, "intensity": f.intensity} for f in check_in.feelings],
        "tags": list(check_in.tags),
        "note": check_in.note,
        "sleep_hours": check_in.sleep_hours,
        "risk_flag": check_in.unsafe_now,
        "artworks": [
            {
                "title": art.title,
                "file": image_name(record, index) if with_files else None,
                "provenance": art.provenance,
            }
            for index, art in enumerate(record.artworks)
        ],
    }


def document_json(document: ExportDocument, with_files: bool) -> bytes:
    body = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": document.exported_at.isoformat(),
        "since": document.since.isoformat() if document.since else None,
        "until": document.until.isoformat() if document.until else None,
        "entries": [entry_json(record, with_files) for record in document.entries],
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


class JsonExporter:
    names = ("json",)
    extension = "json"
    with_images = False

    @staticmethod
    def export(document: ExportDocument) -> bytes:
        return document_json(document, with_files=False)


class ZipExporter:
    names = ("zip",)
    extension = "zip"
    with_images = True

    @staticmethod
    def export(document: ExportDocument) -> bytes:
        from therapy_app.interop.csv_export import CsvExporter

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(ENTRIES_JSON, document_json(document, with_files=True))
            archive.writestr(ENTRIES_CSV, CsvExporter.export(document))
            for record in document.entries:
                for index, art in enumerate(record.artworks):
                    # PNGs are compressed already
                    archive.writestr(image_name(record, index), art.png, zipfile.ZIP_STORED)
        return buffer.getvalue()


def _refuse(path: Path, why: str) -> InvalidInputError:
    msg = f"{path.name} is not a therapy_app export: {why}. Nothing was imported."
    return InvalidInputError(msg)


def _entries(path: Path, raw: bytes) -> list[object]:
    try:
        body = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _refuse(path, f"not JSON ({error.__class__.__name__})") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise _refuse(path, f"its 'format' is not {FORMAT}")
    version = body.get("version")
    if not isinstance(version, int) or version > VERSION:
        msg = (
            f"{path.name} was written by a newer therapy_app (format version {version}); "
            "upgrade the app to import it. Nothing was imported."
        )
        raise InvalidInputError(msg)
    entries = body.get("entries")
    if not isinstance(entries, list):
        raise _refuse(path, "'entries' is not a list")
    return entries


def _text(item: dict[str, object], name: str) -> str:
    value = item.get(name, "")
    if not isinstance(value, str):
        msg = f"'{name}' is not text"
        raise TypeError(msg)
    return value


def _number(item: dict[str, object], name: str) -> float | None:
    value = item.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"'{name}' is not a number"
        raise TypeError(msg)
    return float(value)


def _record(item: object, images: dict[str, bytes]) -> EntryRecord:
    """One entry of the JSON; TypeError/ValueError/KeyError say what is wrong with it."""
    if not isinstance(item, dict):
        msg = "an entry is not an object"
        raise TypeError(msg)
    mood = item.get("quick_mood")
    feelings = item.get("feelings") or []
    tags = item.get("tags") or []
    arts = item.get("artworks") or []
    if not all(isinstance(v, list) for v in (feelings, tags, arts)):
        msg = "'feelings', 'tags' and 'artworks' are lists"
        raise TypeError(msg)
    artworks = []
    for art in arts:
        file = art.get("file") if isinstance(art, dict) else None
        if file is None:
            continue  # a JSON export lists pictures without their files
        if file not in images:
            msg = f"the picture {file} is missing from the ZIP"
            raise KeyError(msg)
        if not images[file].startswith(PNG_SIGNATURE):
            msg = f"the picture {file} is not a PNG image"
            raise ValueError(msg)
        provenance = art.get("provenance")
        if not isinstance(provenance, dict):
            provenance = {}
        artworks.append(ArtworkRecord(images[file], provenance, _text(art, "title")))
    entry_id = _text(item, "id")
    if not entry_id.strip():
        msg = "it has no 'id'"
        raise ValueError(msg)
    return EntryRecord(
        key=f"therapy_app|{entry_id}",
        source_mood=mood if isinstance(mood, str) else "",
        artworks=tuple(artworks),
        check_in=CheckIn(
            quick_mood=QuickMood[mood.upper()] if isinstance(mood, str) else None,
            feelings=tuple(FeelingChoice(str(f["word"]), int(f["intensity"])) for f in feelings),
            valence=_number(item, "valence"),
            energy=_number(item, "energy"),
            control=_number(item, "control"),
            tags=tuple(str(tag) for tag in tags),
            note=_text(item, "note"),
            sleep_hours=_number(item, "sleep_hours"),
            occurred_at=datetime.fromisoformat(_text(item, "occurred_at")),
            timezone=_text(item, "timezone"),
            unsafe_now=item.get("risk_flag") is True,
        ),
    )


def _batch(path: Path, fmt: str, raw: bytes, images: dict[str, bytes]) -> ImportBatch:
    entries: list[EntryRecord] = []
    problems: list[Problem] = []
    for number, item in enumerate(_entries(path, raw), start=1):
        try:
            entries.append(_record(item, images))
        except (TypeError, ValueError, KeyError, AttributeError) as error:
            why = error.args[0] if error.args else error.__class__.__name__
            problems.append(Problem(number, f"Entry {number}: {why}.", Severity.ERROR))
    return ImportBatch(fmt, tuple(entries), tuple(problems))


def parse_json(path: Path, options: ImportOptions) -> ImportBatch:
    """Our JSON export into entries (without pictures: the JSON does not hold them)."""
    del options  # our export says each entry's zone and mood itself
    return _batch(path, "json", read_limited(path, "therapy_app JSON export"), {})


def parse_zip(path: Path, options: ImportOptions) -> ImportBatch:
    """Our ZIP export into entries with their pictures. Sizes are checked from the archive's
    directory before anything is expanded, so a small file that unpacks to gigabytes is
    refused without reading it."""
    del options
    if path.stat().st_size > MAX_ZIP_BYTES:
        raise _refuse(path, "it is larger than any export this app writes")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise _refuse(path, f"it holds {len(members):,} files")
            if sum(member.file_size for member in members) > MAX_UNZIPPED_BYTES:
                raise _refuse(path, "it expands to more than any export this app writes")
            names = {member.filename: member for member in members}
            if ENTRIES_JSON not in names:
                raise _refuse(path, f"it has no {ENTRIES_JSON}")
            if names[ENTRIES_JSON].file_size > MAX_IMPORT_BYTES:
                raise _refuse(path, f"its {ENTRIES_JSON} is too large")
            images = {
                name: archive.read(member)
                for name, member in names.items()
                if name.startswith("images/") and name.endswith(".png")
            }
            raw = archive.read(ENTRIES_JSON)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise _refuse(path, f"not a readable ZIP ({error})") from None
    return _batch(path, "zip", raw, images)


class JsonImporter:
    names = ("json",)
    extension = "json"
    parse = staticmethod(parse_json)


class ZipImporter:
    names = ("zip",)
    extension = "zip"
    parse = staticmethod(parse_zip)
