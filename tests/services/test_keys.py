"""The journal's key is checked against the database; a missing or other key is refused."""

import base64
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from tests.conftest import make_settings
from tests.helpers import make_user, seed_old_journal
from therapy_app.errors import TherapyAppError
from therapy_app.journal.crypto import FieldCipher
from therapy_app.journal.db import make_engine
from therapy_app.journal.models import Entry
from therapy_app.mood.checkin import CheckIn
from therapy_app.services import accounts, entries
from therapy_app.services.context import open_app

OTHER_KEY = base64.b64encode(b"o" * 32).decode()


def _journal_with_a_note(settings, clock) -> None:
    ctx = open_app(settings, clock=clock)
    actor = make_user(ctx, "ada")
    entries.check_in(ctx, actor, CheckIn(valence=0.4, energy=0.1, note="first words"))
    ctx.dispose()


def _entry_count(settings) -> int:
    engine = make_engine(settings.database_url)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM entries")).scalar_one()
    engine.dispose()
    return count


def test_first_start_makes_a_key_file_and_reuses_it(tmp_path, database_url, clock) -> None:
    settings = replace(make_settings(tmp_path, database_url), key_b64=None)
    _journal_with_a_note(settings, clock)
    assert settings.key_file.exists()
    ctx = open_app(settings, clock=clock)
    assert entries.list_entries(ctx, accounts.find_user(ctx, "ada")).total == 1
    ctx.dispose()


@pytest.mark.parametrize("mistake", ["moved away", "mistyped path"])
def test_missing_key_file_is_refused_never_replaced(tmp_path, database_url, clock, mistake) -> None:
    settings = replace(make_settings(tmp_path, database_url), key_b64=None)
    _journal_with_a_note(settings, clock)
    if mistake == "moved away":
        settings.key_file.rename(tmp_path / "elsewhere.key")
    else:
        settings = replace(settings, key_file=tmp_path / "jounral.key")
    with pytest.raises(TherapyAppError, match="already holds a journal") as refused:
        open_app(settings, clock=clock)
    assert str(settings.key_file) in str(refused.value)
    assert not settings.key_file.exists()  # no new key was made


def test_other_key_is_refused_and_nothing_written(tmp_path, database_url, clock) -> None:
    settings = make_settings(tmp_path, database_url)
    _journal_with_a_note(settings, clock)
    with pytest.raises(TherapyAppError, match="THERAPY_APP_KEY is not the key"):
        open_app(replace(settings, key_b64=OTHER_KEY), clock=clock)
    other_file = replace(settings, key_b64=None)
    other_file.key_file.write_bytes(OTHER_KEY.encode())
    other_file.key_file.chmod(0o600)
    with pytest.raises(TherapyAppError, match="key file .* is not the key"):
        open_app(other_file, clock=clock)
    assert _entry_count(settings) == 1


def test_journal_from_before_key_checks_is_checked_then_recorded(
    tmp_path, database_url, clock
) -> None:
    """Upgrade from 0003: the first start's key must open the stored notes, then is recorded."""
    settings = make_settings(tmp_path, database_url)
    engine = make_engine(settings.database_url)
    seed_old_journal(engine, FieldCipher(base64.b64decode(settings.key_b64)))
    engine.dispose()
    with pytest.raises(TherapyAppError, match="is not the key"):
        open_app(replace(settings, key_b64=OTHER_KEY), clock=clock)
    ctx = open_app(settings, clock=clock)
    assert entries.list_entries(ctx, accounts.find_user(ctx, "old")).total == 1
    ctx.dispose()
    with pytest.raises(TherapyAppError, match="is not the key"):
        open_app(replace(settings, key_b64=OTHER_KEY), clock=clock)


def test_one_damaged_entry_leaves_the_rest_readable(ctx) -> None:
    actor = make_user(ctx, "ada")
    for note in ("one", "two", "three"):
        entries.check_in(ctx, actor, CheckIn(valence=0.2, energy=0.1, note=note))
    with ctx.unit_of_work() as session:
        damaged = session.scalars(select(Entry).limit(1)).one()
        damaged.note_ct = damaged.note_ct[:-1] + bytes([damaged.note_ct[-1] ^ 1])
    page = entries.list_entries(ctx, actor)
    assert page.total == 2 and {view.note for view in page.items} < {"one", "two", "three"}
    assert [broken.id for broken in page.unreadable] == [damaged.id]
    assert damaged.local_date.isoformat() in page.unreadable[0].describe()


def test_backup_under_another_key_is_not_restored(sqlite_ctx, tmp_path, clock) -> None:
    from therapy_app.services import backup

    make_user(sqlite_ctx, "ada")
    out = tmp_path / "b.json.gz"
    backup.backup(sqlite_ctx, out)
    other_home = tmp_path / "other"
    target = open_app(replace(make_settings(other_home), key_b64=OTHER_KEY), clock=clock)
    with pytest.raises(TherapyAppError, match="written with another key"):
        backup.restore(target, out)
    assert not accounts.has_any_user(target)
    target.dispose()
