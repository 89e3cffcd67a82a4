"""One entry as a person reads it: its pictures large, with their titles and a way to open
them in the gallery, beside its words (the journal's entry view and the timeline's card)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.services import artworks
from therapy_app.ui import state, widgets

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.entries import EntryView

PICTURE_WIDTH = 480  # px: large enough to look at, and the art page's saved size fits


def show(ctx: AppContext, actor: Actor, view: EntryView, key: str) -> None:
    pictures = (
        (state.attempt(lambda: artworks.entry_pictures(ctx, actor, view.id)) or [])
        if view.artwork_ids
        else []
    )
    if not pictures:
        _words(view, key)
        return
    left, right = st.columns([3, 2])
    with left:
        for picture in pictures:
            st.image(picture.image, width=PICTURE_WIDTH, alt=widgets.picture_alt(picture))
            st.text(picture.title or "Untitled")
            if view.owner_id == actor.user_id and st.button(
                "Open in the gallery",
                key=f"{key}-gallery-{picture.id}",
                icon=":material/photo_library:",
            ):
                # NOTE: imported here: art_pages imports the views that import this module
                from therapy_app.ui import art_pages

                art_pages.open_in_gallery(picture.id)
    with right:
        _words(view, key)


def _words(view: EntryView, key: str) -> None:
    """The card's mood, feelings and tags, then the whole note (once)."""
    widgets.entry_card(view, key=key, show_open=False, with_note=False)
    if view.note:
        st.markdown("##### Note")
        st.text(view.note)
