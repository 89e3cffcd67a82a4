"""Page objects shared by the router and by views that send the person elsewhere."""

from __future__ import annotations

import streamlit as st

from therapy_app.ui.views import art_view, gallery_view

ART = st.Page(art_view.render, title="Make art", icon=":material/palette:", url_path="art")
GALLERY = st.Page(
    gallery_view.render, title="Gallery", icon=":material/photo_library:", url_path="gallery"
)


def open_art_for(entry_id: str) -> None:
    st.session_state[art_view.ENTRY_KEY] = entry_id
    st.session_state.pop(art_view.SPECS_KEY, None)
    st.switch_page(ART)
