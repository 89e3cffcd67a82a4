"""Check in: one tap is a complete entry; everything else is optional."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import entries
from therapy_app.ui import checkin_form, state, widgets

PREFIX = "ci"
SAVED_KEY = "checkin-saved-entry"
QUICK_KEY = "checkin-quick-mood"
RISK_KEY = "checkin-risk"
LAST_KEY = "checkin-last-entry"
UNSAFE_KEY = "checkin-unsafe-now"


def _quick_tap(mood: QuickMood) -> None:
    ctx, actor = state.require_actor()
    unsafe = bool(st.session_state.get(UNSAFE_KEY))
    check_in = CheckIn(quick_mood=mood, timezone=actor.timezone, unsafe_now=unsafe)
    view = state.attempt(lambda: entries.check_in(ctx, actor, check_in))
    if view:
        st.session_state[SAVED_KEY] = view.id
        st.session_state[LAST_KEY] = view.id
        st.session_state[QUICK_KEY] = int(mood)


def _save_details(details: CheckIn) -> None:
    ctx, actor = state.require_actor()
    saved_id = st.session_state.get(SAVED_KEY)
    details = replace(details, unsafe_now=bool(st.session_state.get(UNSAFE_KEY)))
    if saved_id:
        view = state.attempt(lambda: entries.update_entry(ctx, actor, saved_id, details))
    else:
        view = state.attempt(lambda: entries.check_in(ctx, actor, details))
    if view:
        st.session_state[LAST_KEY] = view.id
        checkin_form.clear_state(PREFIX)
        st.session_state.pop(SAVED_KEY, None)
        st.session_state.pop(QUICK_KEY, None)
        st.session_state[RISK_KEY] = view.risk_flag
        st.toast("Saved to your journal.", icon=":material/check:")


def _not_safe_now() -> None:
    """One tap, no words needed: the support box and the person's resources at once."""
    if st.session_state.get(UNSAFE_KEY):
        widgets.support_box(asked=True)
        st.button(
            "I'm safe for now",
            key="safe-again",
            on_click=st.session_state.pop,
            args=(UNSAFE_KEY, None),
        )
        return
    st.button(
        "I'm not safe right now",
        icon=":material/emergency:",
        key="not-safe",
        help="Shows people you can reach now. No words needed.",
        on_click=st.session_state.__setitem__,
        args=(UNSAFE_KEY, True),
    )


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("How are you, right now?")
    _not_safe_now()
    if st.session_state.pop(RISK_KEY, False) and not st.session_state.get(UNSAFE_KEY):
        widgets.support_box()
    columns = st.columns(5)
    for mood, column in zip(QuickMood, columns, strict=True):
        column.button(
            mood.label,
            icon=widgets.QUICK_MOOD_ICON[mood],
            key=f"quick-{mood.label}",
            width="stretch",
            on_click=_quick_tap,
            args=(mood,),
        )
    quick = st.session_state.get(QUICK_KEY)
    last = st.session_state.get(SAVED_KEY) or st.session_state.get(LAST_KEY)
    if last and st.button(
        "Make art from this check-in", icon=":material/palette:", key="make-art", type="primary"
    ):
        from therapy_app.ui import art_pages

        art_pages.open_art_for(last)
    if st.session_state.get(SAVED_KEY):
        st.success(
            f"Saved: {QuickMood(quick).label}. That's a complete check-in. "
            "Add more below if you like; it updates the same entry.",
            icon=":material/check_circle:",
        )
    st.divider()
    st.subheader("Add more, if you want")
    tag_options = [name for name, _ in entries.tag_usage(ctx, actor)]
    details = checkin_form.details_form(
        PREFIX, tag_options, QuickMood(quick) if quick else None, actor.timezone
    )
    st.button(
        "Save entry",
        type="primary",
        icon=":material/save:",
        key="save-entry",
        on_click=_save_details,
        args=(details,),
    )
