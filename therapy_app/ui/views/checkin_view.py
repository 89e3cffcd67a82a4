"""Check in: one tap is a complete entry; everything else is optional.

The form shows what is stored: after Save it is cleared visibly (every field set to empty),
and what is on it but not yet saved is kept as a draft on the server and offered back after
a reload."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.errors import TherapyAppError
from therapy_app.journal.models import DraftKind
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import entries
from therapy_app.ui import checkin_form, draft_offer, state, widgets

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.entries import EntryView

PREFIX = "ci"
SAVED_KEY = "checkin-saved-entry"
QUICK_KEY = "checkin-quick-mood"
RISK_KEY = "checkin-risk"
LAST_KEY = "checkin-last-entry"
UNSAFE_KEY = "checkin-unsafe-now"
DONE_KEY = "checkin-done"
ERROR_KEY = "checkin-error"


def _saving(where: str, action: Callable[[], EntryView]) -> EntryView | None:
    """Run a save in a callback; a refusal is kept to be shown beside the buttons ``where``
    it was asked for (callbacks run before the page: an error written there lands on top)."""
    st.session_state.pop(ERROR_KEY, None)
    try:
        return action()
    except TherapyAppError as error:
        st.session_state[ERROR_KEY] = (where, str(error))
        return None


def _error_here(where: str) -> None:
    error = st.session_state.get(ERROR_KEY)
    if error and error[0] == where:
        st.error(error[1], icon=":material/error:")


def _quick_tap(mood: QuickMood) -> None:
    ctx, actor = state.require_actor()
    unsafe = bool(st.session_state.get(UNSAFE_KEY))
    check_in = CheckIn(quick_mood=mood, timezone=actor.timezone, unsafe_now=unsafe)
    view = _saving("quick", lambda: entries.check_in(ctx, actor, check_in))
    if view:
        st.session_state[SAVED_KEY] = view.id
        st.session_state[LAST_KEY] = view.id
        st.session_state[QUICK_KEY] = int(mood)
        st.session_state.pop(DONE_KEY, None)


def _save_details() -> None:
    ctx, actor = state.require_actor()
    quick = st.session_state.get(QUICK_KEY)
    details = checkin_form.from_state(PREFIX, QuickMood(quick) if quick else None, actor.timezone)
    saved_id = st.session_state.get(SAVED_KEY)
    details = replace(details, unsafe_now=bool(st.session_state.get(UNSAFE_KEY)))
    if saved_id:
        view = _saving("save", lambda: entries.update_entry(ctx, actor, saved_id, details))
    else:
        view = _saving("save", lambda: entries.check_in(ctx, actor, details))
    if view:
        st.session_state[LAST_KEY] = view.id
        checkin_form.show(PREFIX, CheckIn())
        st.session_state.pop(SAVED_KEY, None)
        st.session_state.pop(QUICK_KEY, None)
        st.session_state[RISK_KEY] = view.risk_flag
        st.session_state[DONE_KEY] = True
        draft_offer.forget(ctx, actor, DraftKind.CHECK_IN)
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


def _restore_draft(content: dict[str, object]) -> None:
    check_in = content["check_in"]
    checkin_form.show(PREFIX, CheckIn.from_json(check_in))
    if content.get("entry_id"):  # details for an entry a tap had saved
        st.session_state[SAVED_KEY] = content["entry_id"]
        st.session_state[QUICK_KEY] = check_in.get("quick_mood")


def _draft_preview(content: dict[str, object]) -> str:
    return widgets.note_excerpt(content["check_in"].get("note") or "")


def _draft_of(details: CheckIn) -> dict[str, object] | None:
    """What is on the form beyond what a tap saved, or None."""
    if replace(details, quick_mood=None).is_blank:
        return None
    return {"entry_id": st.session_state.get(SAVED_KEY), "check_in": details.as_json()}


def _saved_notice() -> None:
    quick = st.session_state.get(QUICK_KEY)
    if st.session_state.get(SAVED_KEY) and quick:
        st.success(
            f"Saved: {QuickMood(quick).label}. That's a complete check-in. "
            "Add more below if you like; Save adds it to the same entry.",
            icon=":material/check_circle:",
        )
    elif st.session_state.get(DONE_KEY):
        st.success(
            "Saved to your journal. The form below is empty again for your next check-in.",
            icon=":material/check_circle:",
        )


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("How are you, right now?")
    _not_safe_now()
    if st.session_state.pop(RISK_KEY, False) and not st.session_state.get(UNSAFE_KEY):
        widgets.support_box()
    draft_offer.offer(ctx, actor, DraftKind.CHECK_IN, "a check-in", _draft_preview, _restore_draft)
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
    _error_here("quick")
    quick = st.session_state.get(QUICK_KEY)
    last = st.session_state.get(SAVED_KEY) or st.session_state.get(LAST_KEY)
    if last and st.button(
        "Make art from this check-in", icon=":material/palette:", key="make-art", type="primary"
    ):
        from therapy_app.ui import art_pages

        art_pages.open_art_for(last)
    _saved_notice()
    st.divider()
    st.subheader("Add more, if you want")
    tag_options = [name for name, _ in entries.tag_usage(ctx, actor)]
    details = checkin_form.details_form(
        PREFIX, tag_options, QuickMood(quick) if quick else None, actor.timezone
    )
    draft_offer.keep(ctx, actor, DraftKind.CHECK_IN, _draft_of(details))
    st.button(
        "Save entry",
        type="primary",
        icon=":material/save:",
        key="save-entry",
        on_click=_save_details,
    )
    _error_here("save")
