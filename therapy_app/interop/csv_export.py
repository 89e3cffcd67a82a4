"""Entries as CSV, one row per entry, for spreadsheets."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from therapy_app.interop.records import local_time

if TYPE_CHECKING:
    from therapy_app.interop.native import ExportDocument

COLUMNS = (
    "date",
    "time",
    "timezone",
    "quick_mood",
    "pleasantness",
    "energy",
    "control",
    "feelings",
    "tags",
    "sleep_hours",
    "note",
)
# A cell starting with one of these runs as a formula in a spreadsheet (OWASP, "CSV
# injection"); a leading apostrophe keeps it text. The JSON export keeps text as written.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class CsvExporter:
    names = ("csv",)
    extension = "csv"
    with_images = False

    @staticmethod
    def export(document: ExportDocument) -> bytes:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for record in document.entries:
            check_in, local = record.check_in, local_time(record)
            writer.writerow(
                (
                    local.date().isoformat(),
                    f"{local:%H:%M}",
                    check_in.timezone,
                    check_in.quick_mood.label if check_in.quick_mood else "",
                    _number(check_in.valence),
                    _number(check_in.energy),
                    _number(check_in.control),
                    " | ".join(f"{f.word}:{f.intensity}" for f in check_in.feelings),
                    " | ".join(_cell(tag) for tag in check_in.tags),
                    _number(check_in.sleep_hours),
                    _cell(check_in.note),
                )
            )
        # With a byte-order mark, spreadsheet programs read the file as UTF-8.
        return buffer.getvalue().encode("utf-8-sig")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"
