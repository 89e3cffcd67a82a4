"""Guided sessions on SQLite and PostgreSQL: planning needs consent, the client does the
steps in order and resumes where they left off, flags are raised, and nobody else reads it."""

from __future__ import annotations

import gzip
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from tests.helpers import make_user, sample_artwork
from therapy_app.errors import AccessDeniedError, InvalidInputError
from therapy_app.journal import audit
from therapy_app.journal.models import Entry, Role, SessionStatus, TherapySession
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.measures import Measure
from therapy_app.mood.safety_plan import SafetyPlan
from therapy_app.mood.session_plan import FlagKind, StepKind, plan_from_directive
from therapy_app.services import backup, entries, safety_plans, sessions, sharing

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

PLAN = plan_from_directive("safe-place", (Measure.PHQ9, Measure.GAD7))


def _linked(ctx: AppContext, scope: sharing.Scope | None = None) -> tuple[Actor, Actor]:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = make_user(ctx, "sam")
    code = sharing.create_invite(ctx, therapist)
    sharing.redeem_invite(ctx, client, code, scope or sharing.Scope(True, True, True))
    return therapist, client


def _planned_session(
    ctx: AppContext, scope: sharing.Scope | None = None
) -> tuple[Actor, Actor, sessions.SessionView]:
    """A linked therapist and client, and a session of PLAN the therapist planned for them."""
    therapist, client = _linked(ctx, scope)
    return therapist, client, sessions.create_plan(ctx, therapist, client.user_id, PLAN)


def _mood(valence: float, control: float = 0.0) -> CheckIn:
    return CheckIn(valence=valence, energy=0.0, control=control)


def _walk_to_end(ctx: AppContext, client: Actor, session_id: str, after: float) -> None:
    """From wherever the session is, each remaining step done; PHQ-9 item 9 answered 1."""
    view = sessions.get_session(ctx, client, session_id)
    while view.next_index is not None:
        index = view.next_index
        step = view.plan.steps[index]
        if step.kind is StepKind.CHECK_IN_BEFORE:
            view = sessions.check_in_step(ctx, client, session_id, index, _mood(0.2))
        elif step.kind is StepKind.ART:
            view = sessions.art_step(ctx, client, session_id, index, sample_artwork("calm"))
        elif step.kind is StepKind.REFLECTION:
            view = sessions.reflection_step(ctx, client, session_id, index, "the sea")
        elif step.kind is StepKind.MEASURE:
            answers = (1,) * 8 + (1,) if step.measure is Measure.PHQ9 else (2,) * 7
            view = sessions.measure_step(ctx, client, session_id, index, answers)
        else:
            view = sessions.check_in_step(ctx, client, session_id, index, _mood(after))


def test_a_session_is_resumed_where_it_was_left(ctx: AppContext) -> None:
    therapist, client, planned = _planned_session(ctx)
    assert planned.status is SessionStatus.PLANNED
    assert planned.next_index == 0
    sessions.check_in_step(ctx, client, planned.id, 0, _mood(0.2))
    sessions.art_step(ctx, client, planned.id, 1, sample_artwork("calm"))
    # the browser closes; a new visit reads the session back from the database
    (resumed,) = sessions.list_sessions(ctx, client)
    assert resumed.status is SessionStatus.IN_PROGRESS
    assert resumed.status.in_words == "under way"  # what the review page and the report say
    assert resumed.next_index == 2
    assert resumed.before is not None
    assert len(resumed.artwork_ids) == 1
    with pytest.raises(InvalidInputError, match="not the next one"):
        sessions.reflection_step(ctx, client, planned.id, 3, "out of order")
    _walk_to_end(ctx, client, planned.id, after=0.3)
    done = sessions.get_session(ctx, client, planned.id)
    assert done.status is SessionStatus.COMPLETED
    assert done.completed_at is not None
    assert done.change is not None
    assert done.change.valence == pytest.approx(0.1)
    assert set(done.answers.values()) == {"the sea"}
    assert [m.score.total for m in done.measures] == [9, 14]
    assert [m.score.band for m in done.measures] == ["mild", "moderate"]
    assert [f.kind for f in done.flags] == [FlagKind.PHQ9_ITEM9]
    with pytest.raises(InvalidInputError, match="complete"):
        sessions.reflection_step(ctx, client, planned.id, 2, "again")


def test_check_ins_are_entries_and_the_pictures_are_stored_with_the_first(
    ctx: AppContext,
) -> None:
    therapist, client, planned = _planned_session(ctx)
    _walk_to_end(ctx, client, planned.id, after=0.2)
    done = sessions.get_session(ctx, client, planned.id)
    with ctx.sessions() as db:
        assert db.scalar(select(func.count()).select_from(Entry)) == 2
    assert done.entry_id == done.progress.records[0].entry_id


def test_a_clearly_worse_after_raises_a_flag_for_the_therapist(ctx: AppContext) -> None:
    therapist, client, planned = _planned_session(ctx)
    _walk_to_end(ctx, client, planned.id, after=-0.5)
    (seen,) = sessions.list_sessions(ctx, therapist, client.user_id)
    assert {f.kind for f in seen.flags} == {FlagKind.PHQ9_ITEM9, FlagKind.MOOD_WORSE}
    assert seen.ended_clearly_worse
    assert sessions.flag_id(seen.id, FlagKind.MOOD_WORSE) == f"{seen.id}:mood-worse"


def test_a_therapist_without_consent_cannot_plan(ctx: AppContext) -> None:
    _, client = _linked(ctx)
    stranger = make_user(ctx, "kim", Role.THERAPIST)
    with pytest.raises(AccessDeniedError):
        sessions.create_plan(ctx, stranger, client.user_id, PLAN)
    with pytest.raises(AccessDeniedError):
        sessions.create_plan(ctx, client, client.user_id, PLAN)
    with ctx.sessions() as db:
        assert db.scalar(select(func.count()).select_from(TherapySession)) == 0
        refused = sum(e.outcome == "denied" for e in audit.events(db, ctx.cipher))
    assert refused == 2


def test_after_revoking_the_therapist_can_neither_plan_nor_read(ctx: AppContext) -> None:
    therapist, client, planned = _planned_session(ctx)
    (link,) = sharing.my_links(ctx, client)
    sharing.revoke(ctx, client, link.id)
    for call in (
        lambda: sessions.create_plan(ctx, therapist, client.user_id, PLAN),
        lambda: sessions.list_sessions(ctx, therapist, client.user_id),
        lambda: sessions.get_session(ctx, therapist, planned.id),
    ):
        with pytest.raises(AccessDeniedError):
            call()
    assert sessions.get_session(ctx, client, planned.id).id == planned.id


def test_another_client_can_neither_read_nor_do_a_session(ctx: AppContext) -> None:
    therapist, client = _linked(ctx)
    other = make_user(ctx, "max")
    planned = sessions.create_plan(ctx, therapist, client.user_id, PLAN)
    with pytest.raises(AccessDeniedError):
        sessions.get_session(ctx, other, planned.id)
    with pytest.raises(AccessDeniedError):
        sessions.check_in_step(ctx, other, planned.id, 0, _mood(0.1))
    with pytest.raises(AccessDeniedError):
        sessions.list_sessions(ctx, other, client.user_id)
    with pytest.raises(AccessDeniedError):
        sessions.check_in_step(ctx, therapist, planned.id, 0, _mood(0.1))
    assert sessions.list_sessions(ctx, other) == []
    assert sessions.get_session(ctx, client, planned.id).next_index == 0


def test_the_therapist_sees_the_work_made_in_sessions_only_within_the_scope(
    ctx: AppContext,
) -> None:
    therapist, client, planned = _planned_session(ctx, sharing.Scope.sessions_only())
    _walk_to_end(ctx, client, planned.id, after=0.2)
    (seen,) = sessions.list_sessions(ctx, therapist, client.user_id)
    assert seen.answers and seen.artwork_ids
    assert [m.score.total for m in seen.measures] == [9, 14]
    (link,) = sharing.my_links(ctx, client)
    sharing.update_scope(ctx, client, link.id, sharing.Scope(True, True, True, sessions=False))
    with pytest.raises(AccessDeniedError):
        sessions.list_sessions(ctx, therapist, client.user_id)
    (own,) = sessions.list_sessions(ctx, client)
    assert own.answers and own.artwork_ids


def test_another_therapist_of_the_same_client_sees_only_their_own_plans(
    ctx: AppContext,
) -> None:
    therapist, client = _linked(ctx)
    second = make_user(ctx, "ria", Role.THERAPIST)
    sharing.redeem_invite(ctx, client, sharing.create_invite(ctx, second), sharing.Scope())
    sessions.create_plan(ctx, therapist, client.user_id, PLAN)
    assert sessions.list_sessions(ctx, second, client.user_id) == []
    assert len(sessions.list_sessions(ctx, client)) == 1


def test_bad_measure_answers_change_nothing(ctx: AppContext) -> None:
    therapist, client, planned = _planned_session(ctx)
    view = sessions.check_in_step(ctx, client, planned.id, 0, _mood(0.2))
    while view.plan.steps[view.next_index].kind is not StepKind.MEASURE:
        view = (
            sessions.art_step(ctx, client, planned.id, view.next_index, None)
            if (view.plan.steps[view.next_index].kind is StepKind.ART)
            else sessions.reflection_step(ctx, client, planned.id, view.next_index, "")
        )
    index = view.next_index
    with pytest.raises(InvalidInputError):
        sessions.measure_step(ctx, client, planned.id, index, (4,) * 9)
    assert sessions.get_session(ctx, client, planned.id).next_index == index


def test_the_baseline_is_the_weeks_before_without_the_sessions_own_check_ins(
    ctx: AppContext, clock
) -> None:
    therapist, client, planned = _planned_session(ctx)
    sessions.check_in_step(ctx, client, planned.id, 0, _mood(0.9))
    assert sessions.get_session(ctx, client, planned.id).baseline is None  # no history

    second = sessions.create_plan(ctx, therapist, client.user_id, PLAN)
    clock.advance(days=40)
    entries.check_in(ctx, client, _mood(-0.2))  # within the four weeks before
    clock.advance(days=1)
    entries.check_in(ctx, client, _mood(0.4))
    clock.advance(hours=1)
    view = sessions.check_in_step(ctx, client, second.id, 0, _mood(-0.8))
    assert view.baseline.valence == pytest.approx(0.1)  # not the 0.9 of 41 days ago


def test_a_stolen_file_and_backup_hold_no_session_or_safety_plan_canary(
    sqlite_ctx: AppContext, tmp_path
) -> None:
    therapist, client, planned = _planned_session(sqlite_ctx)
    sessions.check_in_step(sqlite_ctx, client, planned.id, 0, _mood(0.2))
    sessions.art_step(sqlite_ctx, client, planned.id, 1, None)
    sessions.reflection_step(sqlite_ctx, client, planned.id, 2, "ANSWER-CANARY")
    plan = SafetyPlan(warning_signs=("PLAN-CANARY",))
    safety_plans.save_safety_plan(sqlite_ctx, client, plan)
    out = tmp_path / "backup.json.gz"
    backup.backup(sqlite_ctx, out)
    database = b"".join(p.read_bytes() for p in tmp_path.glob("journal.db*"))
    for raw in (database, gzip.decompress(out.read_bytes())):
        for plain in (b"ANSWER-CANARY", b"PLAN-CANARY", b"safe-place", b"A safe place"):
            assert plain not in raw, plain


def test_phq9_item_9_flags_at_once_only_at_the_phq9_and_only_once(ctx: AppContext) -> None:
    therapist, client, planned = _planned_session(ctx)
    with pytest.raises(InvalidInputError):
        sessions.raise_safety_flag(ctx, client, planned.id, 4)  # not the next step yet
    sessions.check_in_step(ctx, client, planned.id, 0, _mood(0.2))
    sessions.art_step(ctx, client, planned.id, 1, None)
    sessions.reflection_step(ctx, client, planned.id, 2, "")
    sessions.reflection_step(ctx, client, planned.id, 3, "")
    with pytest.raises(AccessDeniedError):
        sessions.raise_safety_flag(ctx, therapist, planned.id, 4)
    sessions.raise_safety_flag(ctx, client, planned.id, 4)
    sessions.raise_safety_flag(ctx, client, planned.id, 4)
    view = sessions.measure_step(ctx, client, planned.id, 4, (0,) * 8 + (2,))
    assert [flag.kind for flag in view.flags] == [FlagKind.PHQ9_ITEM9]
    with pytest.raises(InvalidInputError, match="ninth question"):
        sessions.raise_safety_flag(ctx, client, planned.id, 5)  # the GAD-7


def test_a_deleted_first_check_in_leaves_the_session_whole(ctx: AppContext) -> None:
    therapist, client, planned = _planned_session(ctx)
    view = sessions.check_in_step(ctx, client, planned.id, 0, _mood(0.2))
    two_pictures = plan_from_directive("tension-release")
    second = sessions.create_plan(ctx, therapist, client.user_id, two_pictures)
    sessions.check_in_step(ctx, client, second.id, 0, _mood(0.2))
    sessions.art_step(ctx, client, second.id, 1, sample_artwork())
    entries.delete_entry(ctx, client, view.entry_id)
    with pytest.raises(InvalidInputError, match="has been deleted"):
        sessions.art_step(ctx, client, planned.id, 1, sample_artwork())
    assert sessions.art_step(ctx, client, planned.id, 1, None).next_index == 2
    first_entry = sessions.get_session(ctx, client, second.id).entry_id
    entries.delete_entry(ctx, client, first_entry)  # its picture goes with it
    assert sessions.get_session(ctx, client, second.id).artwork_ids == ()
