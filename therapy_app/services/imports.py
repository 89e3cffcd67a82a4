"""Importing another app's export (or our own) into the acting user's journal.

``plan_import`` reads and checks a file and says what would happen (counts, date range, the
first rows as they will be stored, every problem with its line); it writes nothing.
``import_file`` does the same inside one transaction and writes the new entries, their
pictures and their import keys, all or nothing. A row whose key is already stored is a
duplicate: importing the same file twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from therapy_app.errors import InvalidInputError, TherapyAppError
from therapy_app.interop import get_importer
from therapy_app.interop.records import ImportOptions, Problem, Severity, local_time
from therapy_app.journal import audit
from therapy_app.journal.models import ImportKey
from therapy_app.mood.checkin import validate
from therapy_app.services.artworks import NewArtwork, add_artwork
from therapy_app.services.entries import add_entries

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from sqlalchemy.orm import Session

    from therapy_app.interop.records import EntryRecord
    from therapy_app.mood.scales import QuickMood
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

KEY_LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would do; nothing has been written."""

    format: str
    new: tuple[EntryRecord, ...]  # validated, in file order, without the duplicates
    duplicates: int
    problems: tuple[Problem, ...]
    moods: dict[str, QuickMood]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def date_range(self) -> tuple[date, date] | None:
        days = [local_time(record).date() for record in self.new]
        return (min(days), max(days)) if days else None

    def as_json(self, added: int, dry_run: bool) -> dict[str, object]:
        span = self.date_range
        return {
            "format": self.format,
            "dry_run": dry_run,
            "entries_added": added,
            "entries_skipped_as_duplicates": self.duplicates,
            "entries_new_in_file": len(self.new),
            "first_date": span[0].isoformat() if span else None,
            "last_date": span[1].isoformat() if span else None,
            "moods": {label: int(level) for label, level in self.moods.items()},
            "problems": [problem.as_json() for problem in self.problems],
        }


def _options(actor: Actor, mood_map: dict[str, QuickMood] | None) -> ImportOptions:
    return ImportOptions(
        actor.timezone, {label.strip().casefold(): lvl for label, lvl in (mood_map or {}).items()}
    )


def _key_hash(ctx: AppContext, owner_id: str, record: EntryRecord) -> str:
    return ctx.cipher.digest("import-key", f"{owner_id}|{record.key}".encode())


def _stored_keys(session: Session, owner_id: str, hashes: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(hashes), KEY_LOOKUP_CHUNK):
        chunk = hashes[start : start + KEY_LOOKUP_CHUNK]
        found.update(
            session.scalars(
                select(ImportKey.key_hash).where(
                    ImportKey.owner_id == owner_id, ImportKey.key_hash.in_(chunk)
                )
            )
        )
    return found


def _plan(
    ctx: AppContext, session: Session, actor: Actor, fmt: str, path: Path, options: ImportOptions
) -> tuple[ImportPlan, list[str]]:
    batch = get_importer(fmt).parse(path, options)
    problems = list(batch.problems)
    now = ctx.clock()
    valid: list[EntryRecord] = []
    for record in batch.entries:
        try:
            valid.append(replace(record, check_in=validate(record.check_in, now)))
        except InvalidInputError as refused:
            problems.append(Problem(record.line, str(refused), Severity.ERROR))
    hashes = [_key_hash(ctx, actor.user_id, record) for record in valid]
    stored = _stored_keys(session, actor.user_id, hashes)
    new: list[EntryRecord] = []
    new_hashes: list[str] = []
    for record, key_hash in zip(valid, hashes, strict=True):
        if key_hash not in stored:
            stored.add(key_hash)  # the same key twice in one file counts once
            new.append(record)
            new_hashes.append(key_hash)
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    plan = ImportPlan(batch.format, tuple(new), len(valid) - len(new), tuple(problems), batch.moods)
    return plan, new_hashes


def plan_import(
    ctx: AppContext,
    actor: Actor,
    fmt: str,
    path: Path,
    mood_map: dict[str, QuickMood] | None = None,
) -> ImportPlan:
    """Read and check ``path`` as ``fmt`` for the actor's journal; nothing is written."""
    with ctx.sessions() as session:
        plan, _ = _plan(ctx, session, actor, fmt, path, _options(actor, mood_map))
        return plan


def import_file(
    ctx: AppContext,
    actor: Actor,
    fmt: str,
    path: Path,
    mood_map: dict[str, QuickMood] | None = None,
) -> tuple[ImportPlan, int]:
    """Import ``path`` into the actor's journal in one transaction; returns the plan it
    followed and how many entries were added. A file with any row that cannot be stored
    is refused whole, with the first such row's line."""
    try:
        with ctx.unit_of_work() as session:
            plan, hashes = _plan(ctx, session, actor, fmt, path, _options(actor, mood_map))
            if plan.errors:
                first = plan.errors[0]
                msg = (
                    f"{len(plan.errors)} rows of {path.name} cannot be imported ({first}); "
                    "nothing was imported. Preview the file to see every problem."
                )
                raise InvalidInputError(msg)
            entries = add_entries(ctx, session, actor.user_id, [r.check_in for r in plan.new])
            for entry, record, key_hash in zip(entries, plan.new, hashes, strict=True):
                for art in record.artworks:
                    picture = NewArtwork(art.png, art.provenance, art.title)
                    add_artwork(ctx, session, entry.id, actor.user_id, picture)
                session.add(ImportKey(owner_id=actor.user_id, key_hash=key_hash, entry_id=entry.id))
            audit.record(
                session,
                ctx.cipher,
                at=ctx.clock(),
                actor_id=actor.user_id,
                action=audit.Action.WRITE,
                object_type="import",
                subject_id=actor.user_id,
                reason=f"{plan.format}: {len(entries)} entries added, {plan.duplicates} known",
            )
    except IntegrityError:
        msg = "The same entries were being imported at the same time; try again."
        raise TherapyAppError(msg) from None
    return plan, len(entries)
