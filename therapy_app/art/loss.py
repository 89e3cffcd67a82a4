"""Hinge losses, colour-preserving augmentation and the capped mode-seeking term."""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch
from torch.nn import functional as F  # noqa: N812

from therapy_app.art.dataset import layout_distance

if TYPE_CHECKING:
    from therapy_app.art.networks import Discriminator, Generator

MAX_SHIFT = 0.125  # of the image side


def translate(images: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Shift each image by up to 1/8 of its side (reflected border). Never flips or recolours:
    colour carries the emotion and vertical direction carries sadness."""
    batch = images.shape[0]
    shift = (torch.rand(batch, 2, generator=generator) * 2 - 1).to(images.device) * MAX_SHIFT * 2
    theta = torch.zeros(batch, 2, 3, device=images.device)
    theta[:, 0, 0] = theta[:, 1, 1] = 1
    theta[:, :, 2] = shift
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    return F.grid_sample(images, grid, padding_mode="reflection", align_corners=False)


def discriminator_loss(
    discriminator: Discriminator,
    real: torch.Tensor,
    fake: torch.Tensor,
    c: torch.Tensor,
    generator: torch.Generator,
) -> torch.Tensor:
    real_score = discriminator(translate(real, generator), c)
    fake_score = discriminator(translate(fake.detach(), generator), c)
    return F.relu(1 - real_score).mean() + F.relu(1 + fake_score).mean()


def r1_penalty(
    discriminator: Discriminator, real: torch.Tensor, c: torch.Tensor, gamma: float
) -> torch.Tensor:
    """gamma/2 * |grad_x D(x)|^2 on real images (Mescheder et al. 2018): keeps an
    unnormalised D smooth where the data is."""
    real = real.detach().requires_grad_(True)
    (grad,) = torch.autograd.grad(discriminator(real, c).sum(), real, create_graph=True)
    return gamma / 2 * grad.square().sum((1, 2, 3)).mean()


def generator_loss(
    discriminator: Discriminator,
    net: Generator,
    c: torch.Tensor,
    z: torch.Tensor,
    generator: torch.Generator,
    pair_target: float,
    mode_seeking_weight: float,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Hinge loss plus a capped mode-seeking term on pairs of z sharing one condition.

    c comes in two halves that share conditions (image i and i + B/2). Images of two
    latents are pushed apart only while they are closer (in 16x16 greyscale layout)
    than two renders of the same mood are, so diversity grows to the data's own spread
    and no further (uncapped, it destroys the conditioning).
    """
    fake = net(z, c)
    adversarial = -discriminator(translate(fake, generator), c).mean()
    distance = layout_distance(*((fake + 1) / 2).chunk(2))
    mode_seeking = F.relu(pair_target - distance).mean()
    return adversarial + mode_seeking_weight * mode_seeking, distance.mean().detach()
