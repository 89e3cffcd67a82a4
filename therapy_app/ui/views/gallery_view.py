"""Gallery: all of the person's art, filter by feeling and date, open, download, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.mood.feelings import ALL_FEELINGS
from therapy_app.services import artworks, entries
from therapy_app.ui import state, widgets
from therapy_app.wording import counted

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

OPEN_KEY = "gallery-open"
DELETE_KEY = "gallery-delete"
PER_ROW = 4
PAGE_SIZE = 24  # six rows of thumbnails
PAGER = "gallery"
NEW_FILTERS = widgets.first_page(PAGER)


def _grid(ctx: AppContext, actor: Actor) -> None:
    st.title("Gallery")
    left, right = st.columns(2)
    feeling = left.selectbox(
        "Feeling",
        options=sorted(ALL_FEELINGS),
        index=None,
        key="gallery-feeling",
        on_change=NEW_FILTERS,
        placeholder="Any feeling",
    )
    since, until = widgets.date_range(right, "gallery-dates", on_change=NEW_FILTERS)
    page_number = st.session_state.get(widgets.page_key(PAGER), 0)
    page = state.attempt(
        lambda: artworks.artwork_page(
            ctx,
            actor,
            query=artworks.ArtworkQuery(
                feeling, since, until, offset=page_number * PAGE_SIZE, limit=PAGE_SIZE
            ),
        )
    )
    if page is None:
        return
    if widgets.past_the_end(PAGER, len(page.items), page.total):
        st.rerun()
    if not page.items:
        st.info(
            "No pictures yet. After a check-in, choose 'Make art'.", icon=":material/photo_library:"
        )
        return
    st.caption(
        counted(page.total, "picture") if page.complete else f"More than {page.total - 1} pictures"
    )
    pictures = page.items
    for start in range(0, len(pictures), PER_ROW):
        for column, picture in zip(
            st.columns(PER_ROW), pictures[start : start + PER_ROW], strict=False
        ):
            with column:
                st.image(picture.thumbnail, width="stretch", alt=widgets.picture_alt(picture))
                st.text(picture.title or f"{picture.local_date:%d %b %Y}")
                if picture.drawn:
                    st.caption("With your drawing", help="Open it to see the model's part alone.")
                if st.button(
                    "Open", key=f"gallery-open-{picture.id}", icon=":material/open_in_full:"
                ):
                    widgets.open_item(OPEN_KEY, picture.id)
                    st.rerun()
    widgets.pager(PAGER, page.total, PAGE_SIZE, page.complete)


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
        alone = picture.model_image is not None and st.toggle(
            "The model's part alone",
            key="gallery-model-alone",
            help="The picture as the model painted it, without what you drew over it.",
        )
        st.image(
            picture.model_image if alone else picture.image,
            width="stretch",
            alt=widgets.picture_alt(picture),
        )
        if picture.drawn:
            st.caption(
                "The model's part alone: what it painted, which its recipe paints again."
                if alone
                else "Your drawing over what the model painted (kept apart from it)."
            )
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
    widgets.close_item(OPEN_KEY)
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
    artwork_id = widgets.opened_item(OPEN_KEY)
    if artwork_id:
        _detail(ctx, actor, artwork_id)
    else:
        _grid(ctx, actor)
