"""A whole training run as the CLI starts it: dataset cache, train, export the EMA generator."""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import TYPE_CHECKING

import torch

from therapy_app.art import checkpoint
from therapy_app.art import dataset as datasets
from therapy_app.art.train import TrainOptions, latest_run_dir, next_run_dir, train

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _dataset(
    home: Path, options: TrainOptions, echo: Callable[[str], None]
) -> datasets.RenderDataset:
    path = home / f"dataset-{options.resolution}-{options.dataset_images}-pairs.pt"
    if path.exists():
        return datasets.load(path)
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % (total // 20 or 1) < datasets.CHUNK or done == total:
            rate = done / (time.perf_counter() - started)
            echo(f"rendering training set: {done}/{total} ({rate:.0f} images/s)")

    data = datasets.build(
        options.dataset_images, options.resolution, progress=progress, renders_per_condition=2
    )
    datasets.save(data, path)
    return data


def run(
    home: Path,
    weights: Path,
    options: TrainOptions,
    *,
    resume: bool,
    echo: Callable[[str], None],
) -> dict[str, object]:
    torch.set_num_threads(options.threads)
    started = time.perf_counter()
    data = _dataset(home, options, echo)
    runs = home / "runs"
    run_dir = (latest_run_dir(runs) if resume else None) or next_run_dir(
        runs, f"size{options.resolution}-{options.device}"
    )

    def progress(stats: dict[str, float]) -> None:
        echo(
            f"it {stats['iteration']:>6}/{options.iterations}  D {stats['loss_d']:.3f}  "
            f"G {stats['loss_g']:.3f}  spread {stats['pair_spread']:.3f}/"
            f"{stats['target_spread']:.3f}  {stats['images_per_s']:.0f} img/s  "
            f"{stats['seconds'] / 60:.1f} min"
        )

    state = train(options, run_dir, data, progress=progress, resume=resume)
    wall = time.perf_counter() - started
    record = {
        "iterations": state.iteration,
        "images_seen": state.images_seen,
        "train_seconds": round(state.seconds, 1),
        "wall_seconds": round(wall, 1),
        "device": options.device if options.device == "cpu" else torch.cuda.get_device_name(),
        "threads": options.threads,
        "resolution": options.resolution,
        "run_dir": run_dir.name,
        "dataset_images": options.dataset_images,
        "options": asdict(options),  # everything needed to train it again
    }
    version = checkpoint.export(state.ema, weights, record)
    return {**record, "weights": str(weights), "model_version": version}
