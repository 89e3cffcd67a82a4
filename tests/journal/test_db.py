from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.conftest import make_settings
from tests.helpers import make_user
from therapy_app.journal.db import alembic_config, make_engine, upgrade
from therapy_app.journal.models import Base
from therapy_app.mood.checkin import CheckIn
from therapy_app.services import entries
from therapy_app.services.context import open_app


def test_sqlite_connection_settings_read_back(sqlite_ctx) -> None:
    with sqlite_ctx.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000


def test_database_files_are_owner_only(sqlite_ctx, tmp_path) -> None:
    assert (tmp_path / "journal.db").stat().st_mode & 0o077 == 0


def test_audit_log_is_append_only(ctx) -> None:
    make_user(ctx, "ada")
    with ctx.engine.connect() as connection:
        for statement in ("UPDATE audit_events SET actor_id = 'x'", "DELETE FROM audit_events"):
            with pytest.raises(DBAPIError, match="append-only"):
                connection.execute(text(statement))
            connection.rollback()


def test_migrations_are_one_line() -> None:
    """Each branch's migrations chained into one line with one head: the key check,
    throttles, unused tags and sealing (issue 22), then drafts (18), then import keys (21),
    then guided sessions (20), then sealed consent and audit (20, 22), drawn layers (19),
    then device cookies (22), then indexes for reading journals in a clinic (23)."""
    engine = make_engine("sqlite://")
    scripts = ScriptDirectory.from_config(alembic_config(engine))
    engine.dispose()
    chain = [
        (script.revision, script.down_revision, script.path.rsplit("/", 1)[-1])
        for script in reversed(list(scripts.walk_revisions()))
    ]
    names = [
        "initial",
        "checkin_detail",
        "artwork_indexes",
        "key_check",
        "login_throttles",
        "unused_tags",
        "sealed_values",
        "drafts",
        "import_keys",
        "guided_sessions",
        "sealed_consent_and_audit",
        "drawn_layers",
        "device_cookies",
        "journal_reading_indexes",
    ]
    expected = [
        (f"{n:04d}", f"{n - 1:04d}" if n > 1 else None, f"{n:04d}_{name}.py")
        for n, name in enumerate(names, start=1)
    ]
    assert chain == expected
    assert scripts.get_heads() == [expected[-1][0]]


def test_migrations_build_the_schema_the_models_describe(ctx) -> None:
    """Tables, columns and indexes as the models declare them, on each database: a model
    change without its migration (or the reverse) fails here."""
    with ctx.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_upgrade_from_first_migration_keeps_data(database_url, tmp_path, clock) -> None:
    """Seed the 0001 schema with raw rows, upgrade to head, read through the services."""
    engine = make_engine(database_url)
    upgrade(engine, "0001")
    now = datetime(2026, 2, 1, 8, 30, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (id, username, display_name, role, password_hash, failed_logins,"
                " timezone, created_at, updated_at) VALUES ('u1', 'old', 'Old', 'client', 'x', 0,"
                " 'Europe/Berlin', :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO entries (id, owner_id, occurred_at, timezone, local_date, quick_mood,"
                " valence, energy, created_at, updated_at) VALUES ('e1', 'u1', :now,"
                " 'Europe/Berlin', '2026-02-01', 4, 0.45, 0.15, :now, :now)"
            ),
            {"now": now},
        )
    engine.dispose()
    ctx = open_app(make_settings(tmp_path, database_url), clock=clock)
    from therapy_app.services import accounts

    actor = accounts.find_user(ctx, "old")
    page = entries.list_entries(ctx, actor)
    assert page.total == 1
    view = page.items[0]
    assert view.id == "e1" and view.quick_mood == 4 and view.risk_flag is False
    assert view.feelings == () and view.sleep_hours is None
    assert view.local_time.hour == 9  # Berlin is UTC+1 in February
    entries.update_entry(
        ctx,
        actor,
        "e1",
        CheckIn(
            quick_mood=view.quick_mood, sleep_hours=7, occurred_at=now, timezone="Europe/Berlin"
        ),
    )
    assert entries.get_entry(ctx, actor, "e1").sleep_hours == 7
    ctx.dispose()


def test_an_in_memory_database_leaves_no_file(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_engine("sqlite://").dispose()
    make_engine("sqlite:///:memory:").dispose()
    assert not list(tmp_path.iterdir())  # once "sqlite://" touched a file named "sqlite:"
