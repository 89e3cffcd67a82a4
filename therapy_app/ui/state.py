"""The app context (one per server process) and, per browser session, the logged-in actor and
the timeline frames it viewed last.

Only the engine and cipher are cached across sessions; per-user data never is: it is kept in
the session's own state, which log-in and log-out clear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import streamlit as st

from therapy_app.errors import AuthenticationError, TherapyAppError
from therapy_app.services import accounts
from therapy_app.services.context import AppContext, open_app
from therapy_app.services.kept_journals import KeptJournals
from therapy_app.ui import sign_in_cookie, widgets

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.actor import Actor

T = TypeVar("T")
TOKEN_KEY = "auth_token"
NOTICE_KEY = "auth_notice"
COOKIE_ACTION_KEY = "auth_cookie_action"
KEPT_JOURNALS_KEY = "kept_journals"
REMEMBER, FORGET = "remember", "forget"


@st.cache_resource(show_spinner=False)
def app_context() -> AppContext:
    return open_app()


def kept_journals() -> KeptJournals:
    """This browser session's own kept timeline frames (see services/kept_journals)."""
    return st.session_state.setdefault(KEPT_JOURNALS_KEY, KeptJournals())


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
    raw = st.context.headers.get("cookie") or ""
    value = sign_in_cookie.only_cookie(raw, sign_in_cookie.cookie_name("signin"))
    browser = sign_in_cookie.only_cookie(raw, sign_in_cookie.cookie_name("browser"))
    if not value:
        return None
    try:
        actor = accounts.resume_remembered(ctx, value, browser or "")
    except AuthenticationError:
        st.session_state[COOKIE_ACTION_KEY] = FORGET  # ended, or not this browser's: drop it
        return None
    st.session_state[TOKEN_KEY] = value.rpartition(".")[0]
    return actor


def sync_browser_cookie(ctx: AppContext) -> None:
    """Have the server set or delete the sign-in cookie after a log-in or log-out asked for
    it (see sign_in_cookie): the page posts a one-time code, never the token."""
    action = st.session_state.pop(COOKIE_ACTION_KEY, None)
    token = st.session_state.get(TOKEN_KEY)
    raw = st.context.headers.get("cookie") or ""
    browser = sign_in_cookie.only_cookie(raw, sign_in_cookie.cookie_name("browser"))
    if action == REMEMBER and token and browser:
        code = sign_in_cookie.offer(accounts.remembered_value(ctx, token, browser))
        request = f"{{method: 'POST', headers: {{'{sign_in_cookie.HANDOFF_HEADER}': '{code}'}}}}"
        script = f"fetch(new URL('_auth/remember', document.baseURI), {request});"
    elif action is not None:
        script = "fetch(new URL('_auth/forget', document.baseURI), {method: 'POST'});"
    else:
        return
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True, width="content")


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
