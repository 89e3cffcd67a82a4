"""Settings: time zone, the country whose crisis lines are shown, password."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import available_timezones

import streamlit as st

from therapy_app.mood.crisis_lines import countries
from therapy_app.services import accounts
from therapy_app.ui import state, widgets

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

ZONES = sorted(available_timezones())


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Settings")
    st.subheader("Time zone")
    zone = st.selectbox(
        "Entries are shown in this time zone",
        options=ZONES,
        index=ZONES.index(actor.timezone) if actor.timezone in ZONES else None,
        key="settings-timezone",
    )
    if zone and zone != actor.timezone and st.button("Save time zone", key="settings-tz-save"):
        if state.attempt(lambda: accounts.set_timezone(ctx, actor, zone)):
            st.success("Time zone saved.")
    _country(ctx, actor)
    st.subheader("Password")
    with st.form("change-password", clear_on_submit=True):
        old = st.text_input("Current password", type="password", key="pw-old")
        new = st.text_input("New password", type="password", key="pw-new")
        again = st.text_input("New password again", type="password", key="pw-again")
        submitted = st.form_submit_button("Change password", icon=":material/key:")
    if submitted:
        if new != again:
            st.error("The two new passwords are not the same.")
        elif state.attempt(lambda: accounts.change_password(ctx, actor, old, new) or True):
            st.success(
                "Password changed. Other devices have been logged out; "
                "please log in again here too."
            )
            state.log_out(ctx)


def _country(ctx: AppContext, actor: Actor) -> None:
    st.subheader("Help where you are")
    options = ["", *countries()]
    code = st.selectbox(
        "Show the crisis lines of this country first under Need help now?",
        options=options,
        index=options.index(actor.country) if actor.country in options else 0,
        format_func=lambda c: countries()[c].name if c else "None: only international lines",
        key="settings-country",
    )
    if code != actor.country and st.button("Save country", key="settings-country-save"):
        if state.attempt(lambda: accounts.set_country(ctx, actor, code)):
            widgets.remember_country(code)
            st.success("Country saved. Its lines are now first under Need help now?")
