import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from therapy_app.art.conditioning import DIM, EMOTION_VAD, EMOTIONS, sample_conditions
from therapy_app.art.render import render


def single(emotion: str) -> torch.Tensor:
    c = torch.zeros(1, DIM)
    index = EMOTIONS.index(emotion)
    c[0, index] = 1
    c[0, 8:11] = EMOTION_VAD[index]
    c[0, 11] = 0.8
    return c


def test_deterministic_for_a_seed_and_independent_of_the_batch() -> None:
    c = sample_conditions(6, torch.Generator().manual_seed(3))
    batch = render(c, list(range(6)), 64)
    assert torch.equal(batch, render(c, list(range(6)), 64))
    # Alone or in a batch, the same picture to float precision (vectorised maths rounds the
    # last bit differently on some processors depending on how many values it is given).
    torch.testing.assert_close(batch[2:3], render(c[2:3], [2], 64), rtol=0, atol=1e-6)


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**31 - 1))
def test_output_in_range_at_any_seed(seed: int) -> None:
    image = render(sample_conditions(1, torch.Generator().manual_seed(seed)), [seed], 64)
    assert image.shape == (1, 3, 64, 64)
    assert 0 <= float(image.min()) and float(image.max()) <= 1


def test_sizes_and_the_seed_changes_composition() -> None:
    for size in (64, 128, 512):
        assert render(single("joy"), [1], size).shape[-1] == size
    a, b = render(single("trust").repeat(2, 1), [1, 2], 64)
    assert (a - b).abs().mean() > 0.02


def test_colour_follows_the_emotion() -> None:
    joy = render(single("joy").repeat(8, 1), list(range(8)), 64).mean(dim=(0, 2, 3))
    sadness = render(single("sadness").repeat(8, 1), list(range(8)), 64).mean(dim=(0, 2, 3))
    anger = render(single("anger").repeat(8, 1), list(range(8)), 64).mean(dim=(0, 2, 3))
    assert joy.mean() > sadness.mean()  # pleasant moods are brighter
    assert sadness[2] > sadness[0]  # blue over red
    assert anger[0] > anger[2]  # red over blue


def test_sadness_is_heavier_below() -> None:
    image = render(single("sadness").repeat(8, 1), list(range(8)), 64).mean(dim=(0, 1))
    assert image[32:].mean() < image[:32].mean()


def test_bad_conditioning_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="shape"):
        render(torch.zeros(1, 5), [0], 64)
    with pytest.raises(ValueError, match="NaN"):
        render(torch.full((1, DIM), float("nan")), [0], 64)
