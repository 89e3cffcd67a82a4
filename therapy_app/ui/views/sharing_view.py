"""Sharing (client): link to a therapist with an invite code, choose what they see and until
when, see what they opened, stop."""

from __future__ import annotations

import streamlit as st

from therapy_app.journal.models import LinkStatus
from therapy_app.services import sharing
from therapy_app.ui import state, widgets

NOTICE_KEY = "sharing-notice"
JOURNAL_AND_SESSIONS = "My journal and our sessions"
SESSIONS_ONLY = "Only the work made in our sessions"


def _scope_choice(key: str, scope: sharing.Scope | None = None) -> sharing.Scope:
    """What to share: the journal (with or without notes and pictures) and sessions, or the
    work made in sessions only."""
    whole = st.radio(
        "What to share",
        (JOURNAL_AND_SESSIONS, SESSIONS_ONLY),
        index=0 if scope is None or scope.mood else 1,
        key=f"{key}-what",
        captions=(sharing.SHARED_PARTS["mood"], sharing.SHARED_PARTS["sessions"]),
    )
    if whole == SESSIONS_ONLY:
        return sharing.Scope.sessions_only()
    notes = st.checkbox(
        "Also share my notes",
        value=bool(scope and scope.notes),
        key=f"{key}-notes",
        help=sharing.SHARED_PARTS["notes"],
    )
    art = st.checkbox(
        "Also share my art",
        value=bool(scope and scope.art),
        key=f"{key}-art",
        help=sharing.SHARED_PARTS["art"],
    )
    return sharing.Scope(True, notes, art, True)


def _redeem() -> None:
    ctx, actor = state.require_actor()
    code = st.text_input(
        "Invite code from your therapist", key="redeem-code", placeholder="ABCDE-FGHJK"
    )
    scope = _scope_choice("redeem")
    ends_on = st.date_input(
        "Share until (optional)", value=None, key="redeem-until", min_value=ctx.clock().date()
    )
    st.caption(
        "Using a new code from a therapist you already share with replaces what you "
        "share with them."
    )
    if st.button("Start sharing", icon=":material/handshake:", key="redeem-start"):
        link = state.attempt(lambda: sharing.redeem_invite(ctx, actor, code, scope, ends_on))
        if link:
            st.session_state[NOTICE_KEY] = (
                "This code replaces what you shared with this therapist before."
                if link.replaced
                else "You are now sharing with your therapist. You can stop at any time."
            )
            for key in ("redeem-code", "redeem-until"):
                st.session_state.pop(key, None)
            st.rerun()  # the therapist and the choices appear above at once


def _link(link: sharing.LinkView) -> None:
    ctx, actor = state.require_actor()
    with st.container(border=True, key=f"link-{link.id}"):
        st.text(link.therapist_name)
        if link.ends_on:
            st.caption(f"Until {link.ends_on:%A %d %B %Y} (included).")
        scope = _scope_choice(f"share-{link.id}", link.scope)
        if scope != link.scope and state.attempt(
            lambda: sharing.update_scope(ctx, actor, link.id, scope, link.ends_on)
        ):
            st.toast("Sharing updated.")
        if widgets.ask_first(
            f"revoke-{link.id}",
            "Stop sharing",
            f"Stop sharing with {widgets.escape_markdown(link.therapist_name)}? They lose "
            "access at once; to share again you will need a new invite code.",
            lambda: sharing.revoke(ctx, actor, link.id),
            yes="Stop sharing now",
            icon=":material/block:",
        ):
            st.rerun()


def _views() -> None:
    ctx, actor = state.require_actor()
    lines = state.attempt(lambda: sharing.views_of_my_data(ctx, actor)) or []
    st.subheader("What your therapists looked at", anchor=False)
    if not lines:
        st.text("Nothing yet.")
    for line in lines:
        st.text(line.sentence)


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Sharing with a therapist")
    st.write("Nothing is shared unless you choose it here, and stopping takes effect at once.")
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    links = state.attempt(lambda: sharing.my_links(ctx, actor)) or []
    for link in links:
        if link.status is LinkStatus.ACTIVE:
            _link(link)
    _views()
    st.subheader("Link to a therapist", anchor=False)
    _redeem()
