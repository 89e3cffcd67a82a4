"""SQLAlchemy models. Sensitive columns end in ``_ct`` and hold AES-GCM ciphertext
(journal.sealed); columns ending in ``_key`` hold keyed fingerprints that find rows.

Times are stored as UTC instants; an entry also keeps, sealed, the IANA zone it was
written in, and in the clear the local date derived from both (recomputed on every write).
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from therapy_app.roles import Role as Role  # where models and services have always found it

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes in, UTC-aware datetimes out, on SQLite and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[datetime]:
        return datetime

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            msg = "naive datetime given to the database; use an aware UTC datetime"
            raise ValueError(msg)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now, onupdate=_now)


class LinkStatus(enum.StrEnum):
    INVITED = "invited"
    ACTIVE = "active"
    REVOKED = "revoked"


def _one_of_check(column: str, enum_type: type[enum.StrEnum]) -> CheckConstraint:
    values = ", ".join(f"'{member.value}'" for member in enum_type)
    return CheckConstraint(f"{column} IN ({values})", name=f"ck_{column}_valid")


class User(TimestampMixin, Base):
    """An account, found by a keyed fingerprint of its username; username, display name,
    role and zone sealed together (journal.sealed.SealedProfile)."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("username_key", name="uq_users_username_key"),)

    username_key: Mapped[str] = mapped_column(String(64))
    profile_ct: Mapped[bytes] = mapped_column(LargeBinary)
    password_hash: Mapped[str] = mapped_column(String(255))


class AuthSession(Base):
    __tablename__ = "auth_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LoginThrottle(Base):
    """Failed sign-ins counted for one account name or one client address (whether or not
    the account exists). ``key`` is a keyed fingerprint, so neither is stored readable."""

    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    wait_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class KnownAddress(Base):
    """A client address that an account has signed in from (a keyed fingerprint): sign-ins
    from it are not held back by failures from other addresses, so no one can lock the
    owner out."""

    __tablename__ = "known_addresses"

    user_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    address_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_ok_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DeviceCookie(Base):
    """A browser an account has signed in on (OWASP's device cookie), known by a keyed
    digest of the cookie's random nonce: sign-ins that present it skip the throttles an
    attacker can fill, and count their own failures. Deleting the row revokes it."""

    __tablename__ = "device_cookies"

    nonce_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_ok_at: Mapped[datetime] = mapped_column(UTCDateTime)


entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_entry_tags_tag_id", "tag_id"),
)


class Tag(Base):
    """A tag: its name sealed, found by a keyed fingerprint of owner and name."""

    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("owner_id", "name_key", name="uq_tags_owner_name_key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name_key: Mapped[str] = mapped_column(String(64))
    name_ct: Mapped[bytes] = mapped_column(LargeBinary)


class Entry(TimestampMixin, Base):
    """A journal entry: when, and whose, in the clear; the check-in (journal.sealed) and the
    note sealed."""

    __tablename__ = "entries"
    __table_args__ = (
        Index("ix_entries_owner_occurred", "owner_id", "occurred_at", "id"),
        Index("ix_entries_owner_local_date", "owner_id", "local_date"),
    )

    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    local_date: Mapped[date] = mapped_column(Date, index=True)
    checkin_ct: Mapped[bytes] = mapped_column(LargeBinary)
    note_ct: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)

    tags: Mapped[list[Tag]] = relationship(secondary=entry_tags, lazy="selectin")
    # Deleting an entry deletes its art in the database (ON DELETE CASCADE).
    artworks: Mapped[list[Artwork]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    @classmethod
    def on_days(cls, since: date | None, until: date | None) -> list[ColumnElement[bool]]:
        """What keeps the entries of the local days ``since``..``until`` (inclusive); an end
        left None is open."""
        conditions: list[ColumnElement[bool]] = []
        if since:
            conditions.append(cls.local_date >= since)
        if until:
            conditions.append(cls.local_date <= until)
        return conditions


class Artwork(TimestampMixin, Base):
    __tablename__ = "artworks"
    # the timeline asks for a journal's latest picture and its pictured entries; a row
    # holds its whole image, so these are answered from indexes alone (migration 0003)
    __table_args__ = (
        Index("ix_artworks_owner_updated", "owner_id", "updated_at"),
        Index("ix_artworks_owner_entry", "owner_id", "entry_id"),
    )

    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title_ct: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # Loaded only when read: lists (gallery, timeline thumbnails) never need the full image.
    image_ct: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    # What the person drew over it (a PNG with transparency, the image's size), kept apart
    # so that the model's part stays regenerable from the provenance (migration 0013).
    drawing_ct: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    thumb_ct: Mapped[bytes] = mapped_column(LargeBinary)
    provenance_ct: Mapped[bytes] = mapped_column(LargeBinary)


class DraftKind(enum.StrEnum):
    CHECK_IN = "check-in"
    ART = "art"


class Draft(Base):
    """What a person had on a page and not yet saved (one per page kind), kept across reloads.

    The content (JSON) is encrypted like an entry's note; it is gone once saved or discarded.
    """

    __tablename__ = "drafts"
    __table_args__ = (
        UniqueConstraint("owner_id", "kind", name="uq_drafts_owner_kind"),
        _one_of_check("kind", DraftKind),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    content_ct: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TherapistLink(TimestampMixin, Base):
    """A therapist's invitation and, once a client redeems it, what that client shares.

    One row per therapist and client (redeeming another code from the same therapist
    changes this row's terms). The terms (status, parts shared, end date) are sealed
    (journal.sealed.SealedTerms); plain stay the ids and the times."""

    __tablename__ = "therapist_links"
    __table_args__ = (
        UniqueConstraint("therapist_id", "client_id", name="uq_therapist_links_pair"),
    )

    therapist_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    client_id: Mapped[str | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=True, index=True
    )
    invite_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    terms_ct: Mapped[bytes] = mapped_column(LargeBinary)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SessionStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"

    @property
    def in_words(self) -> str:
        return "under way" if self is SessionStatus.IN_PROGRESS else self.value


class TherapySession(TimestampMixin, Base):
    """A guided session a therapist planned for a client. The plan (steps, directive) and
    the content (what the client did: check-ins, answers, scores, flags) are sealed; in the
    clear only where it stands and when, so a caseload finds last and next sessions."""

    __tablename__ = "therapy_sessions"
    __table_args__ = (_one_of_check("status", SessionStatus),)

    therapist_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    client_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    scheduled_for: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    plan_ct: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    content_ct: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=SessionStatus.PLANNED.value)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # the entry the check-in before made: the session's pictures are stored with it
    entry_id: Mapped[str | None] = mapped_column(
        ForeignKey("entries.id", ondelete="SET NULL"), nullable=True
    )


class SafetyPlan(Base):
    """A person's own safety plan (its six parts sealed together); one per person."""

    __tablename__ = "safety_plans"

    owner_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    plan_ct: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TherapistNote(TimestampMixin, Base):
    """A therapist's private note about a client; never visible to the client."""

    __tablename__ = "therapist_notes"

    author_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    body_ct: Mapped[bytes] = mapped_column(LargeBinary)


class ImportKey(Base):
    """Marks an entry as imported from a row of another file, so that importing the same
    file again finds it and adds nothing. ``key_hash`` is a keyed digest of the row's key
    (journal/crypto.py), never the row itself; it goes when its entry goes."""

    __tablename__ = "import_keys"

    owner_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)


class KeyCheck(Base):
    """One row: a known value sealed with the journal's key at first start (a different or
    missing key is refused instead of writing under it)."""

    __tablename__ = "key_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value_ct: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


class FlagAcknowledgement(Base):
    """A therapist has seen a flag (risk language, PHQ-9 item 9, a large drop in mood):
    who and when in the clear, which flag as a keyed digest (services.review)."""

    __tablename__ = "flag_acknowledgements"
    __table_args__ = (
        UniqueConstraint("therapist_id", "flag_key", name="uq_flag_acknowledgements_flag"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    therapist_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    client_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    flag_key: Mapped[str] = mapped_column(String(64))
    acknowledged_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditEvent(Base):
    """Who did what to whose data; never the content. Append-only (DB triggers).

    Plain: when, and the ids of actor, object and subject (what the log is searched by);
    sealed: the action, the kind of object, the outcome and the reason
    (journal.sealed.SealedAuditDetail)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    object_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    subject_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    detail_ct: Mapped[bytes] = mapped_column(LargeBinary)
