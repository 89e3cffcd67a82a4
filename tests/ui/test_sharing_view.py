"""Sharing: a redeemed code shows the therapist and the choices at once; stopping asks first."""

from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, make_user
from therapy_app.journal.models import LinkStatus, Role
from therapy_app.services import accounts, sharing


def _sharing() -> None:
    from therapy_app.ui.views import sharing_view

    sharing_view.render()


def test_start_shows_the_therapist_at_once_and_stop_asks_first(services_ctx) -> None:
    client = make_user(services_ctx, "robin")
    therapist = make_user(services_ctx, "dr_lee", Role.THERAPIST)
    code = sharing.create_invite(services_ctx, therapist)
    at = AppTest.from_function(_sharing, default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(services_ctx, "robin", PASSWORD)
    at.run()
    at.text_input(key="redeem-code").input(code)
    at.button(key="redeem-start").click().run()
    assert not at.exception
    assert any("now sharing" in s.value for s in at.success)
    assert any(t.value == "Dr_Lee" for t in at.text)  # shown as text, never as Markdown
    (link,) = sharing.my_links(services_ctx, client)
    assert at.radio(key=f"share-{link.id}-what").value == "My journal and our sessions"

    at.button(key=f"revoke-{link.id}-ask").click().run()
    assert any("Stop sharing with" in w.value for w in at.warning)
    assert sharing.my_links(services_ctx, client)[0].status is LinkStatus.ACTIVE
    at.button(key=f"revoke-{link.id}-confirm").click().run()
    assert sharing.my_links(services_ctx, client)[0].status is LinkStatus.REVOKED
