from tests.helpers import PASSWORD, make_user
from tests.ui.conftest import logged_in_app, new_app
from therapy_app.journal.models import Role


def _fill_signup(at, username="robin", password=PASSWORD, confirm=None) -> None:
    at.text_input(key="signup-username").input(username)
    at.text_input(key="signup-display").input("Robin")
    at.text_input(key="signup-password").input(password)
    at.text_input(key="signup-confirm").input(confirm or password)
    next(b for b in at.button if b.label == "Create account").click()


def test_first_start_invites_account_creation_then_logs_in(app_home) -> None:
    at = new_app().run()
    assert not at.exception
    assert any("create your account" in s.value for s in at.subheader)
    _fill_signup(at)
    at.run()
    assert not at.exception
    assert at.title[0].value == "How are you, right now?"
    assert any(b.label == "Log out" for b in at.sidebar.button)


def test_mismatched_passwords_are_refused(app_home) -> None:
    at = new_app().run()
    _fill_signup(at, confirm="something else entirely")
    at.run()
    assert any("not the same" in e.value for e in at.error)
    assert at.title[0].value == "therapy_app"


def test_log_out_and_log_in_again(services_ctx) -> None:
    make_user(services_ctx, "robin")
    at = logged_in_app(services_ctx, "robin", PASSWORD)
    next(b for b in at.sidebar.button if b.label == "Log out").click()
    at.run()
    assert at.title[0].value == "therapy_app"
    at.text_input(key="login-username").input("robin")
    at.text_input(key="login-password").input("wrong password")
    next(b for b in at.button if b.label == "Log in").click()
    at.run()
    assert any("do not match" in e.value for e in at.error)
    at.text_input(key="login-password").input(PASSWORD)
    next(b for b in at.button if b.label == "Log in").click()
    at.run()
    assert at.title[0].value == "How are you, right now?"


def test_expired_session_returns_to_login_with_notice(services_ctx) -> None:
    make_user(services_ctx, "robin")
    at = new_app()
    at.session_state["auth_token"] = "not-a-valid-token"
    at.run()
    assert not at.exception
    assert at.title[0].value == "therapy_app"
    assert any("log in again" in i.value for i in at.info)


def test_therapist_lands_on_clients(services_ctx) -> None:
    make_user(services_ctx, "dr-lee", Role.THERAPIST)
    at = logged_in_app(services_ctx, "dr-lee", PASSWORD)
    assert at.title[0].value == "Clients"
