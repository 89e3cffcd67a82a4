import pytest
from PIL import Image, ImageStat

from therapy_app.art import contact_sheets
from therapy_app.art.sampler import Painter

pytestmark = pytest.mark.slow  # trains networks or runs the CLI in subprocesses


@pytest.mark.parametrize("weights", ["tiny_weights", "tiny_forms_weights"])
def test_contact_sheets_show_every_emotion_seed_step_neighbour_and_morph(
    weights, request, tmp_path
):
    side = 64  # the shipped sheets are at 512 px (contact_sheets.SIDE); small keeps this quick
    painter = Painter.load(request.getfixturevalue(weights))
    paths = contact_sheets.write(painter, tmp_path / "sheets", side)
    sizes = {path.stem: Image.open(path).size for path in paths}
    assert sizes == {
        "emotions-grid": (8 * side, 8 * side),
        "renders-grid": (8 * side, 8 * side),
        "imperfection": (5 * side, 3 * side),
        "neighbours": (6 * side, 3 * side),
        "mood-morph": (7 * side, 3 * side),
        "one-picture": (1024, 1024),
    }
    renders = Image.open(tmp_path / "sheets" / "renders-grid.jpg").convert("L")
    joy_row = ImageStat.Stat(renders.crop((0, 0, 8 * side, side))).mean[0]
    sadness_row = ImageStat.Stat(renders.crop((0, 4 * side, 8 * side, 5 * side))).mean[0]
    assert joy_row > sadness_row + 30  # rows are moods, in the order of EMOTIONS
    if not painter.draws_forms:
        return  # an untrained pixel net knows no mood yet; the renderer's forms do
    morph = Image.open(tmp_path / "sheets" / "mood-morph.jpg").convert("L")
    joy_end = ImageStat.Stat(morph.crop((0, 0, side, side))).mean[0]
    sadness_end = ImageStat.Stat(morph.crop((6 * side, 0, 7 * side, side))).mean[0]
    assert joy_end > sadness_end + 20  # the first morph runs from joy to sadness
