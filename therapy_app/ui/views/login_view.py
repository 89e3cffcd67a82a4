"""Welcome: create the first account, log in, or sign up."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.journal.models import Role
from therapy_app.services import accounts
from therapy_app.ui import state

if TYPE_CHECKING:
    from therapy_app.services.context import AppContext

ROLE_CHOICES = {Role.CLIENT: "I'm journaling for myself", Role.THERAPIST: "I'm a therapist"}


def _browser_timezone() -> str:
    return st.context.timezone or "UTC"


def _client_address() -> str:
    """Where the browser connects from: sign-ins and sign-ups are throttled per address."""
    return st.context.ip_address or "unknown"


def _sign_in(ctx: AppContext, username: str, password: str) -> tuple[str, str]:
    """Log in, with this browser's device cookie if it has one: a session token, and the
    device cookie the browser should keep (the same one, or a new one)."""
    presented = state.device_cookie()
    token = accounts.log_in(ctx, username, password, _client_address(), presented)
    return token, accounts.device_cookie_for(ctx, token, presented)


def _remember_box(key: str) -> bool:
    return st.checkbox(
        "Keep me signed in on this browser until I close it",
        key=key,
        help="Reloading the page or opening a bookmark will not ask again. "
        "Leave this off on a computer others use.",
    )


def _signup_form(ctx: AppContext) -> None:
    with st.form("signup", border=True):
        username = st.text_input(
            "Username", key="signup-username", help="Letters, digits, '.', '_' or '-'."
        )
        display_name = st.text_input("What should we call you?", key="signup-display")
        password = st.text_input(
            "Password",
            type="password",
            key="signup-password",
            help="At least 8 characters; a short sentence works well.",
        )
        confirm = st.text_input("Password again", type="password", key="signup-confirm")
        role = st.radio(
            "This account is for",
            options=list(ROLE_CHOICES),
            format_func=ROLE_CHOICES.get,
            key="signup-role",
            horizontal=True,
        )
        remember = _remember_box("signup-remember")
        submitted = st.form_submit_button(
            "Create account", type="primary", icon=":material/person_add:"
        )
    if not submitted:
        return
    if password != confirm:
        st.error("The two passwords are not the same.")
        return

    def create() -> tuple[str, str]:
        address = _client_address()
        accounts.sign_up(ctx, username, password, role, display_name, _browser_timezone(), address)
        return _sign_in(ctx, username, password)

    signed_in = state.attempt(create)
    if signed_in:
        token, device_cookie = signed_in
        state.log_in(token, remember, device_cookie)
        st.rerun()


def _login_form(ctx: AppContext) -> None:
    with st.form("login", border=True):
        username = st.text_input("Username", key="login-username")
        password = st.text_input("Password", type="password", key="login-password")
        remember = _remember_box("login-remember")
        submitted = st.form_submit_button("Log in", type="primary", icon=":material/login:")
    if submitted:
        signed_in = state.attempt(lambda: _sign_in(ctx, username, password))
        if signed_in:
            token, device_cookie = signed_in
            state.log_in(token, remember, device_cookie)
            st.rerun()


def render() -> None:
    ctx = state.app_context()
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        st.title("therapy_app")
        st.write("A quiet place to notice how you feel, turn it into art, and look back.")
        notice = st.session_state.pop(state.NOTICE_KEY, None)
        if notice:
            st.info(notice, icon=":material/schedule:")
        if not accounts.has_any_user(ctx):
            st.subheader("Welcome. Let's create your account.")
            st.caption("Everything stays on this computer, encrypted. No one else can read it.")
            _signup_form(ctx)
            return
        log_in_tab, sign_up_tab = st.tabs(["Log in", "Create account"])
        with log_in_tab:
            _login_form(ctx)
        with sign_up_tab:
            _signup_form(ctx)
