"""Every page of every role renders without an exception (the smoke check)."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, make_user
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import accounts, entries

PAGES = {
    Role.CLIENT: [
        "checkin_view",
        "art_view",
        "journal_view",
        "gallery_view",
        "timeline_view",
        "sharing_view",
        "settings_view",
    ],
    Role.THERAPIST: ["caseload_view", "settings_view"],
    Role.ADMIN: ["audit_view", "settings_view"],
}


def _view_script(module: str) -> None:
    import importlib

    importlib.import_module(f"therapy_app.ui.views.{module}").render()


def test_router_lists_a_page_for_every_view() -> None:
    from pathlib import Path

    views = {p.stem for p in (Path(__file__).parents[2] / "therapy_app/ui/views").glob("*.py")}
    routed = {name for names in PAGES.values() for name in names} | {"login_view"}
    assert views - {"__init__"} == routed


@pytest.mark.parametrize(("role", "page"), [(r, p) for r, ps in PAGES.items() for p in ps])
def test_page_renders(services_ctx, role, page) -> None:
    actor = make_user(services_ctx, "person", role)
    entries.check_in(services_ctx, actor, CheckIn(quick_mood=QuickMood.GOOD, note="hello"))
    at = AppTest.from_function(_view_script, args=(page,), default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(services_ctx, "person", PASSWORD)
    at.run()
    assert not at.exception, at.exception
    assert at.title
