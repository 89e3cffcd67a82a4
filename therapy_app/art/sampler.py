"""Sampling from the shipped EMA generator: candidates, variations, mixes, imperfection.

A picture is fully described by an ArtSpec (conditioning, latent recipe, imperfection,
size); its provenance is that spec plus the model version, and regenerating from it
gives the same pixels. The latent recipe is a weighted sum of seeded normal vectors:
a fresh candidate is [(seed, 1)], "more like this" adds a small step from a new seed,
"mix two" blends two candidates' seeds.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

import torch
from PIL import Image

from therapy_app.art import checkpoint, conditioning
from therapy_app.art.finish import finish, on_paper
from therapy_app.art.forms import FormGenerator
from therapy_app.art.images import png_bytes, thumbnail_bytes
from therapy_app.art.networks import Knobs

if TYPE_CHECKING:
    from pathlib import Path

    from therapy_app.art.networks import Generator

DEFAULT_WEIGHTS = checkpoint.TRAINED / "generator.pt"
RETIRED = "retired"  # beside the current weights: earlier models, kept for their pictures
VARIATION_STEP = 0.35
CLEAN_TRUNCATION = 0.7


@dataclass(frozen=True)
class ArtSpec:
    conditioning: tuple[float, ...]
    latent: tuple[tuple[int, float], ...]
    imperfection: float = 0.0
    size: int = 512

    @property
    def seed(self) -> int:
        return self.latent[0][0]

    def more_like_this(self, new_seed: int) -> ArtSpec:
        return replace(self, latent=(*self.latent, (new_seed, VARIATION_STEP)))

    def mixed_with(self, other: ArtSpec, amount: float = 0.5) -> ArtSpec:
        mine = tuple((s, w * (1 - amount)) for s, w in self.latent)
        theirs = tuple((s, w * amount) for s, w in other.latent)
        blended = tuple(
            a * (1 - amount) + b * amount
            for a, b in zip(self.conditioning, other.conditioning, strict=True)
        )
        return replace(self, latent=mine + theirs, conditioning=blended)


@dataclass(frozen=True)
class Provenance:
    model_version: str
    conditioning_version: int
    spec: ArtSpec
    extras: dict[str, object] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        spec = asdict(self.spec)
        spec["latent"] = [list(pair) for pair in self.spec.latent]
        spec["conditioning"] = list(self.spec.conditioning)
        return {
            "model_version": self.model_version,
            "conditioning_version": self.conditioning_version,
            **spec,
            **self.extras,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Provenance:
        spec = ArtSpec(
            conditioning=tuple(float(v) for v in data["conditioning"]),
            latent=tuple((int(s), float(w)) for s, w in data["latent"]),
            imperfection=float(data["imperfection"]),
            size=int(data["size"]),
        )
        known = {
            "model_version",
            "conditioning_version",
            "conditioning",
            "latent",
            "imperfection",
            "size",
        }
        return cls(
            str(data["model_version"]),
            int(data["conditioning_version"]),
            spec,
            {k: v for k, v in data.items() if k not in known},
        )


def knobs_for(imperfection: float) -> Knobs:
    """0: clean (truncated toward the mood's own centre); 0.5: the model as trained;
    1: visibly glitched."""
    imperfection = min(1.0, max(0.0, imperfection))
    return Knobs(
        truncation=CLEAN_TRUNCATION + (1 - CLEAN_TRUNCATION) * min(1.0, imperfection * 2),
        # Noise past 2x turns colour into static; flaws come from the glitches instead.
        noise_gain=1.0 + max(0.0, imperfection - 0.3) / 0.7,
        glitch=max(0.0, (imperfection - 0.4) / 0.6),
    )


def latent(recipe: tuple[tuple[int, float], ...], z_dim: int) -> torch.Tensor:
    total = torch.zeros(z_dim)
    for seed, weight in recipe:
        total += weight * torch.randn(z_dim, generator=torch.Generator().manual_seed(seed))
    norm = math.sqrt(sum(w * w for _, w in recipe)) or 1.0
    return total / norm


class Painter:
    """The generator plus everything needed to turn specs into finished pictures."""

    def __init__(self, net: Generator | FormGenerator, record: dict[str, object]) -> None:
        self.net = net
        self.record = record
        self.model_version = str(record["model_version"])

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> Painter:
        net, record = checkpoint.load(path)
        return cls(net, record)

    @classmethod
    def for_model(cls, model_version: str, current: Path = DEFAULT_WEIGHTS) -> Painter:
        """The painter of the model a provenance names: the current one or a retired one
        (kept in ``retired/`` beside it, so saved pictures still regenerate)."""
        for path in (current, *sorted((current.parent / RETIRED).glob("*.pt"))):
            record = checkpoint.record_path(path)
            if (
                record.is_file()
                and json.loads(record.read_text())["model_version"] == model_version
            ):
                return cls.load(path)
        msg = f"no art model {model_version} is kept here"
        raise checkpoint.CheckpointError(msg)

    @property
    def draws_forms(self) -> bool:
        """True for a form generator: its pictures are painted at their own size."""
        return isinstance(self.net, FormGenerator)

    def _inputs(self, spec: ArtSpec) -> tuple[torch.Tensor, torch.Tensor, torch.Generator]:
        c = conditioning.check(torch.tensor([spec.conditioning], dtype=torch.float32))
        z = latent(spec.latent, self.net.config.z_dim).unsqueeze(0)
        jitter = torch.Generator().manual_seed(spec.seed + 7919)
        z = z + 0.6 * spec.imperfection * torch.randn(z.shape, generator=jitter)
        return z, c, torch.Generator().manual_seed(spec.seed)

    def raw(self, specs: list[ArtSpec]) -> torch.Tensor:
        """The network's own pictures, (B, 3, R, R) in 0..1, before finishing."""
        images = []
        with torch.no_grad():
            for spec in specs:
                z, c, noise = self._inputs(spec)
                images.append(self.net(z, c, knobs_for(spec.imperfection), noise))
        return ((torch.cat(images) + 1) / 2).clamp(0, 1)

    def _forms(self, spec: ArtSpec, paper_seed: int) -> Image.Image:
        """A form generator's picture painted at the spec's size, on paper."""
        z, c, noise = self._inputs(spec)
        with torch.no_grad():
            picture = self.net.paint(z, c, spec.size, knobs_for(spec.imperfection), noise)
        return to_image(on_paper(picture, [torch.Generator().manual_seed(paper_seed)])[0])

    def paint(self, specs: list[ArtSpec]) -> list[Image.Image]:
        """Finished pictures at each spec's size (specs of one size are finished together)."""
        if self.draws_forms:
            return [self._forms(spec, spec.seed) for spec in specs]
        raw = self.raw(specs)
        pictures: list[Image.Image | None] = [None] * len(specs)
        for size in {spec.size for spec in specs}:
            same = [i for i, spec in enumerate(specs) if spec.size == size]
            finished = finish(raw[same], size, [specs[i].seed for i in same])
            for i, picture in zip(same, finished, strict=True):
                pictures[i] = to_image(picture)
        return pictures

    def morph(
        self, specs: list[ArtSpec], steps: int = 6, size: int = 256, frame_ms: int = 140
    ) -> bytes:
        """An animated GIF walking the latent space through the given pictures in order.

        Frames blend each picture into the next (latent recipe and mood together); one
        finishing seed for every frame keeps the brushwork from flickering.
        """
        if len(specs) < 2:
            msg = "a morph needs at least two pictures"
            raise ValueError(msg)
        frames = [
            a.mixed_with(b, i / steps)
            for a, b in zip(specs, specs[1:], strict=False)
            for i in range(steps)
        ]
        frames.append(specs[-1])
        if self.draws_forms:
            images = [self._forms(replace(frame, size=size), specs[0].seed) for frame in frames]
        else:
            finished = finish(self.raw(frames), size, [specs[0].seed] * len(frames))
            images = [to_image(frame) for frame in finished]
        buffer = io.BytesIO()
        images[0].save(
            buffer,
            format="GIF",
            save_all=True,
            append_images=images[1:],
            duration=frame_ms,
            loop=0,
            optimize=True,
        )
        return buffer.getvalue()

    def provenance(self, spec: ArtSpec) -> Provenance:
        return Provenance(self.model_version, conditioning.VERSION, spec)


def to_image(tensor: torch.Tensor) -> Image.Image:
    array = (tensor.permute(1, 2, 0) * 255).round().clamp(0, 255).byte().numpy()
    return Image.fromarray(array, mode="RGB")


__all__ = ["ArtSpec", "Painter", "Provenance", "knobs_for", "png_bytes", "thumbnail_bytes"]
