"""A guided session: its plan (ordered steps), what the client did at each step, the change
in mood from before to after, and the flags a session raises for the therapist.

Pure values and rules; storage and who may do what are in services/sessions.py.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from statistics import fmean

from therapy_app.errors import InvalidInputError
from therapy_app.mood.directives import ArtDirective, Suggestion, directive
from therapy_app.mood.measures import Measure

MAX_TITLE_CHARS = 120
MAX_STEP_TEXT_CHARS = 600
MAX_STEPS = 24
MAX_ANSWER_CHARS = 20_000
# "Clearly worse": pleasantness fell by at least a fifth of its range (-1..1), or by a
# tenth while the sense of control fell by a fifth. Small dips are ordinary after
# making art about something hard; these are the ones worth a pause before ending.
WORSE_VALENCE_DROP = 0.4
WORSE_MIXED_VALENCE_DROP = 0.2
WORSE_MIXED_CONTROL_DROP = 0.4
# A change smaller than this is described as "about the same".
NOTICEABLE_CHANGE = 0.1


class StepKind(enum.StrEnum):
    CHECK_IN_BEFORE = "check-in-before"
    ART = "art"
    REFLECTION = "reflection"
    MEASURE = "measure"
    CHECK_IN_AFTER = "check-in-after"


class FlagKind(enum.StrEnum):
    PHQ9_ITEM9 = "phq9-item9"  # PHQ-9's question on thoughts of death or self-harm above zero
    MOOD_WORSE = "mood-worse"  # the check-in after was clearly worse than before

    @property
    def label(self) -> str:
        return FLAG_LABELS[self]


FLAG_LABELS = {
    FlagKind.PHQ9_ITEM9: "PHQ-9 item 9 answered above 'not at all'",
    FlagKind.MOOD_WORSE: "Mood clearly lower after the session than before",
}


@dataclass(frozen=True)
class PlanStep:
    kind: StepKind
    text: str = ""  # the art prompt or the reflection question
    suggestion: Suggestion | None = None  # art steps: where the painter starts
    measure: Measure | None = None  # measure steps: which questionnaire

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "text": self.text,
            "suggestion": self.suggestion.as_json() if self.suggestion else None,
            "measure": self.measure.value if self.measure else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> PlanStep:
        suggestion = data.get("suggestion")
        measure = data.get("measure")
        return cls(
            StepKind(str(data["kind"])),
            str(data.get("text") or ""),
            Suggestion.from_json(suggestion) if isinstance(suggestion, dict) else None,
            Measure(str(measure)) if measure else None,
        )


@dataclass(frozen=True)
class SessionPlan:
    title: str
    steps: tuple[PlanStep, ...]
    template_id: str | None = None  # the art directive it was made from, if any
    homework: bool = False  # done at home rather than in the room

    def as_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "steps": [step.as_json() for step in self.steps],
            "template_id": self.template_id,
            "homework": self.homework,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SessionPlan:
        return cls(
            str(data["title"]),
            tuple(PlanStep.from_json(step) for step in data["steps"]),
            str(data["template_id"]) if data.get("template_id") else None,
            bool(data.get("homework")),
        )


def plan_from_directive(
    directive_id: str, measures: tuple[Measure, ...] = (), homework: bool = False
) -> SessionPlan:
    """A session built on one art directive: check in, its art prompts, its reflection
    questions, the chosen questionnaires, check in again."""
    chosen = directive(directive_id)
    return validate_plan(SessionPlan(chosen.title, _steps(chosen, measures), chosen.id, homework))


def _steps(chosen: ArtDirective, measures: tuple[Measure, ...]) -> tuple[PlanStep, ...]:
    return (
        PlanStep(StepKind.CHECK_IN_BEFORE),
        *(PlanStep(StepKind.ART, p.text, p.suggestion) for p in chosen.prompts),
        *(PlanStep(StepKind.REFLECTION, question) for question in chosen.reflections),
        *(PlanStep(StepKind.MEASURE, measure=measure) for measure in measures),
        PlanStep(StepKind.CHECK_IN_AFTER),
    )


def validate_plan(plan: SessionPlan) -> SessionPlan:
    """A plan opens with the check-in before and closes with the check-in after, once each;
    art steps carry a suggestion, measure steps a questionnaire, texts fit."""
    title = plan.title.strip()
    if not title or len(title) > MAX_TITLE_CHARS:
        msg = f"A session needs a title of at most {MAX_TITLE_CHARS} characters."
        raise InvalidInputError(msg)
    kinds = [step.kind for step in plan.steps]
    if (
        len(kinds) < 3
        or kinds[0] is not StepKind.CHECK_IN_BEFORE
        or kinds[-1] is not StepKind.CHECK_IN_AFTER
        or kinds.count(StepKind.CHECK_IN_BEFORE) != 1
        or kinds.count(StepKind.CHECK_IN_AFTER) != 1
    ):
        msg = (
            "A session starts with a check-in, ends with a check-in, and has at least one "
            "step between them."
        )
        raise InvalidInputError(msg)
    if len(kinds) > MAX_STEPS:
        msg = f"A session has at most {MAX_STEPS} steps."
        raise InvalidInputError(msg)
    for step in plan.steps:
        _check_step(step)
    measures = [step.measure for step in plan.steps if step.kind is StepKind.MEASURE]
    if len(measures) != len(set(measures)):
        msg = "Each questionnaire can appear once in a session."
        raise InvalidInputError(msg)
    return SessionPlan(title, plan.steps, plan.template_id, plan.homework)


def _check_step(step: PlanStep) -> None:
    if len(step.text) > MAX_STEP_TEXT_CHARS:
        msg = f"A prompt or question is at most {MAX_STEP_TEXT_CHARS} characters."
        raise InvalidInputError(msg)
    needs_text = step.kind in {StepKind.ART, StepKind.REFLECTION}
    if needs_text and not step.text.strip():
        msg = "Every art prompt and reflection question needs its words."
        raise InvalidInputError(msg)
    if (step.kind is StepKind.ART) != (step.suggestion is not None):
        msg = "Art steps, and only they, carry a suggested starting mood."
        raise InvalidInputError(msg)
    if (step.kind is StepKind.MEASURE) != (step.measure is not None):
        msg = "Questionnaire steps, and only they, name a questionnaire."
        raise InvalidInputError(msg)


@dataclass(frozen=True)
class MoodPoint:
    """Pleasantness, energy and sense of control, each -1..1."""

    valence: float
    energy: float
    control: float

    def minus(self, other: MoodPoint) -> MoodPoint:
        return MoodPoint(
            self.valence - other.valence, self.energy - other.energy, self.control - other.control
        )

    @classmethod
    def mean(cls, points: list[MoodPoint]) -> MoodPoint | None:
        if not points:
            return None
        return cls(
            fmean(p.valence for p in points),
            fmean(p.energy for p in points),
            fmean(p.control for p in points),
        )


@dataclass(frozen=True)
class StepRecord:
    """What the client did at one step (as stored, sealed, in the session's content)."""

    index: int
    done_at: datetime
    skipped: bool = False
    mood: MoodPoint | None = None  # check-in steps
    entry_id: str | None = None  # check-in steps: the journal entry it made
    artwork_id: str | None = None  # art steps: the picture kept
    answer: str | None = None  # reflection steps
    answers: tuple[int, ...] | None = None  # measure steps

    def as_json(self) -> dict[str, object]:
        return {
            "index": self.index,
            "done_at": self.done_at.isoformat(),
            "skipped": self.skipped,
            "mood": list(vars(self.mood).values()) if self.mood else None,
            "entry_id": self.entry_id,
            "artwork_id": self.artwork_id,
            "answer": self.answer,
            "answers": list(self.answers) if self.answers is not None else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> StepRecord:
        mood, answers = data.get("mood"), data.get("answers")
        return cls(
            int(data["index"]),
            datetime.fromisoformat(str(data["done_at"])),
            bool(data.get("skipped")),
            MoodPoint(*map(float, mood)) if mood else None,
            data.get("entry_id"),
            data.get("artwork_id"),
            data.get("answer"),
            tuple(int(a) for a in answers) if answers is not None else None,
        )


@dataclass(frozen=True)
class SessionFlag:
    kind: FlagKind
    raised_at: datetime
    step_index: int

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "raised_at": self.raised_at.isoformat(),
            "step": self.step_index,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SessionFlag:
        return cls(
            FlagKind(str(data["kind"])),
            datetime.fromisoformat(str(data["raised_at"])),
            int(data["step"]),
        )


@dataclass(frozen=True)
class SessionProgress:
    records: tuple[StepRecord, ...] = ()
    flags: tuple[SessionFlag, ...] = field(default=())

    def next_index(self, plan: SessionPlan) -> int | None:
        """The first step not done yet (None once the session is complete)."""
        done = len(self.records)
        return done if done < len(plan.steps) else None

    @property
    def before(self) -> MoodPoint | None:
        """The check-in before (a plan's first step)."""
        return self.records[0].mood if self.records else None

    def after(self, plan: SessionPlan) -> MoodPoint | None:
        """The check-in after (a plan's last step), once done."""
        return self.records[-1].mood if self.next_index(plan) is None else None

    def with_record(self, record: StepRecord, flags: tuple[SessionFlag, ...]) -> SessionProgress:
        return SessionProgress((*self.records, record), (*self.flags, *flags))

    def as_json(self) -> dict[str, object]:
        return {
            "records": [r.as_json() for r in self.records],
            "flags": [f.as_json() for f in self.flags],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SessionProgress:
        return cls(
            tuple(StepRecord.from_json(r) for r in data.get("records") or []),
            tuple(SessionFlag.from_json(f) for f in data.get("flags") or []),
        )


def clearly_worse(before: MoodPoint, after: MoodPoint) -> bool:
    change = after.minus(before)
    return change.valence <= -WORSE_VALENCE_DROP or (
        change.valence <= -WORSE_MIXED_VALENCE_DROP and change.control <= -WORSE_MIXED_CONTROL_DROP
    )


SCALE_NAMES = (("valence", "pleasantness"), ("energy", "energy"), ("control", "sense of control"))


def change_in_words(
    before: MoodPoint, after: MoodPoint, baseline: MoodPoint | None
) -> tuple[str, ...]:
    """The change from before to after, each scale in a sentence, set against the person's
    own usual (``baseline``). It describes; it never says the session caused it."""
    lines = []
    for attribute, name in SCALE_NAMES:
        first, last = getattr(before, attribute), getattr(after, attribute)
        change = last - first
        if abs(change) < NOTICEABLE_CHANGE:
            line = f"Your {name} was about the same at the end as at the start ({last:+.1f})."
        else:
            direction = "higher" if change > 0 else "lower"
            line = (
                f"Your {name} was {abs(change):.1f} {direction} at the end than at the start "
                f"({first:+.1f} to {last:+.1f})."
            )
        if baseline is not None:
            usual = getattr(baseline, attribute)
            line += f" Your usual over the weeks before is {usual:+.1f}."
        lines.append(line)
    lines.append(
        "Many things move a mood within an hour; this shows what you noticed, not what caused "
        "it. Making art helps many people, and some feel worse for a while, which is "
        "also normal."
    )
    return tuple(lines)
