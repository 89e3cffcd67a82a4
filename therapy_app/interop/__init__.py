"""Other apps' files in, this app's entries out: one small module per format.

Like jrnl's plug-ins, each importer and exporter is a class that declares the ``names`` it
answers to and its file ``extension``; the lists below are the registry the command line
and the import page offer. Importers are pure (``parse(path, options) -> ImportBatch``,
nothing written); ``services/`` validates a batch and writes it in one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from therapy_app.errors import InvalidInputError
from therapy_app.interop import daylio, howwefeel
from therapy_app.interop.csv_export import CsvExporter
from therapy_app.interop.native import JsonExporter, JsonImporter, ZipExporter, ZipImporter

if TYPE_CHECKING:
    from pathlib import Path

    from therapy_app.interop.native import ExportDocument
    from therapy_app.interop.records import ImportBatch, ImportOptions


class Importer(Protocol):
    names: tuple[str, ...]
    extension: str

    @staticmethod
    def parse(path: Path, options: ImportOptions) -> ImportBatch: ...


class Exporter(Protocol):
    names: tuple[str, ...]
    extension: str
    with_images: bool  # whether the entries' pictures go into the file

    @staticmethod
    def export(document: ExportDocument) -> bytes: ...


class DaylioImporter:
    names = ("daylio",)
    extension = "csv"
    parse = staticmethod(daylio.parse)


class HowWeFeelImporter:
    names = ("howwefeel",)
    extension = "csv"
    parse = staticmethod(howwefeel.parse)


def _pdf_exporter() -> type[Exporter]:
    from therapy_app.interop.pdf import PdfExporter  # NOTE: fpdf2 loads only for a PDF

    return PdfExporter


IMPORTERS: tuple[type[Importer], ...] = (
    DaylioImporter,
    HowWeFeelImporter,
    JsonImporter,
    ZipImporter,
)
IMPORT_FORMATS: tuple[str, ...] = tuple(name for cls in IMPORTERS for name in cls.names)
EXPORTERS: tuple[type[Exporter], ...] = (CsvExporter, JsonExporter, ZipExporter)
EXPORT_FORMATS: tuple[str, ...] = (*(name for cls in EXPORTERS for name in cls.names), "pdf")


def get_importer(name: str) -> type[Importer]:
    for cls in IMPORTERS:
        if name in cls.names:
            return cls
    msg = f"Unknown import format '{name}'; choose one of {', '.join(IMPORT_FORMATS)}."
    raise InvalidInputError(msg)


def get_exporter(name: str) -> type[Exporter]:
    if name == "pdf":
        return _pdf_exporter()
    for cls in EXPORTERS:
        if name in cls.names:
            return cls
    msg = f"Unknown export format '{name}'; choose one of {', '.join(EXPORT_FORMATS)}."
    raise InvalidInputError(msg)
