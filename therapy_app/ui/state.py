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
NEW_DEVICE_COOKIE_KEY = "auth_new_device_cookie"
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


def _cookie(part: str) -> str:
    """This instance's cookie ``part`` as the browser sent it ("" if missing or doubled)."""
    raw = st.context.headers.get("cookie") or ""
    return sign_in_cookie.only_cookie(raw, sign_in_cookie.cookie_name(part)) or ""


def device_cookie() -> str:
    """The device cookie this browser was given at an earlier sign-in, if any."""
    return _cookie(sign_in_cookie.DEVICE)


def _remembered_actor(ctx: AppContext) -> Actor | None:
    """A new browser session (a reload, a bookmark) of someone who asked to stay signed in."""
    value = _cookie(sign_in_cookie.SIGNIN)
    browser = _cookie("browser")
    if not value:
        return None
    try:
        actor = accounts.resume_remembered(ctx, value, browser)
    except AuthenticationError:
        st.session_state[COOKIE_ACTION_KEY] = FORGET  # ended, or not this browser's: drop it
        return None
    st.session_state[TOKEN_KEY] = value.rpartition(".")[0]
    return actor


def sync_browser_cookie(ctx: AppContext) -> None:
    """Have the server set or delete the sign-in cookie after a log-in or log-out asked for
    it, and set a new device cookie (see sign_in_cookie): the page posts one-time codes,
    never the values."""
    action = st.session_state.pop(COOKIE_ACTION_KEY, None)
    new_device_cookie = st.session_state.pop(NEW_DEVICE_COOKIE_KEY, None)
    token = st.session_state.get(TOKEN_KEY)
    browser = _cookie("browser")
    posts = []  # one after another: the sign-in cookie is set first
    if action == REMEMBER and token and browser:
        posts.append(
            _post("remember", sign_in_cookie.offer(accounts.remembered_value(ctx, token, browser)))
        )
    elif action is not None:
        posts.append(_post("forget"))
    if new_device_cookie:
        posts.append(
            _post("remember", sign_in_cookie.offer(new_device_cookie, sign_in_cookie.DEVICE))
        )
    if posts:
        script = "Promise.resolve()" + "".join(f".then(() => {post})" for post in posts)
        st.html(f"<script>{script};</script>", unsafe_allow_javascript=True, width="content")


def _post(route: str, code: str = "") -> str:
    """Page script that posts to ``/_auth/{route}``, with the one-time ``code`` if given."""
    headers = f"headers: {{'{sign_in_cookie.HANDOFF_HEADER}': '{code}'}}, " if code else ""
    # keepalive: a reload right after log-in does not cancel the request
    options = f"{{{headers}method: 'POST', keepalive: true}}"
    return f"fetch(new URL('_auth/{route}', document.baseURI), {options})"


def require_actor() -> tuple[AppContext, Actor]:
    """For views: the context and the actor (the router only shows views when logged in)."""
    ctx = app_context()
    actor = current_actor(ctx)
    if actor is None:
        st.rerun()
    return ctx, actor


def log_in(token: str, remember: bool = False, new_device_cookie: str = "") -> None:
    st.session_state.clear()
    st.session_state[TOKEN_KEY] = token
    if remember:
        st.session_state[COOKIE_ACTION_KEY] = REMEMBER
    if new_device_cookie and new_device_cookie != device_cookie():
        st.session_state[NEW_DEVICE_COOKIE_KEY] = new_device_cookie


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
