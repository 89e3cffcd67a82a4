"""Sessions (client): the guided sessions a therapist prepared, done step by step. Each step
is saved as it is done, so leaving and coming back continues at the next one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.directives import BY_ID
from therapy_app.mood.feelings import ALL_FEELINGS
from therapy_app.mood.measures import ANSWERS, ITEMS, LEAD_IN, PHQ9_SAFETY_ITEM, Measure
from therapy_app.mood.session_plan import FlagKind, PlanStep, StepKind, change_in_words
from therapy_app.services import artworks, entries, sessions
from therapy_app.ui import state, widgets

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.sessions import SessionView

OPEN_KEY = "session-open"
FEELING_WORDS = sorted(ALL_FEELINGS)
STEP_NAMES = {
    StepKind.CHECK_IN_BEFORE: "Check in",
    StepKind.ART: "Make a picture",
    StepKind.REFLECTION: "Reflect",
    StepKind.MEASURE: "Questionnaire",
    StepKind.CHECK_IN_AFTER: "Check in again",
}
GROUNDING = (
    "Put both feet on the floor and notice the ground holding you.",
    "Name five things you can see, four you can hear and three you can touch.",
    "Breathe in slowly for four counts and out for six, five times.",
    "Say to yourself where you are, what day it is and that this feeling will pass.",
)

INTRODUCTION = (
    "Guided art sessions your therapist prepared, to do together in the room or at home. "
    "Each step is saved as you go: you can stop at any time and continue later."
)


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Sessions")
    st.caption(INTRODUCTION)
    found = state.attempt(lambda: sessions.list_sessions(ctx, actor))
    if found is None:
        return
    opened = next((s for s in found if s.id == st.session_state.get(OPEN_KEY)), None)
    if opened is not None:
        _session(ctx, actor, opened)
    else:
        _listing(found)


def _listing(found: list[SessionView]) -> None:
    to_do = [s for s in found if s.next_index is not None]
    done = [s for s in found if s.next_index is None]
    if not found:
        st.info(
            "No sessions yet. When a therapist you share with prepares one, it appears here.",
            icon=":material/self_improvement:",
        )
    for view in to_do:
        with st.container(border=True):
            where = "at home" if view.plan.homework else "in the room"
            st.markdown(f"**{widgets.escape_markdown(view.plan.title)}** · {where}")
            st.text(
                f"From {view.therapist_name}. Step {view.next_index + 1} of {len(view.plan.steps)}."
            )
            label = "Continue" if view.next_index else "Start"
            st.button(
                label, key=f"session-go-{view.id}", type="primary", on_click=_open, args=(view.id,)
            )
    if done:
        st.subheader("Done")
    for view in done:
        with st.container(border=True):
            day = view.completed_at.strftime("%d %b %Y") if view.completed_at else ""
            st.markdown(f"**{widgets.escape_markdown(view.plan.title)}** · {day}")
            st.button("Look back", key=f"session-go-{view.id}", on_click=_open, args=(view.id,))


def _open(session_id: str | None) -> None:
    st.session_state[OPEN_KEY] = session_id


def _session(ctx: AppContext, actor: Actor, view: SessionView) -> None:
    st.button(
        "All sessions",
        key="session-back",
        icon=":material/arrow_back:",
        on_click=_open,
        args=(None,),
    )
    st.header(widgets.escape_markdown(view.plan.title))  # a therapist may have typed it
    directive = BY_ID.get(view.plan.template_id or "")
    if directive:
        st.caption(f"Art directive: {directive.title}. {directive.summary}")
    index = view.next_index
    if index is None:
        _finished(ctx, actor, view)
        return
    total = len(view.plan.steps)
    step = view.plan.steps[index]
    st.progress(index / total, text=f"Step {index + 1} of {total}: {STEP_NAMES[step.kind]}")
    if step.kind in {StepKind.CHECK_IN_BEFORE, StepKind.CHECK_IN_AFTER}:
        _check_in(ctx, actor, view, index, step)
    elif step.kind is StepKind.ART:
        _art(ctx, actor, view, index, step)
    elif step.kind is StepKind.REFLECTION:
        _reflection(ctx, actor, view, index, step)
    else:
        _measure(ctx, actor, view, index, step)


def _scales(key: str, start: CheckIn) -> CheckIn:
    """Feelings and the three scales, starting from ``start``; what the person set."""
    feelings = st.multiselect(
        "Feelings (optional)",
        FEELING_WORDS,
        default=[f.word for f in start.feelings if f.word in ALL_FEELINGS],
        key=f"{key}-feelings",
    )
    valence = st.slider(
        "Pleasantness", -1.0, 1.0, start.resolved_valence(), 0.05, key=f"{key}-valence"
    )
    energy = st.slider("Energy", -1.0, 1.0, start.resolved_energy(), 0.05, key=f"{key}-energy")
    control = st.slider(
        "Sense of control", -1.0, 1.0, start.resolved_control(), 0.05, key=f"{key}-control"
    )
    strength = {f.word: f.intensity for f in start.feelings}
    return CheckIn(
        feelings=tuple(FeelingChoice(word, strength.get(word, 2)) for word in feelings),
        valence=valence,
        energy=energy,
        control=control,
    )


def _check_in(ctx: AppContext, actor: Actor, view: SessionView, index: int, step: PlanStep) -> None:
    after = step.kind is StepKind.CHECK_IN_AFTER
    st.subheader("How do you feel now?" if after else "Before you start: how do you feel?")
    key = f"session-{view.id}-{index}"
    told = _scales(key, CheckIn())
    if st.button("Save and go on", key=f"{key}-save", type="primary", icon=":material/check:"):
        check_in = CheckIn(
            feelings=told.feelings,
            valence=told.valence,
            energy=told.energy,
            control=told.control,
            timezone=actor.timezone,
        )
        if state.attempt(lambda: sessions.check_in_step(ctx, actor, view.id, index, check_in)):
            st.rerun()


def _before_check_in(ctx: AppContext, actor: Actor, view: SessionView) -> CheckIn | None:
    first = view.progress.records[0] if view.progress.records else None
    if first is None or first.entry_id is None:
        return None
    entry = state.attempt(lambda: entries.get_entry(ctx, actor, first.entry_id))
    return entry.as_check_in() if entry else None


def _art(ctx: AppContext, actor: Actor, view: SessionView, index: int, step: PlanStep) -> None:
    st.subheader("Make a picture")
    st.text(step.text)
    st.caption(
        "The painter starts from the mood suggested here. Change the feelings and scales until "
        "they feel right, then paint: you choose, vary and finish the picture."
    )
    key = f"session-{view.id}-{index}"
    suggested = step.suggestion.resolve(_before_check_in(ctx, actor, view))
    chosen = _scales(key, suggested)
    paint, skip = st.columns(2)
    if paint.button(
        "Paint from this", key=f"{key}-paint", type="primary", icon=":material/palette:"
    ):
        # NOTE: imported here: art_pages imports the views
        from therapy_app.ui import art_pages

        art_pages.open_art_for_session(view.id, index, chosen, step.text)
    if skip.button("Skip this picture", key=f"{key}-skip"):
        if state.attempt(lambda: sessions.art_step(ctx, actor, view.id, index, None)):
            st.rerun()


def _reflection(
    ctx: AppContext, actor: Actor, view: SessionView, index: int, step: PlanStep
) -> None:
    st.subheader("Reflect")
    key = f"session-{view.id}-{index}"
    _pictures(ctx, actor, view)
    st.text(step.text)
    answer = st.text_area("Your answer", key=f"{key}-answer", height=140)
    save, skip = st.columns(2)
    if save.button("Save and go on", key=f"{key}-save", type="primary", icon=":material/check:"):
        if not answer.strip():
            st.warning("Write a few words first, or skip this question.")
        elif state.attempt(lambda: sessions.reflection_step(ctx, actor, view.id, index, answer)):
            st.rerun()
    if skip.button("Skip this question", key=f"{key}-skip"):
        if state.attempt(lambda: sessions.reflection_step(ctx, actor, view.id, index, "")):
            st.rerun()


def _measure(ctx: AppContext, actor: Actor, view: SessionView, index: int, step: PlanStep) -> None:
    measure = step.measure
    st.subheader(measure.label)
    st.caption(
        "Optional. A short questionnaire many clinicians use; your therapist sees the score. "
        "It is not a diagnosis."
    )
    st.text(LEAD_IN)
    key = f"session-{view.id}-{index}"
    answers = [
        st.radio(
            item,
            range(len(ANSWERS)),
            format_func=ANSWERS.__getitem__,
            index=None,
            key=f"{key}-q{n}",
            horizontal=True,
        )
        for n, item in enumerate(ITEMS[measure])
    ]
    if measure is Measure.PHQ9 and (answers[PHQ9_SAFETY_ITEM] or 0) > 0:
        if not any(flag.kind is FlagKind.PHQ9_ITEM9 for flag in view.flags):
            state.attempt(lambda: sessions.raise_safety_flag(ctx, actor, view.id, index))
        widgets.support_box(
            reason=(
                "You said that thoughts of being better off dead or of hurting yourself have "
                "been there. Thank you for saying so. If you might act on them, please reach "
                "out to someone now."
            ),
            flag_note="Your therapist sees a gentle flag on this session.",
        )
    save, skip = st.columns(2)
    if save.button("Save answers", key=f"{key}-save", type="primary", icon=":material/check:"):
        if any(a is None for a in answers):
            st.warning("Answer each question, or skip this questionnaire.")
        elif state.attempt(
            lambda: sessions.measure_step(ctx, actor, view.id, index, tuple(answers))
        ):
            st.rerun()
    if skip.button("Skip this questionnaire", key=f"{key}-skip"):
        if state.attempt(lambda: sessions.measure_step(ctx, actor, view.id, index, None)):
            st.rerun()


def _pictures(ctx: AppContext, actor: Actor, view: SessionView) -> None:
    if not view.artwork_ids:
        return
    pictures = [
        state.attempt(lambda a=a: artworks.get_artwork(ctx, actor, a)) for a in view.artwork_ids
    ]
    columns = st.columns(max(2, len(pictures)))
    for column, picture in zip(columns, pictures, strict=False):
        if picture:
            column.image(picture.thumbnail, caption=picture.title or None, width=200)


def _finished(ctx: AppContext, actor: Actor, view: SessionView) -> None:
    st.success(
        "This session is complete. Thank you for taking the time.", icon=":material/check_circle:"
    )
    if view.ended_clearly_worse:
        _grounding()
    if view.before and view.after:
        st.subheader("Before and after")
        for line in change_in_words(view.before, view.after, view.baseline):
            st.text(line)
    _pictures(ctx, actor, view)
    for step_index, answer in sorted(view.answers.items()):
        st.markdown(f"**{widgets.escape_markdown(view.plan.steps[step_index].text)}**")
        st.text(answer)
    for result in view.measures:
        st.text(
            f"{result.score.measure.label}: {result.score.total} of {result.score.max_total} "
            f"({result.score.band})"
        )


def _grounding() -> None:
    with st.container(border=True, key="session-grounding"):
        st.markdown("#### Before you go: a minute to land")
        st.text(
            "You said you feel clearly worse now than when you started. That happens: making "
            "art about something hard can stir it up. Take a minute here before you move on."
        )
        for line in GROUNDING:
            st.text(f"• {line}")
        st.text("If it does not ease, your safety plan is one tap away:")
        widgets.safety_plan_link()
        widgets.crisis_resources()
