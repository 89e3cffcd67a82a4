"""Clients (therapist): invite, the consenting caseload with trends and flags (open flags
first), and one client's page within what they share (ui/client_review.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from therapy_app.services import review, sharing
from therapy_app.ui import client_review, state, widgets

if TYPE_CHECKING:
    from datetime import datetime

SELECTED_KEY = "caseload-client"


def _invite() -> None:
    ctx, actor = state.require_actor()
    if st.button("Create an invite code", icon=":material/add_link:", key="invite-create"):
        code = state.attempt(lambda: sharing.create_invite(ctx, actor))
        if code:
            st.success(f"Give this code to your client: {code}. It works once, for 14 days.")


def _flags_in_words(row: review.CaseloadRow) -> str:
    kinds = sorted({flag.kind.value for flag in row.open_flags})
    return f"{len(row.open_flags)}: {', '.join(kinds)}" if kinds else "none"


def _table(rows: list[review.CaseloadRow], timezone: str) -> pd.DataFrame:
    def moment(value: datetime | None) -> str:
        return widgets.when(value, timezone) if value else "none"

    return pd.DataFrame(
        [
            {
                "Client": row.name,
                "Open flags": _flags_in_words(row),
                "Last check-in": moment(row.last_check_in) if row.scope.mood else "not shared",
                "Last 14 days": [value for value in row.trend if value is not None],
                "Last session": moment(row.last_session),
                "Next session": moment(row.next_session),
            }
            for row in rows
        ]
    )


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Clients")
    _invite()
    rows = state.attempt(lambda: review.caseload(ctx, actor)) or []
    if not rows:
        st.info(
            "No clients share with you yet. Create an invite code and give it to a client.",
            icon=":material/groups:",
        )
        return
    st.dataframe(
        _table(rows, actor.timezone),
        hide_index=True,
        width="stretch",
        column_config={
            "Last 14 days": st.column_config.LineChartColumn(
                "Last 14 days", help="Mean pleasantness per day", y_min=-1, y_max=1
            )
        },
    )
    st.caption(
        "Clients with open flags come first. Flags: risk language in a check-in, "
        "PHQ-9 item 9 above 'not at all', a large drop in mood."
    )
    names = {row.client_id: row.name for row in rows}
    chosen = st.selectbox(
        "Open a client",
        options=list(names),
        format_func=names.get,
        index=None,
        key=SELECTED_KEY,
        placeholder="Choose a client",
    )
    if chosen is not None:
        client_review.show(ctx, actor, chosen)
