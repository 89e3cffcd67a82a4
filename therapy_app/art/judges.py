"""Judges: small CNNs trained on renders only, frozen, never used in GAN training.

The colour judge reads RGB; the shape judge reads greyscale, so a generator that paints
the right palette on mushy texture cannot fool it: arousal and the angular/round contrast
live in shape. Each predicts the primary emotion (8 classes) and valence, arousal and
dominance, and exposes its penultimate features for distances between image sets.
"""

from __future__ import annotations

import io
import time
from typing import TYPE_CHECKING

import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812

from therapy_app.art.checkpoint import TRAINED
from therapy_app.art.conditioning import AROUSAL, DOMINANCE, EMOTIONS, VALENCE
from therapy_app.fileio import atomic_write_bytes

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from therapy_app.art import dataset as datasets

KINDS = ("colour", "shape")
SHIPPED = TRAINED / "judges.pt"
FEATURES = 96


class Judge(nn.Module):
    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        channels = 3 if kind == "colour" else 1
        self.body = nn.Sequential(
            nn.Conv2d(channels, 24, 3, stride=2, padding=1),
            nn.LeakyReLU(0.2),
            nn.Conv2d(24, 48, 3, stride=2, padding=1),
            nn.BatchNorm2d(48),
            nn.LeakyReLU(0.2),
            nn.Conv2d(48, 96, 3, stride=2, padding=1),
            nn.BatchNorm2d(96),
            nn.LeakyReLU(0.2),
            nn.Conv2d(96, FEATURES, 3, stride=2, padding=1),
            nn.LeakyReLU(0.2),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
        )
        self.emotion = nn.Linear(FEATURES, len(EMOTIONS))
        self.vad = nn.Linear(FEATURES, 3)

    def prepare(self, images: torch.Tensor) -> torch.Tensor:
        """images in 0..1 at 64 px -> the judge's input."""
        if images.shape[-1] != 64:
            images = F.interpolate(images, size=64, mode="area")
        if self.kind == "shape":
            images = images.mean(1, keepdim=True)
        return images * 2 - 1

    def features(self, images: torch.Tensor) -> torch.Tensor:
        return self.body(self.prepare(images))

    def forward(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        features = self.features(images)
        return self.emotion(features), torch.tanh(self.vad(features))


def mood_loss(c: torch.Tensor, logits: torch.Tensor, predicted: torch.Tensor) -> torch.Tensor:
    """How far a judge's reading is from the conditions c: cross-entropy against their mix of
    emotions, plus the squared error of valence, arousal and dominance."""
    weights, vad = c[:, : len(EMOTIONS)], c[:, [VALENCE, AROUSAL, DOMINANCE]]
    return -(weights * F.log_softmax(logits, 1)).sum(1).mean() + F.mse_loss(predicted, vad)


def descend(optimiser: torch.optim.Optimizer, loss: torch.Tensor) -> None:
    """One optimiser step down the loss."""
    optimiser.zero_grad(set_to_none=True)
    loss.backward()
    optimiser.step()


def progress_line(name: str, step: int, steps: int, loss: torch.Tensor, started: float) -> str:
    """Where training stands after ``step`` (counted from 0), with the time since ``started``."""
    return (
        f"{name}: step {step + 1}/{steps}, loss {float(loss.detach()):.3f}, "
        f"{time.perf_counter() - started:.0f} s"
    )


def train_judge(
    kind: str,
    data: datasets.RenderDataset,
    steps: int = 600,
    batch: int = 96,
    progress: Callable[[str], None] | None = None,
) -> Judge:
    torch.manual_seed(0)
    judge = Judge(kind)
    optimiser = torch.optim.Adam(judge.parameters(), 2e-3)
    generator = torch.Generator().manual_seed(1)
    started = time.perf_counter()
    for step in range(steps):
        images, c = data.batch(batch, generator)
        logits, predicted = judge((images + 1) / 2)
        loss = mood_loss(c, logits, predicted)
        descend(optimiser, loss)
        if progress and (step + 1) % 100 == 0:
            progress(progress_line(f"{kind} judge", step, steps, loss, started))
    return judge.eval().requires_grad_(False)


def save(judges: dict[str, Judge], path: Path) -> None:
    buffer = io.BytesIO()
    torch.save({kind: judge.state_dict() for kind, judge in judges.items()}, buffer)
    atomic_write_bytes(path, buffer.getvalue(), mode=0o644)


def load(path: Path) -> dict[str, Judge]:
    states = torch.load(path, weights_only=True)
    judges = {}
    for kind in KINDS:
        judge = Judge(kind)
        judge.load_state_dict(states[kind])
        judges[kind] = judge.eval().requires_grad_(False)
    return judges
