"""The training loop: run folder, stats.jsonl, sample grids, checkpoints, resume, EMA.

A run lives in ``<runs>/NNNNN-<desc>/`` with training_options.json, stats.jsonl,
samples/ and state.pt (everything needed to resume after a kill, written atomically).
"""

from __future__ import annotations

import copy
import io
import json
import time
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

import torch

from therapy_app.art.conditioning import emotion_rows
from therapy_app.art.forms import FormConfig, FormGenerator
from therapy_app.art.loss import discriminator_loss, generator_loss, r1_penalty
from therapy_app.art.networks import Discriminator, Generator, NetworkConfig
from therapy_app.fileio import atomic_write_bytes

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from therapy_app.art import dataset as datasets


@dataclass(frozen=True)
class TrainOptions:
    resolution: int = 64
    iterations: int = 3000
    batch: int = 32  # images per step, in two halves that share conditions (see D)
    lr: float = 2e-4
    betas: tuple[float, float] = (0.0, 0.99)
    ema_half_life_images: int = 10_000
    ema_rampup: float = 0.05  # half-life grows with images seen until it reaches the above
    mode_seeking_weight: float = 4.0
    # >0: D without spectral norm, held by an R1 penalty of this weight, applied lazily every
    # r1_every steps (scaled up to match), as in stylegan2. 0: spectral norm holds D.
    r1_gamma: float = 0.05
    r1_every: int = 16
    dataset_images: int = 40_000
    device: str = "cpu"
    threads: int = 2
    seed: int = 0
    snapshot_every: int = 100
    sample_every: int = 250
    minutes: float | None = None  # stop (and save) after this much wall time
    # "forms": the renderer's forms from a learned latent space (art.forms), crisp at every
    # size; "pixels": the convolutional generator of the first model.
    generator: str = "forms"

    def forms(self) -> FormConfig:
        return FormConfig(resolution=self.resolution)

    def network(self) -> NetworkConfig:
        if self.resolution == 64:
            return NetworkConfig()
        return NetworkConfig(
            resolution=self.resolution,
            channels=(128, 96, 64, 48, 32, 16, 12),
            d_channels=(16, 24, 32, 64, 96, 128, 128),
        )


@dataclass
class TrainState:
    generator: Generator | FormGenerator
    discriminator: Discriminator
    ema: Generator | FormGenerator
    opt_g: torch.optim.Optimizer
    opt_d: torch.optim.Optimizer
    iteration: int = 0
    images_seen: int = 0
    seconds: float = 0.0


def new_state(options: TrainOptions) -> TrainState:
    torch.manual_seed(options.seed)
    config = options.network()
    net = FormGenerator(options.forms()) if options.generator == "forms" else Generator(config)
    generator = net.to(options.device)
    discriminator = Discriminator(config, spectral=options.r1_gamma == 0).to(options.device)
    ema = copy.deepcopy(generator).eval().requires_grad_(False)
    return TrainState(
        generator,
        discriminator,
        ema,
        torch.optim.Adam(generator.parameters(), options.lr, betas=options.betas),
        torch.optim.Adam(discriminator.parameters(), options.lr, betas=options.betas),
    )


def update_ema(state: TrainState, options: TrainOptions, batch: int) -> None:
    half_life = min(options.ema_half_life_images, max(1.0, state.images_seen * options.ema_rampup))
    beta = 0.5 ** (batch / half_life)
    with torch.no_grad():
        for p_ema, p in zip(state.ema.parameters(), state.generator.parameters(), strict=True):
            p_ema.copy_(p.lerp(p_ema, beta))


def save_state(state: TrainState, path: Path) -> None:
    buffer = io.BytesIO()
    torch.save(
        {
            "generator": state.generator.state_dict(),
            "discriminator": state.discriminator.state_dict(),
            "ema": state.ema.state_dict(),
            "opt_g": state.opt_g.state_dict(),
            "opt_d": state.opt_d.state_dict(),
            "counters": [state.iteration, state.images_seen, state.seconds],
        },
        buffer,
    )
    atomic_write_bytes(path, buffer.getvalue(), mode=0o644)


def load_state(options: TrainOptions, path: Path) -> TrainState:
    state = new_state(options)
    data = torch.load(path, weights_only=True, map_location=options.device)
    state.generator.load_state_dict(data["generator"])
    state.discriminator.load_state_dict(data["discriminator"])
    state.ema.load_state_dict(data["ema"])
    state.opt_g.load_state_dict(data["opt_g"])
    state.opt_d.load_state_dict(data["opt_d"])
    state.iteration, state.images_seen, state.seconds = data["counters"]
    return state


def next_run_dir(runs: Path, desc: str) -> Path:
    runs.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name[:5]) for p in runs.iterdir() if p.name[:5].isdigit()]
    return runs / f"{max(numbers, default=-1) + 1:05d}-{desc}"


def latest_run_dir(runs: Path) -> Path | None:
    candidates = sorted(p for p in runs.glob("*") if (p / "state.pt").exists())
    return candidates[-1] if candidates else None


def sample_grid(net: Generator | FormGenerator, path: Path, resolution: int) -> None:
    from PIL import Image

    rng = torch.Generator().manual_seed(1234)
    c = emotion_rows(8)
    z = torch.randn(64, net.config.z_dim, generator=rng)
    device = next(net.parameters()).device
    with torch.no_grad():
        images = net(z.to(device), c.to(device)).cpu()
    images = ((images + 1) * 127.5).clamp(0, 255).byte()
    grid = images.view(8, 8, 3, resolution, resolution).permute(0, 3, 1, 4, 2)
    grid = grid.reshape(8 * resolution, 8 * resolution, 3).numpy()
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(grid).save(path)


def train(
    options: TrainOptions,
    run_dir: Path,
    data: datasets.RenderDataset,
    progress: Callable[[dict[str, float]], None] | None = None,
    abort: Callable[[], bool] | None = None,
    resume: bool = False,
) -> TrainState:
    torch.set_num_threads(options.threads)
    run_dir.mkdir(parents=True, exist_ok=True)
    state_path = run_dir / "state.pt"
    if resume and state_path.exists():
        state = load_state(options, state_path)
    else:
        state = new_state(options)
        (run_dir / "training_options.json").write_text(json.dumps(asdict(options), indent=2))
    rng = torch.Generator().manual_seed(options.seed + state.iteration)
    started = time.perf_counter() - state.seconds
    device = options.device
    while state.iteration < options.iterations:
        real, c = data.pairs(options.batch, rng)
        real, c = real.to(device), c.to(device)
        z = torch.randn(options.batch, state.generator.config.z_dim, generator=rng).to(device)
        with torch.no_grad():
            fake = state.generator(z, c)
        loss_d = discriminator_loss(state.discriminator, real, fake, c, rng)
        total_d = loss_d
        if options.r1_gamma and state.iteration % options.r1_every == 0:
            penalty = r1_penalty(state.discriminator, real, c, options.r1_gamma)
            total_d = loss_d + penalty * options.r1_every
        state.opt_d.zero_grad(set_to_none=True)
        total_d.backward()
        state.opt_d.step()

        loss_g, spread = generator_loss(
            state.discriminator,
            state.generator,
            c,
            z,
            rng,
            data.pair_distance,
            options.mode_seeking_weight,
        )
        state.opt_g.zero_grad(set_to_none=True)
        loss_g.backward()
        state.opt_g.step()

        state.iteration += 1
        state.images_seen += options.batch
        update_ema(state, options, options.batch)
        state.seconds = time.perf_counter() - started
        stats = {
            "iteration": state.iteration,
            "loss_d": float(loss_d.detach()),
            "loss_g": float(loss_g.detach()),
            "pair_spread": float(spread),
            "target_spread": data.pair_distance,
            "seconds": round(state.seconds, 1),
            "images_per_s": round(state.images_seen / max(state.seconds, 1e-6), 1),
        }
        _after_step(state, options, run_dir, stats, progress)
        out_of_time = options.minutes is not None and state.seconds > options.minutes * 60
        if out_of_time or (abort and abort()):
            break
    save_state(state, state_path)
    sample_grid(
        state.ema, run_dir / "samples" / f"grid-{state.iteration:06d}.png", options.resolution
    )
    return state


def _after_step(
    state: TrainState,
    options: TrainOptions,
    run_dir: Path,
    stats: dict[str, float],
    progress: Callable[[dict[str, float]], None] | None,
) -> None:
    if state.iteration % 10 == 0 or state.iteration == 1:
        with (run_dir / "stats.jsonl").open("a") as log:
            log.write(json.dumps(stats) + "\n")
        if progress:
            progress(stats)
    if state.iteration % options.snapshot_every == 0:
        save_state(state, run_dir / "state.pt")
    if state.iteration % options.sample_every == 0:
        sample_grid(
            state.ema, run_dir / "samples" / f"grid-{state.iteration:06d}.png", options.resolution
        )


def with_overrides(options: TrainOptions, **changes: object) -> TrainOptions:
    return replace(options, **{k: v for k, v in changes.items() if v is not None})
