"""OWASP's device cookies: a browser the owner has signed in on is never held back by the
throttles an attacker can fill (from other addresses, or from the owner's own address), a
cookie cannot be forged, moved to another account or used once revoked, and wrong passwords
on a device cookie count against that cookie alone."""

import pytest
from sqlalchemy import select

from tests import attacks
from tests.helpers import PASSWORD, make_user
from therapy_app.errors import AuthenticationError
from therapy_app.journal.models import DeviceCookie, LoginThrottle
from therapy_app.services import accounts

HOME = "192.168.1.20"
FORGED = "a forged, moved or revoked device cookie used to skip the sign-in throttles"


def _device_cookie(ctx, name: str, address: str = HOME) -> str:
    """The device cookie a browser gets for signing in as ``name`` from ``address``."""
    token = accounts.log_in(ctx, name, PASSWORD, address)
    return accounts.device_cookie_for(ctx, token)


def _fill_throttles(ctx, name: str, address: str) -> None:
    """An attacker's guesses at ``name`` from many addresses and at many names from
    ``address``, until both the account and the address make everyone wait."""
    for n in range(accounts.FREE_FAILURES + 1):
        for username, at in ((name, f"10.9.{n}.1"), (f"other{n}", address)):
            with pytest.raises(AuthenticationError):
                accounts.log_in(ctx, username, "guess", at)


def test_the_owner_signs_in_at_once_from_a_new_address(ctx) -> None:
    """Case (a): the account's throttle is full; the owner's laptop, which signed in once at
    home, signs in from a café at once. Without its cookie the café would make it wait."""
    make_user(ctx, "sam")
    cookie = _device_cookie(ctx, "sam")
    cafe = "203.0.113.9"
    _fill_throttles(ctx, "sam", "198.51.100.7")
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, "sam", PASSWORD, cafe)
    assert accounts.log_in(ctx, "sam", PASSWORD, cafe, device_cookie=cookie)


def test_the_owner_signs_in_at_once_from_an_address_an_attacker_shares(ctx) -> None:
    """Case (b): the attacker is behind the owner's own NAT (or /64) and has filled that
    address's throttle and the account's; the owner's browser still signs in at once."""
    make_user(ctx, "sam")
    cookie = _device_cookie(ctx, "sam")
    _fill_throttles(ctx, "sam", HOME)
    neighbour = "2001:db8:1:2::99"
    _fill_throttles(ctx, "sam", neighbour)
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, "sam", PASSWORD, HOME)
    assert accounts.log_in(ctx, "sam", PASSWORD, HOME, device_cookie=cookie)
    assert accounts.log_in(ctx, "sam", PASSWORD, "2001:db8:1:2::1", device_cookie=cookie)


def test_a_device_cookie_that_the_server_did_not_make_for_this_account_is_not_trusted(
    ctx,
) -> None:
    """Without the server's key an attacker cannot make one: a changed MAC, a made-up nonce,
    another account's cookie and a revoked cookie all meet the full throttles."""
    make_user(ctx, "sam")
    make_user(ctx, "eve")
    sams = _device_cookie(ctx, "sam")
    eves = _device_cookie(ctx, "eve")  # the attacker's own account, on the attacker's browser
    nonce, _, mac = sams.partition(".")
    flipped = mac[:-1] + ("0" if mac[-1] != "0" else "1")
    revoked = _device_cookie(ctx, "sam")
    accounts.change_password(ctx, accounts.find_user(ctx, "sam"), PASSWORD, PASSWORD + "!")
    accounts.change_password(ctx, accounts.find_user(ctx, "sam"), PASSWORD + "!", PASSWORD)
    _fill_throttles(ctx, "sam", HOME)
    for forged in (
        f"{nonce}.{flipped}",
        f"{nonce}x.{mac}",
        f"{nonce}.",
        eves,
        f"{eves.partition('.')[0]}.{mac}",
        revoked,
        "é.é",
    ):
        with attacks.refused(FORGED, AuthenticationError, match="Try again in"):
            accounts.log_in(ctx, "sam", PASSWORD, HOME, device_cookie=forged)


def test_wrong_passwords_on_a_device_cookie_lock_only_that_cookie(ctx) -> None:
    """A stolen (or shared) browser's cookie gets DEVICE_COOKIE_FAILURES guesses, counted on
    that cookie alone: the address and account throttles stay empty, and the owner's other
    browser and the owner's own address are not held back. Then the cookie meets the
    ordinary throttles like any other browser."""
    make_user(ctx, "sam")
    stolen = _device_cookie(ctx, "sam")
    laptop = _device_cookie(ctx, "sam")
    thief = "198.51.100.50"
    for _ in range(accounts.DEVICE_COOKIE_FAILURES):
        with pytest.raises(AuthenticationError, match="do not match"):
            accounts.log_in(ctx, "sam", "guess", thief, device_cookie=stolen)
    with ctx.sessions() as session:
        assert not any(session.scalars(select(LoginThrottle.failures)))
        failures = sorted(session.scalars(select(DeviceCookie.failures)).all())
    assert failures == [0, accounts.DEVICE_COOKIE_FAILURES]
    for _ in range(accounts.FREE_FAILURES):
        with pytest.raises(AuthenticationError, match="do not match"):
            accounts.log_in(ctx, "sam", "guess", thief, device_cookie=stolen)
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, "sam", PASSWORD, thief, device_cookie=stolen)
    assert accounts.log_in(ctx, "sam", PASSWORD, thief, device_cookie=laptop)
    assert accounts.log_in(ctx, "sam", PASSWORD, HOME)


def test_a_right_password_clears_the_cookies_count(ctx) -> None:
    make_user(ctx, "sam")
    cookie = _device_cookie(ctx, "sam")
    for _ in range(3):
        for _ in range(accounts.DEVICE_COOKIE_FAILURES - 1):
            with pytest.raises(AuthenticationError, match="do not match"):
                accounts.log_in(ctx, "sam", "typo", HOME, device_cookie=cookie)
        assert accounts.log_in(ctx, "sam", PASSWORD, HOME, device_cookie=cookie)


def test_each_sign_in_replaces_the_cookie(ctx, clock) -> None:
    """The browser gets a new cookie at each sign-in and the one it showed is revoked: a copy
    stolen before is worth nothing once the owner has signed in again."""
    make_user(ctx, "sam")
    make_user(ctx, "eve")
    old = _device_cookie(ctx, "sam", "10.8.0.1")
    _fill_throttles(ctx, "sam", HOME)
    token = accounts.log_in(ctx, "sam", PASSWORD, HOME, device_cookie=old)
    new = accounts.device_cookie_for(ctx, token, old)
    assert new != old
    with attacks.refused(FORGED, AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, "sam", PASSWORD, HOME, device_cookie=old)
    assert accounts.log_in(ctx, "sam", PASSWORD, HOME, device_cookie=new)
    eves = _device_cookie(ctx, "eve", "10.8.0.3")
    assert accounts.device_cookie_for(ctx, token, eves) not in (eves, new)
    assert accounts.log_in(ctx, "eve", PASSWORD, HOME, device_cookie=eves)  # not eve's to lose
    clock.advance(days=accounts.DEVICE_COOKIE_LIFETIME.days)
    _fill_throttles(ctx, "sam", "10.8.0.2")
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, "sam", PASSWORD, "10.8.0.2", device_cookie=new)  # a year old
    with pytest.raises(AuthenticationError):
        accounts.device_cookie_for(ctx, "not a session", new)
