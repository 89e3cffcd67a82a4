"""The Streamlit script (served by server.py): builds navigation from the role's pages."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from therapy_app.journal.models import Role
from therapy_app.ui import art_pages, page_addresses, state, widgets
from therapy_app.ui.views import (
    audit_view,
    caseload_view,
    checkin_view,
    import_export_view,
    login_view,
    settings_view,
    sharing_view,
    timeline_view,
)

# A picture from the app's own renderer (joy), served by the app itself: a Material icon as
# page icon makes every browser fetch it from Google's font servers.
FAVICON = Path(__file__).with_name("favicon.png")


def pages_for(role: Role) -> list[st.Page]:
    settings = st.Page(
        settings_view.render, title="Settings", icon=":material/settings:", url_path="settings"
    )
    if role is Role.THERAPIST:
        return [
            st.Page(
                caseload_view.render,
                title="Clients",
                icon=":material/groups:",
                url_path=page_addresses.CLIENTS,
                default=True,
            ),
            settings,
        ]
    if role is Role.ADMIN:
        return [
            st.Page(
                audit_view.render,
                title="Audit log",
                icon=":material/policy:",
                url_path=page_addresses.AUDIT,
                default=True,
            ),
            settings,
        ]
    return [
        st.Page(
            checkin_view.render,
            title="Check in",
            icon=":material/favorite:",
            url_path=page_addresses.CHECK_IN,
            default=True,
        ),
        art_pages.art(),
        art_pages.sessions(),
        art_pages.journal(),
        art_pages.gallery(),
        st.Page(
            timeline_view.render, title="Timeline", icon=":material/timeline:", url_path="timeline"
        ),
        st.Page(
            sharing_view.render, title="Sharing", icon=":material/handshake:", url_path="sharing"
        ),
        st.Page(
            import_export_view.render,
            title="Import and export",
            icon=":material/swap_vert:",
            url_path="import-export",
        ),
        art_pages.safety_plan(),
        settings,
    ]


def signed_out_pages() -> list[st.Page]:
    """Welcome, at the root and at every page's own address: a bookmark opens the log-in
    instead of "page not found", and once logged in, the page it points to (a page is known
    by its address, so the same address finds the real page after the rerun)."""
    welcome = {"title": "Welcome", "icon": ":material/login:"}
    addresses = sorted({page.url_path for role in Role for page in pages_for(role)} - {""})
    return [
        st.Page(login_view.render, **welcome, url_path="welcome", default=True),
        *(st.Page(login_view.render, **welcome, url_path=address) for address in addresses),
    ]


def main() -> None:
    st.set_page_config(page_title="therapy_app", page_icon=FAVICON, layout="wide")
    ctx = state.app_context()
    actor = state.current_actor(ctx)
    if actor is None:
        page = st.navigation(signed_out_pages(), position="hidden")
    else:
        page = st.navigation(pages_for(actor.role), expanded=True)
    client = actor is not None and actor.is_client
    if actor is not None:
        widgets.remember_country(actor.country)
    with st.sidebar:
        widgets.crisis_resources()  # first, above everything of ours
        if client:
            widgets.safety_plan_link()
        if actor is not None:
            st.text(f"Signed in as {actor.display_name}")
            if st.button("Log out", icon=":material/logout:", key="logout"):
                state.log_out(ctx)
                st.rerun()
        state.sync_browser_cookie(ctx)
    widgets.help_in_header(with_safety_plan=client)
    widgets.page_style()
    page.run()


if __name__ == "__main__":  # Streamlit runs this file as __main__; tests import it
    main()
