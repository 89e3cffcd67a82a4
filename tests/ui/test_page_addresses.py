"""Page addresses are answered with a page that says where the server is; everything else
goes on to Streamlit; `streamlit run` recognises ui/server.py as the app to serve."""

import asyncio
from pathlib import Path

import pytest
from streamlit.file_util import get_static_dir
from streamlit.web.server.app_discovery import discover_asgi_app

from therapy_app.ui import page_addresses
from therapy_app.ui.page_addresses import PageAddresses

SERVER = Path(page_addresses.__file__).with_name("server.py")
STREAMLIT_INDEX = (Path(get_static_dir()) / "index.html").read_text(encoding="utf-8")


def _get(path: str, method: str = "GET", kind: str = "http") -> tuple[str, int, bytes]:
    """Who answered (the middleware or Streamlit behind it), the status and the body."""
    sent: list[dict] = []

    async def streamlit(scope, receive, send) -> None:
        sent.append({"type": "streamlit"})

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": kind, "method": method, "path": path, "headers": [], "query_string": b""}
    asyncio.run(PageAddresses(streamlit)(scope, receive, send))
    if sent[0]["type"] == "streamlit":
        return "streamlit", 0, b""
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return "page", sent[0]["status"], body


@pytest.mark.parametrize("path", ["/timeline", "/make-art", "/settings"])
def test_a_page_address_gets_the_page_that_says_where_the_server_is(path) -> None:
    answered_by, status, body = _get(path)
    assert (answered_by, status) == ("page", 200)
    page = body.decode()
    # Streamlit's own page, with one script first in its head that points at the server
    head = page.index("<head>") + len("<head>")
    added = page[head : page.index("</script>", head) + len("</script>")]
    assert "BACKEND_BASE_URL: new URL('./', document.baseURI)" in added
    assert page.replace(added, "", 1) == STREAMLIT_INDEX
    assert page.index("BACKEND_BASE_URL") < page.index('<script type="module"')


@pytest.mark.parametrize("path", ["/checkin", "/clients", "/audit"])
def test_a_first_pages_address_is_sent_to_the_root_where_streamlit_serves_it(path) -> None:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "GET", "path": path, "headers": [], "query_string": b""}
    asyncio.run(PageAddresses(None)(scope, receive, send))
    assert sent[0]["status"] == 307
    assert (b"location", b"./") in sent[0]["headers"]


@pytest.mark.parametrize(
    ("path", "method", "kind"),
    [
        ("/", "GET", "http"),
        ("/favicon.png", "GET", "http"),
        ("/manifest.json", "GET", "http"),
        ("/_stcore/health", "GET", "http"),
        ("/timeline/_stcore/health", "GET", "http"),
        ("/static/js/index.js", "GET", "http"),
        ("/_stcore/stream", "GET", "websocket"),
        ("/timeline", "POST", "http"),
    ],
)
def test_everything_else_goes_on_to_streamlit(path, method, kind) -> None:
    assert _get(path, method, kind)[0] == "streamlit"


def test_streamlit_run_serves_the_app_in_server_py() -> None:
    found = discover_asgi_app(SERVER)
    assert found.is_asgi_app
    assert found.import_string == "server:app"
