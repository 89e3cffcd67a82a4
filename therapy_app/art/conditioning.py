"""The conditioning vector layout shared by renderer, GAN and sampler (version 1).

[joy, trust, fear, surprise, sadness, disgust, anger, anticipation, valence, arousal,
dominance, intensity]; weights sum to 1, valence/arousal/dominance in -1..1,
intensity in 0..1. The mood package builds it from a check-in.
"""

from __future__ import annotations

import torch

from therapy_app.emotions import PRIMARY_VAD

VERSION = 1
EMOTIONS = tuple(PRIMARY_VAD)
DIM = len(EMOTIONS) + 4
VALENCE, AROUSAL, DOMINANCE, INTENSITY = 8, 9, 10, 11

# Plutchik's wheel colours (sRGB 0..1): joy yellow, trust light green, fear dark green,
# surprise light blue, sadness blue, disgust purple, anger red, anticipation orange.
EMOTION_RGB = torch.tensor(
    [
        [0.98, 0.80, 0.20],
        [0.55, 0.80, 0.45],
        [0.10, 0.45, 0.30],
        [0.45, 0.75, 0.95],
        [0.20, 0.35, 0.75],
        [0.55, 0.30, 0.65],
        [0.85, 0.15, 0.12],
        [0.98, 0.55, 0.15],
    ]
)

# Where each emotion sits on the valence-arousal-dominance axes (for sampling).
EMOTION_VAD = torch.tensor(list(PRIMARY_VAD.values()))


def check(c: torch.Tensor) -> torch.Tensor:
    """Validate a batch of conditioning vectors (B, DIM); raise ValueError with the reason."""
    if c.ndim != 2 or c.shape[1] != DIM:
        msg = f"conditioning must have shape (batch, {DIM}), got {tuple(c.shape)}"
        raise ValueError(msg)
    if not torch.isfinite(c).all():
        msg = "conditioning contains NaN or infinity"
        raise ValueError(msg)
    return c


def sample_conditions(count: int, generator: torch.Generator) -> torch.Tensor:
    """Training/evaluation conditions: single emotions, mixtures and the VA plane."""
    kind = torch.randint(0, 3, (count,), generator=generator)
    weights = torch.zeros(count, len(EMOTIONS))
    single = torch.randint(0, len(EMOTIONS), (count,), generator=generator)
    weights[torch.arange(count), single] = 1.0
    # Sparse mixtures (two or three emotions dominate), drawn from the generator alone.
    mixed = (-torch.rand(count, len(EMOTIONS), generator=generator).clamp_min(1e-6).log()) ** 3
    mixed = mixed / mixed.sum(dim=1, keepdim=True)
    weights = torch.where((kind == 1)[:, None], mixed, weights)
    vad = weights @ EMOTION_VAD + 0.15 * torch.randn(count, 3, generator=generator)
    plane = torch.rand(count, 3, generator=generator) * 2 - 1
    vad = torch.where((kind == 2)[:, None], plane, vad).clamp(-1, 1)
    near = torch.softmax(4 * (plane[:, :2] @ EMOTION_VAD[:, :2].T), dim=1)
    weights = torch.where((kind == 2)[:, None], near, weights)
    intensity = torch.rand(count, 1, generator=generator) * 0.7 + 0.3
    return torch.cat([weights, vad, intensity], dim=1)


def emotion_rows(per_emotion: int, intensity: float = 0.8) -> torch.Tensor:
    """per_emotion copies of each primary emotion in turn, each at its own place on the
    valence-arousal-dominance axes: the rows of the sample grids and contact sheets."""
    c = torch.zeros(len(EMOTIONS) * per_emotion, DIM)
    for e in range(len(EMOTIONS)):
        rows = slice(e * per_emotion, (e + 1) * per_emotion)
        c[rows, e] = 1
        c[rows, VALENCE : VALENCE + 3] = EMOTION_VAD[e]
    c[:, INTENSITY] = intensity
    return c
