"""Journal entries: check in, find, read, edit, delete. One transaction per call."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from therapy_app.clock import utc_now
from therapy_app.errors import NotFoundError
from therapy_app.journal import audit
from therapy_app.journal.crypto import FieldContext
from therapy_app.journal.models import Artwork, Entry, EntryFeeling, Tag, entry_tags, new_id
from therapy_app.mood.checkin import CheckIn, FeelingChoice, validate
from therapy_app.mood.safety import assess_risk
from therapy_app.mood.scales import QuickMood
from therapy_app.services import access
from therapy_app.services.artworks import NewArtwork, add_artwork

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date, datetime

    from sqlalchemy import Select
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
class EntryPage:
    items: tuple[EntryView, ...]
    total: int


def note_context(entry_id: str, owner_id: str) -> FieldContext:
    return FieldContext("entries", "note", entry_id, owner_id)


def check_in(
    ctx: AppContext, actor: Actor, check_in: CheckIn, artwork: NewArtwork | None = None
) -> EntryView:
    """Save a check-in as a new entry of the acting user, with its picture if given:
    the entry and its images commit together or not at all."""
    valid = validate(check_in, ctx.clock())
    with ctx.unit_of_work() as session:
        entry = Entry(owner_id=actor.user_id)
        session.add(entry)
        _apply(session, ctx.cipher, entry, valid)
        session.flush()
        arts = (add_artwork(ctx, session, entry.id, actor.user_id, artwork),) if artwork else ()
        ctx.audit(
            session, actor, audit.Action.WRITE, OBJECT, object_id=entry.id, subject_id=actor.user_id
        )
        return _view(ctx.cipher, entry, can_read_note=True, artwork_ids=arts)


def add_entries(
    ctx: AppContext, session: Session, owner_id: str, check_ins: Sequence[CheckIn]
) -> list[Entry]:
    """Rows for many validated check-ins inside the caller's transaction (an import); the
    owner's tags are read once rather than once per entry."""
    tags = {tag.name: tag for tag in session.scalars(select(Tag).where(Tag.owner_id == owner_id))}

    def find_tag(name: str) -> Tag:
        if name not in tags:
            tags[name] = Tag(owner_id=owner_id, name=name)
            session.add(tags[name])
        return tags[name]

    made = []
    for valid in check_ins:
        entry = Entry(owner_id=owner_id)
        session.add(entry)
        _apply(session, ctx.cipher, entry, valid, find_tag)
        made.append(entry)
    session.flush()
    return made


def _apply(
    session: Session,
    cipher: FieldCipher,
    entry: Entry,
    valid: CheckIn,
    find_tag: Callable[[str], Tag] | None = None,
) -> None:
    """Copy a validated check-in onto an entry; derived fields are recomputed here."""
    entry.id = entry.id or new_id()
    occurred_at = valid.occurred_at
    entry.occurred_at = occurred_at
    entry.timezone = valid.timezone
    entry.local_date = occurred_at.astimezone(ZoneInfo(valid.timezone)).date()
    entry.quick_mood = int(valid.quick_mood) if valid.quick_mood else None
    entry.valence = valid.resolved_valence()
    entry.energy = valid.resolved_energy()
    entry.control = valid.control
    entry.sleep_hours = valid.sleep_hours
    entry.note_ct = (
        cipher.encrypt_text(valid.note, note_context(entry.id, entry.owner_id))
        if valid.note
        else None
    )
    entry.risk_flag = assess_risk(valid.note)
    entry.feelings = [
        EntryFeeling(word=choice.word, intensity=choice.intensity, position=position)
        for position, choice in enumerate(valid.feelings)
    ]
    find = find_tag or (lambda name: _tag(session, entry.owner_id, name))
    entry.tags = [find(name) for name in valid.tags]


def _tag(session: Session, owner_id: str, name: str) -> Tag:
    tag = session.scalar(select(Tag).where(Tag.owner_id == owner_id, Tag.name == name))
    if tag is None:
        tag = Tag(owner_id=owner_id, name=name)
        session.add(tag)
    return tag


def _view(
    cipher: FieldCipher, entry: Entry, can_read_note: bool, artwork_ids: tuple[str, ...] = ()
) -> EntryView:
    note = None
    if can_read_note:
        note = (
            cipher.decrypt_text(entry.note_ct, note_context(entry.id, entry.owner_id))
            if entry.note_ct
            else ""
        )
    return EntryView(
        id=entry.id,
        owner_id=entry.owner_id,
        occurred_at=entry.occurred_at,
        timezone=entry.timezone,
        local_date=entry.local_date,
        quick_mood=QuickMood(entry.quick_mood) if entry.quick_mood else None,
        valence=entry.valence,
        energy=entry.energy,
        control=entry.control,
        feelings=tuple(FeelingChoice(f.word, f.intensity) for f in entry.feelings),
        tags=tuple(sorted(tag.name for tag in entry.tags)),
        note=note,
        sleep_hours=entry.sleep_hours,
        risk_flag=entry.risk_flag,
        artwork_ids=artwork_ids,
    )


def _load_for(
    session: Session, actor: Actor, entry_id: str, action: str, write: bool = False
) -> Entry:
    entry = session.get(Entry, entry_id)
    if entry is None:
        msg = "That entry does not exist (it may have been deleted)."
        raise NotFoundError(msg)
    if write or not access.can_read_owned(session, actor, entry.owner_id, "mood"):
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
        entry = _load_for(session, actor, entry_id, audit.Action.READ)
        can_read_note = access.can_read_owned(session, actor, entry.owner_id, "notes")
        ctx.audit(
            session, actor, audit.Action.READ, OBJECT, object_id=entry.id, subject_id=entry.owner_id
        )
        arts = _artwork_ids(session, [entry.id]).get(entry.id, ())
        return _view(ctx.cipher, entry, can_read_note, arts)


def update_entry(ctx: AppContext, actor: Actor, entry_id: str, check_in: CheckIn) -> EntryView:
    valid = validate(check_in, ctx.clock())
    with ctx.unit_of_work() as session:
        entry = _load_for(session, actor, entry_id, audit.Action.WRITE, write=True)
        _apply(session, ctx.cipher, entry, valid)
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
        return _view(ctx.cipher, entry, can_read_note=True, artwork_ids=arts)


def delete_entry(ctx: AppContext, actor: Actor, entry_id: str) -> None:
    """Delete an entry with its art; it is gone for good."""
    with ctx.unit_of_work() as session:
        entry = _load_for(session, actor, entry_id, audit.Action.DELETE, write=True)
        session.delete(entry)
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
    """Entries newest first. A therapist may list a consenting client's (``owner_id``)."""
    query = query or EntryQuery()
    with ctx.unit_of_work() as session:
        owner_id = access.readable_owner(session, actor, owner_id, "mood", audit.Action.READ)
        can_read_notes = access.can_read_owned(session, actor, owner_id, "notes")
        entries = list(session.scalars(_filtered(owner_id, query)))
        views = [_view(ctx.cipher, entry, can_read_notes) for entry in entries]
        if query.text.strip():
            needle = query.text.strip().casefold()
            views = [v for v in views if _matches(v, needle)]
        total = len(views)
        end = None if query.limit is None else query.offset + query.limit
        page = views[query.offset : end]
        arts = _artwork_ids(session, [v.id for v in page])
        page = [_with_art(view, arts.get(view.id, ())) for view in page]
        ctx.audit(session, actor, audit.Action.READ, "entries", subject_id=owner_id)
        return EntryPage(tuple(page), total)


def entries_between(
    ctx: AppContext, session: Session, owner_id: str, since: date | None, until: date | None
) -> list[EntryView]:
    """All of an owner's entries in a date range, oldest first, inside the caller's
    transaction (an export; the caller checks and audits)."""
    found = list(session.scalars(_filtered(owner_id, EntryQuery(since=since, until=until))))
    return [_view(ctx.cipher, entry, can_read_note=True) for entry in reversed(found)]


def _with_art(view: EntryView, artwork_ids: tuple[str, ...]) -> EntryView:
    return replace(view, artwork_ids=artwork_ids)


def _matches(view: EntryView, needle: str) -> bool:
    haystack = " ".join([view.note or "", *view.tags, *(f.word for f in view.feelings)])
    return needle in haystack.casefold()


def _filtered(owner_id: str, query: EntryQuery) -> Select[tuple[Entry]]:
    statement = select(Entry).where(Entry.owner_id == owner_id)
    if query.since:
        statement = statement.where(Entry.local_date >= query.since)
    if query.until:
        statement = statement.where(Entry.local_date <= query.until)
    if query.tag:
        statement = statement.where(
            Entry.id.in_(
                select(entry_tags.c.entry_id)
                .join(Tag, Tag.id == entry_tags.c.tag_id)
                .where(Tag.owner_id == owner_id, Tag.name == query.tag.strip().lower())
            )
        )
    if query.feeling:
        statement = statement.where(
            Entry.id.in_(
                select(EntryFeeling.entry_id).where(EntryFeeling.word == query.feeling.lower())
            )
        )
    return statement.order_by(Entry.occurred_at.desc())


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
        for entry_id, owner_id, note_ct in rows:
            if not access.can_read_owned(session, actor, owner_id, "notes"):
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
        for owner_id in {owner_id for _, owner_id, _ in rows}:
            ctx.audit(session, actor, audit.Action.READ, "notes", subject_id=owner_id)
        return excerpts


def tag_usage(ctx: AppContext, actor: Actor, owner_id: str | None = None) -> list[tuple[str, int]]:
    """The acting user's tags (or a consenting client's), most used first."""
    with ctx.unit_of_work() as session:
        owner_id = access.readable_owner(session, actor, owner_id, "mood", audit.Action.READ)
        rows = session.execute(
            select(Tag.name, func.count(entry_tags.c.entry_id))
            .outerjoin(entry_tags, entry_tags.c.tag_id == Tag.id)
            .where(Tag.owner_id == owner_id)
            .group_by(Tag.name)
            .order_by(func.count(entry_tags.c.entry_id).desc(), Tag.name)
        )
        return [(name, count) for name, count in rows]
