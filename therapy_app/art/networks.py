"""Conditional generator and projection discriminator (layout after stylegan2-ada).

Generator: a mapping MLP turns [z, c] into a style w; a learned 4x4 constant plus a
projection of z (so z shapes the layout from the very start) is upsampled through
conv stages, each with per-pixel noise and conditional normalisation from w.
Discriminator: strided convs (spectral-norm, or free for an R1 penalty to hold), a
minibatch-std channel over pairs of one condition against mode collapse, and a
projection term <embed(c), features> for the condition.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Self

import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812
from torch.nn.utils import spectral_norm as _spectral_norm

# Where a network draws its random noise from; None draws from torch's global source.
Noise = torch.Generator | None


@dataclass(frozen=True)
class MappingConfig:
    """What both generators share: the mapping from a latent and a mood to a style, and the
    side they train at (the pixel generator paints only at it, the form generator at any)."""

    z_dim: int = 64  # latent size
    c_dim: int = 12  # conditioning vector size (art.conditioning.DIM)
    w_dim: int = 128  # style size
    mapping_layers: int = 3
    resolution: int = 64  # in pixels (64 on CPU, 128 where a GPU trains)

    def as_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Self:
        return cls(**data)


@dataclass(frozen=True)
class NetworkConfig(MappingConfig):
    """The convolutional (pixel) generator and its discriminator."""

    # channels per resolution, from 4x4 upward; one entry per doubling
    channels: tuple[int, ...] = field(default=(128, 96, 64, 40, 20, 12))
    d_channels: tuple[int, ...] = field(default=(16, 32, 64, 96, 128, 128))
    # A second conv per stage only up to this side: full-resolution convs dominate CPU time.
    double_conv_up_to: int = 32

    def stages(self) -> int:
        return int(math.log2(self.resolution)) - 2

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Self:
        values = dict(data)
        values["channels"] = tuple(values["channels"])
        values["d_channels"] = tuple(values["d_channels"])
        return cls(**values)


class MappingNetwork(nn.Module):
    """[normalised z, embedded c] -> w."""

    def __init__(self, config: MappingConfig) -> None:
        super().__init__()
        self.z_dim = config.z_dim
        self.embed = nn.Linear(config.c_dim, config.w_dim)
        layers: list[nn.Module] = []
        width = config.z_dim + config.w_dim
        for _ in range(config.mapping_layers):
            layers += [nn.Linear(width, config.w_dim), nn.LeakyReLU(0.2)]
            width = config.w_dim
        self.net = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
        z = z * torch.rsqrt(z.square().mean(1, keepdim=True) + 1e-8)
        return self.net(torch.cat([z, self.embed(c)], dim=1))

    def truncated(self, z: torch.Tensor, c: torch.Tensor, truncation: float) -> torch.Tensor:
        """w pulled toward its condition's centre by ``truncation`` (1.0: w as mapped)."""
        w = self(z, c)
        if truncation != 1.0:
            centre = self.mood_centre(c)
            w = centre + (w - centre) * truncation
        return w

    CENTRE_LATENTS = 64

    def mood_centre(self, c: torch.Tensor) -> torch.Tensor:
        """Each condition's mean style, over fixed latents. Truncating toward it keeps the mood;
        the mean over all moods would wash every clean picture toward the same average."""
        z = torch.randn(
            self.CENTRE_LATENTS, self.z_dim, generator=torch.Generator().manual_seed(0)
        ).to(c.device)
        w = self(z.repeat(len(c), 1), c.repeat_interleave(self.CENTRE_LATENTS, 0))
        return w.view(len(c), self.CENTRE_LATENTS, -1).mean(1)


class StyledConv(nn.Module):
    """3x3 conv, per-pixel noise, instance norm, then scale and shift from w."""

    def __init__(self, in_ch: int, out_ch: int, w_dim: int) -> None:
        super().__init__()
        self.conv = nn.Conv2d(in_ch, out_ch, 3, padding=1)
        self.noise_strength = nn.Parameter(torch.zeros(1, out_ch, 1, 1))
        self.style = nn.Linear(w_dim, out_ch * 2)
        nn.init.normal_(self.style.weight, std=0.02)
        with torch.no_grad():
            self.style.bias[:out_ch] = 1.0
            self.style.bias[out_ch:] = 0.0

    def forward(
        self, x: torch.Tensor, w: torch.Tensor, noise_gain: float = 1.0, generator: Noise = None
    ) -> torch.Tensor:
        x = self.conv(x)
        if noise_gain:
            noise = torch.randn(x.shape[0], 1, *x.shape[2:], generator=generator, device=x.device)
            x = x + self.noise_strength * noise * noise_gain
        x = F.instance_norm(x)
        scale, shift = self.style(w).chunk(2, dim=1)
        return F.leaky_relu(x * scale[:, :, None, None] + shift[:, :, None, None], 0.2)


@dataclass(frozen=True)
class Knobs:
    """Sampling controls. imperfection 0 = clean; 1 = visible glitches from inside the net."""

    truncation: float = 1.0
    noise_gain: float = 1.0
    glitch: float = 0.0


AS_TRAINED = Knobs()


class Generator(nn.Module):
    def __init__(self, config: NetworkConfig) -> None:
        super().__init__()
        self.config = config
        ch = config.channels
        self.mapping = MappingNetwork(config)
        self.const = nn.Parameter(torch.randn(1, ch[0], 4, 4))
        self.z_to_start = nn.Linear(config.z_dim, ch[0] * 16)
        self.start = StyledConv(ch[0], ch[0], config.w_dim)
        self.blocks = nn.ModuleList()
        for i in range(config.stages()):
            side = 8 * 2**i
            convs = [StyledConv(ch[i], ch[i + 1], config.w_dim)]
            if side <= config.double_conv_up_to:
                convs.append(StyledConv(ch[i + 1], ch[i + 1], config.w_dim))
            self.blocks.append(nn.ModuleList(convs))
        self.to_rgb = nn.Conv2d(ch[config.stages()], 3, 1)

    def forward(
        self, z: torch.Tensor, c: torch.Tensor, knobs: Knobs = AS_TRAINED, generator: Noise = None
    ) -> torch.Tensor:
        """Images in -1..1, (B, 3, resolution, resolution)."""
        w = self.mapping.truncated(z, c, knobs.truncation)
        x = self.const + self.z_to_start(z).view(-1, self.config.channels[0], 4, 4)
        x = self.start(x, w, knobs.noise_gain, generator)
        for index, convs in enumerate(self.blocks):
            x = F.interpolate(x, scale_factor=2, mode="nearest")
            for conv in convs:
                x = conv(x, w, knobs.noise_gain, generator)
            if knobs.glitch and index in (1, 2):
                x = glitch_features(x, knobs.glitch, generator)
        return torch.tanh(self.to_rgb(x))


def glitch_features(x: torch.Tensor, amount: float, generator: Noise) -> torch.Tensor:
    """Feature-map disruption growing with amount: displaced bands and misplaced tiles.

    Only places move, never channels: swapped channels repaint the palette, and the mood's
    colours and energy are what must survive the flaws (measured in bench gan)."""
    batch, channels, height, width = x.shape
    rows = torch.rand(batch, 1, height, 1, generator=generator, device=x.device) < 0.35 * amount
    shift = max(1, int(round(width * 0.25 * amount)))
    x = torch.where(rows, torch.roll(x, shifts=shift, dims=3), x)
    return _misplace_tiles(x, 0.25 * amount, generator)


def _misplace_tiles(
    x: torch.Tensor, share: float, generator: Noise, per_side: int = 8
) -> torch.Tensor:
    """Shuffle about ``share`` of the feature map's tiles (per_side x per_side) among
    themselves; the other tiles stay where they are."""
    batch, channels, height, width = x.shape
    tile = height // per_side
    count = per_side * per_side
    tiles = x.reshape(batch, channels, per_side, tile, per_side, tile).permute(0, 1, 2, 4, 3, 5)
    tiles = tiles.reshape(batch, channels, count, tile, tile)
    order = torch.arange(count, device=x.device).repeat(batch, 1)
    for image in range(batch):
        moved = (torch.rand(count, generator=generator) < share).nonzero().squeeze(1)
        order[image, moved] = moved[torch.randperm(len(moved), generator=generator)]
    tiles = torch.gather(tiles, 2, order[:, None, :, None, None].expand_as(tiles))
    tiles = tiles.reshape(batch, channels, per_side, per_side, tile, tile).permute(0, 1, 2, 4, 3, 5)
    return tiles.reshape(batch, channels, height, width)


class Discriminator(nn.Module):
    def __init__(self, config: NetworkConfig, spectral: bool = True) -> None:
        """spectral=False leaves the layers free for a gradient penalty (R1) to hold D."""
        super().__init__()
        spectral_norm = _spectral_norm if spectral else _unchanged
        self.stage_gain = self.STAGE_GAIN if spectral else 1.0
        ch = config.d_channels
        stages = config.stages()
        self.from_rgb = spectral_norm(nn.Conv2d(3, ch[0], 1))
        self.blocks = nn.ModuleList()
        for i in range(stages):
            side = config.resolution // 2 ** (i + 1)
            layers: list[nn.Module] = [
                spectral_norm(nn.Conv2d(ch[i], ch[i + 1], 4, stride=2, padding=1)),
                nn.LeakyReLU(0.2),
            ]
            if side <= config.double_conv_up_to // 2:
                layers += [
                    spectral_norm(nn.Conv2d(ch[i + 1], ch[i + 1], 3, padding=1)),
                    nn.LeakyReLU(0.2),
                ]
            self.blocks.append(nn.Sequential(*layers))
        last = ch[stages]
        self.final = spectral_norm(nn.Conv2d(last + 1, last, 3, padding=1))
        self.fc = spectral_norm(nn.Linear(last * 16, last))
        self.out = spectral_norm(nn.Linear(last, 1))
        self.embed = spectral_norm(nn.Linear(config.c_dim, last))
        if not spectral:
            self.apply(he_init)

    # Spectral norm bounds each layer's gain by 1, and strided convs lose about half of the
    # signal per stage; without this fixed gain the image vanishes before the head and D's
    # output depends on the condition alone (measured: activations fell 10x in 4 stages).
    STAGE_GAIN = 2.2

    def forward(self, image: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
        x = F.leaky_relu(self.from_rgb(image), 0.2)
        for block in self.blocks:
            x = block(x) * self.stage_gain
        x = F.leaky_relu(self.final(minibatch_std(x)), 0.2)
        h = F.leaky_relu(self.fc(x.flatten(1)), 0.2)
        return self.out(h).squeeze(1) + (self.embed(c) * h).sum(1)


def _unchanged(layer: nn.Module) -> nn.Module:
    return layer


def he_init(layer: nn.Module) -> None:
    """He initialisation for leaky ReLU: PyTorch's default shrinks the signal ~2.5x per
    stage, and an unnormalised D would start blind to the image (its output set by c)."""
    if isinstance(layer, nn.Conv2d | nn.Linear):
        nn.init.kaiming_normal_(layer.weight, a=0.2)
        nn.init.zeros_(layer.bias)


def minibatch_std(x: torch.Tensor, group: int = 2) -> torch.Tensor:
    """Append the mean standard deviation across a group of samples as one channel.

    Groups are samples i, i + B/group, ...: training batches come in halves that share
    conditions, so the channel holds how different two pictures of one mood are, and a
    generator painting one layout per mood is told apart from the renders at a glance."""
    batch = x.shape[0]
    g = min(group, batch)
    while batch % g:
        g -= 1
    y = x.view(g, -1, *x.shape[1:])
    std = (y.var(0, unbiased=False) + 1e-8).sqrt().mean(dim=(1, 2, 3))
    std = std.repeat(g).view(batch, 1, 1, 1).expand(batch, 1, *x.shape[2:])
    return torch.cat([x, std], dim=1)
