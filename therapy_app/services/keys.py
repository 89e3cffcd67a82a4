"""The journal's key: found, checked against the database, made only for a new journal.

A key check (a known value sealed with the key) is stored at first start. Any other key
is refused with a message, and a missing key is never replaced while the database holds
a journal: writing under a new key would leave the old and new entries unreadable together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import make_url

from therapy_app.errors import DecryptionError, TherapyAppError
from therapy_app.journal.crypto import FieldCipher, create_key_file, load_key
from therapy_app.journal.models import Artwork, Entry, KeyCheck, User
from therapy_app.services.artworks import field_context
from therapy_app.services.entries import note_context

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from therapy_app.config import Settings

KEY_CHECK_ID = 1


def unlock(session: Session, settings: Settings) -> FieldCipher:
    """The cipher for this database's journal, or a refusal that says what to do."""
    stored = session.get(KeyCheck, KEY_CHECK_ID)
    key = load_key(settings.key_file, settings.key_b64)
    if key is None:
        if stored is not None or session.scalar(select(User.id).limit(1)) is not None:
            msg = (
                f"No key at {settings.key_file} (and THERAPY_APP_KEY is not set), but the "
                f"database {_where(settings)} already holds a journal. Nothing was changed. "
                "Put the journal's key file back there, or point THERAPY_APP_KEY_FILE (or "
                "THERAPY_APP_KEY) at it; a new key could not read the journal."
            )
            raise TherapyAppError(msg)
        key = create_key_file(settings.key_file)
    cipher = FieldCipher(key)
    if stored is None:
        _check_existing_data(session, cipher, settings)
        session.add(KeyCheck(id=KEY_CHECK_ID, value_ct=cipher.key_check()))
    elif not cipher.opens(stored.value_ct):
        _refuse_other_key(settings)
    return cipher


def _where(settings: Settings) -> str:
    return make_url(settings.database_url).render_as_string(hide_password=True)


def _source(settings: Settings) -> str:
    return "THERAPY_APP_KEY" if settings.key_b64 else f"the key file {settings.key_file}"


def _refuse_other_key(settings: Settings) -> None:
    msg = (
        f"The key from {_source(settings)} is not the key the journal in {_where(settings)} "
        "was written with. Nothing was read or written. Use the journal's own key: restore "
        "its key file, or set THERAPY_APP_KEY_FILE or THERAPY_APP_KEY to it."
    )
    raise TherapyAppError(msg)


def _check_existing_data(session: Session, cipher: FieldCipher, settings: Settings) -> None:
    """A journal from before key checks: the key must open what is already stored."""
    note = session.execute(
        select(Entry.id, Entry.owner_id, Entry.note_ct).where(Entry.note_ct.is_not(None)).limit(1)
    ).first()
    thumb = session.execute(select(Artwork.id, Artwork.owner_id, Artwork.thumb_ct).limit(1)).first()
    samples = [
        *([(note.note_ct, note_context(note.id, note.owner_id))] if note else []),
        *([(thumb.thumb_ct, field_context("thumb", thumb.id, thumb.owner_id))] if thumb else []),
    ]
    try:
        for blob, where in samples:
            cipher.decrypt(blob, where)
    except DecryptionError:
        _refuse_other_key(settings)
