"""The app context (one per server process) and the logged-in actor (one per browser session).

Only the engine and cipher are cached across sessions; per-user data never is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import streamlit as st

from therapy_app.errors import AuthenticationError, TherapyAppError
from therapy_app.services import accounts
from therapy_app.services.context import AppContext, open_app

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.actor import Actor

T = TypeVar("T")
TOKEN_KEY = "auth_token"
NOTICE_KEY = "auth_notice"


@st.cache_resource(show_spinner=False)
def app_context() -> AppContext:
    return open_app()


def current_actor(ctx: AppContext) -> Actor | None:
    token = st.session_state.get(TOKEN_KEY)
    if not token:
        return None
    try:
        return accounts.resume(ctx, token)
    except AuthenticationError as ended:
        st.session_state.pop(TOKEN_KEY, None)
        st.session_state[NOTICE_KEY] = str(ended)
        return None


def require_actor() -> tuple[AppContext, Actor]:
    """For views: the context and the actor (the router only shows views when logged in)."""
    ctx = app_context()
    actor = current_actor(ctx)
    if actor is None:
        st.rerun()
    return ctx, actor


def log_in(token: str) -> None:
    st.session_state.clear()
    st.session_state[TOKEN_KEY] = token


def log_out(ctx: AppContext) -> None:
    token = st.session_state.get(TOKEN_KEY)
    if token:
        accounts.log_out(ctx, token)
    st.session_state.clear()


def attempt(action: Callable[[], T]) -> T | None:
    """Run a use case; a known failure is shown calmly instead of a stack trace."""
    try:
        return action()
    except TherapyAppError as error:
        st.error(str(error), icon=":material/error:")
        return None
