import pytest
from PIL import Image, ImageStat

from therapy_app.art import contact_sheets
from therapy_app.art.sampler import Painter

pytestmark = pytest.mark.slow  # trains networks or runs the CLI in subprocesses


def test_contact_sheets_show_every_emotion_seed_and_imperfection_step(tiny_weights, tmp_path):
    paths = contact_sheets.write(Painter.load(tiny_weights), tmp_path / "sheets")
    sizes = {path.stem: Image.open(path).size for path in paths}
    assert sizes == {
        "emotions-grid": (8 * 128, 8 * 128),
        "renders-grid": (8 * 128, 8 * 128),
        "imperfection": (5 * 160, 3 * 160),
        "one-picture": (768, 768),
    }
    renders = Image.open(tmp_path / "sheets" / "renders-grid.jpg").convert("L")
    joy_row = ImageStat.Stat(renders.crop((0, 0, 1024, 128))).mean[0]
    sadness_row = ImageStat.Stat(renders.crop((0, 4 * 128, 1024, 5 * 128))).mean[0]
    assert joy_row > sadness_row + 30  # rows are moods, in the order of EMOTIONS
