"""Page objects shared by the router and by views that send the person elsewhere."""

from __future__ import annotations

import streamlit as st

from therapy_app.ui.views import art_view, gallery_view, journal_view

ART = st.Page(art_view.render, title="Make art", icon=":material/palette:", url_path="art")
JOURNAL = st.Page(
    journal_view.render, title="Journal", icon=":material/menu_book:", url_path="journal"
)
GALLERY = st.Page(
    gallery_view.render, title="Gallery", icon=":material/photo_library:", url_path="gallery"
)


def open_art_for(entry_id: str) -> None:
    st.session_state[art_view.ENTRY_KEY] = entry_id
    st.session_state.pop(art_view.SPECS_KEY, None)
    st.switch_page(ART)


def open_in_gallery(artwork_id: str) -> None:
    st.session_state[gallery_view.OPEN_KEY] = artwork_id
    st.switch_page(GALLERY)


def open_entry(entry_id: str, notice: str) -> None:
    """The journal's view of one entry, with a line saying what just happened there."""
    st.session_state[journal_view.OPEN_KEY] = entry_id
    st.session_state[journal_view.NOTICE_KEY] = notice
    st.switch_page(JOURNAL)
