"""Accounts: create, log in with throttling, sessions with idle/absolute time-outs."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import func, select

from therapy_app.errors import AuthenticationError, InvalidInputError
from therapy_app.journal import audit
from therapy_app.journal.models import AuthSession, Role, User
from therapy_app.mood.checkin import check_timezone
from therapy_app.services import access
from therapy_app.services.actor import Actor

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from therapy_app.services.context import AppContext

# OWASP's argon2id baseline: 19 MiB, 2 passes.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
FREE_FAILURES = 5
MAX_BACKOFF = timedelta(minutes=15)
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
) -> Actor:
    """Self-service account creation (client or therapist; administrators via the CLI)."""
    if role not in SIGNUP_ROLES:
        msg = "Administrator accounts are created with: therapy-app user add NAME --role admin"
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
    with ctx.unit_of_work() as session:
        if session.scalar(select(User).where(User.username == name)):
            msg = f"The username '{name}' is taken; choose another."
            raise InvalidInputError(msg)
        user = User(
            username=name,
            display_name=display_name.strip()[:128] or name,
            role=role.value,
            password_hash=HASHER.hash(password),
            timezone=check_timezone(timezone),
            failed_logins=0,
        )
        session.add(user)
        session.flush()
        audit.record(
            session,
            at=ctx.clock(),
            actor_id=user.id,
            action=audit.Action.WRITE,
            object_type="user",
            object_id=user.id,
            subject_id=user.id,
        )
        return Actor.of(user)


def log_in(ctx: AppContext, username: str, password: str) -> str:
    """Check the password and return a new session token. Failures are throttled.

    A refusal is raised only after its transaction commits, so the failure count
    and the audit event are kept.
    """
    now = ctx.clock()
    with ctx.unit_of_work() as session:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            HASHER.hash(password)  # same cost whether or not the account exists
            refusal = LOGIN_FAILED
        else:
            refusal = _attempt_login(session, user, password, now)
        if refusal is None:
            token = secrets.token_urlsafe(32)
            session.add(
                AuthSession(
                    token_hash=_token_hash(token), user_id=user.id, created_at=now, last_seen_at=now
                )
            )
    if refusal is not None:
        raise AuthenticationError(refusal)
    return token


LOGIN_FAILED = "That username and password do not match."


def _attempt_login(session: Session, user: User, password: str, now: datetime) -> str | None:
    """None on success; otherwise the message to show. Records the attempt either way."""

    def log(outcome: audit.Outcome, reason: str | None = None) -> None:
        audit.record(
            session,
            at=now,
            actor_id=user.id,
            action=audit.Action.LOGIN,
            object_type="user",
            object_id=user.id,
            subject_id=user.id,
            outcome=outcome,
            reason=reason,
        )

    if user.locked_until and user.locked_until > now:
        log(audit.Outcome.DENIED, "throttled")
        wait = int((user.locked_until - now).total_seconds()) + 1
        return f"Too many failed attempts. Try again in {wait} seconds."
    try:
        HASHER.verify(user.password_hash, password)
    except VerificationError:
        user.failed_logins += 1
        wait = backoff_after(user.failed_logins)
        user.locked_until = now + wait if wait else None
        log(audit.Outcome.FAILED, "wrong password")
        return LOGIN_FAILED
    user.failed_logins = 0
    user.locked_until = None
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
    log(audit.Outcome.OK)
    return None


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
            actor = Actor.of(session.get(User, record.user_id))
    if actor is None:
        msg = "Your session has ended. Please log in again."
        raise AuthenticationError(msg)
    return actor


def _expired(record: AuthSession, now: datetime) -> bool:
    return now - record.last_seen_at > IDLE_TIMEOUT or now - record.created_at > ABSOLUTE_TIMEOUT


def log_out(ctx: AppContext, token: str) -> None:
    with ctx.unit_of_work() as session:
        record = session.get(AuthSession, _token_hash(token))
        if record is not None:
            audit.record(
                session,
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
    with ctx.unit_of_work() as session:
        user = _load_self(session, actor)
        try:
            HASHER.verify(user.password_hash, old_password)
        except VerificationError:
            msg = "The current password is not right; nothing was changed."
            raise InvalidInputError(msg) from None
        user.password_hash = HASHER.hash(new_password)
        session.query(AuthSession).filter(AuthSession.user_id == user.id).delete()
        ctx.audit(
            session, actor, audit.Action.WRITE, "password", object_id=user.id, subject_id=user.id
        )


def set_timezone(ctx: AppContext, actor: Actor, timezone: str) -> Actor:
    with ctx.unit_of_work() as session:
        user = _load_self(session, actor)
        user.timezone = check_timezone(timezone)
        ctx.audit(session, actor, audit.Action.WRITE, "user", object_id=user.id, subject_id=user.id)
        return Actor.of(user)


def _load_self(session: Session, actor: Actor) -> User:
    user = session.get(User, actor.user_id)
    if user is None:
        access.deny(actor, "write", "user", actor.user_id, reason="account no longer exists")
    return user


def find_user(ctx: AppContext, username: str) -> Actor:
    """The machine owner's CLI acts as the named user (the key file grants it all data)."""
    with ctx.sessions() as session:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            msg = f"No user named '{username}'. Create one with: therapy-app user add {username}"
            raise InvalidInputError(msg)
        return Actor.of(user)
