"""Art directives and session plans: every template is a valid plan that drives the art
engine from known feelings; the change is described, never attributed."""

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from therapy_app.errors import InvalidInputError
from therapy_app.mood.checkin import CheckIn, FeelingChoice, conditioning_vector, validate
from therapy_app.mood.directives import DIRECTIVES, OPPOSITE_PRIMARY, opposite_of
from therapy_app.mood.feelings import ALL_FEELINGS
from therapy_app.mood.measures import Measure
from therapy_app.mood.session_plan import (
    MoodPoint,
    PlanStep,
    SessionPlan,
    SessionProgress,
    StepKind,
    StepRecord,
    change_in_words,
    clearly_worse,
    plan_from_directive,
    validate_plan,
)

SCALE = st.floats(-1, 1)
BEFORE_TIME = datetime(2026, 3, 1, tzinfo=UTC)
BEFORE = CheckIn(feelings=(FeelingChoice("worried", 2),), valence=-0.4, energy=0.5, control=-0.2)


def test_there_are_at_least_twelve_directives_with_distinct_ids_and_titles() -> None:
    assert len(DIRECTIVES) >= 12
    assert len({d.id for d in DIRECTIVES}) == len({d.title for d in DIRECTIVES}) == len(DIRECTIVES)


@pytest.mark.parametrize("directive", DIRECTIVES, ids=lambda d: d.id)
def test_each_directive_makes_a_valid_plan_the_art_engine_can_paint(directive) -> None:
    plan = plan_from_directive(directive.id, (Measure.PHQ9, Measure.GAD7))
    assert validate_plan(plan) == plan
    assert plan.template_id == directive.id
    assert directive.prompts and directive.reflections
    for step in plan.steps:
        if step.kind is StepKind.ART:
            for before in (None, BEFORE):
                suggested = step.suggestion.resolve(before)
                assert all(f.word in ALL_FEELINGS for f in suggested.feelings)
                validate(suggested, BEFORE_TIME)
                assert len(conditioning_vector(suggested)) == 12
    words = " ".join([directive.title, directive.summary, *(p.text for p in directive.prompts)])
    assert not re.search(r"diagnos|disorder|symptom", words, re.IGNORECASE)


def test_a_plan_round_trips_through_json() -> None:
    plan = plan_from_directive("feeling-and-opposite", (Measure.GAD7,), homework=True)
    assert SessionPlan.from_json(plan.as_json()) == plan


@pytest.mark.parametrize(
    "steps",
    [
        (PlanStep(StepKind.CHECK_IN_BEFORE), PlanStep(StepKind.CHECK_IN_AFTER)),
        (PlanStep(StepKind.REFLECTION, "why?"), PlanStep(StepKind.CHECK_IN_AFTER)),
        (
            PlanStep(StepKind.CHECK_IN_BEFORE),
            PlanStep(StepKind.REFLECTION, " "),
            PlanStep(StepKind.CHECK_IN_AFTER),
        ),
        (
            PlanStep(StepKind.CHECK_IN_BEFORE),
            PlanStep(StepKind.ART, "draw"),
            PlanStep(StepKind.CHECK_IN_AFTER),
        ),
        (
            PlanStep(StepKind.CHECK_IN_BEFORE),
            PlanStep(StepKind.MEASURE, measure=Measure.PHQ9),
            PlanStep(StepKind.MEASURE, measure=Measure.PHQ9),
            PlanStep(StepKind.CHECK_IN_AFTER),
        ),
    ],
)
def test_plans_out_of_shape_are_refused(steps: tuple[PlanStep, ...]) -> None:
    with pytest.raises(InvalidInputError):
        validate_plan(SessionPlan("A plan", steps))


def test_an_untitled_plan_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        validate_plan(replace(plan_from_directive("bridge"), title="  "))


def test_the_opposite_mirrors_the_scales_and_the_wheel() -> None:
    opposite = opposite_of(BEFORE)
    assert (opposite.valence, opposite.energy, opposite.control) == (0.4, -0.5, 0.2)
    worried = ALL_FEELINGS["worried"].primary
    assert [f.word for f in opposite.feelings] == [OPPOSITE_PRIMARY[worried].value]


@given(SCALE, SCALE, SCALE, SCALE)
def test_clearly_worse_needs_a_real_drop(v1: float, v2: float, c1: float, c2: float) -> None:
    before, after = MoodPoint(v1, 0, c1), MoodPoint(v2, 0, c2)
    if v2 > v1 - 0.2 + 1e-9:  # the bound itself falls either way in floating point
        assert not clearly_worse(before, after)
    if v2 <= v1 - 0.4:
        assert clearly_worse(before, after)


@given(SCALE, SCALE, SCALE, SCALE, SCALE, SCALE, st.booleans())
def test_the_change_in_words_never_claims_the_session_caused_it(
    v1: float, e1: float, v2: float, e2: float, c1: float, c2: float, with_baseline: bool
) -> None:
    baseline = MoodPoint(0.1, 0.0, 0.0) if with_baseline else None
    lines = change_in_words(MoodPoint(v1, e1, c1), MoodPoint(v2, e2, c2), baseline)
    text = " ".join(lines)
    assert not re.search(r"because of|thanks to|the session (made|helped|caused)", text)
    assert "not what caused it" in text
    assert ("usual" in lines[0]) == with_baseline


def test_progress_knows_the_next_step_and_the_before_and_after() -> None:
    plan = plan_from_directive("right-now")
    now = BEFORE_TIME
    progress = SessionProgress()
    assert progress.next_index(plan) == 0
    for index in range(len(plan.steps)):
        mood = MoodPoint(0.1 * index, 0, 0) if index in (0, len(plan.steps) - 1) else None
        progress = progress.with_record(StepRecord(index, now, mood=mood), ())
        assert SessionProgress.from_json(progress.as_json()) == progress
    assert progress.next_index(plan) is None
    assert progress.before == MoodPoint(0.0, 0, 0)
    assert progress.after(plan).valence == pytest.approx(0.1 * (len(plan.steps) - 1))
