"""Journal entries: check in, find, read, edit, delete. One transaction per call."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select

from therapy_app.clock import utc_now
from therapy_app.errors import DecryptionError
from therapy_app.journal import audit, db
from therapy_app.journal.crypto import FieldContext
from therapy_app.journal.db import insert_missing
from therapy_app.journal.models import Artwork, Entry, Tag, entry_tags, new_id
from therapy_app.journal.sealed import SealedCheckIn, open_tag, seal_tag, tag_key
from therapy_app.mood.checkin import CheckIn, FeelingChoice, validate
from therapy_app.mood.safety import assess_risk, assess_risks
from therapy_app.mood.scales import QuickMood
from therapy_app.services import access, paging
from therapy_app.services.artworks import NewArtwork, add_artwork

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date, datetime

    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.orm import Session

    from therapy_app.journal.crypto import FieldCipher
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

OBJECT = "entry"


@dataclass(frozen=True)
class EntryView:
    id: str
    owner_id: str
    occurred_at: datetime
    timezone: str
    local_date: date
    quick_mood: QuickMood | None
    valence: float
    energy: float
    control: float | None
    feelings: tuple[FeelingChoice, ...]
    tags: tuple[str, ...]
    note: str | None  # None when the viewer may not read notes
    sleep_hours: float | None
    risk_flag: bool
    artwork_ids: tuple[str, ...]
    unsafe_now: bool = False  # the one-tap "I'm not safe right now" (risk_flag: by it or words)

    @property
    def local_time(self) -> datetime:
        return self.occurred_at.astimezone(ZoneInfo(self.timezone))

    def as_check_in(self) -> CheckIn:
        return CheckIn(
            quick_mood=self.quick_mood,
            feelings=self.feelings,
            valence=self.valence,
            energy=self.energy,
            control=self.control,
            tags=self.tags,
            note=self.note or "",
            sleep_hours=self.sleep_hours,
            occurred_at=self.occurred_at,
            timezone=self.timezone,
            unsafe_now=self.unsafe_now,
        )


@dataclass(frozen=True)
class EntryQuery:
    since: date | None = None
    until: date | None = None
    text: str = ""
    feeling: str | None = None
    tag: str | None = None
    offset: int = 0
    limit: int | None = 20


@dataclass(frozen=True)
class UnreadableEntry:
    """An entry whose stored data could not be opened (damaged); the others are listed."""

    id: str
    local_date: date
    reason: str

    def describe(self) -> str:
        when = self.local_date.isoformat()
        return f"The entry of {when} (id {self.id}) could not be opened. {self.reason}"


@dataclass(frozen=True)
class EntryPage:
    """A page of entries. ``total`` counts the entries that match (less the damaged ones found
    on the way); a search that stopped early (``complete`` False) knows only that more than
    ``total - 1`` match."""

    items: tuple[EntryView, ...]
    total: int
    unreadable: tuple[UnreadableEntry, ...] = ()
    complete: bool = True


def note_context(entry_id: str, owner_id: str) -> FieldContext:
    return FieldContext("entries", "note", entry_id, owner_id)


def check_in(
    ctx: AppContext, actor: Actor, check_in: CheckIn, artwork: NewArtwork | None = None
) -> EntryView:
    """Save a check-in as a new entry of the acting user, with its picture if given:
    the entry and its images commit together or not at all."""
    valid = validate(check_in, ctx.clock())
    flagged = _risk_of(valid)
    with ctx.unit_of_work() as session:
        entry = Entry(owner_id=actor.user_id)
        session.add(entry)
        _apply(session, ctx.cipher, entry, valid, flagged)
        session.flush()
        arts = (add_artwork(ctx, session, entry.id, actor.user_id, artwork),) if artwork else ()
        ctx.audit(
            session, actor, audit.Action.WRITE, OBJECT, object_id=entry.id, subject_id=actor.user_id
        )
        tags = tag_names(ctx.cipher, entry.tags)
        return _view(ctx.cipher, entry, tags, can_read_note=True, artwork_ids=arts)


def add_entries(
    ctx: AppContext, session: Session, owner_id: str, check_ins: Sequence[CheckIn]
) -> list[Entry]:
    """Rows for many validated check-ins inside the caller's transaction (an import), sealed
    as a check-in is; the owner's tags are made and found once rather than once per entry."""
    tags = _tags(
        session, ctx.cipher, owner_id, {name for valid in check_ins for name in valid.tags}
    )
    made = []
    flags = assess_risks([valid.note for valid in check_ins])
    for valid, flagged in zip(check_ins, flags, strict=True):
        entry = Entry(owner_id=owner_id)
        session.add(entry)
        _apply(session, ctx.cipher, entry, valid, flagged, tags)
        made.append(entry)
    session.flush()
    return made


def _risk_of(valid: CheckIn) -> bool:
    """The check-in's risk flag: the one tap, else the note's reading. Read before the unit
    of work, so that no reading holds a place at the gate (``gate.py``)."""
    return valid.unsafe_now or assess_risk(valid.note)


def _apply(
    session: Session,
    cipher: FieldCipher,
    entry: Entry,
    valid: CheckIn,
    risk_read: bool,
    tags: Mapping[str, Tag] | None = None,
) -> None:
    """Copy a validated check-in onto an entry; derived fields are recomputed here.
    ``risk_read``: the note's risk reading, made by the caller before its unit of work (an
    import reads its notes together); ``tags``: the owner's tags by name, when the caller
    has them already."""
    entry.id = entry.id or new_id()
    occurred_at = valid.occurred_at
    entry.occurred_at = occurred_at
    entry.local_date = occurred_at.astimezone(ZoneInfo(valid.timezone)).date()
    entry.checkin_ct = SealedCheckIn(
        timezone=valid.timezone,
        quick_mood=int(valid.quick_mood) if valid.quick_mood else None,
        valence=valid.resolved_valence(),
        energy=valid.resolved_energy(),
        control=valid.control,
        sleep_hours=valid.sleep_hours,
        risk_flag=valid.unsafe_now or risk_read,
        feelings=tuple((choice.word, choice.intensity) for choice in valid.feelings),
        unsafe_now=valid.unsafe_now,
    ).seal(cipher, entry.id, entry.owner_id)
    entry.note_ct = (
        cipher.encrypt_text(valid.note, note_context(entry.id, entry.owner_id))
        if valid.note
        else None
    )
    if tags is None:
        tags = _tags(session, cipher, entry.owner_id, set(valid.tags))
    entry.tags = [tags[name] for name in valid.tags]


def _tags(session: Session, cipher: FieldCipher, owner_id: str, names: set[str]) -> dict[str, Tag]:
    """The owner's tags of these names, made if new: simultaneous check-ins with the same new
    tag each insert it or find it, and none of them fails on the others."""
    if not names:
        return {}
    keys = {tag_key(cipher, owner_id, name): name for name in names}
    rows = []
    for key, name in keys.items():
        tag_id = new_id()
        sealed = seal_tag(cipher, tag_id, owner_id, name)
        rows.append({"id": tag_id, "owner_id": owner_id, "name_key": key, "name_ct": sealed})
    insert_missing(session, Tag.__table__, rows)
    found = session.scalars(
        select(Tag).where(Tag.owner_id == owner_id, Tag.name_key.in_(list(keys)))
    )
    return {keys[tag.name_key]: tag for tag in found}


def tag_names(cipher: FieldCipher, tags: list[Tag]) -> tuple[str, ...]:
    """The names of these tags, sorted."""
    return tuple(sorted(open_tag(cipher, tag.name_ct, tag.id, tag.owner_id) for tag in tags))


def _delete_unused_tags(session: Session, owner_id: str) -> None:
    """Tags live only as long as an entry uses them (a deleted entry's tags go with it)."""
    session.flush()
    used = select(entry_tags.c.tag_id)
    session.execute(delete(Tag).where(Tag.owner_id == owner_id, Tag.id.not_in(used)))


class EntryColumns(Protocol):
    """What a view is made from: an entry's row, or an Entry."""

    id: str
    owner_id: str
    occurred_at: datetime
    local_date: date
    checkin_ct: bytes
    note_ct: bytes | None


# An entry's columns, read without loading an Entry: a page lists tens of them, a search
# opens them by the hundred.
ENTRY_COLUMNS = (
    Entry.id,
    Entry.owner_id,
    Entry.occurred_at,
    Entry.local_date,
    Entry.checkin_ct,
    Entry.note_ct,
)


def tag_names_by_entry(
    session: Session, cipher: FieldCipher, *where: ColumnElement[bool]
) -> dict[str, tuple[str, ...]]:
    """The sorted tag names of each entry whose tag links match ``where``, in one
    statement (a check-in saved meanwhile with a new tag cannot link a tag this read has
    no name for); each tag opened once."""
    names: dict[str, str] = {}
    found: dict[str, list[str]] = {}
    query = (
        select(entry_tags.c.entry_id, Tag.id, Tag.owner_id, Tag.name_ct)
        .join(Tag, Tag.id == entry_tags.c.tag_id)
        .where(*where)
    )
    for entry_id, tag_id, owner_id, name_ct in session.connection().execute(query):
        if tag_id not in names:
            names[tag_id] = open_tag(cipher, name_ct, tag_id, owner_id)
        found.setdefault(entry_id, []).append(names[tag_id])
    return {entry_id: tuple(sorted(tags)) for entry_id, tags in found.items()}


def _with_tags(
    session: Session, cipher: FieldCipher, rows: Sequence[EntryColumns]
) -> list[tuple[EntryColumns, tuple[str, ...]]]:
    ids = [row.id for row in rows]
    tags = tag_names_by_entry(session, cipher, entry_tags.c.entry_id.in_(ids)) if rows else {}
    return [(row, tags.get(row.id, ())) for row in rows]


def _view(
    cipher: FieldCipher,
    entry: EntryColumns,
    tags: tuple[str, ...],
    can_read_note: bool,
    artwork_ids: tuple[str, ...] = (),
) -> EntryView:
    note = None
    if can_read_note:
        note = (
            cipher.decrypt_text(entry.note_ct, note_context(entry.id, entry.owner_id))
            if entry.note_ct
            else ""
        )
    sealed = SealedCheckIn.open(cipher, entry.checkin_ct, entry.id, entry.owner_id)
    return EntryView(
        id=entry.id,
        owner_id=entry.owner_id,
        occurred_at=entry.occurred_at,
        timezone=sealed.timezone,
        local_date=entry.local_date,
        quick_mood=QuickMood(sealed.quick_mood) if sealed.quick_mood else None,
        valence=sealed.valence,
        energy=sealed.energy,
        control=sealed.control,
        feelings=tuple(FeelingChoice(word, intensity) for word, intensity in sealed.feelings),
        tags=tags,
        note=note,
        sleep_hours=sealed.sleep_hours,
        risk_flag=sealed.risk_flag,
        artwork_ids=artwork_ids,
        unsafe_now=sealed.tapped_unsafe,
    )


def _load_for(
    ctx: AppContext,
    session: Session,
    actor: Actor,
    entry_id: str,
    action: str,
    write: bool = False,
) -> Entry:
    entry = db.existing(session, Entry, entry_id, "entry")
    if write or not access.can_read_owned(ctx, session, actor, entry.owner_id, "mood"):
        access.require_owner(actor, entry.owner_id, action, OBJECT, entry_id)
    return entry


def _artwork_ids(session: Session, entry_ids: list[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    query = select(Artwork.entry_id, Artwork.id).where(Artwork.entry_id.in_(entry_ids))
    for entry_id, artwork_id in session.execute(query.order_by(Artwork.created_at)):
        found.setdefault(entry_id, []).append(artwork_id)
    return {key: tuple(value) for key, value in found.items()}


def get_entry(ctx: AppContext, actor: Actor, entry_id: str) -> EntryView:
    with ctx.unit_of_work() as session:
        entry = _load_for(ctx, session, actor, entry_id, audit.Action.READ)
        can_read_note = access.can_read_owned(ctx, session, actor, entry.owner_id, "notes")
        ctx.audit(
            session, actor, audit.Action.READ, OBJECT, object_id=entry.id, subject_id=entry.owner_id
        )
        arts = _artwork_ids(session, [entry.id]).get(entry.id, ())
        return _view(ctx.cipher, entry, tag_names(ctx.cipher, entry.tags), can_read_note, arts)


def update_entry(ctx: AppContext, actor: Actor, entry_id: str, check_in: CheckIn) -> EntryView:
    valid = validate(check_in, ctx.clock())
    flagged = _risk_of(valid)
    with ctx.unit_of_work() as session:
        entry = _load_for(ctx, session, actor, entry_id, audit.Action.WRITE, write=True)
        _apply(session, ctx.cipher, entry, valid, flagged)
        _delete_unused_tags(session, entry.owner_id)
        # Changing only feelings or tags leaves the row's own columns as they were; the
        # edit still moves updated_at, which tells the timeline its frames are stale.
        entry.updated_at = utc_now()
        ctx.audit(
            session,
            actor,
            audit.Action.WRITE,
            OBJECT,
            object_id=entry.id,
            subject_id=entry.owner_id,
        )
        session.flush()
        arts = _artwork_ids(session, [entry.id]).get(entry.id, ())
        tags = tag_names(ctx.cipher, entry.tags)
        return _view(ctx.cipher, entry, tags, can_read_note=True, artwork_ids=arts)


def delete_entry(ctx: AppContext, actor: Actor, entry_id: str) -> None:
    """Delete an entry with its art; it is gone for good."""
    with ctx.unit_of_work() as session:
        entry = _load_for(ctx, session, actor, entry_id, audit.Action.DELETE, write=True)
        session.delete(entry)
        _delete_unused_tags(session, entry.owner_id)
        ctx.audit(
            session,
            actor,
            audit.Action.DELETE,
            OBJECT,
            object_id=entry_id,
            subject_id=entry.owner_id,
        )


def list_entries(
    ctx: AppContext, actor: Actor, query: EntryQuery | None = None, owner_id: str | None = None
) -> EntryPage:
    """Entries newest first. A therapist may list a consenting client's (``owner_id``).

    Without a search (text or feeling, both sealed) the database pages and only the page is
    decrypted; a search decrypts in batches and stops once the page is full."""
    query = query or EntryQuery()
    with ctx.unit_of_work() as session:
        owner_id = access.readable_owner(ctx, session, actor, owner_id, "mood", audit.Action.READ)
        can_read_notes = access.can_read_owned(ctx, session, actor, owner_id, "notes")
        tag = tag_key(ctx.cipher, owner_id, query.tag.strip().lower()) if query.tag else None
        statement = _filtered(owner_id, query, tag)
        unreadable: list[UnreadableEntry] = []

        def opened(entry: EntryColumns, tags: tuple[str, ...]) -> EntryView | None:
            try:
                return _view(ctx.cipher, entry, tags, can_read_notes)
            except DecryptionError as damaged:
                unreadable.append(UnreadableEntry(entry.id, entry.local_date, str(damaged)))
                return None

        if _searching(query):
            batches = paging.in_batches(session, statement)
            found = paging.first_matches(
                (_with_tags(session, ctx.cipher, batch) for batch in batches),
                lambda tagged: _if_matches(opened(*tagged), query),
                query.offset,
                query.limit,
            )
        else:
            rows = session.execute(statement.offset(query.offset).limit(query.limit)).all()
            tagged = _with_tags(session, ctx.cipher, rows)
            views = tuple(view for view in (opened(*pair) for pair in tagged) if view is not None)
            found = paging.Found(views, paging.count_rows(session, statement) - len(unreadable))
        arts = _artwork_ids(session, [view.id for view in found.items])
        page = tuple(_with_art(view, arts.get(view.id, ())) for view in found.items)
        ctx.audit(session, actor, audit.Action.READ, "entries", subject_id=owner_id)
        return EntryPage(page, found.total, tuple(unreadable), found.complete)


def _searching(query: EntryQuery) -> bool:
    return bool(query.feeling or query.text.strip())


def _if_matches(view: EntryView | None, query: EntryQuery) -> EntryView | None:
    """The view if it has the query's feeling and words (both sealed: chosen after opening)."""
    if view is None:
        return None
    if query.feeling and all(f.word != query.feeling.lower() for f in view.feelings):
        return None
    needle = query.text.strip().casefold()
    return view if not needle or _matches(view, needle) else None


def entries_between(
    ctx: AppContext, session: Session, owner_id: str, since: date | None, until: date | None
) -> list[EntryView]:
    """All of an owner's entries in a date range, oldest first, inside the caller's
    transaction (an export; the caller checks and audits)."""
    found = session.execute(_filtered(owner_id, EntryQuery(since=since, until=until), None)).all()
    tagged = _with_tags(session, ctx.cipher, found[::-1])
    return [_view(ctx.cipher, entry, tags, can_read_note=True) for entry, tags in tagged]


def _with_art(view: EntryView, artwork_ids: tuple[str, ...]) -> EntryView:
    return replace(view, artwork_ids=artwork_ids)


def _matches(view: EntryView, needle: str) -> bool:
    haystack = " ".join([view.note or "", *view.tags, *(f.word for f in view.feelings)])
    return needle in haystack.casefold()


def _filtered(owner_id: str, query: EntryQuery, tag: str | None) -> Select:
    """The owner's entries in the query's dates with the tag whose key is ``tag``, if any."""
    statement = select(*ENTRY_COLUMNS).where(
        Entry.owner_id == owner_id, *Entry.on_days(query.since, query.until)
    )
    if tag:
        statement = statement.where(
            Entry.id.in_(
                select(entry_tags.c.entry_id)
                .join(Tag, Tag.id == entry_tags.c.tag_id)
                .where(Tag.owner_id == owner_id, Tag.name_key == tag)
            )
        )
    return statement.order_by(Entry.occurred_at.desc(), Entry.id.desc())


def note_excerpts(
    ctx: AppContext, actor: Actor, entry_ids: list[str], words: int = 12
) -> dict[str, str]:
    """The first words of each of these entries' notes (for the few entries a chart shows);
    refused as a whole if any of them is not the actor's to read."""
    with ctx.unit_of_work() as session:
        rows = session.execute(
            select(Entry.id, Entry.owner_id, Entry.note_ct).where(Entry.id.in_(entry_ids))
        ).all()
        excerpts: dict[str, str] = {}
        shared = access.owners_sharing(ctx, session, actor, {row[1] for row in rows}, "notes")
        for entry_id, owner_id, note_ct in rows:
            if owner_id not in shared:
                access.deny(
                    actor, audit.Action.READ, OBJECT, entry_id, owner_id, reason="notes not shared"
                )
            text = (
                ctx.cipher.decrypt_text(note_ct, note_context(entry_id, owner_id))
                if note_ct
                else ""
            )
            all_words = text.split()
            ending = "…" if len(all_words) > words else ""
            excerpts[entry_id] = " ".join(all_words[:words]) + ending
        about = [(None, owner_id) for owner_id in dict.fromkeys(row[1] for row in rows)]
        ctx.audit_each(session, actor, audit.Action.READ, "notes", about)
        return excerpts


def tag_usage(ctx: AppContext, actor: Actor, owner_id: str | None = None) -> list[tuple[str, int]]:
    """The acting user's tags (or a consenting client's), most used first."""
    with ctx.unit_of_work() as session:
        owner_id = access.readable_owner(ctx, session, actor, owner_id, "mood", audit.Action.READ)
        rows = session.execute(
            select(Tag.id, Tag.name_ct, func.count(entry_tags.c.entry_id))
            .outerjoin(entry_tags, entry_tags.c.tag_id == Tag.id)
            .where(Tag.owner_id == owner_id)
            .group_by(Tag.id, Tag.name_ct)
        )
        usage = [
            (open_tag(ctx.cipher, name_ct, tag_id, owner_id), count)
            for tag_id, name_ct, count in rows
        ]
        ctx.audit(session, actor, audit.Action.READ, "tags", subject_id=owner_id)
        return sorted(usage, key=lambda pair: (-pair[1], pair[0]))
