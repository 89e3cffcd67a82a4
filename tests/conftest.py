"""Shared fixtures. Storage and service tests run on SQLite and on PostgreSQL.

PostgreSQL: TEST_POSTGRES_URL (default postgresql+psycopg://root@127.0.0.1:5432/test);
each test gets its own schema, dropped afterwards. Under CI=true a missing
database, browser or package fails the run instead of skipping.
"""

from __future__ import annotations

import base64
import os
import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, text

from tests import attacks
from therapy_app.config import Settings
from therapy_app.services.context import AppContext, open_app

if TYPE_CHECKING:
    from pathlib import Path

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
TEST_KEY = base64.b64encode(b"k" * 32).decode()


def unavailable(reason: str) -> None:
    """Skip locally; fail in CI, where everything the suite needs must be present."""
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_settings(home: Path, database_url: str | None = None) -> Settings:
    return Settings(
        home=home,
        database_url=database_url or f"sqlite:///{home / 'journal.db'}",
        key_file=home / "journal.key",
        key_b64=TEST_KEY,
        crisis_resources_file=None,
    )


@pytest.fixture
def postgres_url() -> str:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # noqa: BLE001 - any connection failure means "no database"
        unavailable(f"PostgreSQL at {POSTGRES_URL} is not reachable: {error}")
    yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'journal.db'}"


@pytest.fixture
def ctx(database_url: str, tmp_path: Path, clock: FakeClock) -> AppContext:
    context = open_app(make_settings(tmp_path, database_url), clock=clock)
    yield context
    context.dispose()


@pytest.fixture
def sqlite_ctx(tmp_path: Path, clock: FakeClock) -> AppContext:
    context = open_app(make_settings(tmp_path), clock=clock)
    yield context
    context.dispose()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in attacks.summary():
        terminalreporter.write_line(line)
