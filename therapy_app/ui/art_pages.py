"""The pages that the router and the views that send the person elsewhere both name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.ui import widgets
from therapy_app.ui.views import (
    art_view,
    gallery_view,
    journal_view,
    safety_plan_view,
    sessions_view,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.mood.checkin import CheckIn


# Each call makes a page object afresh, for every run. Streamlit marks the page st.navigation
# returns as runnable once and unmarks it when it runs, so one object shared by the sessions
# of a process let a session's run use up another's mark: "This page cannot be called
# directly" on 5 of 100 "Make art" clicks with twelve browsers on three processes.
def _page(render: Callable[[], None], title: str, icon: str, url_path: str) -> partial[st.Page]:
    return partial(st.Page, render, title=title, icon=icon, url_path=url_path)


art = _page(art_view.render, "Make art", ":material/palette:", "art")
journal = _page(journal_view.render, "Journal", ":material/menu_book:", "journal")
gallery = _page(gallery_view.render, "Gallery", ":material/photo_library:", "gallery")
sessions = _page(sessions_view.render, "Sessions", ":material/self_improvement:", "sessions")
safety_plan = _page(
    safety_plan_view.render, "My safety plan", ":material/health_and_safety:", "safety-plan"
)


def open_art_for(entry_id: str) -> None:
    st.session_state[art_view.ENTRY_KEY] = entry_id
    st.session_state.pop(art_view.SPECS_KEY, None)
    st.switch_page(art())


def open_in_gallery(artwork_id: str) -> None:
    st.session_state[gallery_view.OPEN_KEY] = artwork_id
    st.switch_page(gallery(), query_params={widgets.OPENED_PARAM: artwork_id})


def open_entry(entry_id: str, notice: str) -> None:
    """The journal's view of one entry, with a line saying what just happened there."""
    st.session_state[journal_view.OPEN_KEY] = entry_id
    st.session_state[journal_view.NOTICE_KEY] = notice
    st.switch_page(journal(), query_params={widgets.OPENED_PARAM: entry_id})


def open_art_for_session(session_id: str, index: int, check_in: CheckIn, prompt: str) -> None:
    """The art page, painting for one art step of a session from the mood chosen for it;
    the picture kept goes to the session, and the page comes back here."""
    st.session_state[art_view.SESSION_STEP_KEY] = {
        "session_id": session_id,
        "index": index,
        "check_in": check_in.as_json(),
        "prompt": prompt,
    }
    for key in (art_view.SPECS_KEY, art_view.IMAGES_KEY, art_view.CHOSEN_KEY):
        st.session_state.pop(key, None)
    st.switch_page(art())


def back_to_session() -> None:
    st.session_state.pop(art_view.SESSION_STEP_KEY, None)
    for key in (art_view.SPECS_KEY, art_view.IMAGES_KEY, art_view.CHOSEN_KEY):
        st.session_state.pop(key, None)
    st.switch_page(sessions())
