"""Painterly finishing pass: brush strokes that follow the image's structure, then paper grain.

After Hertzmann (1998), "Painterly rendering with curved brush strokes of multiple sizes":
paint from the largest brush to the smallest, each layer against a reference blurred to the
brush size, placing strokes only where the canvas still differs from the reference, with
strokes oriented along the image's edges (perpendicular to the luminance gradient). Strokes
are splatted per orientation with depthwise convolutions, so a 1024 px picture takes a
fraction of a second. Deterministic for a seed.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import torch
from torch.nn import functional as F  # noqa: N812

ORIENTATIONS = 8


PAINT_SIDE = 512  # strokes are laid at up to this side, then the picture is enlarged


@dataclass(frozen=True)
class Brush:
    radius: float  # in pixels of a 512 px painting
    spacing: float  # stroke grid spacing as a multiple of the radius
    threshold: float  # mean colour error below which no stroke is placed
    length: float  # stroke length as a multiple of the radius


BRUSHES = (
    Brush(radius=14, spacing=1.0, threshold=0.0, length=4.0),
    Brush(radius=7, spacing=1.0, threshold=0.025, length=4.5),
    Brush(radius=3.5, spacing=1.0, threshold=0.04, length=5.0),
)


def _blur(image: torch.Tensor, sigma: float) -> torch.Tensor:
    if sigma < 0.5:
        return image
    radius = int(math.ceil(2.5 * sigma))
    x = torch.arange(-radius, radius + 1, dtype=torch.float32)
    kernel = torch.exp(-(x**2) / (2 * sigma**2))
    kernel = kernel / kernel.sum()
    channels = image.shape[1]
    horizontal = kernel.view(1, 1, 1, -1).repeat(channels, 1, 1, 1)
    vertical = kernel.view(1, 1, -1, 1).repeat(channels, 1, 1, 1)
    image = F.conv2d(
        F.pad(image, (radius, radius, 0, 0), mode="replicate"), horizontal, groups=channels
    )
    return F.conv2d(
        F.pad(image, (0, 0, radius, radius), mode="replicate"), vertical, groups=channels
    )


BRISTLES = torch.tensor([0.62, 0.95, 0.71, 1.0, 0.83, 0.97, 0.66, 0.9, 0.58])
MIN_RADIUS = 2.5  # smaller brushes add nothing visible and cost time


@functools.lru_cache(maxsize=32)
def _stroke_kernels(radius: float, length: float) -> torch.Tensor:
    """(ORIENTATIONS, 1, K, K): soft, tapered, bristled strokes at each orientation."""
    half = int(math.ceil(radius * length / 2 + radius))
    axis = torch.arange(-half, half + 1, dtype=torch.float32)
    y, x = torch.meshgrid(axis, axis, indexing="ij")
    bristles = BRISTLES
    kernels = []
    for k in range(ORIENTATIONS):
        angle = math.pi * k / ORIENTATIONS
        u = x * math.cos(angle) + y * math.sin(angle)
        v = -x * math.sin(angle) + y * math.cos(angle)
        along = (u.abs() / (radius * length / 2)).clamp(max=1.5)
        taper = (1 - along**4).clamp(min=0)
        width = radius * (0.45 + 0.25 * taper)
        body = torch.sigmoid((width - v.abs()) / (0.05 * radius + 0.3)) * taper
        lane = ((v / width + 1) * 4).clamp(0, 8).round().long()
        kernels.append(body * bristles[lane])
    return torch.stack(kernels).unsqueeze(1)


def _orientation_bins(reference: torch.Tensor) -> torch.Tensor:
    """Per pixel, the stroke direction bin: along edges, i.e. across the gradient."""
    luma = reference.mean(1, keepdim=True)
    gx = F.conv2d(
        F.pad(luma, (1, 1, 1, 1), mode="replicate"),
        torch.tensor([[[[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]]]]),
    )
    gy = F.conv2d(
        F.pad(luma, (1, 1, 1, 1), mode="replicate"),
        torch.tensor([[[[-1.0, -2, -1], [0, 0, 0], [1, 2, 1]]]]),
    )
    angle = torch.atan2(gy, gx) + math.pi / 2
    return ((angle % math.pi) / math.pi * ORIENTATIONS).long() % ORIENTATIONS


def _rand(shape: tuple[int, ...], generators: list[torch.Generator]) -> torch.Tensor:
    """One draw per picture from that picture's own generator, so its strokes do not
    depend on which other pictures share the batch."""
    return torch.cat([torch.rand((1, *shape), generator=g) for g in generators])


def _warp(image: torch.Tensor, amount: float, generators: list[torch.Generator]) -> torch.Tensor:
    """A smooth random displacement, so strokes laid on a grid stop looking like one."""
    batch, _, size, _ = image.shape
    field = (_rand((2, 12, 12), generators) - 0.5) * 2 * amount / size
    field = F.interpolate(field, size=size, mode="bicubic", align_corners=False)
    base = F.affine_grid(
        torch.eye(2, 3).expand(batch, 2, 3), list(image.shape), align_corners=False
    )
    return F.grid_sample(
        image, base + field.permute(0, 2, 3, 1), padding_mode="border", align_corners=False
    )


def _layer(
    canvas: torch.Tensor,
    reference: torch.Tensor,
    brush: Brush,
    scale: float,
    generators: list[torch.Generator],
) -> torch.Tensor:
    """One brush size: strokes on a grid of cells, splatted with a strided transposed conv."""
    batch, _, side, _ = canvas.shape
    radius = brush.radius * scale
    step = max(1, int(round(radius * brush.spacing)))
    cells = F.avg_pool2d(reference, step, step)
    error = F.avg_pool2d((canvas - reference).abs().mean(1, keepdim=True), step, step)
    keep = _rand(tuple(error.shape[1:]), generators) < 0.92  # a few gaps, like a real hand
    place = ((error > brush.threshold) & keep).float()
    bins = _orientation_bins(cells)
    source = torch.cat(
        [
            torch.cat([cells * place * (bins == k), place * (bins == k)], dim=1)
            for k in range(ORIENTATIONS)
        ],
        dim=1,
    )
    kernels = _stroke_kernels(radius, brush.length).repeat_interleave(4, dim=0)
    # channels-last takes oneDNN's fast path for this grouped transposed conv: half the time
    source = source.contiguous(memory_format=torch.channels_last)
    splat = F.conv_transpose2d(source, kernels, stride=step, groups=4 * ORIENTATIONS)
    height, width = splat.shape[2:]
    splat = splat.permute(0, 2, 3, 1).reshape(batch, height, width, ORIENTATIONS, 4).sum(3)
    offset = kernels.shape[-1] // 2 - step // 2
    splat = splat.permute(0, 3, 1, 2)[:, :, offset : offset + side, offset : offset + side]
    paint = F.pad(splat, (0, side - splat.shape[3], 0, side - splat.shape[2])).contiguous()
    paint = _warp(paint, radius * 0.6, generators)
    colour = paint[:, :3] / paint[:, 3:].clamp_min(1e-4)
    alpha = paint[:, 3:].clamp(0, 1)
    return canvas * (1 - alpha) + colour * alpha


def _paper(size: int, generator: torch.Generator) -> torch.Tensor:
    coarse = torch.rand(1, 1, 24, 24, generator=generator)
    coarse = F.interpolate(coarse, size=size, mode="bicubic", align_corners=False)
    fine = torch.rand(1, 1, size, size, generator=generator)
    weave = torch.sin(torch.arange(size, dtype=torch.float32) * 2.1).view(1, 1, 1, -1)
    return 1 + 0.05 * (coarse - 0.5) + 0.05 * (fine - 0.5) + 0.012 * weave


def finish(images: torch.Tensor, size: int, seeds: list[int]) -> torch.Tensor:
    """(B, 3, h, w) in 0..1 -> (B, 3, size, size) in 0..1, painted, one seed per picture.

    Each picture depends only on its own pixels and seed, whether painted alone or in a
    batch (batching is what makes four candidates fast)."""
    generators = [torch.Generator().manual_seed(seed) for seed in seeds]
    side = min(size, PAINT_SIDE)
    reference = F.interpolate(images, size=side, mode="bicubic", align_corners=False)
    reference = reference.clamp(0, 1)
    scale = side / PAINT_SIDE
    # The toned ground: a wide blur, taken at the network's own size (16x fewer pixels).
    ground = _blur(images, 8 * scale * images.shape[-1] / side)
    canvas = F.interpolate(ground, size=side, mode="bilinear", align_corners=False).clamp(0, 1)
    for brush in (b for b in BRUSHES if b.radius * scale >= MIN_RADIUS):
        blurred = _blur(reference, brush.radius * scale * 0.25)
        canvas = _layer(canvas, blurred, brush, scale, generators)
    if side != size:
        canvas = F.interpolate(canvas, size=size, mode="bicubic", align_corners=False)
    return on_paper(canvas, generators)


def on_paper(images: torch.Tensor, generators: list[torch.Generator]) -> torch.Tensor:
    """The paper's grain and weave under each picture, from that picture's generator."""
    paper = torch.cat([_paper(images.shape[-1], generator) for generator in generators])
    return (images * paper.to(images.device)).clamp(0, 1)
