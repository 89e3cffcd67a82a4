"""Contact sheets of a generator, for people to look at beside its bench figures: eight
emotions by eight seeds (and the same from the renderer it learned from), imperfection
steps, nearby latents, morphs between two moods, and one finished picture, every
picture at 512 px. `therapy-app bench gan --sheets DIR` writes them."""

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
SIDE = 512  # per picture, where forms are judged by eye
IMPERFECTION_STEPS = (0.0, 0.25, 0.5, 0.75, 1.0)
IMPERFECTION_ROWS = ("joy", "sadness", "anger")
# Each row: one latent, then the same with a growing step toward another seed's latent.
NEIGHBOUR_STEPS = (0.0, 0.05, 0.15, 0.35, 0.7, 1.5)
NEIGHBOUR_ROWS = ("trust", "fear", "surprise")
MORPH_ROWS = (("joy", "sadness"), ("anger", "trust"), ("fear", "anticipation"))
MORPH_FRAMES = 6
ONE_PICTURE = ("anticipation", 1024)
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


def _neighbours(side: int) -> list[ArtSpec]:
    return [
        ArtSpec(
            tuple(_mood(name).tolist()), ((FIRST_SEED + row, 1.0), (FIRST_SEED + 99, step)), 0, side
        )
        for row, name in enumerate(NEIGHBOUR_ROWS)
        for step in NEIGHBOUR_STEPS
    ]


def _morphs(side: int) -> list[ArtSpec]:
    frames = []
    for row, (first, last) in enumerate(MORPH_ROWS):
        start = _spec(_mood(first), FIRST_SEED + row, side)
        stop = _spec(_mood(last), FIRST_SEED + 50 + row, side)
        frames += [start.mixed_with(stop, i / MORPH_FRAMES) for i in range(MORPH_FRAMES + 1)]
    return frames


def write(painter: Painter, folder: Path, side: int = SIDE) -> list[Path]:
    """Paint the sheets into folder as JPEGs (pictures side px each); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    c = emotion_rows(SEEDS)
    seeds = [FIRST_SEED + i % SEEDS for i in range(len(c))]
    rendered = render(c, seeds, side)
    steps = [
        _spec(_mood(name), FIRST_SEED + row, side, amount)
        for row, name in enumerate(IMPERFECTION_ROWS)
        for amount in IMPERFECTION_STEPS
    ]
    emotion, one_side = ONE_PICTURE
    one = _spec(_mood(emotion), FIRST_SEED, max(side, one_side))
    sheets = {
        "emotions-grid": _tile(
            painter.paint([_spec(row, s, side) for row, s in zip(c, seeds, strict=True)]), SEEDS
        ),
        "renders-grid": _tile([to_image(picture) for picture in rendered], SEEDS),
        "imperfection": _tile(painter.paint(steps), len(IMPERFECTION_STEPS)),
        "neighbours": _tile(painter.paint(_neighbours(side)), len(NEIGHBOUR_STEPS)),
        "mood-morph": _tile(painter.paint(_morphs(side)), MORPH_FRAMES + 1),
        "one-picture": painter.paint([one])[0],
    }
    paths = []
    for name, sheet in sheets.items():
        path = folder / f"{name}.jpg"
        sheet.save(path, quality=85)
        paths.append(path)
    return paths
