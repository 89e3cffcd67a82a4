"""AppTest fixtures: each test gets its own data folder and fresh caches."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import TEST_KEY
from therapy_app.config import get_settings
from therapy_app.services import accounts
from therapy_app.services.context import open_app

APP = str(Path(__file__).parents[2] / "therapy_app" / "ui" / "app.py")


@pytest.fixture
def app_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("THERAPY_APP_HOME", str(tmp_path))
    monkeypatch.setenv("THERAPY_APP_KEY", TEST_KEY)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    get_settings.cache_clear()
    st.cache_resource.clear()
    yield tmp_path
    get_settings.cache_clear()
    st.cache_resource.clear()


@pytest.fixture
def services_ctx(app_home):
    ctx = open_app()
    yield ctx
    ctx.dispose()


def new_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60)


def logged_in_app(ctx, username: str, password: str) -> AppTest:
    at = new_app()
    at.session_state["auth_token"] = accounts.log_in(ctx, username, password)
    return at.run()
