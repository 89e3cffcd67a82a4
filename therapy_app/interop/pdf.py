"""A personal art journal to print: a cover, then each month with its entries, every picture
beside the words written with it. A4, fpdf2, DejaVu Sans (shipped, so Latin, Greek and
Cyrillic print the same everywhere; it has no CJK and few emoji, which are left blank;
licence in fonts/). User text is set as plain text."""

from __future__ import annotations

import io
import logging
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf import FPDF

from therapy_app.interop.records import local_time
from therapy_app.mood.feelings import feeling_label

if TYPE_CHECKING:
    from therapy_app.interop.native import ExportDocument
    from therapy_app.interop.records import EntryRecord

FONTS = Path(__file__).with_name("fonts")
# fpdf2 logs the characters a font lacks (an emoji or a CJK word of a note): journal text
# must never reach a log, so its warnings are not passed on.
logging.getLogger("fpdf").setLevel(logging.ERROR)
MARGIN_MM = 18
PICTURE_MM = 54
GAP_MM = 6
INK = (40, 40, 48)
QUIET = (110, 110, 120)
RULE = (215, 215, 222)


class A4Document(FPDF):
    """A4 in millimetres with the app's margins, and DejaVu Sans (regular and bold) as the
    font "body": the page every PDF the app prints is set on."""

    def __init__(self, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(auto=True, margin=MARGIN_MM)
        self.add_font("body", fname=str(FONTS / "DejaVuSans.ttf"))
        self.add_font("body", style="B", fname=str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_title(title)
        self.set_creator("therapy_app")


class _Journal(A4Document):
    def __init__(self, owner: str) -> None:
        super().__init__("Art journal")
        self.owner = owner

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font("body", size=8)
        self.set_text_color(*QUIET)
        self.cell(0, 6, f"{self.owner} · art journal · {self.page_no()}", align="C")


def _month(record: EntryRecord) -> str:
    return f"{local_time(record):%B %Y}"


def _words(record: EntryRecord) -> str:
    check_in = record.check_in
    parts = [check_in.quick_mood.label] if check_in.quick_mood else []
    parts += [feeling_label(f.word, f.intensity) for f in check_in.feelings]
    if check_in.sleep_hours is not None:
        parts.append(f"slept {check_in.sleep_hours:.1f} h")
    return " · ".join(parts)


def _cover(pdf: _Journal, document: ExportDocument) -> None:
    pdf.add_page()
    records = document.entries
    pdf.set_y(70)
    pdf.set_text_color(*INK)
    pdf.set_font("body", "B", 30)
    pdf.cell(0, 14, "Art journal", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=14)
    pdf.cell(0, 10, document.owner, align="C", new_x="LMARGIN", new_y="NEXT")
    if records:
        first, last = _month(records[0]), _month(records[-1])
        span = first if first == last else f"{first} – {last}"
        pictures = sum(len(r.artworks) for r in records)
        pdf.set_font("body", size=11)
        pdf.set_text_color(*QUIET)
        pdf.cell(0, 8, span, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 8, f"{len(records)} entries · {pictures} pictures", align="C", new_x="LMARGIN")
        cover_art = next((r.artworks[0] for r in reversed(records) if r.artworks), None)
        if cover_art:
            side = 90
            pdf.image(io.BytesIO(cover_art.png), x=(pdf.w - side) / 2, y=140, w=side, h=side)
    else:
        pdf.set_font("body", size=11)
        pdf.cell(0, 8, "No entries in this range.", align="C")


def _entry(pdf: _Journal, record: EntryRecord) -> None:
    check_in = record.check_in
    pictured = bool(record.artworks)
    if pdf.will_page_break(PICTURE_MM + GAP_MM if pictured else 30):
        pdf.add_page()
    top, top_page = pdf.get_y(), pdf.page
    text_x = MARGIN_MM + (PICTURE_MM + GAP_MM if pictured else 0)
    text_w = pdf.w - MARGIN_MM - text_x
    if pictured:
        pdf.image(io.BytesIO(record.artworks[0].png), x=MARGIN_MM, y=top, w=PICTURE_MM)
    pdf.set_xy(text_x, top)
    pdf.set_text_color(*INK)
    pdf.set_font("body", "B", 11)
    when = f"{local_time(record):%A %d %B, %H:%M}"
    pdf.multi_cell(text_w, 6, when, align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_font("body", size=9)
    pdf.set_text_color(*QUIET)
    details = [_words(record)]
    details += [" ".join(f"#{tag}" for tag in check_in.tags)] if check_in.tags else []
    details += [f"“{art.title}”" for art in record.artworks if art.title]
    pdf.multi_cell(
        text_w, 5, "\n".join(d for d in details if d), align="L", new_x="LEFT", new_y="NEXT"
    )
    if check_in.note:
        pdf.set_y(pdf.get_y() + 1.5)
        pdf.set_x(text_x)
        pdf.set_text_color(*INK)
        pdf.set_font("body", size=10)
        pdf.multi_cell(text_w, 5.2, check_in.note, align="L", new_x="LEFT", new_y="NEXT")
    bottom = pdf.get_y()
    if pictured and pdf.page == top_page:  # the picture may reach below the words
        bottom = max(bottom, top + PICTURE_MM)
    pdf.set_y(bottom + GAP_MM / 2)
    pdf.set_draw_color(*RULE)
    pdf.line(MARGIN_MM, pdf.get_y(), pdf.w - MARGIN_MM, pdf.get_y())
    pdf.ln(GAP_MM / 2)
    for art in record.artworks[1:]:  # more pictures of the same entry, below it
        if pdf.will_page_break(PICTURE_MM):
            pdf.add_page()
        pdf.image(io.BytesIO(art.png), x=MARGIN_MM, w=PICTURE_MM)
        pdf.ln(GAP_MM)


class PdfExporter:
    names = ("pdf",)
    extension = "pdf"
    with_images = True

    @staticmethod
    def export(document: ExportDocument) -> bytes:
        pdf = _Journal(document.owner)
        _cover(pdf, document)
        for month, records in groupby(document.entries, key=_month):
            pdf.add_page()
            pdf.set_text_color(*INK)
            pdf.set_font("body", "B", 20)
            pdf.cell(0, 12, month, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
            for record in records:
                _entry(pdf, record)
        return bytes(pdf.output())
