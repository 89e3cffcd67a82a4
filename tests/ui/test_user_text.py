"""User text is shown as text on every page, never as Markdown: a title, name, tag or note
holding an image or a link makes no element that a browser would fetch or follow."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, sample_artwork
from tests.ui.conftest import new_app
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.services import accounts, entries, sharing

MARKER = "attacker"
PAYLOAD = f"![i](http://{MARKER}.example/x.png) [go](http://{MARKER}.example/) www.{MARKER}.example"
# Elements whose text Streamlit renders as Markdown, and widget labels (Markdown too).
MARKDOWN_TYPES = {"markdown", "caption", "latex", "title", "header", "subheader"}
MARKDOWN_TYPES |= {"error", "warning", "info", "success", "toast", "exception"}


def _markdown_texts(node) -> list[str]:
    found = []
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            found += _markdown_texts(child)
    if getattr(node, "type", None) in MARKDOWN_TYPES:
        found.append(str(node.value))
    label = getattr(node, "label", None)
    if isinstance(label, str):
        found.append(label)
    return found


def _rendered(at: AppTest) -> list[str]:
    assert not at.exception, at.exception
    return _markdown_texts(at.main) + _markdown_texts(at.sidebar)


def _view_script(module: str) -> None:
    import importlib

    importlib.import_module(f"therapy_app.ui.views.{module}").render()


def _page(ctx, username: str, module: str, state: dict[str, object] | None = None) -> AppTest:
    at = AppTest.from_function(_view_script, args=(module,), default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(ctx, username, PASSWORD)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    return at.run()


@pytest.mark.slow
def test_user_text_is_never_markdown_on_any_page(services_ctx) -> None:
    ctx = services_ctx
    client = accounts.create_user(ctx, "cleo", PASSWORD, Role.CLIENT, PAYLOAD)
    therapist = accounts.create_user(ctx, "theo", PASSWORD, Role.THERAPIST, PAYLOAD)
    entry = entries.check_in(
        ctx,
        client,
        CheckIn(valence=0.2, energy=0.1, tags=(PAYLOAD[:40],), note=PAYLOAD),
        artwork=sample_artwork(PAYLOAD),
    )
    sharing.redeem_invite(
        ctx, client, sharing.create_invite(ctx, therapist), sharing.Scope(True, True, True)
    )
    pages = [
        _page(ctx, "cleo", module)
        for module in ("checkin_view", "art_view", "journal_view", "gallery_view")
        + ("timeline_view", "sharing_view", "settings_view")
    ]
    pages.append(_page(ctx, "cleo", "journal_view", {"journal-open": entry.id}))
    pages.append(_page(ctx, "cleo", "gallery_view", {"gallery-open": entry.artwork_ids[0]}))
    for tab in ("Recent entries", "Timeline"):
        chosen = {"caseload-client": client.user_id, "caseload-tab": tab}
        pages.append(_page(ctx, "theo", "caseload_view", chosen))
    for username in ("cleo", "theo"):  # the whole app, with its sidebar
        at = new_app()
        at.session_state["auth_token"] = accounts.log_in(ctx, username, PASSWORD)
        pages.append(at.run())
    shown = [text for at in pages for text in _rendered(at)]
    assert sum(MARKER in element.value for at in pages for element in at.text) >= 5
    assert [text for text in shown if MARKER in text] == []
