"""A Daylio export goes in through the preview and the mood mapping, shows on the timeline,
gets pictures painted while the person is on another page, and the journal comes out as a
PDF, in chromium against the real server."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, shot
from tests.browser.test_journeys import create_account
from tests.interop.test_importers import FIXTURES

DAYLIO = FIXTURES / "daylio" / "currin_sample_multiple_moods.csv"


def test_import_daylio_see_it_on_the_timeline_and_export_a_pdf(server, page) -> None:
    create_account(page, server)
    page.get_by_role("link", name="Import and export").click()
    expect(page.get_by_role("heading", name="Import and export")).to_be_visible()
    page.locator("input[type='file']").set_input_files(str(DAYLIO))
    expect(page.get_by_role("heading", name="Your moods")).to_be_visible()
    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    expect(page.get_by_text("From 21 July 2020 to 12 May 2021.")).to_be_visible()
    expect(page.get_by_text("Refreshed' was read as okay", exact=False)).to_have_count(1)
    _choose_level(page, row=2, level="great")  # Refreshed: a guess, corrected here
    expect(page.get_by_text("Refreshed' was read as okay", exact=False)).to_have_count(0)
    shot(page, "import-01-preview-and-mapping")
    page.get_by_role("button", name="Import 7 entries").click()
    expect(page.get_by_text("Imported 7 entries.")).to_be_visible()
    shot(page, "import-02-done")

    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^7 entries · mean pleasantness"))).to_be_visible()
    shot(page, "import-03-timeline")

    page.get_by_role("link", name="Import and export").click()
    page.get_by_role("tab", name="Pictures").click()
    page.get_by_role("button", name="Paint 7 pictures").click()
    started = page.get_by_text(re.compile(r"^\d of 7 pictures painted|^Painted 7 of 7"))
    expect(started.first).to_be_visible()
    page.get_by_role("link", name="Journal").click()  # leave while it paints
    expect(page.get_by_role("heading", name="Journal")).to_be_visible()
    page.get_by_role("link", name="Import and export").click()
    page.get_by_role("tab", name="Pictures").click()
    expect(page.get_by_text("Painted 7 of 7 pictures.")).to_be_visible(timeout=120_000)
    shot(page, "import-04-pictures-painted")

    page.get_by_role("tab", name="Export").click()
    page.get_by_text("PDF: an art journal to print", exact=False).click()
    page.get_by_role("button", name="Prepare the PDF file").click()
    expect(page.get_by_text("7 entries and 7 pictures are ready.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download journal.pdf").click()
    saved = ARTIFACTS / "import-journal.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")


def _choose_level(page, row: int, level: str) -> None:
    """The mapping table is a canvas grid: open the level cell of a row and pick from its
    list (rows counted from 1 under the header)."""
    grid = page.get_by_test_id("stDataFrame").first
    box = grid.bounding_box()
    header, height = 35, 35
    y = box["y"] + header + (row - 0.5) * height
    x = box["x"] + box["width"] * 0.75
    page.mouse.dblclick(x, y)
    page.get_by_role("option", name=level, exact=True).click()
    page.keyboard.press("Enter")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] + 40)


def test_a_refused_file_is_one_calm_sentence_and_quotes_nothing_as_markdown(
    server, page, tmp_path
) -> None:
    """A file's header is quoted in the refusal; a Markdown image in it must stay text (the
    page fixture fails the test if the browser asks another server for anything)."""
    hostile = tmp_path / "export.csv"
    hostile.write_text("Date,![x](http://example.invalid/x.png),Amount\n2026-01-01,a,1\n")
    create_account(page, server)
    page.get_by_role("link", name="Import and export").click()
    page.locator("input[type='file']").set_input_files(str(hostile))
    expect(page.get_by_text("is not a Daylio CSV export", exact=False)).to_be_visible()
    expect(page.get_by_text("//example.invalid/x.png)", exact=False)).to_be_visible()
    links = page.locator("img[src*='example.invalid'], a[href*='example']")
    assert links.count() == 0, links.first.evaluate("e => e.outerHTML")
    expect(page.get_by_role("button", name=re.compile("^Import"))).to_have_count(0)
    shot(page, "import-05-refused")
