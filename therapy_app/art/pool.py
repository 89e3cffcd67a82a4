"""Painting in a bounded pool: a process paints one batch at a time with a fixed number of
torch threads, so a burst of "make art" clicks waits its turn instead of taking every core
from the pages being served beside it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import torch

from therapy_app.art.sampler import Painter

if TYPE_CHECKING:
    from PIL import Image

    from therapy_app.art.networks import Generator
    from therapy_app.art.sampler import ArtSpec


def painting_pool(threads: int) -> ThreadPoolExecutor:
    """One painting thread; torch's own threads (process-wide) set to ``threads``."""
    torch.set_num_threads(threads)
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="painter")


class PooledPainter(Painter):
    """A painter whose pictures are painted in ``pool``; callers wait for their turn."""

    def __init__(self, net: Generator, record: dict[str, object], pool: ThreadPoolExecutor) -> None:
        super().__init__(net, record)
        self.pool = pool

    @classmethod
    def of(cls, painter: Painter, pool: ThreadPoolExecutor) -> PooledPainter:
        return cls(painter.net, painter.record, pool)

    def paint(self, specs: list[ArtSpec]) -> list[Image.Image]:
        return self.pool.submit(super().paint, specs).result()

    def morph(
        self, specs: list[ArtSpec], steps: int = 6, size: int = 256, frame_ms: int = 140
    ) -> bytes:
        return self.pool.submit(super().morph, specs, steps, size, frame_ms).result()
