"""The GAN benchmark: fidelity, conditioning, diversity, imperfection and speed, measured
on the shipped checkpoint against the renderer, each figure beside the renders' own value.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

import torch

from therapy_app.art import dataset as datasets
from therapy_app.art.conditioning import (
    EMOTIONS,
    INTENSITY,
    VALENCE,
    emotion_rows,
    sample_conditions,
)
from therapy_app.art.render import render
from therapy_app.art.sampler import ArtSpec, Painter

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from therapy_app.art.judges import Judge
    from therapy_app.art.networks import Generator

CHUNK = 250


def renders(c: torch.Tensor, first_seed: int) -> torch.Tensor:
    return torch.cat(
        [
            render(
                c[i : i + CHUNK],
                list(range(first_seed + i, first_seed + i + len(c[i : i + CHUNK]))),
                64,
            )
            for i in range(0, len(c), CHUNK)
        ]
    )


def generated(net: Generator, c: torch.Tensor, seed: int) -> torch.Tensor:
    rng = torch.Generator().manual_seed(seed)
    out = []
    with torch.no_grad():
        for i in range(0, len(c), CHUNK):
            part = c[i : i + CHUNK]
            z = torch.randn(len(part), net.config.z_dim, generator=rng)
            out.append((net(z, part, generator=rng) + 1) / 2)
    return torch.cat(out).clamp(0, 1)


def _judge_all(judge: Judge, images: torch.Tensor) -> tuple[torch.Tensor, ...]:
    with torch.no_grad():
        parts = [judge(images[i : i + CHUNK]) for i in range(0, len(images), CHUNK)]
        feats = [judge.features(images[i : i + CHUNK]) for i in range(0, len(images), CHUNK)]
    return (torch.cat([p[0] for p in parts]), torch.cat([p[1] for p in parts]), torch.cat(feats))


def accuracy(logits: torch.Tensor, c: torch.Tensor) -> float:
    return float((logits.argmax(1) == c[:, : len(EMOTIONS)].argmax(1)).float().mean())


def pearson(a: torch.Tensor, b: torch.Tensor) -> float:
    a, b = a - a.mean(), b - b.mean()
    return float((a * b).sum() / (a.norm() * b.norm() + 1e-12))


def frechet(x: torch.Tensor, y: torch.Tensor) -> float:
    x, y = x.double(), y.double()
    mu_x, mu_y = x.mean(0), y.mean(0)
    cov_x, cov_y = torch.cov(x.T), torch.cov(y.T)
    eigenvalues = torch.linalg.eigvals(cov_x @ cov_y)
    trace_sqrt = eigenvalues.sqrt().real.sum()
    return float((mu_x - mu_y).square().sum() + cov_x.trace() + cov_y.trace() - 2 * trace_sqrt)


def precision_recall(real: torch.Tensor, fake: torch.Tensor, k: int = 3) -> tuple[float, float]:
    """Kynkäänniemi et al. (2019): share of each set inside the other's k-NN manifold."""

    def radii(points: torch.Tensor) -> torch.Tensor:
        distances = torch.cdist(points, points)
        return distances.kthvalue(k + 1, dim=1).values

    def inside(points: torch.Tensor, manifold: torch.Tensor, r: torch.Tensor) -> float:
        return float((torch.cdist(points, manifold) <= r[None, :]).any(1).float().mean())

    return inside(fake, real, radii(real)), inside(real, fake, radii(fake))


def layout_spread(images: torch.Tensor, group: int) -> torch.Tensor:
    """Mean pairwise distance of 16x16 greyscale thumbnails within each group of samples."""
    thumbs = datasets.layout_thumbnails(images).view(-1, group, 256)
    distances = torch.cdist(thumbs, thumbs, p=1) / 256
    return distances.sum((1, 2)) / (group * (group - 1))


def single_emotion_conditions(per_emotion: int, generator: torch.Generator) -> torch.Tensor:
    """`emotion_rows` with each row's place on the axes jittered and its intensity drawn."""
    c = emotion_rows(per_emotion)
    axes = slice(VALENCE, VALENCE + 3)
    for e in range(len(EMOTIONS)):
        rows = slice(e * per_emotion, (e + 1) * per_emotion)
        jitter = 0.1 * torch.randn(per_emotion, 3, generator=generator)
        c[rows, axes] = (c[rows, axes] + jitter).clamp(-1, 1)
        c[rows, INTENSITY] = torch.rand(per_emotion, generator=generator) * 0.5 + 0.5
    return c


def _timed(action: Callable[[], object], repeats: int) -> float:
    action()
    started = time.perf_counter()
    for _ in range(repeats):
        action()
    return (time.perf_counter() - started) / repeats * 1000


def speed(net: Generator, weights: Path) -> dict[str, float]:
    c = torch.tensor([[1.0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.45, 0.4, 0.8]])
    z = torch.randn(1, net.config.z_dim)
    painter = Painter(net, {"model_version": "bench"})
    candidates = [ArtSpec(tuple(c[0].tolist()), ((s, 1.0),), 0.15, 256) for s in range(4)]
    chosen = [ArtSpec(tuple(c[0].tolist()), ((1, 1.0),), 0.15, 1024)]
    batch = sample_conditions(256, torch.Generator().manual_seed(5))
    with torch.no_grad():
        gan_ms = _timed(lambda: net(z, c), 30)
    return {
        "gan_ms_per_image_64px_batch1": round(gan_ms, 2),
        "renderer_ms_per_image_64px_batch256": round(
            _timed(lambda: render(batch, list(range(256)), 64), 2) / 256, 3
        ),
        "renderer_ms_per_image_64px_batch1": round(_timed(lambda: render(c, [1], 64), 10), 2),
        "four_candidates_finished_256px_ms": round(_timed(lambda: painter.paint(candidates), 3), 1),
        "chosen_finished_1024px_ms": round(_timed(lambda: painter.paint(chosen), 3), 1),
        "weights_bytes": weights.stat().st_size,
    }


def benchmark(
    net: Generator,
    judges: dict[str, Judge],
    weights: Path,
    samples: int = 2000,
    fd_images: int = 5000,
    draws: int = 3,
    progress: Callable[[str], None] = print,
) -> dict[str, object]:
    torch.set_num_threads(2)
    rng = torch.Generator().manual_seed(2024)
    c = sample_conditions(samples, rng)
    progress("rendering and generating the evaluation sets")
    real = renders(c, 900_000)
    fake = generated(net, c, 1)
    report: dict[str, object] = {"samples": samples}
    colour, shape = judges["colour"], judges["shape"]
    asked = c[:, VALENCE : VALENCE + 3]
    for name, judge in (("colour", colour), ("shape", shape)):
        logits_r, vad_r, _ = _judge_all(judge, real)
        logits_g, vad_g, _ = _judge_all(judge, fake)
        acc_r, acc_g = accuracy(logits_r, c), accuracy(logits_g, c)
        entry = {
            "accuracy_renders": round(acc_r, 4),
            "accuracy_generated": round(acc_g, 4),
            "ratio": round(acc_g / acc_r, 4),
        }
        for i, axis in enumerate(("valence", "arousal", "dominance")):
            entry[f"{axis}_r_generated"] = round(pearson(asked[:, i], vad_g[:, i]), 4)
            entry[f"{axis}_r_renders"] = round(pearson(asked[:, i], vad_r[:, i]), 4)
        report[f"{name}_judge"] = entry

    progress("Fréchet distance and precision/recall in colour-judge features")
    fd_c = sample_conditions(fd_images * 3, rng)
    feats = [
        _judge_all(
            colour, renders(fd_c[i * fd_images : (i + 1) * fd_images], 2_000_000 + i * fd_images)
        )[2]
        for i in range(3)
    ]
    fake_feats = _judge_all(colour, generated(net, fd_c[:fd_images], 2))[2]
    spread = []
    for d in range(draws):
        perm = torch.randperm(fd_images, generator=torch.Generator().manual_seed(d))
        spread.append(frechet(feats[1][perm[: fd_images // 2]], feats[2][perm[fd_images // 2 :]]))
    render_vs_render = frechet(feats[1], feats[2])
    gen_vs_render = frechet(fake_feats, feats[0])
    precision, recall = precision_recall(feats[0][:3000], fake_feats[:3000])
    base_p, base_r = precision_recall(feats[0][:3000], feats[1][:3000])
    report["frechet"] = {
        "generated_vs_renders": round(gen_vs_render, 4),
        "renders_vs_renders": round(render_vs_render, 4),
        "ratio": round(gen_vs_render / render_vs_render, 2),
        "renders_vs_renders_half_sets_over_draws": [round(v, 4) for v in spread],
    }
    report["precision_recall"] = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "renders_precision": round(base_p, 4),
        "renders_recall": round(base_r, 4),
    }

    progress("diversity within a condition (16x16 greyscale layout)")
    per_emotion, group = 7, 8
    cond = single_emotion_conditions(per_emotion, rng).repeat_interleave(group, dim=0)
    seeds = list(range(3_000_000, 3_000_000 + len(cond)))
    spread_r = layout_spread(renders(cond, seeds[0]), group)
    spread_g = layout_spread(generated(net, cond, 3), group)
    ratio = spread_g / spread_r
    report["diversity"] = {
        "vectors": len(ratio),
        "ratio_overall": round(float(spread_g.mean() / spread_r.mean()), 4),
        "per_emotion": {
            e: round(float(ratio[i * per_emotion : (i + 1) * per_emotion].mean()), 4)
            for i, e in enumerate(EMOTIONS)
        },
    }

    progress("imperfection (as the app paints it: latent noise, network noise, glitches)")
    painter = Painter(net, {"model_version": "bench"})
    measured = c[:1000]
    specs = [
        ArtSpec(tuple(row.tolist()), ((4_000_000 + i, 1.0),)) for i, row in enumerate(measured)
    ]
    clean = painter.raw(specs)
    rough = painter.raw([replace(spec, imperfection=1.0) for spec in specs])
    acc_clean = accuracy(_judge_all(colour, clean)[0], measured)
    logits_rough, vad_rough, _ = _judge_all(colour, rough)
    report["imperfection"] = {
        "mean_pixel_change_0_to_1": round(float((rough - clean).abs().mean()), 4),
        "colour_accuracy_ratio_1_vs_0": round(accuracy(logits_rough, measured) / acc_clean, 4),
        "arousal_r_at_1": round(pearson(measured[:, VALENCE + 1], vad_rough[:, 1]), 4),
    }
    progress("speed")
    report["speed"] = speed(net, weights)
    return report
