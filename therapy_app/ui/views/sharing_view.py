"""Sharing (client): link to a therapist with an invite code, choose what they see, stop."""

from __future__ import annotations

import streamlit as st

from therapy_app.journal.models import LinkStatus
from therapy_app.services import sharing
from therapy_app.ui import state, widgets

NOTICE_KEY = "sharing-notice"


def _redeem() -> None:
    ctx, actor = state.require_actor()
    with st.form("redeem", clear_on_submit=True):
        code = st.text_input(
            "Invite code from your therapist", key="redeem-code", placeholder="ABCDE-FGHJK"
        )
        st.caption(sharing.SHARED_PARTS["mood"])
        notes = st.checkbox(
            "Also share my notes", key="redeem-notes", help=sharing.SHARED_PARTS["notes"]
        )
        art = st.checkbox("Also share my art", key="redeem-art", help=sharing.SHARED_PARTS["art"])
        submitted = st.form_submit_button("Start sharing", icon=":material/handshake:")
    if submitted and state.attempt(
        lambda: sharing.redeem_invite(ctx, actor, code, sharing.Scope(True, notes, art))
    ):
        st.session_state[NOTICE_KEY] = (
            "You are now sharing with your therapist. You can stop at any time."
        )
        st.rerun()  # the therapist and the choices appear above at once


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Sharing with a therapist")
    st.write("Nothing is shared unless you choose it here, and stopping takes effect at once.")
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    links = state.attempt(lambda: sharing.my_links(ctx, actor)) or []
    active = [link for link in links if link.status is LinkStatus.ACTIVE]
    for link in active:
        with st.container(border=True):
            st.text(link.therapist_name)
            st.caption(sharing.SHARED_PARTS["mood"])
            notes = st.toggle(
                "Notes",
                value=link.scope.notes,
                key=f"share-notes-{link.id}",
                help=sharing.SHARED_PARTS["notes"],
            )
            art = st.toggle(
                "Art",
                value=link.scope.art,
                key=f"share-art-{link.id}",
                help=sharing.SHARED_PARTS["art"],
            )
            if (notes, art) != (link.scope.notes, link.scope.art) and state.attempt(
                lambda link=link, notes=notes, art=art: sharing.update_scope(
                    ctx, actor, link.id, sharing.Scope(True, notes, art)
                )
            ):
                st.toast("Sharing updated.")
            if widgets.ask_first(
                f"revoke-{link.id}",
                "Stop sharing",
                f"Stop sharing with {widgets.escape_markdown(link.therapist_name)}? They lose "
                "access at once; to share "
                "again you will need a new invite code.",
                lambda link=link: sharing.revoke(ctx, actor, link.id),
                yes="Stop sharing now",
                icon=":material/block:",
            ):
                st.rerun()
    st.subheader("Link to a therapist")
    _redeem()
