"""The "keep me signed in" cookie, set by the server: HttpOnly (no page script can read it),
SameSite=Strict, Secure over https, and named with this instance's port (cookies ignore
ports, so two apps on one host would otherwise share it).

The script that logs someone in cannot answer an HTTP request itself. It leaves the cookie's
value here under a one-time code (valid for a minute) and has the page POST that code to
`/_auth/remember`, which answers with the cookie. The value binds the session token to this
browser's own HttpOnly browser cookie (set on its first request), so a token planted from a
page on another port, whose script cannot overwrite that cookie, is refused.

Every sign-in also leaves a device cookie (OWASP's), the same way but lasting a year: it lets
this browser sign in while an attacker keeps the sign-in throttles full (services/accounts).
"""

from __future__ import annotations

import secrets
import threading
import time
from http.cookies import SimpleCookie
from typing import TYPE_CHECKING

import streamlit as st
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.routing import Route

from therapy_app.services import accounts

if TYPE_CHECKING:
    from collections.abc import Mapping

    from starlette.requests import Request
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

HANDOFF_HEADER = "X-Therapy-App-Handoff"
HANDOFF_SECONDS = 60
SIGNIN, DEVICE = "signin", "device"
# How long each cookie lasts (None: until the browser closes).
LIFETIMES = {SIGNIN: None, DEVICE: int(accounts.DEVICE_COOKIE_LIFETIME.total_seconds())}
_handoffs: dict[str, tuple[str, str, float]] = {}
_handoffs_lock = threading.Lock()


def cookie_name(part: str) -> str:
    """This instance's cookie for ``part`` ('signin', 'device' or 'browser')."""
    return f"therapy_app_{st.get_option('server.port')}_{part}"


def set_cookie_header(
    name: str, value: str, secure: bool, forget: bool = False, max_age: int | None = None
) -> str:
    """A Set-Cookie value: HttpOnly, SameSite=Strict, for the whole app, Secure when the
    request came over https; gone when the browser closes unless given a ``max_age``."""
    cookie: SimpleCookie = SimpleCookie()
    cookie[name] = value
    morsel = cookie[name]
    morsel["path"] = "/"
    morsel["httponly"] = True
    morsel["samesite"] = "Strict"
    morsel["secure"] = secure
    if forget:
        morsel["max-age"] = 0
    elif max_age is not None:
        morsel["max-age"] = max_age
    return morsel.OutputString()


def only_cookie(raw_header: str, name: str) -> str | None:
    """The value of cookie ``name`` in a Cookie header, or None if it is missing or sent more
    than once (a second copy can only have been planted, under another path)."""
    values = [
        part.split("=", 1)[1]
        for part in (piece.strip() for piece in raw_header.split(";"))
        if part.startswith(f"{name}=")
    ]
    return values[0] if len(values) == 1 else None


def offer(value: str, part: str = SIGNIN) -> str:
    """Leave a value of cookie ``part`` for the page to collect; returns the one-time code."""
    code = secrets.token_urlsafe(24)
    now = time.monotonic()
    with _handoffs_lock:
        for stale in [c for c, (_, _, until) in _handoffs.items() if until < now]:
            del _handoffs[stale]
        _handoffs[code] = (part, value, now + HANDOFF_SECONDS)
    return code


def _take(code: str) -> tuple[str, str] | None:
    """The (part, value) left under ``code``, once and within its minute."""
    with _handoffs_lock:
        part, value, until = _handoffs.pop(code, ("", "", 0.0))
    return (part, value) if value and until >= time.monotonic() else None


def _is_https(scope: Mapping[str, object]) -> bool:
    return scope.get("scheme") in ("https", "wss")


async def _remember(request: Request) -> Response:
    handed = _take(request.headers.get(HANDOFF_HEADER, ""))
    if handed is None:
        return Response("That code is unknown or used.", status_code=403)
    part, value = handed
    secure = _is_https(request.scope)
    header = set_cookie_header(cookie_name(part), value, secure, max_age=LIFETIMES[part])
    return Response(status_code=204, headers={"Set-Cookie": header})


async def _forget(request: Request) -> Response:
    header = set_cookie_header(cookie_name(SIGNIN), "", _is_https(request.scope), forget=True)
    return Response(status_code=204, headers={"Set-Cookie": header})


ROUTES = [
    Route("/_auth/remember", _remember, methods=["POST"]),
    Route("/_auth/forget", _forget, methods=["POST"]),
]


class BrowserCookie:
    """ASGI middleware: a browser's first request gets its HttpOnly browser cookie, a random
    name for this browser that page scripts can neither read nor replace."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        name = cookie_name("browser")
        raw = dict(scope.get("headers", [])).get(b"cookie", b"").decode("latin-1")
        if scope["type"] != "http" or only_cookie(raw, name):
            await self.app(scope, receive, send)
            return
        header = set_cookie_header(name, secrets.token_urlsafe(32), _is_https(scope))

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("Set-Cookie", header)
            await send(message)

        await self.app(scope, receive, send_with_cookie)
