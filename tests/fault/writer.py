"""A writer process for the kill test: entries with pictures, 'ACK id note' after each commit.

Run as: python -m tests.fault.writer NAME  (THERAPY_APP_HOME and THERAPY_APP_KEY set).
Deliberately free of torch so that it starts quickly after every kill.
"""

import io
import os
import random
import sys

from PIL import Image

from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import accounts, entries
from therapy_app.services.artworks import NewArtwork
from therapy_app.services.context import open_app


def picture(rng: random.Random) -> bytes:
    image = Image.effect_noise((96, 96), rng.uniform(20, 80)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def main() -> None:
    name = sys.argv[1]
    ctx = open_app()
    actor = accounts.find_user(ctx, "writer")
    rng = random.Random(os.getpid())
    count = 0
    while True:
        count += 1
        note = f"{name}:{os.getpid()}:{count}:" + "x" * rng.randint(0, 4000)
        art = NewArtwork(picture(rng), {"writer": name, "count": count}, f"#{count}")
        view = entries.check_in(ctx, actor, CheckIn(quick_mood=QuickMood.OKAY, note=note), art)
        print(f"ACK {view.id} {note[:40]} {len(note)}", flush=True)


if __name__ == "__main__":
    main()
