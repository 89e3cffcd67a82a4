"""Drafts on a page: what is on it and not yet saved is kept on the server as it changes
(services/drafts.py), and offered back once per browser session (after a reload, a closed
tab, a log-out). Until the person answers the offer, nothing overwrites the draft."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.services import drafts
from therapy_app.ui import state, widgets

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.journal.models import DraftKind
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext


def _key(kind: DraftKind, part: str) -> str:
    return f"draft-{kind.value}-{part}"


def offer(
    ctx: AppContext,
    actor: Actor,
    kind: DraftKind,
    what: str,
    preview: Callable[[dict[str, object]], str],
    restore: Callable[[dict[str, object]], None],
) -> None:
    """The box offering the kept draft back: ``what`` names it ("a check-in"), ``preview``
    gives a line of it to show as text, ``restore`` puts it on the page (a callback)."""
    if not st.session_state.get(_key(kind, "checked")):
        st.session_state[_key(kind, "checked")] = True
        draft = state.attempt(lambda: drafts.get_draft(ctx, actor, kind))
        if draft:
            st.session_state[_key(kind, "offer")] = {
                "content": draft.content,
                "when": widgets.when(draft.saved_at, actor.timezone),
            }
    pending = st.session_state.get(_key(kind, "offer"))
    if not pending:
        return
    with st.container(border=True, key=f"draft-{kind.value}"):
        st.markdown(f"**You have {what} you had not saved yet** (from {pending['when']}).")
        line = preview(pending["content"])
        if line:
            st.text(line)
        back, away = st.columns(2)
        back.button(
            "Bring it back",
            icon=":material/restore:",
            type="primary",
            key=f"draft-{kind.value}-restore",
            on_click=_restore,
            args=(kind, restore),
        )
        away.button(
            "Discard it",
            icon=":material/delete:",
            key=f"draft-{kind.value}-discard",
            on_click=_discard,
            args=(kind,),
        )


def _restore(kind: DraftKind, restore: Callable[[dict[str, object]], None]) -> None:
    content = st.session_state.pop(_key(kind, "offer"))["content"]
    restore(content)
    st.session_state[_key(kind, "kept")] = json.dumps(content, sort_keys=True)


def _discard(kind: DraftKind) -> None:
    st.session_state.pop(_key(kind, "offer"), None)
    forget(*state.require_actor(), kind)


def keep(ctx: AppContext, actor: Actor, kind: DraftKind, content: dict[str, object] | None) -> None:
    """Keep ``content`` as the draft if it changed (None: nothing worth keeping is on the
    page, so a draft kept before is dropped)."""
    if st.session_state.get(_key(kind, "offer")):
        return
    kept = st.session_state.get(_key(kind, "kept"))
    if content is None:
        if kept:
            forget(ctx, actor, kind)
        return
    serialised = json.dumps(content, sort_keys=True)
    if serialised != kept and state.attempt(
        lambda: drafts.save_draft(ctx, actor, kind, content) or True
    ):
        st.session_state[_key(kind, "kept")] = serialised


def forget(ctx: AppContext, actor: Actor, kind: DraftKind) -> None:
    """Drop the draft (saved for real, or discarded)."""
    st.session_state.pop(_key(kind, "kept"), None)
    state.attempt(lambda: drafts.discard_draft(ctx, actor, kind))
