"""The app context (one per server process) and the logged-in actor (one per browser session).

Only the engine and cipher are cached across sessions; per-user data never is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import streamlit as st

from therapy_app.errors import AuthenticationError, TherapyAppError
from therapy_app.services import accounts
from therapy_app.services.context import AppContext, open_app
from therapy_app.ui import widgets

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.actor import Actor

T = TypeVar("T")
TOKEN_KEY = "auth_token"
NOTICE_KEY = "auth_notice"
COOKIE = "therapy_app_session"  # only for people who tick "keep me signed in"
COOKIE_ACTION_KEY = "auth_cookie_action"
REMEMBER, FORGET = "remember", "forget"


@st.cache_resource(show_spinner=False)
def app_context() -> AppContext:
    return open_app()


def current_actor(ctx: AppContext) -> Actor | None:
    token = st.session_state.get(TOKEN_KEY)
    if not token:
        return _remembered_actor(ctx)
    try:
        return accounts.resume(ctx, token)
    except AuthenticationError as ended:
        st.session_state.pop(TOKEN_KEY, None)
        st.session_state[NOTICE_KEY] = str(ended)
        st.session_state[COOKIE_ACTION_KEY] = FORGET
        return None


def _remembered_actor(ctx: AppContext) -> Actor | None:
    """A new browser session (a reload, a bookmark) of someone who asked to stay signed in."""
    token = st.context.cookies.get(COOKIE)
    if not isinstance(token, str) or not token:
        return None
    try:
        actor = accounts.resume(ctx, token)
    except AuthenticationError:
        st.session_state[COOKIE_ACTION_KEY] = FORGET  # ended on the server: drop it quietly
        return None
    st.session_state[TOKEN_KEY] = token
    return actor


def sync_browser_cookie() -> None:
    """Write or delete the sign-in cookie after a log-in or log-out asked for it.

    A session cookie (no expiry: gone when the browser closes), only sent to this app
    (SameSite=Strict, and Secure over https); the server's idle and absolute limits end
    the session regardless.
    """
    action = st.session_state.pop(COOKIE_ACTION_KEY, None)
    if action is None:
        return
    token = st.session_state.get(TOKEN_KEY, "") if action == REMEMBER else ""
    ending = "" if token else "; Max-Age=0"
    secure = "(location.protocol === 'https:' ? '; Secure' : '')"  # plain http on localhost
    st.html(
        f"<script>document.cookie = '{COOKIE}={token}; Path=/; SameSite=Strict{ending}'"
        f" + {secure};</script>",
        unsafe_allow_javascript=True,
        width="content",
    )


def require_actor() -> tuple[AppContext, Actor]:
    """For views: the context and the actor (the router only shows views when logged in)."""
    ctx = app_context()
    actor = current_actor(ctx)
    if actor is None:
        st.rerun()
    return ctx, actor


def log_in(token: str, remember: bool = False) -> None:
    st.session_state.clear()
    st.session_state[TOKEN_KEY] = token
    if remember:
        st.session_state[COOKIE_ACTION_KEY] = REMEMBER


def log_out(ctx: AppContext) -> None:
    token = st.session_state.get(TOKEN_KEY)
    if token:
        accounts.log_out(ctx, token)
    st.session_state.clear()
    st.session_state[COOKIE_ACTION_KEY] = FORGET


def attempt(action: Callable[[], T], quotes_user_text: bool = False) -> T | None:
    """Run a use case; a known failure is shown calmly instead of a stack trace. When the
    message may quote what a person or a file wrote (an imported file's columns), it is
    escaped so that nothing in it is read as Markdown (no image fetched, no link made)."""
    try:
        return action()
    except TherapyAppError as error:
        message = widgets.escape_markdown(str(error)) if quotes_user_text else str(error)
        st.error(message, icon=":material/error:")
        return None
