"""Networks, a 20-iteration training smoke run, checkpoints and resume."""

import json

import pytest
import torch

from tests.art.conftest import TINY
from therapy_app.art import checkpoint
from therapy_app.art import dataset as datasets
from therapy_app.art.loss import r1_penalty
from therapy_app.art.networks import (
    Discriminator,
    Generator,
    Knobs,
    glitch_features,
    minibatch_std,
)
from therapy_app.art.train import TrainOptions, train

pytestmark = pytest.mark.slow  # trains networks or runs the CLI in subprocesses


def test_shapes_and_parameter_budget() -> None:
    from therapy_app.art.networks import NetworkConfig

    g, d = Generator(NetworkConfig()), Discriminator(NetworkConfig())
    images = g(torch.randn(2, 64), torch.rand(2, 12))
    assert images.shape == (2, 3, 64, 64) and images.abs().max() <= 1
    assert d(images, torch.rand(2, 12)).shape == (2,)
    params = sum(p.numel() for p in g.parameters())
    assert 0.5e6 < params < 2e6


def test_conditioning_and_latent_change_the_output() -> None:
    torch.manual_seed(0)
    g = Generator(TINY).eval()
    z, c = torch.randn(1, 64), torch.zeros(1, 12)
    c[0, 0] = 1
    other = torch.zeros(1, 12)
    other[0, 4] = 1
    with torch.no_grad():
        base = g(z, c, Knobs(noise_gain=0))
        assert (base - g(z, other, Knobs(noise_gain=0))).abs().mean() > 1e-4
        assert (base - g(torch.randn(1, 64), c, Knobs(noise_gain=0))).abs().mean() > 1e-4


def test_truncation_pulls_toward_each_moods_own_centre() -> None:
    torch.manual_seed(0)
    g = Generator(TINY).eval()
    joy, sadness = torch.zeros(1, 12), torch.zeros(1, 12)
    joy[0, 0] = sadness[0, 4] = 1
    styles = []
    g.start.style.register_forward_hook(lambda _module, args, _out: styles.append(args[0]))
    fully = Knobs(truncation=0.0, noise_gain=0)
    with torch.no_grad():
        for c in (joy, joy, sadness):
            g(torch.randn(1, 64), c, fully)
    # whatever the latent, a fully truncated picture gets its mood's own centre style
    assert torch.allclose(styles[0], styles[1], atol=1e-6)
    assert (styles[0] - styles[2]).abs().mean() > 1e-3


def test_glitches_move_places_never_channels() -> None:
    features = torch.randn(3, 8, 16, 16)
    glitched = glitch_features(features, 1.0, torch.Generator().manual_seed(1))
    assert (glitched != features).float().mean() > 0.2
    # each image's channels keep their own values (the palette), only their places change
    assert torch.equal(
        glitched.flatten(2).sort(dim=2).values, features.flatten(2).sort(dim=2).values
    )
    assert torch.equal(glitch_features(features, 0.0, torch.Generator()), features)


@pytest.mark.parametrize("spectral", [True, False])
def test_discriminator_sees_the_image(spectral: bool) -> None:
    torch.manual_seed(0)
    d = Discriminator(TINY, spectral=spectral)
    c = torch.rand(4, 12)
    images = torch.rand(4, 3, 64, 64) * 2 - 1
    with torch.no_grad():
        assert (d(images, c) - d(torch.zeros_like(images), c)).abs().mean() > 1e-3


@pytest.fixture(scope="module")
def small_data():
    return datasets.build(64, 64, seed=1, renders_per_condition=2)


def test_training_pairs_are_two_pictures_of_one_condition(small_data, tmp_path) -> None:
    images, c = small_data.pairs(8, torch.Generator().manual_seed(0))
    assert torch.equal(c[:4], c[4:])
    assert len({tuple(row.tolist()) for row in c[:4]}) > 1  # the pairs are not all one mood
    assert (images[:4] - images[4:]).abs().mean() > 0.05  # their seeds differ
    datasets.save(small_data, tmp_path / "set.pt")
    assert datasets.load(tmp_path / "set.pt").renders_per_condition == 2
    with pytest.raises(ValueError, match="rebuild it with pairs"):
        datasets.build(8, 64).pairs(4, torch.Generator())


def test_layout_distance_ignores_a_lighter_copy_of_one_composition() -> None:
    image = torch.rand(1, 3, 64, 64) * 0.5
    assert datasets.layout_distance(image, image + 0.3).item() < 1e-6
    mirrored = image.flip(3)
    assert datasets.layout_distance(image, mirrored).item() > 0.01


def test_minibatch_std_compares_the_two_halves_of_a_batch() -> None:
    half = torch.rand(4, 8, 4, 4)
    same = minibatch_std(torch.cat([half, half]))[:, -1]
    different = minibatch_std(torch.cat([half, torch.rand(4, 8, 4, 4)]))[:, -1]
    assert same.max() < 1e-3 < different.min()


@pytest.mark.parametrize("r1_gamma", [0.0, 0.05], ids=["spectral-norm", "r1"])
def test_training_smoke_run_checkpoint_and_resume(
    tmp_path, small_data, monkeypatch, r1_gamma: float
) -> None:
    monkeypatch.setattr(TrainOptions, "network", lambda self: TINY)
    options = TrainOptions(
        iterations=20,
        batch=8,
        snapshot_every=10,
        sample_every=10,
        dataset_images=64,
        threads=1,
        r1_gamma=r1_gamma,
        r1_every=4,
    )
    run = tmp_path / "00000-smoke"
    state = train(options, run, small_data)
    assert state.iteration == 20
    stats = [json.loads(line) for line in (run / "stats.jsonl").read_text().splitlines()]
    assert stats[-1]["iteration"] == 20 and all(
        torch.isfinite(torch.tensor(s["loss_d"])) for s in stats
    )
    assert (run / "samples" / "grid-000020.png").exists()
    resumed = train(
        TrainOptions(**{**options.__dict__, "iterations": 25}), run, small_data, resume=True
    )
    assert resumed.iteration == 25 and resumed.images_seen == 25 * 8
    weights = tmp_path / "g.pt"
    version = checkpoint.export(resumed.ema, weights, {"iterations": 25})
    loaded, record = checkpoint.load(weights)
    assert record["model_version"] == version and record["conditioning_version"] == 1
    z, c = torch.randn(1, 64), torch.rand(1, 12)
    with torch.no_grad():
        expected = resumed.ema.half().float()(z, c, Knobs(noise_gain=0))
        assert torch.allclose(loaded(z, c, Knobs(noise_gain=0)), expected, atol=1e-2)


def test_damaged_or_missing_checkpoint_is_a_clear_error(tiny_weights, tmp_path) -> None:
    with pytest.raises(checkpoint.CheckpointError, match="no usable art model"):
        checkpoint.load(tmp_path / "missing.pt")
    damaged = tmp_path / "generator.pt"
    damaged.write_bytes(tiny_weights.read_bytes()[:-10] + b"0123456789")
    checkpoint.record_path(damaged).write_bytes(checkpoint.record_path(tiny_weights).read_bytes())
    with pytest.raises(checkpoint.CheckpointError, match="does not match its record"):
        checkpoint.load(damaged)


def test_r1_penalty_reaches_the_discriminator() -> None:
    torch.manual_seed(0)
    d = Discriminator(TINY, spectral=False)
    penalty = r1_penalty(d, torch.rand(4, 3, 64, 64) * 2 - 1, torch.rand(4, 12), gamma=1.0)
    penalty.backward()
    assert penalty > 0 and d.from_rgb.weight.grad.abs().sum() > 0


def test_benchmark_figures_join_the_record_and_the_weights_still_load(tiny_weights, tmp_path):
    weights = tmp_path / "generator.pt"
    weights.write_bytes(tiny_weights.read_bytes())
    checkpoint.record_path(weights).write_bytes(checkpoint.record_path(tiny_weights).read_bytes())
    checkpoint.attach_metrics(weights, {"colour_judge": {"ratio": 0.5}})
    _, record = checkpoint.load(weights)
    assert record["metrics"] == {"colour_judge": {"ratio": 0.5}} and record["note"] == "untrained"
