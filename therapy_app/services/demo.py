"""A realistic demo journal: a client and a consenting therapist, two entries a day with
plausible patterns (walks lift the mood, short sleep lowers it, weekends are a little
better, things improve after the first therapy session), tags, notes and art."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.feelings import FEELINGS
from therapy_app.mood.scales import quick_mood_from_valence
from therapy_app.services import accounts, artworks, entries, sharing

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

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


def _feelings(rng: random.Random, valence: float, energy: float) -> tuple[FeelingChoice, ...]:
    ranked = sorted(
        FEELINGS,
        key=lambda f: (f.valence - valence) ** 2 + (f.arousal - energy) ** 2 + rng.random() * 0.05,
    )
    count = rng.choice((1, 1, 2))
    return tuple(FeelingChoice(f.word, rng.choice((1, 2, 2, 3))) for f in ranked[:count])


def _entry(
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
            batch.append(_entry(rng, day, evening, improved=offset < days // 2, sleep=sleep))
        if len(batch) >= PAINT_BATCH or offset == 1:
            pictures += _save(ctx, client, batch, rng, with_art)
            count += len(batch)
            batch = []
        if progress:
            progress(days - offset + 1, days)
    return DemoResult(client.username, therapist.username, count, pictures)
