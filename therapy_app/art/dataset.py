"""The training set: renders of sampled conditions, cached as one uint8 tensor file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from torch.nn import functional as F  # noqa: N812

from therapy_app.art.conditioning import VERSION, sample_conditions
from therapy_app.art.render import render

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

CHUNK = 256


@dataclass
class RenderDataset:
    images: torch.Tensor  # (N, 3, S, S) uint8
    conditions: torch.Tensor  # (N, DIM) float32
    pair_distance: float  # mean layout distance between two renders of one condition
    renders_per_condition: int = 1  # consecutive images share a condition, seeds differ

    def batch(self, size: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        index = torch.randint(0, len(self.images), (size,), generator=generator)
        return self._take(index)

    def pairs(self, size: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        """size images whose two halves share conditions: image i and image i + size/2 are
        two renders of one condition (the discriminator compares them, see minibatch_std)."""
        if self.renders_per_condition < 2:
            msg = "this training set holds one render per condition; rebuild it with pairs"
            raise ValueError(msg)
        first = (
            torch.randint(
                0, len(self.images) // self.renders_per_condition, (size // 2,), generator=generator
            )
            * self.renders_per_condition
        )
        return self._take(torch.cat([first, first + 1]))

    def _take(self, index: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.images[index].float() / 127.5 - 1, self.conditions[index]


def layout_thumbnails(images: torch.Tensor) -> torch.Tensor:
    """16x16 greyscale in 0..1: where composition shows and colour does not."""
    grey = images.mean(dim=1, keepdim=True)
    return F.adaptive_avg_pool2d(grey, 16).flatten(1)


def layout_distance(first: torch.Tensor, second: torch.Tensor) -> torch.Tensor:
    """Per pair of images (0..1), how far apart their layouts are: mean absolute difference
    of their thumbnails, each centred on its own mean so that a lighter or darker copy of
    one composition does not count as another (a generator learns that shortcut first)."""
    a, b = layout_thumbnails(first), layout_thumbnails(second)
    return ((a - a.mean(1, keepdim=True)) - (b - b.mean(1, keepdim=True))).abs().mean(1)


def build(
    count: int,
    size: int,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
    renders_per_condition: int = 1,
) -> RenderDataset:
    generator = torch.Generator().manual_seed(seed)
    conditions = sample_conditions(count // renders_per_condition, generator)
    conditions = conditions.repeat_interleave(renders_per_condition, dim=0)
    count = len(conditions)
    images = torch.empty(count, 3, size, size, dtype=torch.uint8)
    for start in range(0, count, CHUNK):
        end = min(count, start + CHUNK)
        seeds = [seed * 1_000_003 + i for i in range(start, end)]
        images[start:end] = (render(conditions[start:end], seeds, size) * 255).round().byte()
        if progress:
            progress(end, count)
    pair_distance = render_pair_distance(conditions[:512], size)
    return RenderDataset(images, conditions, pair_distance, renders_per_condition)


def render_pair_distance(conditions: torch.Tensor, size: int) -> float:
    count = len(conditions)
    first = render(conditions, list(range(10_000, 10_000 + count)), size)
    second = render(conditions, list(range(20_000, 20_000 + count)), size)
    return float(layout_distance(first, second).mean())


def save(dataset: RenderDataset, path: Path) -> None:
    import io

    from therapy_app.fileio import atomic_write_bytes

    buffer = io.BytesIO()
    torch.save(
        {
            "images": dataset.images,
            "conditions": dataset.conditions,
            "pair_distance": dataset.pair_distance,
            "renders_per_condition": dataset.renders_per_condition,
            "conditioning_version": VERSION,
        },
        buffer,
    )
    atomic_write_bytes(path, buffer.getvalue(), mode=0o644)


def load(path: Path) -> RenderDataset:
    data = torch.load(path, weights_only=True)
    if data.get("conditioning_version") != VERSION:
        msg = f"{path} was built for another conditioning version; delete it to rebuild"
        raise ValueError(msg)
    return RenderDataset(
        data["images"],
        data["conditions"],
        float(data["pair_distance"]),
        int(data.get("renders_per_condition", 1)),
    )
