"""Personal values as they are stored: sealed with the journal's key, each bound to its row
and owner (see crypto). The database keeps in the clear only what it needs to find rows:
ids, owners and times. The services and the migration that sealed older journals both
use these, so a value is always sealed the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from therapy_app.journal.crypto import FieldContext

if TYPE_CHECKING:
    from therapy_app.journal.crypto import FieldCipher


def _loads(document: bytes) -> Any:
    """A sealed JSON document, read. A caseload opens every check-in of 90 days of each
    client: orjson reads them four times faster than json. json.dumps wrote them, and
    writes NaN, which only json reads back."""
    try:
        return orjson.loads(document)
    except orjson.JSONDecodeError:
        return json.loads(document)


@dataclass(frozen=True)
class SealedCheckIn:
    """An entry's check-in apart from its note: the mood, scores, sleep, risk flag and
    feelings ((word, intensity) in the order chosen), the zone it was written in, and whether
    the one-tap "I'm not safe right now" was among what raised the flag."""

    timezone: str
    quick_mood: int | None
    valence: float
    energy: float
    control: float | None
    sleep_hours: float | None
    risk_flag: bool
    feelings: tuple[tuple[str, int], ...]
    unsafe_now: bool | None = None  # None: sealed before the tap was kept apart from the flag

    @property
    def tapped_unsafe(self) -> bool:
        """The tap, as far as is known: where it was not kept apart, any flag counts as one,
        so that an edit of the words never drops a flag the person may have raised."""
        return self.risk_flag if self.unsafe_now is None else self.unsafe_now

    def seal(self, cipher: FieldCipher, entry_id: str, owner_id: str) -> bytes:
        document = {**self.__dict__, "feelings": [list(pair) for pair in self.feelings]}
        return cipher.encrypt(json.dumps(document).encode(), _checkin(entry_id, owner_id))

    @classmethod
    def open(cls, cipher: FieldCipher, blob: bytes, entry_id: str, owner_id: str) -> SealedCheckIn:
        document = _loads(cipher.decrypt(blob, _checkin(entry_id, owner_id)))
        document["feelings"] = tuple((word, int(i)) for word, i in document["feelings"])
        return cls(**document)


def _checkin(entry_id: str, owner_id: str) -> FieldContext:
    return FieldContext("entries", "checkin", entry_id, owner_id)


def tag_key(cipher: FieldCipher, owner_id: str, name: str) -> str:
    """What finds an owner's tag by its name (a keyed fingerprint, unique per owner)."""
    return cipher.fingerprint(f"tag|{owner_id}|{name}")


def seal_tag(cipher: FieldCipher, tag_id: str, owner_id: str, name: str) -> bytes:
    return cipher.encrypt_text(name, FieldContext("tags", "name", tag_id, owner_id))


def open_tag(cipher: FieldCipher, blob: bytes, tag_id: str, owner_id: str) -> str:
    return cipher.decrypt_text(blob, FieldContext("tags", "name", tag_id, owner_id))


@dataclass(frozen=True)
class SealedProfile:
    """An account's username, display name, role, time zone and country."""

    username: str
    display_name: str
    role: str
    timezone: str
    country: str = ""  # where crisis lines are shown for (ISO 3166-1 alpha-2), if chosen

    def seal(self, cipher: FieldCipher, user_id: str) -> bytes:
        where = FieldContext("users", "profile", user_id, user_id)
        return cipher.encrypt(json.dumps(self.__dict__).encode(), where)

    @classmethod
    def open(cls, cipher: FieldCipher, blob: bytes, user_id: str) -> SealedProfile:
        where = FieldContext("users", "profile", user_id, user_id)
        return cls(**_loads(cipher.decrypt(blob, where)))


def username_key(cipher: FieldCipher, username: str) -> str:
    """What finds an account by its (normalised) username: a keyed fingerprint."""
    return cipher.fingerprint(f"username|{username}")


def seal_provenance(
    cipher: FieldCipher, artwork_id: str, owner_id: str, provenance: dict[str, object]
) -> bytes:
    where = FieldContext("artworks", "provenance", artwork_id, owner_id)
    return cipher.encrypt(json.dumps(provenance).encode(), where)


def open_provenance(
    cipher: FieldCipher, blob: bytes, artwork_id: str, owner_id: str
) -> dict[str, object]:
    where = FieldContext("artworks", "provenance", artwork_id, owner_id)
    return _loads(cipher.decrypt(blob, where))


@dataclass(frozen=True)
class SealedTerms:
    """What a therapist link allows: its status, the parts shared and the last day of
    consent (ISO date, or None for no end). Sealed, so a stolen database does not show who
    shares what with whom, or whether they still do."""

    status: str
    mood: bool
    notes: bool
    art: bool
    sessions: bool
    ends_on: str | None

    def seal(self, cipher: FieldCipher, link_id: str, therapist_id: str) -> bytes:
        return cipher.encrypt(json.dumps(self.__dict__).encode(), _terms(link_id, therapist_id))

    @classmethod
    def open(cls, cipher: FieldCipher, blob: bytes, link_id: str, therapist_id: str) -> SealedTerms:
        return cls(**_loads(cipher.decrypt(blob, _terms(link_id, therapist_id))))


def _terms(link_id: str, therapist_id: str) -> FieldContext:
    return FieldContext("therapist_links", "terms", link_id, therapist_id)


@dataclass(frozen=True)
class SealedAuditDetail:
    """What an audit event says about a person: the action, what it touched, the outcome and
    why. Bound to the event's actor, subject and object (a backup restores events under new
    row ids, so the row id is not part of the binding)."""

    action: str
    object_type: str
    outcome: str
    reason: str | None

    def seal(self, cipher: FieldCipher, *ids: str | None) -> bytes:
        return cipher.encrypt(json.dumps(self.__dict__).encode(), _audit(*ids))

    @classmethod
    def open(cls, cipher: FieldCipher, blob: bytes, *ids: str | None) -> SealedAuditDetail:
        return cls(**_loads(cipher.decrypt(blob, _audit(*ids))))


def _audit(actor_id: str | None, subject_id: str | None, object_id: str | None) -> FieldContext:
    return FieldContext("audit_events", "detail", f"{object_id}|{subject_id}", str(actor_id))
