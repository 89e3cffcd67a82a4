"""The form generator: a learned latent space whose pictures are the renderer's forms.

A mapping MLP turns [z, c] into a style w (as in the pixel generator, so truncation toward
each mood's centre, "more like this" and mixing work the same way); a head turns w into
the renderer's numbers (positions, sizes, curvature, colour picks, which form is shown),
and ``render.paint`` rasterises them with soft, differentiable edges about one pixel wide.
The same numbers paint the 64 px training picture and the 1024 px picture a person keeps,
so forms stay crisp at every size. Only the paper grain comes from noise, not from w.

Discrete choices (which emotion's colour, which arrangement, disc or ring, a form shown
or not) are made hard in the forward pass, exactly as the renderer makes them, with the
gradient of a sigmoid of temperature TEMPERATURE passed back (straight-through).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import nn

from therapy_app.art.conditioning import sample_conditions
from therapy_app.art.networks import (
    AS_TRAINED,
    Knobs,
    MappingConfig,
    MappingNetwork,
    Noise,
    he_init,
)
from therapy_app.art.render import (
    CIRCLES,
    FIELDS,
    GLOWS,
    MARKS,
    SHARDS,
    STROKES,
    Draws,
    Flaws,
    paint,
)

PALETTE = 5
# The renderer's numbers in the order it takes them: palette (pick, tone, jitter), layout,
# background tilt, then each form kind; the paper grain (8x8 mottling and a grain offset)
# comes last and is noise.
FORM_NUMBERS = (
    PALETTE * 5
    + 4
    + 1
    + FIELDS * 4
    + GLOWS * 4
    + CIRCLES * 6
    + SHARDS * 8
    + STROKES * 8
    + MARKS * 5
)
GRAIN_NUMBERS = 8 * 8 + 1
FLAW_NUMBERS = 2 * 10 * 10 + 4 + STROKES * 2 + (CIRCLES + SHARDS) * 4
TEMPERATURE = 0.05


@dataclass(frozen=True)
class FormConfig(MappingConfig):
    hidden: int = 256
    kind: str = "forms"


def _straight_through(hard: torch.Tensor, soft: torch.Tensor) -> torch.Tensor:
    return hard + soft - soft.detach()


def _soft_bins(u: torch.Tensor, edges: torch.Tensor) -> torch.Tensor:
    """u (B, k), inner bin edges (B, E-1) -> (B, k, E): how much of u lies in each bin."""
    above = torch.sigmoid((u.unsqueeze(-1) - edges.unsqueeze(1)) / TEMPERATURE)
    ones = torch.ones_like(above[..., :1])
    return torch.cat([ones, above], -1) - torch.cat([above, torch.zeros_like(ones)], -1)


class LearnedDraws(Draws):
    """A generator's numbers, with the renderer's choices relaxed for the backward pass."""

    def above(self, value: torch.Tensor, threshold: torch.Tensor | float) -> torch.Tensor:
        soft = torch.sigmoid((value - threshold) / TEMPERATURE)
        return _straight_through(super().above(value, threshold), soft)

    def below(self, value: torch.Tensor, threshold: torch.Tensor | float) -> torch.Tensor:
        soft = torch.sigmoid((threshold - value) / TEMPERATURE)
        return _straight_through(super().below(value, threshold), soft)

    def either(
        self, value: torch.Tensor, threshold: float, if_above: torch.Tensor, otherwise: torch.Tensor
    ) -> torch.Tensor:
        return otherwise + (if_above - otherwise) * self.above(value, threshold)

    def bin(self, u: torch.Tensor, count: int) -> torch.Tensor:
        edges = torch.arange(1, count, device=u.device, dtype=u.dtype) / count
        soft = _soft_bins(u.unsqueeze(1), edges.expand(len(u), -1)).squeeze(1)
        return _straight_through(super().bin(u, count), soft)

    def choose(
        self, cumulative: torch.Tensor, u: torch.Tensor, table: torch.Tensor
    ) -> torch.Tensor:
        hard = super().choose(cumulative, u, table)
        soft = _soft_bins(u, cumulative[:, :-1]) @ table
        return _straight_through(hard, soft)

    def arrange(self, u: torch.Tensor, table: torch.Tensor) -> torch.Tensor:
        hard = super().arrange(u, table)
        pairwise = torch.sigmoid((u.unsqueeze(2) - u.unsqueeze(1)) / TEMPERATURE)
        rank = pairwise.sum(2) - 0.5  # of each number among its picture's numbers
        slots = torch.arange(u.shape[1], device=u.device, dtype=u.dtype)
        weights = torch.softmax(-((rank.unsqueeze(1) - slots.view(1, -1, 1)) ** 2) / 0.1, 2)
        return _straight_through(hard, weights @ table)


class FormGenerator(nn.Module):
    def __init__(self, config: FormConfig) -> None:
        super().__init__()
        self.config = config
        self.mapping = MappingNetwork(config)
        self.head = nn.Sequential(
            nn.Linear(config.w_dim, config.hidden),
            nn.LeakyReLU(0.2),
            nn.Linear(config.hidden, FORM_NUMBERS),
        )
        self._spread_like_the_renderer()

    START_LATENTS = 512

    @torch.no_grad()
    def _spread_like_the_renderer(self) -> None:
        """Numbers spread like the renderer's (uniform) from the first step: the normal CDF
        of a unit-variance output is uniform. He initialisation keeps z's signal through the
        mapping (PyTorch's default shrank it ~3x a layer: the numbers moved by 0.008 with z
        where uniform ones spread by 0.29, and training began, and stayed, at one picture per
        mood); then each output is centred and scaled to unit spread over fixed latents and
        moods."""
        self.mapping.apply(he_init)
        self.head.apply(he_init)
        rng = torch.Generator().manual_seed(0)
        z = torch.randn(self.START_LATENTS, self.config.z_dim, generator=rng)
        c = sample_conditions(self.START_LATENTS, rng)
        out = self.head(self.mapping(z, c))
        spread = out.std(0)
        self.head[2].weight.div_(spread.unsqueeze(1))
        self.head[2].bias.copy_(-out.mean(0) / spread)

    def numbers(self, z: torch.Tensor, c: torch.Tensor, knobs: Knobs = AS_TRAINED) -> torch.Tensor:
        """(B, FORM_NUMBERS) in 0..1: the forms of each picture."""
        out = self.head(self.mapping.truncated(z, c, knobs.truncation))
        return 0.5 * (1 + torch.erf(out / math.sqrt(2)))

    def paint(
        self,
        z: torch.Tensor,
        c: torch.Tensor,
        size: int,
        knobs: Knobs = AS_TRAINED,
        generator: Noise = None,
    ) -> torch.Tensor:
        """Pictures (B, 3, size, size) in 0..1. knobs.glitch adds a hand's flaws to the
        marks; knobs.noise_gain scales the paper grain."""
        numbers = self.numbers(z, c, knobs)
        noise = torch.rand(len(z), GRAIN_NUMBERS + FLAW_NUMBERS, generator=generator)
        noise = noise.to(z.device)
        grain = 0.5 + (noise[:, :GRAIN_NUMBERS] - 0.5) * knobs.noise_gain
        flaws = Flaws(knobs.glitch, Draws(noise[:, GRAIN_NUMBERS:])) if knobs.glitch else None
        # Choices are relaxed only for learning; painting makes them exactly as the renderer
        # does (a straight-through sum can land an ulp off the hard choice).
        draws = LearnedDraws if torch.is_grad_enabled() else Draws
        return paint(c, draws(torch.cat([numbers, grain], 1)), size, flaws)

    def forward(
        self, z: torch.Tensor, c: torch.Tensor, knobs: Knobs = AS_TRAINED, generator: Noise = None
    ) -> torch.Tensor:
        """Pictures in -1..1 at the training side, as the discriminator sees them."""
        return self.paint(z, c, self.config.resolution, knobs, generator) * 2 - 1
