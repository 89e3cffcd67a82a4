"""The import and export page without a browser: what it offers, and an export prepared."""

from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, make_user
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import accounts, entries


def _view() -> None:
    from therapy_app.ui.views import import_export_view

    import_export_view.render()


def test_offers_every_format_and_prepares_an_export(services_ctx) -> None:
    sam = make_user(services_ctx, "sam")
    entries.check_in(services_ctx, sam, CheckIn(quick_mood=QuickMood.GOOD, note="hello"))
    at = AppTest.from_function(_view, default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(services_ctx, "sam", PASSWORD)
    at.run()
    assert not at.exception
    assert at.selectbox(key="import-format").options == [
        "Daylio (CSV export)",
        "How We Feel (CSV export)",
        "This app's export (JSON)",
        "This app's export (ZIP, with pictures)",
    ]
    assert any("Entries without a picture: 1." in c.value for c in at.caption)
    at.radio(key="export-format").set_value("json").run()
    at.button(key="export-prepare").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["1 entry and 0 pictures are ready."]
