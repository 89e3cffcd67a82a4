"""The form generator: the renderer's forms from a learned latent space, at any size."""

import shutil

import pytest
import torch
from torch.nn import functional as F  # noqa: N812

from therapy_app.art import checkpoint
from therapy_app.art.conditioning import emotion_rows, sample_conditions
from therapy_app.art.forms import (
    FLAW_NUMBERS,
    FORM_NUMBERS,
    GRAIN_NUMBERS,
    FormConfig,
    FormGenerator,
    LearnedDraws,
)
from therapy_app.art.networks import Knobs
from therapy_app.art.render import Draws, Flaws, paint, render
from therapy_app.art.sampler import DEFAULT_WEIGHTS, RETIRED, ArtSpec, Painter

JOY = (1.0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.45, 0.4, 0.8)
CALM = Knobs(noise_gain=0)
SAME_FORMS = 0.02  # mean difference at 16 px of one picture painted at two sizes


def seeded_numbers(seeds: list[int]) -> torch.Tensor:
    gens = [torch.Generator().manual_seed(seed) for seed in seeds]
    return torch.stack([torch.rand(Draws.COUNT, generator=g) for g in gens])


def shrunk(images: torch.Tensor) -> torch.Tensor:
    return F.interpolate(images, size=16, mode="area")


def test_learned_numbers_paint_exactly_what_the_renderer_paints() -> None:
    c = sample_conditions(12, torch.Generator().manual_seed(4))
    numbers = seeded_numbers(list(range(12)))[:, : FORM_NUMBERS + GRAIN_NUMBERS]
    draws = LearnedDraws(numbers.clone())
    with torch.no_grad():
        painted = paint(c, draws, 64)
    assert draws.used == FORM_NUMBERS + GRAIN_NUMBERS  # every number is a form's, none unused
    torch.testing.assert_close(painted, render(c, list(range(12)), 64), rtol=0, atol=1e-5)


def test_every_choice_passes_a_gradient_back_to_its_numbers() -> None:
    c = sample_conditions(16, torch.Generator().manual_seed(5))
    numbers = seeded_numbers(list(range(16)))[:, : FORM_NUMBERS + GRAIN_NUMBERS]
    numbers.requires_grad_(True)
    paint(c, LearnedDraws(numbers), 32).mean().backward()
    # palette picks (the first five numbers) and the layout's arrangement (number 27) only
    # act through discrete choices: the relaxation is what lets them learn
    assert numbers.grad[:, :5].abs().sum() > 0 and numbers.grad[:, 27].abs().sum() > 0


def test_the_same_forms_at_every_size() -> None:
    torch.manual_seed(0)
    net = FormGenerator(FormConfig(hidden=32)).eval()
    z, c = torch.randn(4, 64), emotion_rows(1)[::2]
    with torch.no_grad():
        small = net.paint(z, c, 64, CALM)
        large = net.paint(z, c, 512, CALM)
    assert large.shape == (4, 3, 512, 512)
    # compared at 16 px, where the paper's per-pixel grain averages out and forms remain;
    # the renderer's own 64 and 512 px pictures of the same numbers differ there by 0.013
    assert (shrunk(large) - shrunk(small)).abs().mean() < SAME_FORMS


def test_an_untrained_generator_already_spreads_its_numbers_over_latents() -> None:
    # Training starts from the renderer's variety: for one mood, z moves each number about
    # as far as a uniform draw spreads (0.29), not by 0.008 (one picture per mood from the
    # first step, which training never left).
    torch.manual_seed(0)
    net = FormGenerator(FormConfig())
    z = torch.randn(256, 64, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        numbers = net.numbers(z, emotion_rows(1)[:1].expand(256, -1))
    assert numbers.std(0).mean() > 0.2


def test_flaws_act_on_marks_the_same_way_at_every_size() -> None:
    torch.manual_seed(0)
    net = FormGenerator(FormConfig(hidden=32)).eval()
    z, c = torch.randn(8, 64), emotion_rows(1)
    flawed = Knobs(noise_gain=0, glitch=1.0)
    with torch.no_grad():
        clean = net.paint(z, c, 128, CALM, torch.Generator().manual_seed(3))
        rough = net.paint(z, c, 128, flawed, torch.Generator().manual_seed(3))
        rough_large = net.paint(z, c, 512, flawed, torch.Generator().manual_seed(3))
    assert (rough - clean).abs().mean() > 0.01
    assert (shrunk(rough_large) - shrunk(rough)).abs().mean() < SAME_FORMS
    assert not Flaws(0.0, Draws(torch.rand(1, FLAW_NUMBERS)))


def test_two_training_steps_on_cuda(tmp_path) -> None:
    if not torch.cuda.is_available():
        pytest.skip("no CUDA device on this machine")
    from therapy_app.art import dataset as datasets
    from therapy_app.art.train import TrainOptions, train

    data = datasets.build(32, 64, seed=2, renders_per_condition=2)
    for kind in ("forms", "pixels"):
        options = TrainOptions(iterations=2, batch=8, device="cuda", r1_every=1, generator=kind)
        state = train(options, tmp_path / kind, data)
        assert state.iteration == 2
        assert next(state.ema.parameters()).device.type == "cuda"


def test_a_form_painter_paints_each_spec_at_its_own_size(tiny_forms_weights) -> None:
    painter = Painter.load(tiny_forms_weights)
    assert painter.draws_forms
    spec = ArtSpec(JOY, ((11, 1.0), (12, 0.35)), imperfection=0.6, size=96)
    first, wide = painter.paint([spec, ArtSpec(JOY, ((11, 1.0),), size=200)])
    assert first.size == (96, 96) and wide.size == (200, 200)
    assert painter.paint([spec])[0].tobytes() == first.tobytes()


# The pixel model that shipped before the form generator, retired beside it: pictures saved
# with it must still regenerate from their provenance exactly as it paints them.
PIXEL_VERSION = "fe38ec592e6b"
RETIRED_PIXELS = DEFAULT_WEIGHTS.parent / RETIRED / f"pixels-{PIXEL_VERSION}.pt"


def test_a_retired_models_provenance_still_regenerates_bit_exactly() -> None:
    spec = ArtSpec(JOY, ((11, 1.0), (12, 0.35)), imperfection=0.6, size=128)
    painter = Painter.for_model(PIXEL_VERSION)
    assert painter.model_version == PIXEL_VERSION and not painter.draws_forms
    # the same pixels as the retired file painting in place (a hash recorded on one
    # processor would not hold on another: float kernels differ between CPUs)
    in_place = Painter.load(RETIRED_PIXELS).paint([spec])[0]
    assert painter.paint([spec])[0].tobytes() == in_place.tobytes()
    shipped = Painter.load()
    assert shipped.draws_forms  # the model that paints new pictures draws forms
    assert Painter.for_model(shipped.model_version).model_version == shipped.model_version
    with pytest.raises(checkpoint.CheckpointError, match="no art model 000000000000"):
        Painter.for_model("000000000000")


def test_a_model_no_longer_kept_is_named(tmp_path, tiny_forms_weights) -> None:
    current = tmp_path / "generator.pt"  # nothing retired beside it
    shutil.copy(tiny_forms_weights, current)
    shutil.copy(checkpoint.record_path(tiny_forms_weights), checkpoint.record_path(current))
    with pytest.raises(checkpoint.CheckpointError, match=PIXEL_VERSION):
        Painter.for_model(PIXEL_VERSION, current)


def test_painting_only_where_a_form_reaches_changes_no_pixel() -> None:
    c = sample_conditions(16, torch.Generator().manual_seed(9))
    numbers = torch.rand(16, FLAW_NUMBERS, generator=torch.Generator().manual_seed(1))
    seeds = [torch.Generator().manual_seed(i) for i in range(16)]
    whole = paint(c, Draws.seeded(seeds), 256, Flaws(1.0, Draws(numbers.clone())))
    with torch.no_grad():  # painting (not learning) crops each form to the pixels it reaches
        seeds = [torch.Generator().manual_seed(i) for i in range(16)]
        cropped = paint(c, Draws.seeded(seeds), 256, Flaws(1.0, Draws(numbers.clone())))
    assert torch.equal(whole, cropped)
