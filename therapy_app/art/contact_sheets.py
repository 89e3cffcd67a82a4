"""Contact sheets of a generator, for people to look at beside its bench figures: eight
emotions by eight seeds (and the same from the renderer it learned from), imperfection
steps, and one finished picture. `therapy-app bench gan --sheets DIR` writes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PIL import Image

from therapy_app.art.conditioning import EMOTIONS, emotion_rows
from therapy_app.art.render import render
from therapy_app.art.sampler import ArtSpec, Painter, to_image

if TYPE_CHECKING:
    from pathlib import Path

    import torch

SEEDS = 8
GRID_SIDE = 128  # per picture in the emotion grids
IMPERFECTION_STEPS = (0.0, 0.25, 0.5, 0.75, 1.0)
IMPERFECTION_ROWS = ("joy", "sadness", "anger")
STEP_SIDE = 160
ONE_PICTURE = ("anticipation", 768)
FIRST_SEED = 5000


def _tile(pictures: list[Image.Image], columns: int) -> Image.Image:
    width, height = pictures[0].size
    rows = -(-len(pictures) // columns)
    sheet = Image.new("RGB", (columns * width, rows * height))
    for i, picture in enumerate(pictures):
        sheet.paste(picture, ((i % columns) * width, (i // columns) * height))
    return sheet


def _spec(c: torch.Tensor, seed: int, size: int, imperfection: float = 0.0) -> ArtSpec:
    return ArtSpec(tuple(c.tolist()), ((seed, 1.0),), imperfection, size)


def _mood(emotion: str) -> torch.Tensor:
    return emotion_rows(1)[EMOTIONS.index(emotion)]


def write(painter: Painter, folder: Path) -> list[Path]:
    """Paint the sheets into folder as JPEGs; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    c = emotion_rows(SEEDS)
    seeds = [FIRST_SEED + i % SEEDS for i in range(len(c))]
    rendered = render(c, seeds, GRID_SIDE)
    steps = [
        _spec(_mood(name), FIRST_SEED + row, STEP_SIDE, amount)
        for row, name in enumerate(IMPERFECTION_ROWS)
        for amount in IMPERFECTION_STEPS
    ]
    emotion, side = ONE_PICTURE
    one = _spec(_mood(emotion), FIRST_SEED, side)
    sheets = {
        "emotions-grid": _tile(
            painter.paint([_spec(row, s, GRID_SIDE) for row, s in zip(c, seeds, strict=True)]),
            SEEDS,
        ),
        "renders-grid": _tile([to_image(picture) for picture in rendered], SEEDS),
        "imperfection": _tile(painter.paint(steps), len(IMPERFECTION_STEPS)),
        "one-picture": painter.paint([one])[0],
    }
    paths = []
    for name, sheet in sheets.items():
        path = folder / f"{name}.jpg"
        sheet.save(path, quality=88)
        paths.append(path)
    return paths
