"""``therapy-app bench review``: how fast a therapist's caseload and one client's page are
ready when the therapist has 15 clients, each with a year of check-ins and weekly sessions.

The journals are written in bulk (services' in-transaction helpers), the sessions step by
step through the sessions service as a client does them, so what is timed reads exactly
what the app stores.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from therapy_app.bench.seed import scratch_journal
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn, validate
from therapy_app.mood.measures import Measure
from therapy_app.mood.session_plan import StepKind, plan_from_directive
from therapy_app.services import accounts, entries, review, sessions, sharing

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

PASSWORD = "a long bench passphrase"
CASELOAD_TARGET_S = 1.0
CLIENT_PAGE_TARGET_S = 2.0
CHECK_INS_PER_DAY = 2


def _journal(ctx: AppContext, client: Actor, days: int, end: datetime, rng: random.Random) -> int:
    check_ins = [
        validate(
            CheckIn(
                valence=max(-1.0, min(1.0, rng.gauss(0.1, 0.4))),
                energy=max(-1.0, min(1.0, rng.gauss(0.0, 0.4))),
                occurred_at=end - timedelta(days=day, hours=8 + 10 * twice),
            ),
            end,
        )
        for day in range(days, 0, -1)
        for twice in range(CHECK_INS_PER_DAY)
    ]
    with ctx.unit_of_work() as session:
        entries.add_entries(ctx, session, client.user_id, check_ins)
    return len(check_ins)


def _session(
    ctx: AppContext, therapist: Actor, client: Actor, rng: random.Random, directive: str
) -> None:
    plan = plan_from_directive(directive, (Measure.PHQ9, Measure.GAD7))
    view = sessions.create_plan(ctx, therapist, client.user_id, plan)
    while view.next_index is not None:
        index, step = view.next_index, view.plan.steps[view.next_index]
        if step.kind in (StepKind.CHECK_IN_BEFORE, StepKind.CHECK_IN_AFTER):
            mood = CheckIn(valence=rng.uniform(-0.5, 0.7), energy=rng.uniform(-0.5, 0.5))
            view = sessions.check_in_step(ctx, client, view.id, index, mood)
        elif step.kind is StepKind.ART:
            view = sessions.art_step(ctx, client, view.id, index, None)
        elif step.kind is StepKind.REFLECTION:
            view = sessions.reflection_step(ctx, client, view.id, index, "words")
        else:
            count = 9 if step.measure is Measure.PHQ9 else 7
            answers = tuple(rng.randint(0, 2) for _ in range(count - 1)) + (0,)
            view = sessions.measure_step(ctx, client, view.id, index, answers)


def _seed(ctx: AppContext, clients: int, days: int, sessions_per_client: int) -> Actor:
    rng = random.Random(7)
    therapist = accounts.create_user(ctx, "bench-therapist", PASSWORD, Role.THERAPIST)
    real_clock, end = ctx.clock, ctx.clock()
    directives = ("safe-place", "feelings-as-weather", "draw-your-week", "bridge")
    for number in range(clients):
        client = accounts.create_user(ctx, f"bench-client-{number}", PASSWORD, Role.CLIENT)
        code = sharing.create_invite(ctx, therapist)
        sharing.redeem_invite(ctx, client, code, sharing.Scope(True, True, True))
        _journal(ctx, client, days, end, rng)
        for week in range(sessions_per_client, 0, -1):
            when = end - timedelta(days=week * days / sessions_per_client)
            ctx.clock = lambda when=when: when
            _session(ctx, therapist, client, rng, directives[week % len(directives)])
        ctx.clock = real_clock
    return therapist


def _timed(call: object, repeats: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - started)
    return best, result


def benchmark(clients: int = 15, days: int = 365, sessions_per_client: int = 52) -> dict:
    """Seed a caseload in a fresh SQLite journal, then time the caseload's data and one
    client's page data (best of three each)."""
    with scratch_journal() as ctx:
        started = time.perf_counter()
        therapist = _seed(ctx, clients, days, sessions_per_client)
        seeded = time.perf_counter() - started
        caseload_s, rows = _timed(lambda: review.caseload(ctx, therapist), 3)
        client_id = rows[0].client_id
        page_s, page = _timed(lambda: review.client_page(ctx, therapist, client_id), 3)
    return {
        "clients": clients,
        "days_per_client": days,
        "check_ins_per_client": days * CHECK_INS_PER_DAY,
        "sessions_per_client": sessions_per_client,
        "seed_seconds": round(seeded, 1),
        "caseload_seconds": round(caseload_s, 3),
        "caseload_target_seconds": CASELOAD_TARGET_S,
        "client_page_seconds": round(page_s, 3),
        "client_page_target_seconds": CLIENT_PAGE_TARGET_S,
        "client_page_sessions": len(page.sessions),
        "client_page_mood_days": len(page.mood),
        "targets_met": caseload_s <= CASELOAD_TARGET_S and page_s <= CLIENT_PAGE_TARGET_S,
    }
