"""The server sets the sign-in cookie: HttpOnly, SameSite=Strict, Secure over https, named
with the port, only for a one-time code; every browser gets its own HttpOnly browser cookie."""

import asyncio

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from therapy_app.ui import sign_in_cookie
from therapy_app.ui.sign_in_cookie import HANDOFF_HEADER, cookie_name, offer, only_cookie


def _page(_request) -> PlainTextResponse:
    return PlainTextResponse("page")


APP = Starlette(
    routes=[*sign_in_cookie.ROUTES, Route("/", _page)],
    middleware=[Middleware(sign_in_cookie.BrowserCookie)],
)


def _request(method: str, path: str, headers: dict[str, str], scheme: str = "http"):
    """(status, Set-Cookie headers) of one request to the app."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": scheme,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8501),
    }
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(APP(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    cookies = [v.decode() for k, v in start["headers"] if k == b"set-cookie"]
    return start["status"], cookies


def test_the_name_holds_the_port() -> None:
    assert cookie_name("signin") == "therapy_app_8501_signin"


def test_first_request_gets_an_httponly_browser_cookie() -> None:
    status, cookies = _request("GET", "/", {})
    assert status == 200
    (cookie,) = cookies
    assert cookie.startswith(f"{cookie_name('browser')}=")
    for attribute in ("HttpOnly", "SameSite=Strict", "Path=/"):
        assert attribute in cookie
    assert "Secure" not in cookie and "expires" not in cookie.lower()
    assert _request("GET", "/", {"Cookie": cookie.split(";")[0]})[1] == []
    assert "Secure" in _request("GET", "/", {}, scheme="https")[1][0]


def test_the_sign_in_cookie_is_set_only_for_a_fresh_code() -> None:
    code = offer("token.binding")
    status, cookies = _request("POST", "/_auth/remember", {HANDOFF_HEADER: code}, "https")
    assert status == 204
    (cookie,) = [c for c in cookies if "signin" in c]
    assert cookie.startswith(f"{cookie_name('signin')}=token.binding;")
    for attribute in ("HttpOnly", "SameSite=Strict", "Secure", "Path=/"):
        assert attribute in cookie
    status, cookies = _request("POST", "/_auth/remember", {HANDOFF_HEADER: code})
    assert status == 403 and not [c for c in cookies if "signin" in c]  # used once only
    assert _request("GET", "/_auth/remember", {HANDOFF_HEADER: offer("x")})[0] == 405


def test_forgetting_deletes_the_cookie() -> None:
    status, cookies = _request("POST", "/_auth/forget", {})
    assert status == 204
    assert any(c.startswith(f"{cookie_name('signin')}=") and "Max-Age=0" in c for c in cookies)


def test_a_second_copy_of_a_cookie_is_refused() -> None:
    assert only_cookie("a=1; b=2", "a") == "1"
    assert only_cookie("a=1; b=2; a=3", "a") is None
    assert only_cookie("ab=1", "a") is None


def test_the_device_cookie_lasts_a_year_and_is_httponly() -> None:
    code = offer("nonce.mac", sign_in_cookie.DEVICE)
    status, cookies = _request("POST", "/_auth/remember", {HANDOFF_HEADER: code}, "https")
    assert status == 204
    (cookie,) = [c for c in cookies if "device" in c]
    assert cookie.startswith(f"{cookie_name('device')}=nonce.mac;")
    for attribute in ("HttpOnly", "SameSite=Strict", "Secure", "Path=/", "Max-Age=31536000"):
        assert attribute in cookie
    status, cookies = _request("POST", "/_auth/forget", {})
    assert not [c for c in cookies if "device" in c]  # signing out keeps the device known
