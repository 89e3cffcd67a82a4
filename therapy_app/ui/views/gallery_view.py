"""Gallery: all of the person's art, filter by feeling and date, open, download, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.mood.feelings import ALL_FEELINGS
from therapy_app.services import artworks, entries
from therapy_app.ui import state, widgets

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

OPEN_KEY = "gallery-open"
DELETE_KEY = "gallery-delete"
PER_ROW = 4


def _grid(ctx: AppContext, actor: Actor) -> None:
    st.title("Gallery")
    left, right = st.columns(2)
    feeling = left.selectbox(
        "Feeling",
        options=sorted(ALL_FEELINGS),
        index=None,
        key="gallery-feeling",
        placeholder="Any feeling",
    )
    since, until = widgets.date_range(right, "gallery-dates")
    pictures = (
        state.attempt(
            lambda: artworks.list_artworks(ctx, actor, feeling=feeling, since=since, until=until)
        )
        or []
    )
    if not pictures:
        st.info(
            "No pictures yet. After a check-in, choose 'Make art'.", icon=":material/photo_library:"
        )
        return
    st.caption(f"{len(pictures)} picture{'s' if len(pictures) != 1 else ''}")
    for start in range(0, len(pictures), PER_ROW):
        for column, picture in zip(
            st.columns(PER_ROW), pictures[start : start + PER_ROW], strict=False
        ):
            with column:
                st.image(picture.thumbnail, width="stretch", alt=widgets.picture_alt(picture))
                st.text(picture.title or f"{picture.local_date:%d %b %Y}")
                if st.button(
                    "Open", key=f"gallery-open-{picture.id}", icon=":material/open_in_full:"
                ):
                    st.session_state[OPEN_KEY] = picture.id
                    st.rerun()


def _detail(ctx: AppContext, actor: Actor, artwork_id: str) -> None:
    st.button("Back to gallery", icon=":material/arrow_back:", key="gallery-back", on_click=_close)
    picture = state.attempt(lambda: artworks.get_artwork(ctx, actor, artwork_id))
    if picture is None:
        return
    st.title(f"{picture.local_date:%A %d %B %Y}")
    if picture.title:
        st.text(picture.title)
    left, right = st.columns([3, 2])
    with left:
        st.image(picture.image, width="stretch", alt=widgets.picture_alt(picture))
        st.download_button(
            "Download PNG",
            data=picture.image,
            mime="image/png",
            file_name=f"therapy-app-{picture.local_date}.png",
            key="gallery-download",
            icon=":material/download:",
        )
    with right:
        entry = state.attempt(lambda: entries.get_entry(ctx, actor, picture.entry_id))
        if entry:
            widgets.entry_card(entry, key="gallery-entry", show_open=False)
        st.markdown("##### How it was made")
        st.text(artworks.provenance_in_words(picture.provenance))
        with st.expander("The exact recipe (to paint it again)", icon=":material/data_object:"):
            st.json(picture.provenance)
        _delete(ctx, actor, artwork_id)


def _close() -> None:
    st.session_state.pop(OPEN_KEY, None)
    st.session_state.pop(widgets.asking(DELETE_KEY), None)


def _delete(ctx: AppContext, actor: Actor, artwork_id: str) -> None:
    if widgets.ask_first(
        DELETE_KEY,
        "Delete picture",
        "Delete this picture for good? Its entry stays. This cannot be undone.",
        lambda: artworks.delete_artwork(ctx, actor, artwork_id),
    ):
        _close()
        st.toast("Picture deleted.", icon=":material/delete:")
        st.rerun()


def render() -> None:
    ctx, actor = state.require_actor()
    artwork_id = st.session_state.get(OPEN_KEY)
    if artwork_id:
        _detail(ctx, actor, artwork_id)
    else:
        _grid(ctx, actor)
