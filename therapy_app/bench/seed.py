"""Long journals written fast, for benchmarks: the demo's realistic check-ins sealed as a
check-in is, written many at a time, each with a picture (a thumbnail, and one full-size
picture a week; the others keep a small image), and the throwaway journal a benchmark
writes them into."""

from __future__ import annotations

import base64
import os
import random
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PIL import Image
from sqlalchemy import insert

from therapy_app.art.images import png_bytes, thumbnail_bytes
from therapy_app.config import Settings
from therapy_app.journal.models import Artwork, new_id
from therapy_app.journal.sealed import seal_provenance
from therapy_app.mood.checkin import validate
from therapy_app.services import entries
from therapy_app.services.artworks import field_context
from therapy_app.services.context import open_app
from therapy_app.services.demo import ZONE, day_check_in

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.orm import Session

    from therapy_app.journal.models import Entry
    from therapy_app.services.context import AppContext

FULL_SIDE, SMALL_SIDE = 256, 32
DAYS_PER_WRITE = 60  # a transaction of up to 120 entries and their pictures


@contextmanager
def scratch_journal() -> Iterator[AppContext]:
    """A fresh SQLite journal with a random key in a temporary folder, gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="therapy-bench-") as folder:
        home = Path(folder)
        settings = Settings(
            home=home,
            database_url=f"sqlite:///{home / 'journal.db'}",
            key_file=home / "journal.key",
            key_b64=base64.b64encode(os.urandom(32)).decode(),
            crisis_resources_file=None,
        )
        ctx = open_app(settings)
        try:
            yield ctx
        finally:
            ctx.dispose()


@dataclass(frozen=True)
class Picture:
    image: bytes
    thumb: bytes


def _picture(colour: tuple[int, int, int], side: int) -> Picture:
    """A gradient over a mood's colour (its bytes stand in for a painting's)."""
    shade = Image.linear_gradient("L").resize((side, side))
    image = Image.composite(Image.new("RGB", (side, side), colour), shade.convert("RGB"), shade)
    return Picture(png_bytes(image), thumbnail_bytes(image))


@dataclass(frozen=True)
class Pictures:
    full: Picture
    small: Picture

    @classmethod
    def make(cls) -> Pictures:
        return cls(_picture((230, 160, 60), FULL_SIDE), _picture((70, 110, 200), SMALL_SIDE))


def seed_journal(
    ctx: AppContext,
    owner_id: str,
    days: int,
    pictures: Pictures,
    seed: int = 7,
    times_a_day: int = 2,
) -> int:
    """Check-ins (morning, and evening when ``times_a_day`` is 2) for ``days`` days up to
    yesterday, each with a picture; returns the number of entries. One transaction per 60
    days."""
    rng = random.Random(seed)
    today = ctx.clock().astimezone(ZoneInfo(ZONE)).replace(hour=0, minute=0)
    written = 0
    for first in range(days, 0, -DAYS_PER_WRITE):
        check_ins = []
        for offset in range(first, max(first - DAYS_PER_WRITE, 0), -1):
            day = today - timedelta(days=offset)
            sleep = max(3.5, min(10.0, rng.gauss(7.0, 1.2)))
            for evening in (False, True)[:times_a_day]:
                made = day_check_in(rng, day, evening, improved=offset < days // 2, sleep=sleep)
                check_ins.append(validate(made, ctx.clock()))
        with ctx.unit_of_work() as session:
            made_entries = entries.add_entries(ctx, session, owner_id, check_ins)
            _add_pictures(ctx, session, made_entries, pictures)
        written += len(check_ins)
    return written


def _add_pictures(ctx: AppContext, session: Session, made: list[Entry], pictures: Pictures) -> None:
    rows = []
    for entry in made:
        artwork_id = new_id()
        weekly = entry.local_date.weekday() == 0 and entry.occurred_at.hour < 12
        picture = pictures.full if weekly else pictures.small
        owner = entry.owner_id
        rows.append(
            {
                "id": artwork_id,
                "entry_id": entry.id,
                "owner_id": owner,
                "title_ct": None,
                "image_ct": ctx.cipher.encrypt(
                    picture.image, field_context("image", artwork_id, owner)
                ),
                "thumb_ct": ctx.cipher.encrypt(
                    picture.thumb, field_context("thumb", artwork_id, owner)
                ),
                "provenance_ct": seal_provenance(
                    ctx.cipher, artwork_id, owner, {"model_version": "seeded", "weekly": weekly}
                ),
                "created_at": entry.occurred_at,
                "updated_at": entry.occurred_at,
            }
        )
    session.execute(insert(Artwork), rows)
