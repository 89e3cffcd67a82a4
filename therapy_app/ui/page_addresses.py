"""Each page's own address (a bookmark, a reload, a link to /timeline) answered by a page that
tells the browser where the server is.

Left to itself, Streamlit's browser code opened at /timeline first looks for the server at
/timeline/_stcore/health, is refused, waits a fixed 100 ms and tries the root: every deep link
paid that wait before the first byte of the app was asked for.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.responses import HTMLResponse, RedirectResponse
from streamlit.file_util import get_static_dir

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

# A page's own address: one path segment, no file extension, not one of Streamlit's routes.
PAGE_ADDRESS = re.compile(r"/[A-Za-z0-9][\w-]*")
# Each role's first page: Streamlit serves it at the root and knows no page by these names,
# so a bookmark of one (`/checkin`) is sent to the root, where the person's first page is.
CHECK_IN, CLIENTS, AUDIT = "checkin", "clients", "audit"  # app.py's first pages use these
FIRST_PAGES = frozenset(f"/{name}" for name in (CHECK_IN, CLIENTS, AUDIT))
# The server is at the root of the page's address (its directory: the page path's last
# segment is dropped), so Streamlit connects there at once.
SERVER_HERE = (
    "<script>window.__streamlit = "
    "{BACKEND_BASE_URL: new URL('./', document.baseURI).href};</script>"
)


@functools.cache
def page_html() -> str:
    """Streamlit's own index.html, telling its code where the server is."""
    index = (Path(get_static_dir()) / "index.html").read_text(encoding="utf-8")
    return index.replace("<head>", "<head>" + SERVER_HERE, 1)


class PageAddresses:
    """ASGI middleware: a GET of a page's address gets `page_html` (a first page's address is
    sent to the root); anything else (the root, files, Streamlit's routes, the websocket)
    goes on to Streamlit unchanged."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] in ("GET", "HEAD")
            and PAGE_ADDRESS.fullmatch(scope["path"])
        ):
            response = (
                RedirectResponse("./", status_code=307)  # relative: behind a proxy's prefix too
                if scope["path"] in FIRST_PAGES
                else HTMLResponse(page_html(), headers={"Cache-Control": "no-cache"})
            )
            await response(scope, receive, send)
        else:
            await self.app(scope, receive, send)
