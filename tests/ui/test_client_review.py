"""The therapist's caseload and client page (AppTest): flags first and acknowledged, a DAP
note prefilled with the session's facts and saved, the PDF prepared for download."""

from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, reviewed_client
from therapy_app.services import accounts, review


def _caseload() -> None:
    from therapy_app.ui.views import caseload_view

    caseload_view.render()


def _open(ctx, therapist, client, tab: str) -> AppTest:
    at = AppTest.from_function(_caseload, default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(ctx, therapist.username, PASSWORD)
    at.session_state["caseload-client"] = client.user_id
    at.session_state["caseload-tab"] = tab
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_flag_is_acknowledged_from_the_overview(services_ctx) -> None:
    therapist, client = reviewed_client(services_ctx)
    at = _open(services_ctx, therapist, client, "Overview")
    table = at.dataframe[0].value
    assert table["Open flags"][0] == "1: PHQ-9 item 9"
    assert len(table["Last 14 days"][0]) == 13  # a mean for each day but today
    (flag,) = [f for f in review.client_page(services_ctx, therapist, client.user_id).flags]
    at.button(key=f"ack-{flag.key}").click().run()
    assert not at.exception
    assert any("Acknowledged by Lee" in t.value for t in at.text)
    assert at.dataframe[0].value["Open flags"][0] == "none"


def test_a_dap_note_starts_from_the_sessions_facts(services_ctx) -> None:
    therapist, client = reviewed_client(services_ctx)
    at = _open(services_ctx, therapist, client, "Notes")
    latest = review.client_page(services_ctx, therapist, client.user_id).sessions[0]
    at.selectbox(key=f"dap-session-{client.user_id}").select(latest.id).run()
    at.button(key=f"dap-fill-{client.user_id}").click().run()
    data = at.text_area(key=f"dap-d-{client.user_id}-0").value
    assert data.startswith("Session: A safe place") and "PHQ-9 (mood): 9/27" in data
    at.text_area(key=f"dap-a-{client.user_id}-0").input("Engaged well.")
    at.button(key=f"dap-save-{client.user_id}").click().run()
    assert not at.exception
    assert at.text_area(key=f"dap-a-{client.user_id}-1").value == ""  # empty for the next
    (note,) = review.client_page(services_ctx, therapist, client.user_id).notes
    assert (note.assessment, note.session_id) == ("Engaged well.", latest.id)


def test_the_report_is_prepared_for_download(services_ctx) -> None:
    therapist, client = reviewed_client(services_ctx)
    at = _open(services_ctx, therapist, client, "Report")
    at.button(key=f"report-make-{client.user_id}").click().run()
    assert not at.exception
    assert at.session_state[f"report-pdf-{client.user_id}"].startswith(b"%PDF")
