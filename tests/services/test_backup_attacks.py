"""Restore, tried as an attacker would (issue 21): each file here is refused with one line
and nothing is written; an older schema is upgraded; our own backup restores on both
databases."""

from __future__ import annotations

import base64
import gzip
import json
import tracemalloc
from typing import TYPE_CHECKING

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text

from tests import attacks
from tests.conftest import make_settings
from tests.helpers import make_user
from therapy_app.errors import InvalidInputError
from therapy_app.journal.db import alembic_config
from therapy_app.journal.models import Entry, User
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import accounts, backup, entries
from therapy_app.services.context import open_app

if TYPE_CHECKING:
    from pathlib import Path


RESTORE = "a forged or foreign backup restored"


def _made(ctx, tmp_path: Path) -> Path:
    sam = make_user(ctx, "sam")
    entries.check_in(ctx, sam, CheckIn(quick_mood=QuickMood.GOOD, note="kept", tags=("a",)))
    out = tmp_path / "backup.json.gz"
    backup.backup(ctx, out)
    return out


def _parts(path: Path) -> tuple[dict, dict]:
    header, _, body = gzip.decompress(path.read_bytes()).partition(b"\n")
    return json.loads(header), json.loads(body)


def _write(ctx, path: Path, header: dict, body: object, sign: bool = True) -> Path:
    """A backup with these contents; ``sign``: as if made with this instance's key (a bug
    or an insider), so what is checked is the contents, not the signature."""
    raw = json.dumps(body).encode()
    if sign:
        header = {**header, "hmac_sha256": ctx.cipher.digest(backup.MAC_PURPOSE, raw)}
    path.write_bytes(gzip.compress(json.dumps(header).encode() + b"\n" + raw))
    return path


@pytest.fixture
def target(tmp_path, clock):
    context = open_app(make_settings(tmp_path / "target"), clock=clock)
    yield context
    context.dispose()


def _nothing_written(target) -> None:
    with target.sessions() as session:
        assert session.scalar(select(func.count()).select_from(User)) == 0
        assert session.scalar(select(func.count()).select_from(Entry)) == 0


def _edit(body: dict, table: str, **changes) -> dict:
    rows = [dict(row) for row in body["tables"][table]]
    rows[0].update(changes)
    return {"tables": {**body["tables"], table: rows}}


def _added(body: dict, table: str, row: dict) -> dict:
    return {"tables": {**body["tables"], table: [*body["tables"].get(table, []), row]}}


def _draft(body: dict, kind: str) -> dict:
    return {
        "id": "d1",
        "owner_id": body["tables"]["users"][0]["id"],
        "kind": kind,
        "content_ct": base64.b64encode(b"sealed").decode(),
        "updated_at": "2026-01-01T09:00:00+00:00",
    }


MALFORMED = {
    "no tables": lambda body: {},
    "tables as text": lambda body: {"tables": "users"},
    "an extra column": lambda body: _edit(body, "users", is_root=True),
    "an unknown table": lambda body: {"tables": {**body["tables"], "secrets": []}},
    "a broken reference": lambda body: _edit(body, "entries", owner_id="nobody"),
    "a CHECK violation": lambda body: _added(body, "drafts", _draft(body, "diary")),
    "a bad date": lambda body: _edit(body, "entries", local_date="31/02/2026"),
    "a naive time": lambda body: _edit(body, "entries", occurred_at="2026-01-01T09:00:00"),
    "base64 that is not": lambda body: _edit(body, "entries", note_ct="!!!"),
    "a number as text": lambda body: _added(
        body, "login_throttles", {"key": "k" * 64, "failures": "3", "wait_until": None}
    ),
    "rows that are not rows": lambda body: {"tables": {**body["tables"], "users": [1]}},
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_malformed_contents_are_one_line_and_write_nothing(sqlite_ctx, target, tmp_path, kind):
    header, body = _parts(_made(sqlite_ctx, tmp_path))
    forged = _write(target, tmp_path / "forged.json.gz", header, MALFORMED[kind](body))
    with attacks.refused(RESTORE, InvalidInputError) as refused:
        backup.restore(target, forged)
    assert "\n" not in str(refused.value) and "restored" in str(refused.value)
    _nothing_written(target)


def test_altered_backup_is_refused(sqlite_ctx, target, tmp_path) -> None:
    header, body = _parts(_made(sqlite_ctx, tmp_path))
    admin = _edit(body, "users", role="admin")
    path = _write(target, tmp_path / "admin.json.gz", header, admin, sign=False)
    with attacks.refused(RESTORE, InvalidInputError, match="altered"):
        backup.restore(target, path)
    _nothing_written(target)


def test_backup_under_another_key_is_refused_before_writing(sqlite_ctx, tmp_path, clock):
    made = _made(sqlite_ctx, tmp_path)
    settings = make_settings(tmp_path / "other")
    other_key = base64.b64encode(b"o" * 32).decode()
    settings = type(settings)(**{**settings.__dict__, "key_b64": other_key})
    other = open_app(settings, clock=clock)
    with attacks.refused(RESTORE, InvalidInputError, match="written with another key"):
        backup.restore(other, made)
    _nothing_written(other)
    other.dispose()


def test_newer_schema_refused_older_schema_upgraded(sqlite_ctx, target, tmp_path) -> None:
    header, body = _parts(_made(sqlite_ctx, tmp_path))
    newer = _write(target, tmp_path / "new.json.gz", {**header, "schema": "9999"}, body)
    with attacks.refused(RESTORE, InvalidInputError, match="newer therapy_app"):
        backup.restore(target, newer)
    # the schema before import keys (0009): restored there, then upgraded. A backup made
    # then has no tables made later (import keys, safety plans, acknowledged flags, device
    # cookies) and its links and audit events have their older columns: left out here.
    later = {"import_keys", "safety_plans", "flag_acknowledgements", "device_cookies"}
    later |= {"therapist_links", "audit_events"}
    tables = {name: rows for name, rows in body["tables"].items() if name not in later}
    older = _write(
        target, tmp_path / "old.json.gz", {**header, "schema": "0008"}, {"tables": tables}
    )
    assert backup.restore(target, older) > 0
    assert _revision(target) == _head(target)
    view = entries.list_entries(target, accounts.find_user(target, "sam")).items[0]
    assert view.note == "kept" and view.tags == ("a",)


def test_a_backup_from_before_sealing_is_refused(sqlite_ctx, target, tmp_path) -> None:
    """Schema 0007 sealed every value and cannot be undone: nothing restores below it."""
    header, body = _parts(_made(sqlite_ctx, tmp_path))
    older = _write(target, tmp_path / "old.json.gz", {**header, "schema": "0006"}, body)
    with attacks.refused(RESTORE, InvalidInputError, match="before its values were sealed"):
        backup.restore(target, older)
    _nothing_written(target)
    assert _revision(target) == _head(target)


@pytest.mark.slow
def test_a_small_file_that_expands_to_a_gigabyte_is_refused_in_bounded_memory(
    target, tmp_path
) -> None:
    bomb = tmp_path / "bomb.json.gz"
    with gzip.open(bomb, "wb") as stream:
        for _ in range(1024):
            stream.write(b" " * 1024**2)  # 1 GiB of spaces, about 1 MB on disk
    tracemalloc.start()
    with attacks.refused(RESTORE, InvalidInputError, match="expands to more than"):
        backup.restore(target, bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert bomb.stat().st_size < 2 * 1024**2 and peak < 160 * 1024**2
    _nothing_written(target)


def test_our_own_backup_restores_into_either_database(ctx, tmp_path, clock) -> None:
    """SQLite -> SQLite and SQLite -> PostgreSQL (PostgreSQL -> SQLite: the canary tests);
    for a live PostgreSQL server, pg_dump is the tool (README)."""
    source = open_app(make_settings(tmp_path / "source"), clock=clock)
    made = _made(source, tmp_path)
    source.dispose()
    assert backup.restore(ctx, made) > 0
    view = entries.list_entries(ctx, accounts.find_user(ctx, "sam")).items[0]
    assert view.note == "kept" and view.quick_mood is QuickMood.GOOD


def _head(ctx) -> str:
    return ScriptDirectory.from_config(alembic_config(ctx.engine)).get_current_head()


def _revision(ctx) -> str:
    with ctx.engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
