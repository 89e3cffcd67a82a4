"""User text is shown as text on every page, never as Markdown: a title, name, tag or note
holding an image or a link makes no element that a browser would fetch or follow."""

import pytest
from streamlit.testing.v1 import AppTest

from tests import attacks
from tests.helpers import PASSWORD, sample_artwork
from tests.ui.conftest import new_app
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.safety_plan import SafetyPlan
from therapy_app.mood.session_plan import plan_from_directive
from therapy_app.services import accounts, entries, review, safety_plans, sessions, sharing
from therapy_app.ui import widgets

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


def _page(ctx, username: str, module: str, opened: dict[str, str] | None = None) -> AppTest:
    """The page of ``module``; ``opened`` {key: id} shows that item as its address would."""
    at = AppTest.from_function(_view_script, args=(module,), default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(ctx, username, PASSWORD)
    for key, item_id in (opened or {}).items():
        at.session_state[key] = item_id
        at.query_params[widgets.OPENED_PARAM] = item_id
    return at.run()


def _session_answered(ctx, therapist, client) -> str:
    """A guided session whose reflection answers are the payload, done to its end."""
    planned = sessions.create_plan(
        ctx, therapist, client.user_id, plan_from_directive("safe-place")
    )
    sessions.check_in_step(ctx, client, planned.id, 0, CheckIn(valence=0.1, energy=0.0))
    sessions.art_step(ctx, client, planned.id, 1, None)
    sessions.reflection_step(ctx, client, planned.id, 2, PAYLOAD)
    sessions.reflection_step(ctx, client, planned.id, 3, PAYLOAD)
    sessions.check_in_step(ctx, client, planned.id, 4, CheckIn(valence=0.2, energy=0.0))
    return planned.id


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
    session_id = _session_answered(ctx, therapist, client)
    safety_plans.save_safety_plan(ctx, client, SafetyPlan(warning_signs=(PAYLOAD,)))
    review.save_note(
        ctx, therapist, client.user_id, review.DapNote(PAYLOAD, PAYLOAD, PAYLOAD, session_id)
    )
    pages = [
        _page(ctx, "cleo", module)
        for module in ("checkin_view", "art_view", "journal_view", "gallery_view")
        + ("timeline_view", "sharing_view", "settings_view")
    ]
    pages.append(_page(ctx, "cleo", "journal_view", {"journal-open": entry.id}))
    pages.append(_page(ctx, "cleo", "gallery_view", {"gallery-open": entry.artwork_ids[0]}))
    pages.append(_page(ctx, "cleo", "safety_plan_view"))
    pages.append(_page(ctx, "cleo", "sessions_view", {"session-open": session_id}))
    for tab in ("Recent entries", "Timeline", "Overview", "Sessions", "Notes"):
        chosen = {"caseload-client": client.user_id, "caseload-tab": tab}
        pages.append(_page(ctx, "theo", "caseload_view", chosen))
    for username in ("cleo", "theo"):  # the whole app, with its sidebar
        at = new_app()
        at.session_state["auth_token"] = accounts.log_in(ctx, username, PASSWORD)
        pages.append(at.run())
    shown = [text for at in pages for text in _rendered(at)]
    assert sum(MARKER in element.value for at in pages for element in at.text) >= 5
    as_markup = [text for text in shown if MARKER in text]
    attacks.record(
        "user text shown as Markdown (one page with every payload)", len(pages), len(as_markup)
    )
    assert as_markup == []
