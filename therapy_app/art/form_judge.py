"""A judge that looks at 256 px, where a blot and a circle no longer read alike.

Trained on 256 px renders only (frozen, never used in GAN training), it predicts the
primary emotion, valence/arousal/dominance and how much of each form kind a picture
holds (the renderer's tally of each kind's change to the canvas), and exposes its
penultimate features for precision/recall at 256 px.
"""

from __future__ import annotations

import io
import time
from typing import TYPE_CHECKING

import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812

from therapy_app.art.checkpoint import TRAINED
from therapy_app.art.conditioning import EMOTIONS, sample_conditions
from therapy_app.art.judges import descend, mood_loss, progress_line
from therapy_app.art.render import FORM_KINDS, render
from therapy_app.fileio import atomic_write_bytes

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

SHIPPED = TRAINED / "judges-256.pt"
SIDE = 256
FEATURES = 96
TALLY_SCALE = 10.0  # tallies are a few hundredths; scaled toward unit size for the loss


class FormJudge(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 16, 4, stride=2, padding=1),  # 128
            nn.LeakyReLU(0.2),
            nn.Conv2d(16, 24, 4, stride=2, padding=1),  # 64
            nn.BatchNorm2d(24),
            nn.LeakyReLU(0.2),
            nn.Conv2d(24, 48, 3, stride=2, padding=1),  # 32
            nn.BatchNorm2d(48),
            nn.LeakyReLU(0.2),
            nn.Conv2d(48, 96, 3, stride=2, padding=1),  # 16
            nn.BatchNorm2d(96),
            nn.LeakyReLU(0.2),
            nn.Conv2d(96, FEATURES, 3, stride=2, padding=1),  # 8
            nn.LeakyReLU(0.2),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
        )
        self.emotion = nn.Linear(FEATURES, len(EMOTIONS))
        self.vad = nn.Linear(FEATURES, 3)
        self.forms = nn.Linear(FEATURES, len(FORM_KINDS))

    def features(self, images: torch.Tensor) -> torch.Tensor:
        """images (B, 3, S, S) in 0..1, brought to 256 px by area (or bicubic upward)."""
        if images.shape[-1] > SIDE:
            images = F.interpolate(images, size=SIDE, mode="area")
        elif images.shape[-1] < SIDE:
            images = F.interpolate(images, size=SIDE, mode="bicubic", align_corners=False)
        return self.body(images * 2 - 1)

    def forward(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Emotion logits, valence/arousal/dominance and the form tally of each picture."""
        features = self.features(images)
        forms = F.softplus(self.forms(features)) / TALLY_SCALE
        return self.emotion(features), torch.tanh(self.vad(features)), forms


def renders_with_tally(
    c: torch.Tensor, first_seed: int, chunk: int = 32
) -> tuple[torch.Tensor, torch.Tensor]:
    """256 px renders (uint8) and their form tallies (B, kinds)."""
    images, tallies = [], []
    for start in range(0, len(c), chunk):
        tally: dict[str, torch.Tensor] = {}
        part = c[start : start + chunk]
        seeds = list(range(first_seed + start, first_seed + start + len(part)))
        with torch.no_grad():
            images.append((render(part, seeds, SIDE, tally) * 255).round().byte())
        tallies.append(torch.stack([tally[kind] for kind in FORM_KINDS], 1))
    return torch.cat(images), torch.cat(tallies)


def train_form_judge(
    images: int = 4000,
    steps: int = 500,
    batch: int = 32,
    progress: Callable[[str], None] | None = None,
) -> FormJudge:
    torch.manual_seed(0)
    c = sample_conditions(images, torch.Generator().manual_seed(78))
    pictures, tallies = renders_with_tally(c, 5_000_000)
    judge = FormJudge()
    optimiser = torch.optim.Adam(judge.parameters(), 2e-3)
    generator = torch.Generator().manual_seed(1)
    started = time.perf_counter()
    for step in range(steps):
        index = torch.randint(0, images, (batch,), generator=generator)
        logits, predicted, forms = judge(pictures[index].float() / 255)
        loss = mood_loss(c[index], logits, predicted) + F.mse_loss(
            forms * TALLY_SCALE, tallies[index] * TALLY_SCALE
        )
        descend(optimiser, loss)
        if progress and (step + 1) % 50 == 0:
            progress(progress_line("form judge", step, steps, loss, started))
    return judge.eval().requires_grad_(False)


def save(judge: FormJudge, path: Path) -> None:
    buffer = io.BytesIO()
    torch.save(judge.state_dict(), buffer)
    atomic_write_bytes(path, buffer.getvalue(), mode=0o644)


def load(path: Path) -> FormJudge:
    judge = FormJudge()
    judge.load_state_dict(torch.load(path, weights_only=True))
    return judge.eval().requires_grad_(False)
