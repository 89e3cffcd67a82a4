"""Reading another app's CSV export: text checks, rows with their line numbers, repairs."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from therapy_app.errors import InvalidInputError
from therapy_app.interop.records import read_limited

if TYPE_CHECKING:
    from pathlib import Path

# A journal note can be long; the csv module's default field limit (128 KiB) is kept.
BINARY_SAMPLE_BYTES = 8192


@dataclass(frozen=True)
class CsvRow:
    line: int  # physical line where the row starts (the header is line 1)
    fields: list[str]


@dataclass(frozen=True)
class CsvTable:
    columns: list[str]  # header names, stripped and casefolded
    rows: list[CsvRow]
    first: CsvRow  # the header row as written (a header-less export starts with data)


def refuse_columns(path: Path, table: CsvTable, what: str, needs: str, hint: str) -> None:
    """One sentence saying which columns a format needs and which the file has."""
    found = ", ".join(table.columns[:8])
    msg = (
        f"{path.name} is not a {what}: it needs the columns {needs}, and has {found}."
        f"{hint} Nothing was imported."
    )
    raise InvalidInputError(msg)


def read_table(path: Path, what: str) -> CsvTable:
    """Header and rows of a CSV in UTF-8 (BOM, CRLF and semicolons allowed) or UTF-16;
    anything else is refused."""
    data = read_limited(path, what)
    try:
        text = _decode(data)
    except UnicodeDecodeError as error:
        msg = (
            f"{path.name} is not UTF-8 text (byte {error.start:,}); a {what} is. "
            "Nothing was imported."
        )
        raise InvalidInputError(msg) from None
    except ValueError:
        msg = f"{path.name} is binary data, not a {what}. Nothing was imported."
        raise InvalidInputError(msg) from None
    # CRLF exports break lines inside notes with CRLF too; the journal keeps "\n".
    text = text.replace("\r\n", "\n")
    first_line = text.partition("\n")[0]
    # A spreadsheet re-saved in a European locale separates with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[CsvRow] = []
    start = 1
    try:
        for fields in reader:
            if any(field.strip() for field in fields):
                rows.append(CsvRow(start, fields))
            start = reader.line_num + 1
    except csv.Error as error:
        msg = f"{path.name} is not a readable CSV at line {start} ({error}). Nothing was imported."
        raise InvalidInputError(msg) from None
    if len(rows) < 2:  # nothing, or a header alone
        msg = f"{path.name} has no rows of entries; nothing was imported."
        raise InvalidInputError(msg)
    header, *body = rows
    return CsvTable([name.strip().casefold() for name in header.fields], body, header)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with its BOM (a spreadsheet's "Unicode text");
    ValueError for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:BINARY_SAMPLE_BYTES]:
        raise ValueError
    return data.decode("utf-8-sig")


def fit_to_header(
    fields: list[str], width: int, free_from: int
) -> tuple[list[str] | None, str | None]:
    """The row's fields made as many as the header's columns, and what was done, if anything.

    Too few: the missing trailing fields are empty. Too many (seen in real exports), repaired
    in the free-text columns from ``free_from`` on: a field that starts with a space is the
    rest of the one before it, split at an unquoted comma; then empty fields that have no
    column are dropped. Fields are ``None`` when the row cannot be repaired.
    """
    found = len(fields)
    if found == width:
        return fields, None
    if found < width:
        padded = fields + [""] * (width - found)
        return padded, f"has {found} fields for {width} columns; the missing ones are empty"
    repaired = list(fields)
    index = len(repaired) - 1
    while len(repaired) > width and index > free_from:
        if repaired[index].startswith(" "):
            repaired[index - 1] += "," + repaired.pop(index)
        index -= 1
    index = free_from
    while len(repaired) > width and index < len(repaired):
        if repaired[index].strip():
            index += 1
        else:
            repaired.pop(index)
    if len(repaired) > width:
        return None, f"has {found} fields for {width} columns and cannot be told apart"
    return repaired, f"has {found} fields for {width} columns; read as {width}"
