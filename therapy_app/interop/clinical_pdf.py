"""A clinician's report on one client for a date range, to file or bring to supervision:
mood by day, PHQ-9/GAD-7 scores against their severity bands, each session with its check-ins
before and after and the art chosen, flags, and (if asked for) the therapist's notes.

A4, fpdf2, DejaVu Sans (interop/fonts). Charts are drawn with fpdf2's lines, so the report
needs no plotting library. User text is set as plain text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from therapy_app.interop.pdf import INK, MARGIN_MM, QUIET, RULE, A4Document

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime

    from therapy_app.mood.session_plan import MoodPoint

VALENCE_INK = (52, 101, 164)
ENERGY_INK = (214, 126, 44)
FLAG_INK = (176, 48, 48)
# severity bands from light to dark, as the published cut-offs order them
BAND_SHADES = ((236, 244, 236), (246, 243, 222), (250, 232, 210), (246, 214, 204), (238, 196, 196))
CHART_H = 48
PICTURE_MM = 30


@dataclass(frozen=True)
class ReportMeasure:
    on: date
    name: str  # "PHQ-9" or "GAD-7"
    total: int
    max_total: int
    band: str
    bands: tuple[tuple[int, str], ...]  # (lowest total, name)


@dataclass(frozen=True)
class ReportSession:
    title: str
    when: datetime | None
    status: str
    before: MoodPoint | None
    after: MoodPoint | None
    measures: tuple[ReportMeasure, ...]
    flags: tuple[str, ...]
    pictures: tuple[bytes, ...]  # PNG, the art made in it


@dataclass(frozen=True)
class ReportNote:
    written_at: datetime
    session_title: str | None
    data: str
    assessment: str
    plan: str


@dataclass(frozen=True)
class ReportDocument:
    client: str
    therapist: str
    since: date
    until: date
    made_at: datetime
    shared: str  # the consent's scope, in words
    mood_days: tuple[tuple[date, float, float], ...]  # day, mean pleasantness, mean energy
    sessions: tuple[ReportSession, ...]
    measures: tuple[ReportMeasure, ...]
    flags: tuple[str, ...]
    notes: tuple[ReportNote, ...] | None  # None: notes left out


class _Report(A4Document):
    def __init__(self, document: ReportDocument) -> None:
        super().__init__(f"Clinical report: {document.client}")
        self.document = document

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("body", size=7.5)
        self.set_text_color(*QUIET)
        text = (
            f"Confidential · {self.document.client} · {self.document.since:%d %b %Y} – "
            f"{self.document.until:%d %b %Y} · page {self.page_no()}"
        )
        self.cell(0, 6, text, align="C")

    @property
    def width(self) -> float:
        return self.w - 2 * MARGIN_MM

    def heading(self, text: str) -> None:
        if self.will_page_break(24):
            self.add_page()
        self.ln(3)
        self.set_text_color(*INK)
        self.set_font("body", "B", 13)
        self.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*RULE)
        self.line(MARGIN_MM, self.get_y(), self.w - MARGIN_MM, self.get_y())
        self.ln(2)

    def section(self, title: str, content: Sequence[object], when_empty: str) -> bool:
        """A section's heading, and a quiet line saying so when it has nothing to show.
        Returns whether it has content."""
        self.heading(title)
        if not content:
            self.para(when_empty, ink=QUIET)
        return bool(content)

    def para(self, value: str, size: float = 9.5, bold: bool = False, ink: tuple = INK) -> None:
        self.set_font("body", "B" if bold else "", size)
        self.set_text_color(*ink)
        self.multi_cell(self.width, size * 0.5, value, new_x="LMARGIN", new_y="NEXT")


def _cover(pdf: _Report) -> None:
    doc = pdf.document
    pdf.set_font("body", "B", 18)
    pdf.set_text_color(*INK)
    pdf.cell(0, 10, "Art therapy: client report", new_x="LMARGIN", new_y="NEXT")
    rows = (
        ("Client", doc.client),
        ("Therapist", doc.therapist),
        ("Period", f"{doc.since:%d %B %Y} to {doc.until:%d %B %Y}"),
        ("Prepared", f"{doc.made_at:%d %B %Y, %H:%M} UTC"),
        ("Shared by the client", doc.shared),
    )
    for label, value in rows:
        pdf.set_font("body", "B", 9.5)
        pdf.set_text_color(*QUIET)
        pdf.cell(42, 5.5, label)
        pdf.set_font("body", size=9.5)
        pdf.set_text_color(*INK)
        pdf.multi_cell(pdf.width - 42, 5.5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.para(
        "Scores are screening figures, not diagnoses. Changes before and after a session "
        "are what the client reported; they do not show that the session caused them.",
        size=8,
        ink=QUIET,
    )


def _frame(pdf: _Report, top: float, label_low: str, label_high: str) -> tuple[float, float]:
    left = MARGIN_MM + 10
    pdf.set_draw_color(*RULE)
    pdf.rect(left, top, pdf.width - 10, CHART_H)
    pdf.set_font("body", size=7)
    pdf.set_text_color(*QUIET)
    pdf.text(MARGIN_MM, top + 3, label_high)
    pdf.text(MARGIN_MM, top + CHART_H, label_low)
    return left, pdf.width - 10


def _x_axis(pdf: _Report, left: float, width: float, top: float) -> None:
    doc = pdf.document
    pdf.set_font("body", size=7)
    pdf.set_text_color(*QUIET)
    pdf.text(left, top + CHART_H + 4, f"{doc.since:%d %b %Y}")
    pdf.text(left + width - 18, top + CHART_H + 4, f"{doc.until:%d %b %Y}")


def _x(pdf: _Report, day: date, left: float, width: float) -> float:
    doc = pdf.document
    span = max((doc.until - doc.since).days, 1)
    return left + width * (day - doc.since).days / span


def _mood_chart(pdf: _Report) -> None:
    days = pdf.document.mood_days
    if not pdf.section(
        "Mood by day (journal check-ins)", days, "No journal check-ins shared in this period."
    ):
        return
    top = pdf.get_y() + 2
    left, width = _frame(pdf, top, "−1", "+1")
    middle = top + CHART_H / 2
    pdf.set_draw_color(*RULE)
    pdf.set_dash_pattern(dash=1, gap=1)
    pdf.line(left, middle, left + width, middle)
    pdf.set_dash_pattern()
    for index, colour in ((1, VALENCE_INK), (2, ENERGY_INK)):
        pdf.set_draw_color(*colour)
        pdf.set_line_width(0.5)
        points = [
            (_x(pdf, row[0], left, width), middle - row[index] * (CHART_H / 2 - 1)) for row in days
        ]
        for start, end in zip(points, points[1:], strict=False):
            pdf.line(*start, *end)
        if len(points) == 1:
            pdf.circle(points[0][0], points[0][1], 1, style="D")
    pdf.set_line_width(0.2)
    _x_axis(pdf, left, width, top)
    pdf.set_y(top + CHART_H + 6)
    _legend(pdf, (("pleasantness", VALENCE_INK), ("energy", ENERGY_INK)))
    valences = [row[1] for row in days]
    pdf.para(
        f"{_count(len(days), 'day')} with check-ins; mean pleasantness "
        f"{sum(valences) / len(days):+.2f} "
        f"(lowest {min(valences):+.2f}, highest {max(valences):+.2f}).",
        size=8.5,
    )


def _legend(pdf: _Report, items: tuple[tuple[str, tuple[int, int, int]], ...]) -> None:
    pdf.set_font("body", size=7.5)
    x = MARGIN_MM + 10
    for name, colour in items:
        pdf.set_fill_color(*colour)
        pdf.rect(x, pdf.get_y() + 1, 4, 2, style="F")
        pdf.set_text_color(*QUIET)
        pdf.text(x + 5, pdf.get_y() + 2.8, name)
        x += 8 + pdf.get_string_width(name)
    pdf.ln(5)


def _measure_chart(pdf: _Report, name: str, points: list[ReportMeasure]) -> None:
    top = pdf.get_y() + 2
    if pdf.will_page_break(CHART_H + 16):
        pdf.add_page()
        top = pdf.get_y() + 2
    maximum = points[0].max_total
    left, width = _frame(pdf, top, "0", str(maximum))
    bands = points[0].bands
    for number, (floor, band) in enumerate(bands):
        ceiling = bands[number + 1][0] if number + 1 < len(bands) else maximum + 1
        y_top = top + CHART_H * (1 - min(ceiling, maximum) / maximum)
        y_low = top + CHART_H * (1 - floor / maximum)
        pdf.set_fill_color(*BAND_SHADES[number])
        pdf.rect(left, y_top, width, y_low - y_top, style="F")
        pdf.set_font("body", size=6.5)
        pdf.set_text_color(*QUIET)
        pdf.text(left + width - 26, y_low - 1, band)
    pdf.set_draw_color(*VALENCE_INK)
    pdf.set_fill_color(*VALENCE_INK)
    previous = None
    for point in points:
        spot = (_x(pdf, point.on, left, width), top + CHART_H * (1 - point.total / maximum))
        pdf.circle(spot[0], spot[1], 0.9, style="F")
        if previous:
            pdf.line(*previous, *spot)
        previous = spot
    pdf.set_draw_color(*RULE)
    pdf.rect(left, top, width, CHART_H)
    pdf.set_font("body", "B", 8)
    pdf.set_text_color(*INK)
    pdf.text(left + 2, top + 4, name)
    _x_axis(pdf, left, width, top)
    pdf.set_y(top + CHART_H + 6)
    last = points[-1]
    pdf.para(
        f"{name}: {_count(len(points), 'score')}; "
        f"latest {last.total}/{last.max_total} ({last.band}) "
        f"on {last.on:%d %B %Y}.",
        size=8.5,
    )


def _measures(pdf: _Report) -> None:
    measures = pdf.document.measures
    if not pdf.section(
        "Questionnaires (PHQ-9, GAD-7)", measures, "No questionnaire scores in this period."
    ):
        return
    for name in sorted({m.name for m in measures}, reverse=True):
        _measure_chart(pdf, name, [m for m in measures if m.name == name])


def _mood_words(point: MoodPoint | None) -> str:
    if point is None:
        return "not recorded"
    return (
        f"pleasantness {point.valence:+.2f}, energy {point.energy:+.2f}, "
        f"control {point.control:+.2f}"
    )


def _session(pdf: _Report, session: ReportSession) -> None:
    needed = 22 + (PICTURE_MM if session.pictures else 0)
    if pdf.will_page_break(needed):
        pdf.add_page()
    when = f"{session.when:%d %B %Y}" if session.when else "not started"
    pdf.para(f"{session.title} · {when} · {session.status}", size=10, bold=True)
    lines = [f"Before: {_mood_words(session.before)}", f"After: {_mood_words(session.after)}"]
    if session.before and session.after:
        change = session.after.valence - session.before.valence
        lines.append(f"Change in pleasantness (after − before): {change:+.2f}")
    lines += [f"{m.name}: {m.total}/{m.max_total} ({m.band})" for m in session.measures]
    pdf.para("\n".join(lines), size=8.5)
    for flag in session.flags:
        pdf.para(f"Flag: {flag}", size=8.5, ink=FLAG_INK)
    if session.pictures:
        top = pdf.get_y() + 1.5
        for number, png in enumerate(session.pictures[:5]):
            x = MARGIN_MM + number * (PICTURE_MM + 3)
            pdf.image(io.BytesIO(png), x=x, y=top, w=PICTURE_MM, h=PICTURE_MM)
        pdf.set_y(top + PICTURE_MM + 2)
    pdf.set_draw_color(*RULE)
    pdf.line(MARGIN_MM, pdf.get_y() + 1, pdf.w - MARGIN_MM, pdf.get_y() + 1)
    pdf.ln(3)


def _sessions(pdf: _Report) -> None:
    pdf.section("Guided sessions", pdf.document.sessions, "No guided sessions in this period.")
    for session in pdf.document.sessions:
        _session(pdf, session)


def _flags(pdf: _Report) -> None:
    pdf.heading("Flags")
    flags = pdf.document.flags
    pdf.para("\n".join(flags) if flags else "No flags in this period.", size=8.5)


def _notes(pdf: _Report) -> None:
    notes = pdf.document.notes
    if notes is None:
        return
    pdf.section("Session notes (DAP)", notes, "No notes in this period.")
    for note in notes:
        about = f" · {note.session_title}" if note.session_title else ""
        pdf.para(f"{note.written_at:%d %B %Y}{about}", size=9.5, bold=True)
        for label, body in (
            ("Data", note.data),
            ("Assessment", note.assessment),
            ("Plan", note.plan),
        ):
            if body:
                pdf.para(label, size=8.5, bold=True, ink=QUIET)
                pdf.para(body, size=8.5)
        pdf.ln(2)


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


def render(document: ReportDocument) -> bytes:
    pdf = _Report(document)
    pdf.add_page()
    _cover(pdf)
    _mood_chart(pdf)
    _measures(pdf)
    _sessions(pdf)
    _flags(pdf)
    _notes(pdf)
    return bytes(pdf.output())
