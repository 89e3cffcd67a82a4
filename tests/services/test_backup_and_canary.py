"""Sensitive text never appears in plain form: database, WAL, backups, logs."""

import gzip
import logging

import pytest

from tests.conftest import make_settings
from tests.helpers import make_user
from therapy_app.errors import InvalidInputError
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import backup, entries
from therapy_app.services.context import open_app

CANARY = "CANARY-7f3a-never-in-plaintext"


def test_canary_never_stored_in_plaintext(sqlite_ctx, tmp_path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    actor = make_user(sqlite_ctx, "ada")
    entries.check_in(sqlite_ctx, actor, CheckIn(quick_mood=QuickMood.OKAY, note=CANARY))
    out = tmp_path / "backup.json.gz"
    backup.backup(sqlite_ctx, out)
    assert entries.list_entries(sqlite_ctx, actor).items[0].note == CANARY
    files = [p for p in tmp_path.iterdir() if p.is_file() and p.name.startswith("journal.db")]
    assert {p.name for p in files} >= {"journal.db", "journal.db-wal"}
    for path in files:
        assert CANARY.encode() not in path.read_bytes(), path
    assert CANARY.encode() not in gzip.decompress(out.read_bytes())
    assert CANARY not in caplog.text
    for log in tmp_path.glob("*.log"):
        assert CANARY not in log.read_text()


def test_backup_restore_round_trip_across_backends(ctx, tmp_path, clock) -> None:
    actor = make_user(ctx, "ada")
    entries.check_in(ctx, actor, CheckIn(quick_mood=QuickMood.GOOD, note="kept", tags=("a",)))
    out = tmp_path / "b.json.gz"
    backup.backup(ctx, out)
    target_home = tmp_path / "restored"
    target = open_app(make_settings(target_home), clock=clock)  # always SQLite
    assert backup.restore(target, out) > 0
    from therapy_app.services import accounts

    restored = accounts.find_user(target, "ada")
    view = entries.list_entries(target, restored).items[0]
    assert view.note == "kept" and view.tags == ("a",)
    with pytest.raises(InvalidInputError, match="already holds accounts"):
        backup.restore(target, out)
    target.dispose()


def test_restore_refuses_damaged_files_and_writes_nothing(sqlite_ctx, tmp_path) -> None:
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(InvalidInputError, match="not a readable"):
        backup.restore(sqlite_ctx, bad)
    bad.write_bytes(gzip.compress(b'{"format": "something else"}'))
    with pytest.raises(InvalidInputError, match="not a therapy_app backup"):
        backup.restore(sqlite_ctx, bad)
    from therapy_app.services import accounts

    assert not accounts.has_any_user(sqlite_ctx)
