import io
import struct

import pytest
import torch

from therapy_app.art.finish import finish
from therapy_app.art.sampler import ArtSpec, Painter, Provenance, knobs_for, png_bytes

JOY = (1.0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.45, 0.4, 0.8)
SADNESS = (0, 0, 0, 0, 1.0, 0, 0, 0, -0.7, -0.5, -0.4, 0.8)


@pytest.fixture(scope="module")
def painter(tiny_weights) -> Painter:
    return Painter.load(tiny_weights)


def pixels(painter: Painter, spec: ArtSpec) -> bytes:
    return painter.paint([spec])[0].tobytes()


def test_regenerating_from_provenance_gives_the_same_pixels(painter) -> None:
    spec = ArtSpec(JOY, ((11, 1.0), (12, 0.35)), imperfection=0.6, size=128)
    first = pixels(painter, spec)
    provenance = Provenance.from_json(painter.provenance(spec).as_json())
    assert provenance.spec == spec and provenance.model_version == painter.model_version
    assert pixels(painter, provenance.spec) == first


def test_conditioning_seed_and_imperfection_change_the_picture(painter) -> None:
    base = ArtSpec(JOY, ((5, 1.0),), size=64)
    raw = painter.raw(
        [
            base,
            ArtSpec(SADNESS, ((5, 1.0),), size=64),
            ArtSpec(JOY, ((6, 1.0),), size=64),
            ArtSpec(JOY, ((5, 1.0),), imperfection=1.0, size=64),
        ]
    )
    for other in raw[1:]:
        assert (raw[0] - other).abs().mean() > 1e-4


def test_variation_and_mix_recipes(painter) -> None:
    a, b = ArtSpec(JOY, ((1, 1.0),)), ArtSpec(SADNESS, ((2, 1.0),))
    assert a.more_like_this(9).latent == ((1, 1.0), (9, 0.35))
    mixed = a.mixed_with(b, 0.25)
    assert mixed.latent == ((1, 0.75), (2, 0.25))
    assert mixed.conditioning[0] == pytest.approx(0.75)


def test_imperfection_knobs_are_monotonic() -> None:
    steps = [knobs_for(x / 10) for x in range(11)]
    assert steps[0].truncation < 1 and steps[0].glitch == 0
    assert steps[-1].glitch == 1 and steps[-1].noise_gain > steps[0].noise_gain
    assert all(a.glitch <= b.glitch for a, b in zip(steps, steps[1:], strict=False))


def test_finishing_is_deterministic_and_painterly() -> None:
    image = torch.rand(1, 3, 64, 64)
    a, b = finish(image, 256, [4]), finish(image, 256, [4])
    assert a.shape == (1, 3, 256, 256) and torch.equal(a, b)
    assert not torch.equal(a, finish(image, 256, [5]))


def test_a_picture_finished_in_a_batch_is_the_picture_finished_alone() -> None:
    images = torch.rand(3, 3, 64, 64)
    together = finish(images, 256, [4, 5, 6])
    for i, seed in enumerate((4, 5, 6)):
        assert torch.equal(together[i], finish(images[i : i + 1], 256, [seed])[0])


def _chunks(data: bytes) -> list[str]:
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        chunks.append(kind.decode())
        offset += 12 + length
    return chunks


def test_png_has_no_metadata_chunks(painter) -> None:
    from PIL import Image, PngImagePlugin

    painted = painter.paint([ArtSpec(JOY, ((3, 1.0),), size=64)])[0]
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "someone")
    tagged = io.BytesIO()
    painted.save(tagged, format="PNG", pnginfo=info, icc_profile=b"a colour profile")
    image = Image.open(io.BytesIO(tagged.getvalue()))  # a picture that carries metadata
    plain = io.BytesIO()
    image.save(plain, format="PNG")
    assert "iCCP" in _chunks(plain.getvalue())  # PIL alone would write it out again

    data = png_bytes(image)
    assert set(_chunks(data)) <= {"IHDR", "IDAT", "IEND"}
    assert Image.open(io.BytesIO(data)).size == (64, 64)


def test_mood_morph_is_an_animated_gif(painter) -> None:
    from PIL import Image

    specs = [ArtSpec(JOY, ((1, 1.0),), size=64), ArtSpec(SADNESS, ((2, 1.0),), size=64)]
    gif = painter.morph(specs, steps=3, size=64)
    animation = Image.open(io.BytesIO(gif))
    assert animation.format == "GIF" and animation.n_frames == 4
    with pytest.raises(ValueError, match="at least two"):
        painter.morph(specs[:1])
