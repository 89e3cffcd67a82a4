"""Sign-in throttling (OWASP): delays per account and per client address, never a lock-out
of the owner, the same answers for unknown accounts, counts that hold under parallel guesses."""

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from tests.helpers import PASSWORD, make_user
from therapy_app.errors import AuthenticationError, InvalidInputError
from therapy_app.journal.models import LoginThrottle
from therapy_app.services import accounts

HOUR = 3600


def guesses_in_an_hour(ctx, clock, attempt) -> int:
    """Password checks an attacker gets in an hour by trying again the moment each wait
    ends; ``attempt(n)`` makes the n-th try. Returns how many were checked."""
    checked, start, n = 0, clock.now, 0
    while (clock.now - start).total_seconds() < HOUR:
        try:
            attempt(n)
        except AuthenticationError as refused:
            waited = re.search(r"Try again in (\d+) seconds", str(refused))
            if waited:
                clock.advance(seconds=int(waited.group(1)))
                continue
            checked += 1
        n += 1
    return checked


def test_one_address_gets_few_guesses_an_hour(sqlite_ctx, clock) -> None:
    make_user(sqlite_ctx, "sam")

    def attempt(n: int) -> None:
        accounts.log_in(sqlite_ctx, f"user{n}", "guess", "10.0.0.1")

    # 5 free, then waits from 1 s doubling to a 15-minute cap: 17 the first hour, then 4
    assert [guesses_in_an_hour(sqlite_ctx, clock, attempt) for _ in range(2)] == [17, 4]


def test_many_addresses_get_few_guesses_at_one_account(sqlite_ctx, clock) -> None:
    make_user(sqlite_ctx, "sam")

    def attempt(n: int) -> None:
        accounts.log_in(sqlite_ctx, "sam", "guess", f"10.1.{n}.1")

    assert [guesses_in_an_hour(sqlite_ctx, clock, attempt) for _ in range(2)] == [17, 4]


def test_the_owner_is_never_locked_out(ctx, clock) -> None:
    """Guesses from other addresses hold the account back for them, not for the owner at an
    address the owner has signed in from."""
    make_user(ctx, "sam")
    accounts.log_in(ctx, "sam", PASSWORD, "192.168.1.20")
    for n in range(12):
        with pytest.raises(AuthenticationError):
            accounts.log_in(ctx, "sam", "guess", f"10.2.{n}.1")
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(ctx, "sam", PASSWORD, "203.0.113.9")  # a new address waits
    assert accounts.log_in(ctx, "sam", PASSWORD, "192.168.1.20")  # the owner's does not


def test_unknown_accounts_get_the_same_answers_and_work(ctx, clock, monkeypatch) -> None:
    make_user(ctx, "sam")
    work: list[str] = []
    real = accounts.HASHER

    class CountingHasher:
        def hash(self, password: str) -> str:
            work.append("argon2")
            return real.hash(password)

        def verify(self, encoded: str, password: str) -> bool:
            work.append("argon2")
            return real.verify(encoded, password)

    monkeypatch.setattr(accounts, "HASHER", CountingHasher())
    answers: dict[str, list[str]] = {}
    costs: dict[str, int] = {}
    for name, address in (("sam", "10.3.0.1"), ("nobody", "10.3.0.2")):
        work.clear()
        answers[name] = []
        for _ in range(8):
            with pytest.raises(AuthenticationError) as refused:
                accounts.log_in(ctx, name, "guess", address)
            answers[name].append(str(refused.value))
        costs[name] = len(work)
    assert answers["sam"] == answers["nobody"]
    assert costs["sam"] == costs["nobody"] == 5


def test_parallel_guesses_are_all_counted(ctx) -> None:
    """20 wrong guesses at once: the throttle row is locked, so 5 are checked, 15 held back."""
    make_user(ctx, "sam")
    barrier = threading.Barrier(20)

    def guess(_: int) -> str:
        barrier.wait()
        try:
            accounts.log_in(ctx, "sam", "guess", "10.4.0.1")
        except AuthenticationError as refused:
            return str(refused)
        return "signed in"

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(guess, range(20)))
    assert sum("do not match" in answer for answer in answers) == accounts.FREE_FAILURES
    assert sum("Try again in" in answer for answer in answers) == 20 - accounts.FREE_FAILURES
    with ctx.sessions() as session:
        counts = session.scalars(select(LoginThrottle.failures)).all()
    assert sorted(counts) == [accounts.FREE_FAILURES] * 2  # the address and the account


def test_sign_ups_are_throttled_per_address(ctx, clock) -> None:
    for n in range(accounts.FREE_FAILURES):
        accounts.sign_up(ctx, f"new{n}", PASSWORD, address="10.5.0.1")
    with pytest.raises(InvalidInputError, match="Too many new accounts"):
        accounts.sign_up(ctx, "one-more", PASSWORD, address="10.5.0.1")
    accounts.sign_up(ctx, "elsewhere", PASSWORD, address="10.5.0.2")
    clock.advance(seconds=2)
    accounts.sign_up(ctx, "one-more", PASSWORD, address="10.5.0.1")


def test_argon2_runs_in_limited_slots(ctx, monkeypatch) -> None:
    """A flood of sign-ins for unknown accounts cannot take every core."""
    running, most = 0, 0
    lock = threading.Lock()

    class SlowHasher:
        def hash(self, password: str) -> str:
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
            time.sleep(0.05)
            with lock:
                running -= 1
            return "x"

    monkeypatch.setattr(accounts, "HASHER", SlowHasher())

    def guess(n: int) -> None:
        with pytest.raises(AuthenticationError):
            accounts.log_in(ctx, f"nobody{n}", "guess", f"10.6.{n}.1")

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(guess, range(8)))
    assert 1 <= most <= accounts.ARGON2_SLOTS


def test_an_ipv6_network_is_one_address(sqlite_ctx) -> None:
    """A host given a /64 can take a new address for every guess: its network is throttled
    as one address, and an IPv4 address written as IPv6 is that IPv4 address."""
    for n in range(3 * accounts.FREE_FAILURES):
        with pytest.raises(AuthenticationError):
            accounts.log_in(sqlite_ctx, f"user{n}", "guess", f"2001:db8:5:6::{n + 1:x}")
    with pytest.raises(AuthenticationError, match="Try again in"):
        accounts.log_in(sqlite_ctx, "someone", "guess", "2001:db8:5:6:ffff::1")
    with pytest.raises(AuthenticationError, match="do not match"):
        accounts.log_in(sqlite_ctx, "someone", "guess", "2001:db8:5:7::1")  # the next network
    assert accounts.client_network("::ffff:192.0.2.7") == "192.0.2.7"
    assert accounts.client_network("unknown") == "unknown"


def test_sign_ups_from_one_ipv6_network_are_throttled_as_one(ctx) -> None:
    for n in range(accounts.FREE_FAILURES):
        accounts.sign_up(ctx, f"new{n}", PASSWORD, address=f"2001:db8:7::{n + 1:x}")
    with pytest.raises(InvalidInputError, match="Too many new accounts"):
        accounts.sign_up(ctx, "one-more", PASSWORD, address="2001:db8:7::ff")
