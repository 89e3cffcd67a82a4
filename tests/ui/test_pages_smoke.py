"""Every page of every role renders without an exception (the smoke check)."""

import pickle

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, make_user
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import accounts, entries

# url path -> view module, per role (what the router must offer each role)
PAGES = {
    Role.CLIENT: {
        "checkin": "checkin_view",
        "art": "art_view",
        "sessions": "sessions_view",
        "journal": "journal_view",
        "gallery": "gallery_view",
        "timeline": "timeline_view",
        "sharing": "sharing_view",
        "import-export": "import_export_view",
        "safety-plan": "safety_plan_view",
        "settings": "settings_view",
    },
    Role.THERAPIST: {"clients": "caseload_view", "settings": "settings_view"},
    Role.ADMIN: {"audit": "audit_view", "settings": "settings_view"},
}


def _view_script(module: str) -> None:
    import importlib

    importlib.import_module(f"therapy_app.ui.views.{module}").render()


def _routes_script() -> None:
    import streamlit as st

    from therapy_app.journal.models import Role
    from therapy_app.ui.app import pages_for

    st.json({role.value: [page.url_path for page in pages_for(role)] for role in Role})


def test_router_lists_a_page_for_every_view(app_home) -> None:
    """Every view module is reachable: the router offers each role exactly its pages."""
    from pathlib import Path

    at = AppTest.from_function(_routes_script, default_timeout=60).run()
    assert not at.exception
    routes = at.json[0].value
    routes = routes if isinstance(routes, dict) else __import__("json").loads(routes)
    for role, pages in PAGES.items():
        default, *others = list(pages)  # the default page is served at the root path ""
        assert routes[role.value] == ["", *others], (role, default)
    views = {p.stem for p in (Path(__file__).parents[2] / "therapy_app/ui/views").glob("*.py")}
    routed = {"login_view"} | {module for pages in PAGES.values() for module in pages.values()}
    assert views - {"__init__"} == routed


@pytest.mark.parametrize(
    ("role", "page"), [(r, m) for r, pages in PAGES.items() for m in pages.values()]
)
def test_page_renders(services_ctx, role, page) -> None:
    actor = make_user(services_ctx, "person", role)
    entries.check_in(services_ctx, actor, CheckIn(quick_mood=QuickMood.GOOD, note="hello"))
    at = AppTest.from_function(_view_script, args=(page,), default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(services_ctx, "person", PASSWORD)
    at.run()
    assert not at.exception, at.exception
    assert at.title
    _assert_state_pickles(at)


def _assert_state_pickles(at: AppTest) -> None:
    """Nothing per user hides in live objects: every value the app keeps in the session
    state pickles (Streamlit's own check is off, see ui/config.toml)."""
    state = at.session_state._state
    for key in state.filtered_state:
        pickle.dumps(state[key])
