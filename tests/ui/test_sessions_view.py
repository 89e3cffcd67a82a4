"""The Sessions page: a client does a session step by step, a new visit continues where
they left off, PHQ-9 item 9 above zero shows support at once, and a clearly worse ending
offers grounding and the safety plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, make_user
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.measures import ITEMS, Measure
from therapy_app.mood.session_plan import FlagKind, plan_from_directive
from therapy_app.services import accounts, sessions, sharing

if TYPE_CHECKING:
    from therapy_app.services.context import AppContext


def _sessions_page() -> None:
    from therapy_app.ui.views import sessions_view

    sessions_view.render()


def _planned(ctx: AppContext) -> str:
    therapist = make_user(ctx, "dr_lee", Role.THERAPIST)
    client = make_user(ctx, "robin")
    sharing.redeem_invite(ctx, client, sharing.create_invite(ctx, therapist), sharing.Scope())
    plan = plan_from_directive("safe-place", (Measure.PHQ9, Measure.GAD7), homework=True)
    return sessions.create_plan(ctx, therapist, client.user_id, plan).id


def _visit(ctx: AppContext) -> AppTest:
    """A new browser session of the client's, on the Sessions page."""
    at = AppTest.from_function(_sessions_page, default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(ctx, "robin", PASSWORD)
    return at.run()


def test_a_session_is_done_step_by_step_and_continued_on_a_new_visit(services_ctx) -> None:
    session_id = _planned(services_ctx)
    at = _visit(services_ctx)
    assert not at.exception
    at.button(key=f"session-go-{session_id}").click().run()
    key = f"session-{session_id}-0"
    at.slider(key=f"{key}-valence").set_value(0.3)
    at.button(key=f"{key}-save").click().run()
    assert not at.exception
    assert "Step 2 of" in at.get("progress")[0].proto.text

    later = _visit(services_ctx)  # the browser was closed: a new session of the app
    assert later.button(key=f"session-go-{session_id}").label == "Continue"
    later.button(key=f"session-go-{session_id}").click().run()
    assert "Step 2 of" in later.get("progress")[0].proto.text
    later.button(key=f"session-{session_id}-1-skip").click().run()  # the picture
    later.text_area(key=f"session-{session_id}-2-answer").input("The sound of the sea").run()
    later.button(key=f"session-{session_id}-2-save").click().run()
    later.button(key=f"session-{session_id}-3-skip").click().run()
    assert not later.exception

    phq = f"session-{session_id}-4"
    assert not _shows_support(later)
    later.radio(key=f"{phq}-q8").set_value(1).run()
    assert _shows_support(later)
    client = accounts.find_user(services_ctx, "robin")
    flagged = sessions.get_session(services_ctx, client, session_id)  # at once, before saving
    assert [flag.kind for flag in flagged.flags] == [FlagKind.PHQ9_ITEM9]
    assert flagged.next_index == 4
    for n in range(len(ITEMS[Measure.PHQ9]) - 1):
        later.radio(key=f"{phq}-q{n}").set_value(0)
    later.button(key=f"{phq}-save").click().run()
    assert not later.exception
    (view,) = sessions.list_sessions(services_ctx, client)
    assert [flag.kind for flag in view.flags] == [FlagKind.PHQ9_ITEM9]  # raised once
    assert view.measures[0].score.total == 1

    later.button(key=f"session-{session_id}-5-skip").click().run()  # GAD-7 is optional
    after = f"session-{session_id}-6"
    later.slider(key=f"{after}-valence").set_value(-0.5)
    later.button(key=f"{after}-save").click().run()
    assert not later.exception
    assert any("complete" in s.value for s in later.success)
    texts = " ".join(t.value for t in later.text)
    assert "0.8 lower at the end than at the start" in texts
    assert "not what caused it" in texts
    assert "The sound of the sea" in texts
    assert "a minute to land" in " ".join(m.value for m in later.markdown)


def _shows_support(at: AppTest) -> bool:
    return any("carry this alone" in m.value for m in at.markdown)


def test_the_support_box_stays_away_while_item_9_is_zero(services_ctx) -> None:
    session_id = _planned(services_ctx)
    client = accounts.find_user(services_ctx, "robin")
    sessions.check_in_step(
        services_ctx, client, session_id, 0, CheckIn(valence=0.2, energy=0.0, control=0.0)
    )
    sessions.art_step(services_ctx, client, session_id, 1, None)
    sessions.reflection_step(services_ctx, client, session_id, 2, "")
    sessions.reflection_step(services_ctx, client, session_id, 3, "")
    at = _visit(services_ctx)
    at.button(key=f"session-go-{session_id}").click().run()
    at.radio(key=f"session-{session_id}-4-q8").set_value(0).run()
    assert not _shows_support(at)
    at.button(key=f"session-{session_id}-4-save").click().run()
    assert any("Answer each question" in w.value for w in at.warning)
    assert sessions.get_session(services_ctx, client, session_id).next_index == 4


def test_no_sessions_says_where_they_come_from(services_ctx) -> None:
    make_user(services_ctx, "robin")
    at = _visit(services_ctx)
    assert any("No sessions yet" in i.value for i in at.info)
