"""A realistic demo journal: a client and a consenting therapist, two entries a day with
plausible patterns (walks lift the mood, short sleep lowers it, weekends are a little
better, things improve after the first therapy session), tags, notes and art; and guided
sessions the therapist planned: two done (before/after, pictures, answers, PHQ-9 and GAD-7,
one with PHQ-9 item 9 above zero), one half done at home, one planned for next week."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.feelings import FEELINGS
from therapy_app.mood.measures import Measure
from therapy_app.mood.scales import quick_mood_from_valence
from therapy_app.mood.session_plan import StepKind, plan_from_directive
from therapy_app.services import accounts, artworks, entries, review, sessions, sharing

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.sessions import SessionView

PASSWORD = "demo passphrase"
PAINT_BATCH = 16
PICTURE_SIDE = 256
ZONE = "Europe/Berlin"
NOTES = {
    "good": (
        "Good day. {tag_line}",
        "Felt light most of the day. {tag_line}",
        "Small things went well. {tag_line}",
    ),
    "okay": ("An ordinary day. {tag_line}", "Nothing special, a bit up and down. {tag_line}"),
    "bad": (
        "Heavy day, hard to get going. {tag_line}",
        "Tired and on edge. {tag_line}",
        "Not my best day. {tag_line}",
    ),
}
TAG_LINES = {
    "walk": "The walk by the river helped.",
    "work": "Work took most of the energy.",
    "friends": "Saw friends in the evening.",
    "family": "Called my family.",
    "gym": "Went to the gym.",
    "reading": "Read for a while before bed.",
}


@dataclass(frozen=True)
class DemoResult:
    client: str
    therapist: str
    entries: int
    pictures: int
    sessions: int
    days: int
    dap_notes: int = 0
    acknowledged_flags: int = 0


@dataclass(frozen=True)
class DemoSession:
    """A guided session as the demo seeds it: how many days ago, and what the client did."""

    directive_id: str
    days_ago: int
    before: float  # pleasantness at the check-in before
    after: float | None  # ... after (None: left half-way)
    answers: tuple[str, ...]
    phq9: tuple[int, ...]
    gad7: tuple[int, ...]


DEMO_SESSIONS = (
    DemoSession(
        "draw-your-week",
        0,  # set from the days seeded: the first session, half-way through the journal
        -0.35,
        0.05,
        ("Mostly the grey middle: work, and not sleeping.", "The walk on Sunday."),
        (2, 2, 2, 2, 1, 1, 1, 0, 0),
        (2, 1, 2, 2, 1, 1, 1),
    ),
    DemoSession(
        "safe-place",
        0,  # a quarter of the way from the end
        -0.1,
        0.35,
        ("The light, and nobody needing anything.", "Ten minutes by the river after work."),
        (1, 1, 2, 1, 1, 1, 0, 0, 1),
        (1, 1, 1, 1, 0, 1, 0),
    ),
    DemoSession("feelings-as-weather", 1, 0.1, None, (), (), ()),
)


def _feelings(rng: random.Random, valence: float, energy: float) -> tuple[FeelingChoice, ...]:
    ranked = sorted(
        FEELINGS,
        key=lambda f: (f.valence - valence) ** 2 + (f.arousal - energy) ** 2 + rng.random() * 0.05,
    )
    count = rng.choice((1, 1, 2))
    return tuple(FeelingChoice(f.word, rng.choice((1, 2, 2, 3))) for f in ranked[:count])


def day_check_in(
    rng: random.Random, day: datetime, evening: bool, improved: bool, sleep: float
) -> CheckIn:
    weekend = day.weekday() >= 5
    tags = [
        t
        for t, p in (
            ("walk", 0.35),
            ("work", 0.0 if weekend else 0.7),
            ("friends", 0.25 if evening else 0.05),
            ("family", 0.15),
            ("gym", 0.2),
            ("reading", 0.2 if evening else 0.0),
        )
        if rng.random() < p
    ]
    season = 0.12 * math.sin(day.timetuple().tm_yday / 365 * 2 * math.pi)
    valence = (
        0.0
        + 0.15 * weekend
        + 0.3 * ("walk" in tags)
        - 0.35 * (sleep < 6)
        + 0.2 * improved
        + 0.1 * ("friends" in tags)
        - 0.1 * ("work" in tags)
        + season
        + rng.gauss(0, 0.28)
    )
    energy = 0.1 * (not evening) - 0.3 * (sleep < 6) + 0.2 * ("gym" in tags) + rng.gauss(0, 0.3)
    valence, energy = max(-1.0, min(1.0, valence)), max(-1.0, min(1.0, energy))
    mood = "good" if valence > 0.25 else "bad" if valence < -0.2 else "okay"
    tag_line = " ".join(TAG_LINES[t] for t in tags[:2])
    hour = rng.randint(19, 22) if evening else rng.randint(7, 9)
    local = datetime.combine(day.date(), time(hour, rng.randint(0, 59)), ZoneInfo(ZONE))
    return CheckIn(
        quick_mood=quick_mood_from_valence(valence),
        feelings=_feelings(rng, valence, energy),
        valence=round(valence, 3),
        energy=round(energy, 3),
        tags=tuple(tags),
        note=rng.choice(NOTES[mood]).format(tag_line=tag_line).strip(),
        sleep_hours=None if evening else sleep,
        occurred_at=local,
        timezone=ZONE,
    )


def _save(
    ctx: AppContext, client: Actor, batch: list[CheckIn], rng: random.Random, with_art: bool
) -> int:
    """Save a batch of entries, painting their pictures together (the slow part)."""
    arts: list[artworks.NewArtwork | None] = [None] * len(batch)
    if with_art:
        painter = artworks.painter()
        specs = [
            artworks.spec_for(check_in, rng.randrange(2**31), 0.15, PICTURE_SIDE)
            for check_in in batch
        ]
        arts = [
            artworks.NewArtwork(artworks.png_bytes(image), painter.provenance(spec).as_json())
            for spec, image in zip(specs, painter.paint(specs), strict=True)
        ]
    for check_in, art in zip(batch, arts, strict=True):
        entries.check_in(ctx, client, check_in, art)
    return sum(art is not None for art in arts)


def seed_demo(
    ctx: AppContext,
    days: int,
    with_art: bool = True,
    seed: int = 7,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    rng = random.Random(seed)
    client = accounts.create_user(ctx, f"demo-{seed}", PASSWORD, Role.CLIENT, "Sam (demo)", ZONE)
    therapist = accounts.create_user(
        ctx, f"demo-therapist-{seed}", PASSWORD, Role.THERAPIST, "Dr. Rivera (demo)", ZONE
    )
    code = sharing.create_invite(ctx, therapist)
    sharing.redeem_invite(ctx, client, code, sharing.Scope(True, True, True))
    today = ctx.clock().astimezone(ZoneInfo(ZONE)).replace(hour=0, minute=0)
    batch: list[CheckIn] = []
    pictures = count = 0
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        sleep = max(3.5, min(10.0, rng.gauss(7.0, 1.2)))
        for evening in (False, True):
            batch.append(day_check_in(rng, day, evening, improved=offset < days // 2, sleep=sleep))
        if len(batch) >= PAINT_BATCH or offset == 1:
            pictures += _save(ctx, client, batch, rng, with_art)
            count += len(batch)
            batch = []
        if progress:
            progress(days - offset + 1, days)
    return DemoResult(client.username, therapist.username, count, pictures, 0, days)


def seed_sessions(
    ctx: AppContext, journal: DemoResult, with_art: bool = True, seed: int = 7
) -> DemoResult:
    """The demo therapist's guided sessions with the demo client (after ``seed_demo``), each
    done at its own time (a context whose clock stands then), and one planned for next week.
    Their check-ins are entries and their pictures artworks, counted in the result."""
    rng = random.Random(seed)
    therapist = accounts.find_user(ctx, journal.therapist)
    client = accounts.find_user(ctx, journal.client)
    days = journal.days
    now = ctx.clock()
    first, second, homework = DEMO_SESSIONS
    timed = (
        replace(first, days_ago=max(2, days // 2)),
        replace(second, days_ago=max(1, days // 4)),
        homework,
    )
    check_ins = pictures = 0
    for demo in timed:
        at = now - timedelta(days=demo.days_ago, hours=-1)
        then = replace(ctx, clock=lambda at=at: at)
        plan = plan_from_directive(
            demo.directive_id, (Measure.PHQ9, Measure.GAD7), homework=demo.after is None
        )
        planned = sessions.create_plan(then, therapist, client.user_id, plan)
        done = _do_session(then, client, planned.id, demo, rng, with_art)
        check_ins += sum(record.mood is not None for record in done.progress.records)
        pictures += len(done.artwork_ids)
    upcoming = plan_from_directive("bridge", (Measure.PHQ9,))
    sessions.create_plan(ctx, therapist, client.user_id, upcoming, now + timedelta(days=7))
    return replace(
        journal,
        entries=journal.entries + check_ins,
        pictures=journal.pictures + pictures,
        sessions=len(timed) + 1,
    )


def _do_session(
    ctx: AppContext,
    client: Actor,
    session_id: str,
    demo: DemoSession,
    rng: random.Random,
    with_art: bool,
) -> SessionView:
    """The client's steps of one demo session, as far as they went."""
    view = sessions.get_session(ctx, client, session_id)
    answers = iter(demo.answers)
    before = CheckIn(valence=demo.before, energy=-0.1, control=-0.2, timezone=ZONE)
    while view.next_index is not None:
        index, step = view.next_index, view.plan.steps[view.next_index]
        if step.kind is StepKind.CHECK_IN_BEFORE:
            view = sessions.check_in_step(ctx, client, session_id, index, before)
        elif demo.after is None:
            return view  # left half-way: the rest is for the client to do
        elif step.kind is StepKind.ART:
            art = _picture(step.suggestion.resolve(before), rng) if with_art else None
            view = sessions.art_step(ctx, client, session_id, index, art)
        elif step.kind is StepKind.REFLECTION:
            answer = next(answers, "")
            view = sessions.reflection_step(ctx, client, session_id, index, answer)
        elif step.kind is StepKind.MEASURE:
            scores = demo.phq9 if step.measure is Measure.PHQ9 else demo.gad7
            view = sessions.measure_step(ctx, client, session_id, index, scores)
        else:
            after = CheckIn(valence=demo.after, energy=0.0, control=0.1, timezone=ZONE)
            view = sessions.check_in_step(ctx, client, session_id, index, after)
    return view


def _picture(check_in: CheckIn, rng: random.Random) -> artworks.NewArtwork:
    painter = artworks.painter()
    spec = artworks.spec_for(check_in, rng.randrange(2**31), 0.15, PICTURE_SIDE)
    (image,) = painter.paint([spec])
    return artworks.NewArtwork(artworks.png_bytes(image), painter.provenance(spec).as_json())


def seed_review(ctx: AppContext, journal: DemoResult) -> DemoResult:
    """The demo therapist's review after ``seed_sessions``: a DAP note on the latest
    completed session (its facts, an assessment and a plan) and its PHQ-9 item 9 flag
    acknowledged."""
    therapist = accounts.find_user(ctx, journal.therapist)
    client_id = accounts.find_user(ctx, journal.client).user_id
    page = review.client_page(ctx, therapist, client_id)
    done = next(view for view in page.sessions if view.completed_at is not None)
    draft = review.dap_prefill(ctx, therapist, done.id)
    note = replace(
        draft,
        assessment="Engaged with the directive throughout; named what helps in her own words.",
        plan="Go through the safety plan together next session; PHQ-9 again in two weeks.",
    )
    review.save_note(ctx, therapist, client_id, note)
    flag = next(flag for flag in page.flags if flag.kind is review.FlagKind.PHQ9_ITEM9)
    review.acknowledge_flag(ctx, therapist, client_id, flag.key)
    return replace(journal, dap_notes=1, acknowledged_flags=1)
