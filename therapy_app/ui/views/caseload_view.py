"""Clients (therapist): invite, the consenting caseload with flags, one client's entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from therapy_app.services import entries, sharing
from therapy_app.ui import state, widgets
from therapy_app.ui.views import timeline_view

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

SELECTED_KEY = "caseload-client"


def _invite() -> None:
    ctx, actor = state.require_actor()
    if st.button("Create an invite code", icon=":material/add_link:", key="invite-create"):
        code = state.attempt(lambda: sharing.create_invite(ctx, actor))
        if code:
            st.success(f"Give this code to your client: {code}. It works once, for 14 days.")


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Clients")
    _invite()
    clients = state.attempt(lambda: sharing.caseload(ctx, actor)) or []
    if not clients:
        st.info(
            "No clients share with you yet. Create an invite code and give it to a client.",
            icon=":material/groups:",
        )
        return
    table = pd.DataFrame(
        [
            {
                "Client": c.name,
                "Entries (30 days)": c.entries_last_30_days,
                "Mean pleasantness": None
                if c.mean_valence_last_30_days is None
                else round(c.mean_valence_last_30_days, 2),
                "Safety flags": c.risk_flags_last_30_days,
                "Last entry": widgets.when(c.last_entry_at, actor.timezone)
                if c.last_entry_at
                else "none yet",
                "Shares notes": c.scope.notes,
            }
            for c in clients
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    names = {c.client_id: c.name for c in clients}
    chosen = st.selectbox(
        "Open a client",
        options=list(names),
        format_func=names.get,
        index=None,
        key=SELECTED_KEY,
        placeholder="Choose a client",
    )
    if chosen is None:
        return
    recent, story = st.tabs(["Recent entries", "Timeline"], on_change="rerun", key="caseload-tab")
    if story.open:
        with story:
            timeline_view.show(ctx, actor, owner_id=chosen)
    if recent.open:
        with recent:
            _recent_entries(ctx, actor, chosen)


def _recent_entries(ctx: AppContext, actor: Actor, chosen: str) -> None:
    page = state.attempt(
        lambda: entries.list_entries(ctx, actor, entries.EntryQuery(limit=30), owner_id=chosen)
    )
    if page is None:
        return
    widgets.unreadable_entries(page)
    for view in page.items:
        if view.risk_flag:
            st.warning("This entry raised a safety flag.", icon=":material/flag:")
        widgets.entry_card(view, key=f"client-{view.id}", show_open=False)
