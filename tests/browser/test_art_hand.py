"""The person's own hand: make art, draw over it with the brush (a palette colour and one of
their own, width, opacity, undo), save it, and find both layers in the gallery, where the
model's part alone shows none of the strokes."""

import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import server_run, settled, shot
from tests.browser.test_journeys import create_account, field

pytestmark = pytest.mark.browser
OWN_COLOUR = "#ff00ff"  # a magenta the painter's palettes do not hold
# How many pixels of an image on the page are the magenta drawn (the image read back from
# what the browser received; same origin, so the canvas is not tainted).
MAGENTA_PIXELS = """(img) => {
  const canvas = document.createElement("canvas");
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const context = canvas.getContext("2d");
  context.drawImage(img, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let found = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] > 220 && data[i + 1] < 60 && data[i + 2] > 220) found += 1;
  }
  return found;
}"""

# The canvas has drawn the picture beneath the strokes: an image fetched and decoded, which
# takes longer than the empty drawing the canvas loads beside it.
PICTURE_BENEATH = """(beneath) => {
  if (!beneath.width) return false;
  const middle = [beneath.width / 2, beneath.height / 2, 1, 1];
  return beneath.getContext("2d").getImageData(...middle).data[3] > 0;
}"""


def _wait_for_the_picture_beneath(page) -> None:
    """Looked up again at each try (the canvas lives in the component's shadow DOM, which a
    locator reaches, and a rerun may put a new canvas in the old one's place)."""
    beneath = page.locator("[data-testid='stMain'] canvas.dc-background-canvas").last
    deadline = time.monotonic() + 30
    while not beneath.evaluate(PICTURE_BENEATH):
        assert time.monotonic() < deadline, "the canvas never drew the picture beneath"
        page.wait_for_timeout(100)


def _stroke(page, canvas, start: tuple[float, float], end: tuple[float, float], held: str) -> None:
    """A mouse stroke across the canvas, from and to fractions of its size, and the page
    saying how many strokes the server then holds (a run that something else asked for,
    such as the canvas reporting its background's fit, can end before the stroke arrives)."""
    settled(page)
    # A stroke begun while the canvas is still loading (its empty drawing, then the picture
    # beneath) is wiped when the load ends (seen once in CI, under load).
    _wait_for_the_picture_beneath(page)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x0, y0 = box["x"] + start[0] * box["width"], box["y"] + start[1] * box["height"]
    x1, y1 = box["x"] + end[0] * box["width"], box["y"] + end[1] * box["height"]
    page.mouse.move(x0, y0)
    with server_run(page):  # the stroke reaches the server
        page.mouse.down()
        for step in range(1, 21):
            page.mouse.move(x0 + (x1 - x0) * step / 20, y0 + (y1 - y0) * step / 20)
        page.mouse.up()
    expect(page.get_by_text(f"{held} of yours, saved with the picture")).to_be_visible()


def _magenta(page, image) -> int:
    expect(image).to_be_visible()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    return image.evaluate(MAGENTA_PIXELS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_draw_over_a_picture_and_find_both_layers(server, page, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    create_account(page, server, "hand")
    page.get_by_role("button", name="hopeful").click()
    page.get_by_role("button", name="Save entry").click()
    page.get_by_role("button", name="Make art from this check-in").click()
    expect(page.get_by_role("button", name="Keep this")).to_have_count(4, timeout=60_000)
    page.get_by_role("button", name="Keep this").first.click()
    expect(page.get_by_role("heading", name="Your picture")).to_be_visible(timeout=60_000)

    page.get_by_text("Draw on it").click()
    canvas = page.locator("[data-testid='stMain'] canvas").last
    expect(canvas).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Brush colour (from the picture, or your own)")).to_be_visible()
    _stroke(page, canvas, (0.1, 0.8), (0.5, 0.9), "1 stroke")  # in a colour of the picture's own
    page.get_by_text("Your own…").click()
    page.get_by_test_id("stColorPickerBlock").click()
    hex_field = page.locator("input[value^='#']").last
    hex_field.fill(OWN_COLOUR)
    hex_field.press("Enter")
    page.keyboard.press("Escape")
    opacity = page.get_by_role("slider", name="Opacity")
    opacity.focus()
    with server_run(page):
        page.keyboard.press("End")  # fully opaque, so the colour is exact
    _stroke(page, canvas, (0.15, 0.15), (0.85, 0.4), "2 strokes")
    _stroke(page, canvas, (0.9, 0.1), (0.9, 0.6), "3 strokes")  # a stroke to take back
    with server_run(page):
        page.get_by_role("button", name="Undo").click()
    expect(page.get_by_text("2 strokes of yours, saved with the picture")).to_be_visible()
    shot(page, f"70-art-brush-{scheme}")

    field(page, "Give it a title (optional)").fill("My own marks")
    field(page, "Give it a title (optional)").press("Enter")
    page.get_by_role("button", name="Save with this entry").click()
    expect(page.get_by_text("Your picture is saved with this entry")).to_be_visible(timeout=60_000)
    in_entry = page.locator("[data-testid='stMain'] [data-testid='stImage'] img").first
    assert _magenta(page, in_entry) > 500  # the entry shows the picture as finished

    page.get_by_role("button", name="Open in the gallery").click()
    expect(page.get_by_text("drawn over by you (2 strokes)")).to_be_visible()
    picture = page.locator("[data-testid='stMain'] [data-testid='stImage'] img").first
    both = _magenta(page, picture)
    assert both > 500
    shot(page, f"71-gallery-both-layers-{scheme}")
    with server_run(page):
        page.get_by_text("The model's part alone").first.click()
    expect(page.get_by_text("which its recipe paints again")).to_be_visible()
    alone = page.locator("[data-testid='stMain'] [data-testid='stImage'] img").first
    assert _magenta(page, alone) == 0
    shot(page, f"72-gallery-model-alone-{scheme}")
    page.get_by_role("button", name="Back to gallery").click()
    expect(page.get_by_text("With your drawing")).to_be_visible()
    shot(page, f"73-gallery-grid-{scheme}")
