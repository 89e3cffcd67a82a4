"""Every service function the therapist side uses, called by three users (the client, the
consented therapist, an unrelated therapist) with real and forged ids of every kind.

The unrelated therapist is always refused; so is the consented one outside the scope, after
revocation and after the end date, and with another client's ids. Every refusal of access is
audited and changes no data. A forged id that names nothing may also be answered "not found"
(there is no one's data to refuse), and a listing may leave out what is not shared (an
empty answer, as an entry read under the mood part shows no note). The test counts the
calls, the forged ones among them and those that got through (must be 0), and prints them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

import pandas as pd
import pytest
import sqlalchemy as sa

from tests import attacks
from tests.helpers import (
    drawn_layer,
    make_user,
    reviewed_client,
    sample_artwork,
    takes_an_id,
    use_case_parameters,
)
from therapy_app.errors import AccessDeniedError, InvalidInputError, NotFoundError
from therapy_app.journal import audit
from therapy_app.journal.models import Base, DraftKind, Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.measures import Measure
from therapy_app.mood.safety_plan import SafetyPlan
from therapy_app.mood.session_plan import FlagKind, plan_from_directive
from therapy_app.services import (
    artworks,
    bulk_art,
    drafts,
    entries,
    insights,
    reports,
    review,
    safety_plans,
    sessions,
    sharing,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext


@dataclass(frozen=True)
class Ids:
    client: str
    entry: str
    artwork: str  # a journal picture
    session: str
    session_artwork: str  # a picture made in that session
    flag: str
    planned: str  # a session planned for the client, not yet begun
    link: str  # the client's sharing link with the therapist
    bare: str  # an entry without a picture


ATTACK = "another person's data through a service call"
# before, art, two reflections, PHQ-9 (step 4), after
PLANNED = plan_from_directive("safe-place", (Measure.PHQ9,))


def _on_the_client(
    use_case: Callable[[AppContext, Actor, str], object], part: str | None
) -> tuple[Callable[[AppContext, Actor, Ids], object], str | None, str]:
    """A call of a use case that takes the client's id alone."""
    return (lambda c, a, i: use_case(c, a, i.client), part, "client")


# each call: the part of the consent it needs (None: any consent in force), the ids it takes
CALLS: dict[str, tuple[Callable[[AppContext, Actor, Ids], object], str | None, str]] = {
    "review.client_page": _on_the_client(review.client_page, None),
    "review.acknowledge_flag": (
        lambda c, a, i: review.acknowledge_flag(c, a, i.client, i.flag),
        None,
        "client flag",
    ),
    "review.dap_prefill": (
        lambda c, a, i: review.dap_prefill(c, a, i.session),
        "sessions",
        "session",
    ),
    "review.save_note": (
        lambda c, a, i: review.save_note(c, a, i.client, review.DapNote("d", "a", "p", i.session)),
        None,
        "client session",
    ),
    "review.session_picture": (
        lambda c, a, i: review.session_picture(c, a, i.session, i.session_artwork),
        "sessions",
        "session session_artwork",
    ),
    "reports.report_document": _on_the_client(reports.report_document, None),
    "reports.client_report": _on_the_client(reports.client_report, None),
    "sessions.create_plan": (
        lambda c, a, i: sessions.create_plan(c, a, i.client, plan_from_directive("bridge", ())),
        "sessions",
        "client",
    ),
    "sessions.list_sessions": _on_the_client(sessions.list_sessions, "sessions"),
    "sessions.get_session": (
        lambda c, a, i: sessions.get_session(c, a, i.session),
        "sessions",
        "session",
    ),
    "entries.get_entry": (lambda c, a, i: entries.get_entry(c, a, i.entry), "mood", "entry"),
    "entries.list_entries": (
        lambda c, a, i: entries.list_entries(c, a, owner_id=i.client),
        "mood",
        "client",
    ),
    "entries.note_excerpts": (lambda c, a, i: _excerpts(c, a, i), "notes", "entry"),
    "entries.tag_usage": _on_the_client(entries.tag_usage, "mood"),
    "artworks.list_artworks": _on_the_client(artworks.list_artworks, "art"),
    "artworks.get_artwork": (
        lambda c, a, i: artworks.get_artwork(c, a, i.artwork),
        "art",
        "artwork",
    ),
    "artworks.entry_thumbnails": (lambda c, a, i: _thumbnails(c, a, i), "art", "entry"),
    "artworks.entry_pictures": (lambda c, a, i: _pictures(c, a, i), "art", "entry"),
    "insights.journal_insights": _on_the_client(insights.journal_insights, "mood"),
    "insights.window": (lambda c, a, i: _window(c, a, i), "mood", "client entry"),
    "artworks.artwork_page": _on_the_client(artworks.artwork_page, "art"),
}
# What only the client does with their own data: anyone else is refused, the consented
# therapist too, whatever the scope. Each call is one the client could make with these ids.
OWNER_ONLY: dict[str, tuple[Callable[[AppContext, Actor, Ids], object], str]] = {
    "sessions.check_in_step": (
        lambda c, a, i: sessions.check_in_step(c, a, i.planned, 0, CheckIn(valence=0.1)),
        "planned",
    ),
    "sessions.art_step": (lambda c, a, i: sessions.art_step(c, a, i.planned, 1, None), "planned"),
    "sessions.reflection_step": (
        lambda c, a, i: sessions.reflection_step(c, a, i.planned, 2, "theirs"),
        "planned",
    ),
    "sessions.raise_safety_flag": (
        lambda c, a, i: sessions.raise_safety_flag(c, a, i.planned, 4),
        "planned",
    ),
    "sessions.measure_step": (
        lambda c, a, i: sessions.measure_step(c, a, i.planned, 4, (0,) * 9),
        "planned",
    ),
    "artworks.save_artwork": (
        lambda c, a, i: artworks.save_artwork(
            c, a, i.entry, replace(sample_artwork("drawn"), drawing=drawn_layer())
        ),
        "entry",
    ),
    "artworks.delete_artwork": (
        lambda c, a, i: artworks.delete_artwork(c, a, i.artwork),
        "artwork",
    ),
    "entries.update_entry": (
        lambda c, a, i: entries.update_entry(c, a, i.entry, CheckIn(valence=-0.9, energy=0.0)),
        "entry",
    ),
    "entries.delete_entry": (lambda c, a, i: entries.delete_entry(c, a, i.entry), "entry"),
    "bulk_art.paint_entries": (
        lambda c, a, i: bulk_art.paint_entries(c, a, [i.bare], lambda _: None, lambda: False),
        "bare",
    ),
    "sharing.update_scope": (
        lambda c, a, i: sharing.update_scope(c, a, i.link, sharing.Scope(True, True, True, True)),
        "link",
    ),
    "sharing.revoke": (lambda c, a, i: sharing.revoke(c, a, i.link), "link"),
}
# the calls only a therapist makes: the client is refused them even on their own data
THERAPIST_ONLY = {name for name in CALLS if name.startswith(("review.", "reports."))}
THERAPIST_ONLY.add("sessions.create_plan")
# a scope without each part
WITHOUT = {
    "mood": sharing.Scope.sessions_only(),
    "notes": sharing.Scope(True, False, True, True),
    "art": sharing.Scope(True, True, False, True),
    "sessions": sharing.Scope(True, True, True, False),
}


class LeftOut(Exception):  # noqa: N818 - what happened, not an error
    """The call answered with nothing: a listing leaves out what is not shared, as an entry
    read under the mood part shows no note. Nothing got through."""


def _something(found: object) -> object:
    if not found:
        raise LeftOut
    return found


def _excerpts(ctx: AppContext, actor: Actor, ids: Ids) -> object:
    return _something(entries.note_excerpts(ctx, actor, [ids.entry]))


def _thumbnails(ctx: AppContext, actor: Actor, ids: Ids) -> object:
    return _something(artworks.entry_thumbnails(ctx, actor, [ids.entry]))


def _pictures(ctx: AppContext, actor: Actor, ids: Ids) -> object:
    return _something(artworks.entry_pictures(ctx, actor, ids.entry))


def _window(ctx: AppContext, actor: Actor, ids: Ids) -> object:
    """The timeline's window on a frame naming the entry: its note and picture."""
    frame = pd.DataFrame({"id": [ids.entry], "local_time": [pd.Timestamp(2026, 3, 1)]})
    shown = insights.window(ctx, actor, frame.assign(has_art=True), owner_id=ids.client)
    return _something({**shown.notes, **shown.pictures})


@dataclass
class Tally:
    calls: int = 0
    forged: int = 0
    through: int = 0


def _scenario(ctx: AppContext, scope: sharing.Scope | None = None):
    therapist, client = reviewed_client(ctx)
    planned = sessions.create_plan(ctx, therapist, client.user_id, PLANNED).id
    (link,) = sharing.my_links(ctx, client)
    if scope is not None:  # narrowed after the sessions were made
        sharing.update_scope(ctx, client, link.id, scope)
    stranger = make_user(ctx, "kim", Role.THERAPIST)
    entry = entries.check_in(
        ctx, client, CheckIn(valence=0.2, energy=0.1, note="words", tags=("walk",))
    )
    artwork = artworks.save_artwork(ctx, client, entry.id, sample_artwork("a title"))
    (latest, *_) = [
        v for v in sessions.list_sessions(ctx, client) if v.id != planned
    ]  # PHQ-9 item 9 answered 1 in it
    flag = sessions.flag_id(latest.id, FlagKind.PHQ9_ITEM9)
    bare = entries.check_in(ctx, client, CheckIn(valence=-0.3, energy=0.4)).id
    session_ids = (latest.id, latest.artwork_ids[0], flag, planned, link.id, bare)
    ids = Ids(client.user_id, entry.id, artwork, *session_ids)
    return therapist, client, stranger, ids


def _snapshot(ctx: AppContext) -> list:
    rows = []
    with ctx.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name != "audit_events":
                rows.append(sorted(map(tuple, connection.execute(sa.select(table))), key=repr))
    return rows


def _denials(ctx: AppContext) -> int:
    with ctx.sessions() as session:
        return sum(e.outcome == "denied" for e in audit.events(session, ctx.cipher))


def _call(name: str) -> Callable[[AppContext, Actor, Ids], object]:
    return CALLS[name][0] if name in CALLS else OWNER_ONLY[name][0]


def _refused(
    ctx: AppContext, actor: Actor, name: str, ids: Ids, tally: Tally, forged: bool
) -> None:
    """The call is refused, audited if it was a refusal of access, and changes nothing."""
    before, denials = _snapshot(ctx), _denials(ctx)
    tally.calls += 1
    tally.forged += forged
    attacks.record(ATTACK, 1)
    try:
        _call(name)(ctx, actor, ids)
    except AccessDeniedError:
        assert _denials(ctx) == denials + 1, name
    except NotFoundError:
        assert forged, f"{name}: a real id answered 'not found' instead of refused"
    except LeftOut:
        pass
    else:
        tally.through += 1
        attacks.record(ATTACK, 0, 1)
        pytest.fail(f"{name} got through for {actor.username} with {ids}")
    assert _snapshot(ctx) == before, name


def _forgeries(name: str, real: Ids, others: Ids) -> list[Ids]:
    """Each id the call takes replaced by one that names nothing, and by another client's,
    one at a time; then all of them forged at once."""
    forged = []
    for field in (CALLS[name][2] if name in CALLS else OWNER_ONLY[name][1]).split():
        forged.append(replace(real, **{field: str(uuid.uuid4())}))
        if getattr(others, field) != getattr(real, field):
            forged.append(replace(real, **{field: getattr(others, field)}))
    forged.append(Ids(*(str(uuid.uuid4()) for _ in fields(Ids))))
    return forged


def _report(tally: Tally) -> None:
    print(  # noqa: T201
        f"calls refused: {tally.calls}, forged: {tally.forged}, got through: {tally.through}"
    )
    assert tally.calls > 0 and tally.through == 0


def test_the_unrelated_therapist_and_the_client_are_always_refused(ctx) -> None:
    therapist, client, stranger, ids = _scenario(ctx)
    tally = Tally()
    for name in CALLS:
        _refused(ctx, stranger, name, ids, tally, forged=False)
        for forged in _forgeries(name, ids, ids):
            _refused(ctx, stranger, name, forged, tally, forged=True)
    for name in sorted(THERAPIST_ONLY):
        _refused(ctx, client, name, ids, tally, forged=False)
    _report(tally)


def test_the_consented_therapist_is_refused_other_ids_revoked_and_ended_consent(ctx, clock) -> None:
    therapist, client, _, ids = _scenario(ctx)
    other = make_user(ctx, "ola")
    other_entry = entries.check_in(ctx, other, CheckIn(valence=0.1, energy=0.0, note="theirs"))
    other_artwork = artworks.save_artwork(ctx, other, other_entry.id, sample_artwork("theirs"))
    others = replace(ids, client=other.user_id, entry=other_entry.id, artwork=other_artwork)
    tally = Tally()
    for name, (call, _, _) in CALLS.items():
        call(ctx, therapist, ids)  # allowed with the real ids
        for forged in _forgeries(name, ids, others):
            _refused(ctx, therapist, name, forged, tally, forged=True)
    (link,) = sharing.my_links(ctx, client)
    sharing.update_scope(
        ctx, client, link.id, sharing.Scope(True, True, True, True), clock().date()
    )
    clock.advance(days=1)
    for name in CALLS:
        _refused(ctx, therapist, name, ids, tally, forged=False)
    clock.advance(days=-1)
    sharing.revoke(ctx, client, link.id)
    for name in CALLS:
        _refused(ctx, therapist, name, ids, tally, forged=False)
    _report(tally)


@pytest.mark.parametrize("part", sorted(WITHOUT))
def test_the_consented_therapist_is_refused_outside_the_scope(ctx, part) -> None:
    therapist, client, _, ids = _scenario(ctx, WITHOUT[part])
    tally = Tally()
    needing = [name for name, (_, needs, _) in CALLS.items() if needs == part]
    assert needing
    for name in needing:
        _refused(ctx, therapist, name, ids, tally, forged=False)
    _report(tally)


def test_every_use_case_taking_an_id_is_attacked() -> None:
    """A new use case that takes an id of a client, entry, picture, session or link must be
    added above, to the calls a therapist may make or to the client's own."""
    attacked = set(CALLS) | set(OWNER_ONLY)
    for name, parameters in use_case_parameters().items():
        assert name in attacked or not takes_an_id(parameters), name


def test_only_the_client_does_their_own_steps_writes_and_sharing(ctx) -> None:
    """The consented therapist (every part shared), an unrelated therapist and another client
    are refused each of the client's own writes, with real and forged ids; the client's own
    calls pass the access check (some then stop at the session's order)."""
    therapist, client, stranger, ids = _scenario(ctx)
    other = make_user(ctx, "ola")
    other_entry = entries.check_in(ctx, other, CheckIn(valence=0.1, energy=0.0))
    other_artwork = artworks.save_artwork(ctx, other, other_entry.id, sample_artwork("theirs"))
    others = replace(ids, entry=other_entry.id, artwork=other_artwork, bare=other_entry.id)
    tally = Tally()
    for name in OWNER_ONLY:
        for actor in (therapist, stranger, other):
            _refused(ctx, actor, name, ids, tally, forged=False)
            swapped = ids if actor is other else others  # another's ids, not the actor's own
            for forged in _forgeries(name, ids, swapped):
                _refused(ctx, actor, name, forged, tally, forged=True)
    for name in OWNER_ONLY:
        try:
            _call(name)(ctx, client, ids)
        except InvalidInputError:
            pass  # a step out of order, or sharing already revoked: past the access check
    _report(tally)


def test_a_safety_plan_and_drafts_are_only_ever_their_owners(ctx) -> None:
    """These take no id: whoever calls gets their own. The therapist and an unrelated user
    reading, replacing or discarding theirs never see or touch the client's."""
    therapist, client, stranger, _ = _scenario(ctx)
    plan = SafetyPlan(warning_signs=("the client's own",))
    safety_plans.save_safety_plan(ctx, client, plan)
    drafts.save_draft(ctx, client, DraftKind.CHECK_IN, {"note": "the client's own"})
    tally = Tally()
    for actor in (therapist, stranger):
        for attempt in (
            lambda a: safety_plans.get_safety_plan(ctx, a),
            lambda a: safety_plans.save_safety_plan(ctx, a, SafetyPlan(coping=("over it",))),
            lambda a: drafts.get_draft(ctx, a, DraftKind.CHECK_IN),
            lambda a: drafts.save_draft(ctx, a, DraftKind.CHECK_IN, {"note": "over it"}),
            lambda a: drafts.discard_draft(ctx, a, DraftKind.CHECK_IN),
            lambda a: sessions.list_sessions(ctx, a),
        ):
            tally.calls += 1
            attacks.record(ATTACK, 1)
            answer = attempt(actor)
            seen = "the client's own" in repr(answer) or ids_of(answer) & {client.user_id}
            kept = safety_plans.get_safety_plan(ctx, client) == plan and drafts.get_draft(
                ctx, client, DraftKind.CHECK_IN
            ).content == {"note": "the client's own"}
            tally.through += bool(seen) or not kept
            attacks.record(ATTACK, 0, int(bool(seen) or not kept))
    _report(tally)


def ids_of(answer: object) -> set[str]:
    """The client ids a listing of sessions names."""
    return {view.client_id for view in answer} if isinstance(answer, list) else set()
