"""Exporting the acting user's journal (all time or a date range) to a file; audited."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from therapy_app.errors import InvalidInputError
from therapy_app.fileio import atomic_write_bytes
from therapy_app.interop import get_exporter
from therapy_app.interop.native import ExportDocument
from therapy_app.interop.records import ArtworkRecord, EntryRecord
from therapy_app.journal import audit
from therapy_app.services.artworks import pictures_by_entry
from therapy_app.services.entries import entries_between

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext


@dataclass(frozen=True)
class ExportResult:
    entries: int
    pictures: int  # pictures in the file (CSV and JSON name them but hold none)
    size_bytes: int


def export_journal(
    ctx: AppContext,
    actor: Actor,
    fmt: str,
    out: Path,
    since: date | None = None,
    until: date | None = None,
) -> ExportResult:
    """Write the actor's entries between ``since`` and ``until`` (local dates, inclusive)
    to ``out`` as ``fmt`` (atomically). The export is in the audit log."""
    exporter = get_exporter(fmt)
    if since and until and since > until:
        msg = f"The range starts ({since}) after it ends ({until})."
        raise InvalidInputError(msg)
    with ctx.unit_of_work() as session:
        views = entries_between(ctx, session, actor.user_id, since, until)
        pictures = pictures_by_entry(ctx, session, actor.user_id, exporter.with_images)
        records = tuple(
            EntryRecord(
                key=view.id,
                # the flag goes with the entry, whatever raised it (a tap or the note)
                check_in=replace(view.as_check_in(), unsafe_now=view.risk_flag),
                artworks=tuple(
                    ArtworkRecord(picture.image or b"", picture.provenance, picture.title)
                    for picture in pictures.get(view.id, ())
                ),
            )
            for view in views
        )
        document = ExportDocument(records, ctx.clock(), actor.display_name, since, until)
        data = exporter.export(document)
        ctx.audit(session, actor, audit.Action.EXPORT, f"export_{fmt}", subject_id=actor.user_id)
        atomic_write_bytes(out, data)  # inside the transaction: no file, no audit row
    pictures_written = sum(len(r.artworks) for r in records) if exporter.with_images else 0
    return ExportResult(len(records), pictures_written, len(data))
