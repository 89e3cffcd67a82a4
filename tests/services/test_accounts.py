from datetime import timedelta

import pytest

from tests import attacks
from tests.helpers import PASSWORD, make_user
from therapy_app.errors import AuthenticationError, InvalidInputError
from therapy_app.journal.models import Role
from therapy_app.services import accounts
from therapy_app.services.accounts import HASHER, backoff_after


def test_argon2id_parameters() -> None:
    encoded = HASHER.hash("x" * 12)
    assert encoded.startswith("$argon2id$")
    assert HASHER.memory_cost >= 19 * 1024 and HASHER.time_cost >= 2


def test_sign_up_log_in_resume_log_out(ctx) -> None:
    assert not accounts.has_any_user(ctx)
    actor = accounts.sign_up(ctx, "Robin", PASSWORD, Role.CLIENT, "Robin B.")
    assert accounts.has_any_user(ctx)
    assert actor.username == "robin" and actor.role is Role.CLIENT
    token = accounts.log_in(ctx, "robin", PASSWORD)
    assert accounts.resume(ctx, token).user_id == actor.user_id
    accounts.log_out(ctx, token)
    with pytest.raises(AuthenticationError):
        accounts.resume(ctx, token)


def test_sign_up_refuses_admin_duplicates_and_weak_passwords(ctx) -> None:
    with pytest.raises(InvalidInputError, match="user add"):
        accounts.sign_up(ctx, "root", PASSWORD, Role.ADMIN)
    with pytest.raises(InvalidInputError, match="at least 8"):
        accounts.sign_up(ctx, "robin", "short")
    with pytest.raises(InvalidInputError, match="Usernames"):
        accounts.sign_up(ctx, "no spaces allowed", PASSWORD)
    accounts.sign_up(ctx, "robin", PASSWORD)
    with pytest.raises(InvalidInputError, match="taken"):
        accounts.sign_up(ctx, "ROBIN", PASSWORD)


def test_wrong_password_then_backoff_after_five(ctx, clock) -> None:
    make_user(ctx, "sam")
    for _ in range(5):
        with pytest.raises(AuthenticationError, match="do not match"):
            accounts.log_in(ctx, "sam", "wrong password")
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, "sam", PASSWORD)  # locked for 1 s: even the right password waits
    clock.advance(seconds=2)
    assert accounts.log_in(ctx, "sam", PASSWORD)


def test_backoff_grows_and_caps() -> None:
    waits = [backoff_after(n) for n in range(1, 30)]
    assert waits[:4] == [timedelta(0)] * 4
    assert all(a <= b for a, b in zip(waits, waits[1:], strict=False))
    assert max(waits) == timedelta(minutes=15)


@pytest.mark.slow
def test_at_most_100_tries_an_hour(ctx, clock) -> None:
    """An attacker trying every second for an hour gets fewer than 100 password checks."""
    make_user(ctx, "sam")
    checked = 0
    for _ in range(3600):
        try:
            accounts.log_in(ctx, "sam", "guess")
        except AuthenticationError as error:
            checked += "do not match" in str(error)
        clock.advance(seconds=1)
    assert 5 < checked <= 100


def test_idle_and_absolute_timeouts(ctx, clock) -> None:
    make_user(ctx, "sam")
    token = accounts.log_in(ctx, "sam", PASSWORD)
    clock.advance(minutes=29)
    accounts.resume(ctx, token)
    clock.advance(minutes=31)
    with pytest.raises(AuthenticationError, match="ended"):
        accounts.resume(ctx, token)
    token = accounts.log_in(ctx, "sam", PASSWORD)
    for _ in range(24):  # active every 29 minutes, for 11.6 hours
        clock.advance(minutes=29)
        accounts.resume(ctx, token)
    clock.advance(minutes=29)
    with pytest.raises(AuthenticationError):
        accounts.resume(ctx, token)  # past 12 hours even though never idle


def test_change_password_ends_sessions(ctx) -> None:
    actor = make_user(ctx, "sam")
    token = accounts.log_in(ctx, "sam", PASSWORD)
    with pytest.raises(InvalidInputError, match="not right"):
        accounts.change_password(ctx, actor, "wrong one", "a new passphrase")
    accounts.change_password(ctx, actor, PASSWORD, "a new passphrase")
    with pytest.raises(AuthenticationError):
        accounts.resume(ctx, token)
    assert accounts.log_in(ctx, "sam", "a new passphrase")


def test_backoff_never_overflows() -> None:
    """Failure 52 used to overflow timedelta, roll the attempt back and switch throttling off."""
    assert all(backoff_after(n) == timedelta(minutes=15) for n in (15, 52, 60, 10**6))


@pytest.mark.slow
def test_throttle_holds_past_fifty_one_failures(ctx, clock) -> None:
    make_user(ctx, "sam")
    for _ in range(60):
        clock.advance(minutes=16)
        with pytest.raises(AuthenticationError, match="do not match"):
            accounts.log_in(ctx, "sam", "wrong password")
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, "sam", "wrong password")


def test_a_remembered_sign_in_works_only_in_its_own_browser(ctx) -> None:
    actor = make_user(ctx, "sam")
    token = accounts.log_in(ctx, "sam", PASSWORD)
    value = accounts.remembered_value(ctx, token, "browser-a")
    assert accounts.resume_remembered(ctx, value, "browser-a").user_id == actor.user_id
    planted = [(value, "browser-b"), (value, ""), (token, "browser-a"), (value + "0", "browser-a")]
    planted.append((value[:-1] + "é", "browser-a"))  # not ASCII: refused, not an error
    for cookie, browser in planted:
        with attacks.refused("a planted or altered sign-in cookie", AuthenticationError, "ended"):
            accounts.resume_remembered(ctx, cookie, browser)
