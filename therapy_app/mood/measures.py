"""PHQ-9 and GAD-7: the questions (in this project's own words), the answers and their
standard scoring. The total is the sum of the item scores (0-3 each); the severity bands are
the published cut-offs (PHQ-9: 5, 10, 15, 20; GAD-7: 5, 10, 15). A score is a screening
figure to talk about with a professional, never a diagnosis.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from therapy_app.errors import InvalidInputError

ANSWERS = ("Not at all", "On several days", "On more than half the days", "Nearly every day")
MAX_ITEM_SCORE = len(ANSWERS) - 1
LEAD_IN = "Over the last two weeks, how often has this bothered you?"


class Measure(enum.StrEnum):
    PHQ9 = "phq9"
    GAD7 = "gad7"

    @property
    def label(self) -> str:
        return MEASURE_LABELS[self]


MEASURE_LABELS = {Measure.PHQ9: "PHQ-9 (mood)", Measure.GAD7: "GAD-7 (worry and anxiety)"}

ITEMS: dict[Measure, tuple[str, ...]] = {
    Measure.PHQ9: (
        "Little interest or enjoyment in doing things",
        "Feeling low, down or without hope",
        "Trouble falling or staying asleep, or sleeping far too much",
        "Feeling tired or having little energy",
        "Not feeling like eating, or eating much more than usual",
        "Feeling bad about yourself: that you are a failure or have let yourself or others down",
        "Trouble keeping your mind on things such as reading or watching something",
        "Moving or speaking so slowly that others could notice, or the opposite: so restless "
        "that you moved around far more than usual",
        "Thoughts that you would be better off dead, or of hurting yourself in some way",
    ),
    Measure.GAD7: (
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ),
}

# (lowest total of the band, its name), in the order of the published cut-offs
BANDS: dict[Measure, tuple[tuple[int, str], ...]] = {
    Measure.PHQ9: (
        (0, "minimal"),
        (5, "mild"),
        (10, "moderate"),
        (15, "moderately severe"),
        (20, "severe"),
    ),
    Measure.GAD7: ((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe")),
}

# PHQ-9's ninth item asks about thoughts of death or self-harm: any answer above "not at
# all" shows support at once and flags the session for the therapist.
PHQ9_SAFETY_ITEM = 8


@dataclass(frozen=True)
class MeasureScore:
    measure: Measure
    answers: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.answers)

    @property
    def band(self) -> str:
        return severity_band(self.measure, self.total)

    @property
    def max_total(self) -> int:
        return MAX_ITEM_SCORE * len(ITEMS[self.measure])

    @property
    def safety_item_positive(self) -> bool:
        """PHQ-9 item 9 answered above zero (never true for GAD-7)."""
        return self.measure is Measure.PHQ9 and self.answers[PHQ9_SAFETY_ITEM] > 0


def severity_band(measure: Measure, total: int) -> str:
    if not 0 <= total <= MAX_ITEM_SCORE * len(ITEMS[measure]):
        msg = (
            f"A {measure.label} total must be between 0 and {MAX_ITEM_SCORE * len(ITEMS[measure])}."
        )
        raise InvalidInputError(msg)
    return next(name for floor, name in reversed(BANDS[measure]) if total >= floor)


def score(measure: Measure, answers: tuple[int, ...] | list[int]) -> MeasureScore:
    """The answers checked (one per item, each 0-3) and scored."""
    items = len(ITEMS[measure])
    if len(answers) != items:
        msg = f"{measure.label} needs an answer to each of its {items} questions."
        raise InvalidInputError(msg)
    if any(not isinstance(a, int) or not 0 <= a <= MAX_ITEM_SCORE for a in answers):
        msg = f"Each {measure.label} answer is one of the four choices (0 to {MAX_ITEM_SCORE})."
        raise InvalidInputError(msg)
    return MeasureScore(measure, tuple(answers))
