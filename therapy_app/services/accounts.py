"""Accounts: create, log in with throttling, sessions with idle/absolute time-outs."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
import threading
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import func, select

from therapy_app.errors import AuthenticationError, InvalidInputError
from therapy_app.journal import audit
from therapy_app.journal.db import insert_missing
from therapy_app.journal.models import (
    AuthSession,
    DeviceCookie,
    KnownAddress,
    LoginThrottle,
    Role,
    User,
    new_id,
)
from therapy_app.journal.sealed import SealedProfile, username_key
from therapy_app.mood import crisis_lines
from therapy_app.mood.checkin import check_timezone
from therapy_app.services import access
from therapy_app.services.actor import Actor

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from therapy_app.journal.crypto import FieldCipher
    from therapy_app.services.context import AppContext

# OWASP's argon2id baseline: 19 MiB, 2 passes.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# At most this many password hashes run at once: a flood of sign-ins or sign-ups queues
# here and leaves the other half of the processor cores to the app.
ARGON2_SLOTS = max(1, (os.cpu_count() or 2) // 2)
_argon2_slots = threading.BoundedSemaphore(ARGON2_SLOTS)
LOCAL = "local"  # the client address of sign-ins that do not come over the network
FREE_FAILURES = 5
MAX_BACKOFF = timedelta(minutes=15)
# A device cookie stops being trusted after this many wrong passwords in a row on it.
DEVICE_COOKIE_FAILURES = 10
DEVICE_COOKIE_LIFETIME = timedelta(days=365)
IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
TOUCH_INTERVAL = timedelta(seconds=60)
MIN_PASSWORD_CHARS = 8
USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")
SIGNUP_ROLES = (Role.CLIENT, Role.THERAPIST)


def backoff_after(failures: int) -> timedelta:
    """Wait imposed after ``failures`` consecutive failed logins (none for the first five)."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    # the exponent stops growing once the wait has reached the cap: timedelta overflows at 2**52 s
    doublings = min(failures - FREE_FAILURES, int(MAX_BACKOFF.total_seconds()).bit_length())
    return min(MAX_BACKOFF, timedelta(seconds=2**doublings))


def client_network(address: str) -> str:
    """What sign-ins are throttled and known by: the client's address, or for IPv6 its /64,
    the one network a single subscriber gets (a host there can take any of 2**64 addresses,
    so throttling each would throttle nothing)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address  # LOCAL, or "unknown" where the server saw no address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def _hash(password: str) -> str:
    with _argon2_slots:
        return HASHER.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    with _argon2_slots:
        try:
            return HASHER.verify(password_hash, password)
        except VerificationError:
            return False


def has_any_user(ctx: AppContext) -> bool:
    with ctx.sessions() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def normalise_username(username: str) -> str:
    name = username.strip().lower()
    if not 2 <= len(name) <= 64 or not set(name) <= USERNAME_CHARS:
        msg = "Usernames are 2-64 characters: letters, digits, '.', '_' or '-'."
        raise InvalidInputError(msg)
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        msg = f"Choose a password of at least {MIN_PASSWORD_CHARS} characters."
        raise InvalidInputError(msg)


def sign_up(
    ctx: AppContext,
    username: str,
    password: str,
    role: Role = Role.CLIENT,
    display_name: str = "",
    timezone: str = "UTC",
    address: str = LOCAL,
) -> Actor:
    """Self-service account creation (client or therapist; administrators via the CLI).
    Sign-ups are throttled per client address like failed sign-ins (each costs a hash)."""
    if role not in SIGNUP_ROLES:
        msg = "Administrator accounts are created with: therapy-app user add NAME --role admin"
        raise InvalidInputError(msg)
    normalise_username(username)
    _check_password(password)
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        (throttle,) = _throttles(ctx, session, [f"sign-up:{client_network(address)}"])
        wait = _wait([throttle], now)
        if wait is None:
            throttle.failures += 1
            throttle.wait_until = now + backoff_after(throttle.failures)
    if wait is not None:
        seconds = int(wait.total_seconds()) + 1
        msg = f"Too many new accounts from here. Try again in {seconds} seconds."
        raise InvalidInputError(msg)
    return create_user(ctx, username, password, role, display_name, timezone)


def create_user(
    ctx: AppContext,
    username: str,
    password: str,
    role: Role,
    display_name: str = "",
    timezone: str = "UTC",
) -> Actor:
    """Create an account of any role. Callers: sign_up, and the machine owner's CLI."""
    name = normalise_username(username)
    _check_password(password)
    with ctx.unit_of_work(takes_turn=False) as session:
        key = username_key(ctx.cipher, name)
        if session.scalar(select(User).where(User.username_key == key)):
            msg = "That username is taken; choose another."
            raise InvalidInputError(msg)
        user_id = new_id()
        profile = SealedProfile(
            username=name,
            display_name=display_name.strip()[:128] or name,
            role=role.value,
            timezone=check_timezone(timezone),
        )
        user = User(
            id=user_id,
            username_key=key,
            profile_ct=profile.seal(ctx.cipher, user_id),
            password_hash=_hash(password),
        )
        session.add(user)
        session.flush()
        audit.record(
            session,
            ctx.cipher,
            at=ctx.clock(),
            actor_id=user.id,
            action=audit.Action.WRITE,
            object_type="user",
            object_id=user.id,
            subject_id=user.id,
        )
        return Actor.of(user, ctx.cipher)


def log_in(
    ctx: AppContext, username: str, password: str, address: str = LOCAL, device_cookie: str = ""
) -> str:
    """Check the password and return a new session token. Failures are throttled per client
    address (an IPv6 client's /64) and per account name, with the same answers and costs
    whether or not the account exists; an address the account has signed in from before
    skips the account's throttle. A browser that presents a device cookie this account was
    given (see ``device_cookie_for``) skips both: its failures count against that cookie
    alone, which is trusted no more after DEVICE_COOKIE_FAILURES of them.

    A refusal is raised only after its transaction commits, so the counts and the audit
    event are kept.
    """
    now = ctx.clock()
    name = username.strip().lower()
    address = client_network(address)
    with ctx.unit_of_work(takes_turn=False) as session:
        user = session.scalar(
            select(User).where(User.username_key == username_key(ctx.cipher, name))
        )
        address_key = ctx.cipher.fingerprint(f"address:{address}")
        device = _trusted_device(session, ctx.cipher, user, device_cookie, now)
        throttles = [] if device else _address_throttles(ctx, session, user, name, address)
        wait = _wait(throttles, now)
        if wait:
            _audit_login(session, ctx.cipher, now, user, audit.Outcome.DENIED, "throttled")
            refusal = THROTTLED.format(seconds=int(wait.total_seconds()) + 1)
        elif user is not None and _verify(user.password_hash, password):
            refusal = None
            token = _start_session(session, ctx.cipher, user, password, address_key, now)
            for throttle in throttles:
                throttle.failures, throttle.wait_until = 0, None
            if device:
                device.failures, device.last_ok_at = 0, now
        else:
            if user is None:
                _hash(password)  # the same work whether or not the account exists
            for throttle in throttles:
                throttle.failures += 1
                throttle.wait_until = now + backoff_after(throttle.failures)
            if device:
                device.failures += 1
            _audit_login(session, ctx.cipher, now, user, audit.Outcome.FAILED, "wrong password")
            refusal = LOGIN_FAILED
    if refusal is not None:
        raise AuthenticationError(refusal)
    return token


def _address_throttles(
    ctx: AppContext, session: Session, user: User | None, name: str, address: str
) -> list[LoginThrottle]:
    """The throttles of a sign-in without a device cookie: its address's, and the account's
    unless the account has signed in from this address before."""
    address_key = ctx.cipher.fingerprint(f"address:{address}")
    known = user is not None and session.get(KnownAddress, (user.id, address_key)) is not None
    return _throttles(ctx, session, [f"address:{address}"] + ([] if known else [f"account:{name}"]))


def _device_mac(cipher: FieldCipher, user_id: str, nonce: str) -> bytes:
    return cipher.fingerprint(f"device|{user_id}|{nonce}").encode()


def _device_key(cipher: FieldCipher, nonce: str) -> str:
    return cipher.fingerprint(f"device:{nonce}")


def _trusted_device(
    session: Session, cipher: FieldCipher, user: User | None, cookie: str, now: datetime
) -> DeviceCookie | None:
    """The row of a device cookie ``nonce.mac`` if the server's key made it for this account,
    it is not revoked or older than DEVICE_COOKIE_LIFETIME, and it has failed fewer than
    DEVICE_COOKIE_FAILURES times in a row; locked until the transaction ends."""
    nonce, _, mac = cookie.partition(".")
    if user is None or not nonce or not mac.isascii():
        return None
    if not hmac.compare_digest(mac.encode(), _device_mac(cipher, user.id, nonce)):
        return None
    query = select(DeviceCookie).where(DeviceCookie.nonce_key == _device_key(cipher, nonce))
    device = session.scalar(query.with_for_update())
    trusted = (
        device is not None
        and device.user_id == user.id
        and device.failures < DEVICE_COOKIE_FAILURES
        and now - device.created_at < DEVICE_COOKIE_LIFETIME
    )
    return device if trusted else None


def device_cookie_for(ctx: AppContext, token: str, presented: str = "") -> str:
    """A new device cookie for the browser that just started session ``token``: a random
    nonce and its MAC under the server's key (the database keeps only a keyed digest). The
    cookie it presented, if trusted for this account, is revoked, so a copy stolen from the
    browser is worth nothing after the owner's next sign-in there."""
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        record = session.get(AuthSession, _token_hash(token)) if token else None
        if record is None:
            msg = "Your session has ended. Please log in again."
            raise AuthenticationError(msg)
        user = session.get(User, record.user_id)
        replaced = _trusted_device(session, ctx.cipher, user, presented, now)
        if replaced is not None:
            session.delete(replaced)
        nonce = secrets.token_urlsafe(24)
        session.add(
            DeviceCookie(
                nonce_key=_device_key(ctx.cipher, nonce),
                user_id=user.id,
                failures=0,
                created_at=now,
                last_ok_at=now,
            )
        )
        return f"{nonce}.{_device_mac(ctx.cipher, user.id, nonce).decode()}"


LOGIN_FAILED = "That username and password do not match."
THROTTLED = (
    "Too many failed attempts from here or for this account. Try again in {seconds} seconds."
)


def _start_session(
    session: Session,
    cipher: FieldCipher,
    user: User,
    password: str,
    address_key: str,
    now: datetime,
) -> str:
    token = secrets.token_urlsafe(32)
    session.add(
        AuthSession(
            token_hash=_token_hash(token), user_id=user.id, created_at=now, last_seen_at=now
        )
    )
    known = session.get(KnownAddress, (user.id, address_key))
    if known is None:
        session.add(KnownAddress(user_id=user.id, address_key=address_key, last_ok_at=now))
    else:
        known.last_ok_at = now
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _hash(password)
    _audit_login(session, cipher, now, user, audit.Outcome.OK)
    return token


def _audit_login(
    session: Session,
    cipher: FieldCipher,
    now: datetime,
    user: User | None,
    outcome: audit.Outcome,
    reason: str | None = None,
) -> None:
    user_id = user.id if user else None
    audit.record(
        session,
        cipher,
        at=now,
        actor_id=user_id,
        action=audit.Action.LOGIN,
        object_type="user",
        object_id=user_id,
        subject_id=user_id,
        outcome=outcome,
        reason=reason if user else f"{reason} (no such account)",
    )


def _throttles(ctx: AppContext, session: Session, keys: list[str]) -> list[LoginThrottle]:
    """The throttles for these keys, made if missing and locked (``SELECT ... FOR UPDATE``)
    until the transaction ends: parallel attempts queue, each seeing the count left by the
    one before. SQLite's transactions already run one at a time (BEGIN IMMEDIATE)."""
    fingerprints = sorted({ctx.cipher.fingerprint(key) for key in keys})
    insert_missing(
        session, LoginThrottle.__table__, [{"key": key, "failures": 0} for key in fingerprints]
    )
    query = select(LoginThrottle).where(LoginThrottle.key.in_(fingerprints))
    return list(session.scalars(query.order_by(LoginThrottle.key).with_for_update()))


def _wait(throttles: list[LoginThrottle], now: datetime) -> timedelta | None:
    """How long the longest of these throttles still holds attempts back (None: not at all)."""
    until = max((t.wait_until for t in throttles if t.wait_until), default=None)
    return until - now if until and until > now else None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def resume(ctx: AppContext, token: str) -> Actor:
    """The actor behind a session token, if the session is still valid."""
    now = ctx.clock()
    actor = None
    with ctx.unit_of_work() as session:
        record = session.get(AuthSession, _token_hash(token)) if token else None
        if record is not None and _expired(record, now):
            session.delete(record)
        elif record is not None:
            if now - record.last_seen_at >= TOUCH_INTERVAL:
                record.last_seen_at = now
            actor = Actor.of(session.get(User, record.user_id), ctx.cipher)
    if actor is None:
        msg = "Your session has ended. Please log in again."
        raise AuthenticationError(msg)
    return actor


def remembered_value(ctx: AppContext, token: str, browser: str) -> str:
    """The "keep me signed in" cookie's value: the session token bound, with the app's key,
    to the browser it is given to (a random name the browser keeps in another cookie)."""
    return f"{token}.{ctx.cipher.fingerprint(f'remember|{token}|{browser}')}"


def resume_remembered(ctx: AppContext, value: str, browser: str) -> Actor:
    """The actor behind a remembered sign-in, only in the browser it was given to: a token
    planted in another browser is refused."""
    token, _, binding = value.rpartition(".")
    expected = ctx.cipher.fingerprint(f"remember|{token}|{browser}")
    if not (token and browser and hmac.compare_digest(binding.encode(), expected.encode())):
        msg = "Your session has ended. Please log in again."
        raise AuthenticationError(msg)
    return resume(ctx, token)


def _expired(record: AuthSession, now: datetime) -> bool:
    return now - record.last_seen_at > IDLE_TIMEOUT or now - record.created_at > ABSOLUTE_TIMEOUT


def log_out(ctx: AppContext, token: str) -> None:
    with ctx.unit_of_work() as session:
        record = session.get(AuthSession, _token_hash(token))
        if record is not None:
            audit.record(
                session,
                ctx.cipher,
                at=ctx.clock(),
                actor_id=record.user_id,
                action=audit.Action.LOGOUT,
                object_type="user",
                object_id=record.user_id,
                subject_id=record.user_id,
            )
            session.delete(record)


def change_password(ctx: AppContext, actor: Actor, old_password: str, new_password: str) -> None:
    _check_password(new_password)
    with ctx.unit_of_work(takes_turn=False) as session:
        user = _load_self(session, actor)
        if not _verify(user.password_hash, old_password):
            msg = "The current password is not right; nothing was changed."
            raise InvalidInputError(msg)
        user.password_hash = _hash(new_password)
        session.query(AuthSession).filter(AuthSession.user_id == user.id).delete()
        # whoever learnt the old password may have signed in and got a device cookie
        session.query(DeviceCookie).filter(DeviceCookie.user_id == user.id).delete()
        ctx.audit(
            session, actor, audit.Action.WRITE, "password", object_id=user.id, subject_id=user.id
        )


def set_timezone(ctx: AppContext, actor: Actor, timezone: str) -> Actor:
    with ctx.unit_of_work() as session:
        user = _load_self(session, actor)
        profile = SealedProfile.open(ctx.cipher, user.profile_ct, user.id)
        changed = replace(profile, timezone=check_timezone(timezone))
        user.profile_ct = changed.seal(ctx.cipher, user.id)
        ctx.audit(session, actor, audit.Action.WRITE, "user", object_id=user.id, subject_id=user.id)
        return Actor.of(user, ctx.cipher)


def set_country(ctx: AppContext, actor: Actor, code: str) -> Actor:
    """The country whose crisis lines the help box shows ("" for none chosen)."""
    if code and crisis_lines.country(code) is None:
        msg = "Choose a country from the list."
        raise InvalidInputError(msg)
    with ctx.unit_of_work() as session:
        user = _load_self(session, actor)
        profile = SealedProfile.open(ctx.cipher, user.profile_ct, user.id)
        user.profile_ct = replace(profile, country=code).seal(ctx.cipher, user.id)
        ctx.audit(session, actor, audit.Action.WRITE, "user", object_id=user.id, subject_id=user.id)
        return Actor.of(user, ctx.cipher)


def _load_self(session: Session, actor: Actor) -> User:
    user = session.get(User, actor.user_id)
    if user is None:
        access.deny(actor, "write", "user", actor.user_id, reason="account no longer exists")
    return user


def find_user(ctx: AppContext, username: str) -> Actor:
    """The machine owner's CLI acts as the named user (the key file grants it all data)."""
    with ctx.sessions() as session:
        key = username_key(ctx.cipher, username.strip().lower())
        user = session.scalar(select(User).where(User.username_key == key))
        if user is None:
            msg = f"No user named '{username}'. Create one with: therapy-app user add {username}"
            raise InvalidInputError(msg)
        return Actor.of(user, ctx.cipher)
