"""Audit log (administrator): who did what to whose data; never the content."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from therapy_app.services import administration
from therapy_app.ui import state


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Audit log")
    events = state.attempt(lambda: administration.recent_audit_events(ctx, actor)) or []
    if not events:
        st.info("No events yet.")
        return
    st.dataframe(pd.DataFrame(events), hide_index=True, width="stretch")
