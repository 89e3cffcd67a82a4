"""The check-in details form, shared by the check-in page and the journal's edit view."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd
import streamlit as st

from therapy_app.mood.checkin import MAX_NOTE_CHARS, CheckIn, FeelingChoice
from therapy_app.mood.feelings import FEELINGS, PRIMARIES, PRIMARY_INFO, Primary, feeling_label
from therapy_app.mood.text import suggest
from therapy_app.ui import widgets

if TYPE_CHECKING:
    from therapy_app.mood.scales import QuickMood

INTENSITY_LABELS = {1: "a little", 2: "clearly", 3: "strongly"}
LIKELY_SCORE = 0.2  # a second or third suggested feeling is offered only when this likely


def _words(primary: Primary) -> list[str]:
    return [primary.value, *(f.word for f in FEELINGS if f.primary is primary)]


def seed_state(prefix: str, initial: CheckIn) -> None:
    """Put an existing check-in into the widgets' state (once per opened entry)."""
    marker = f"{prefix}-seeded"
    if not st.session_state.get(marker):
        show(prefix, initial)
        st.session_state[marker] = True


def show(prefix: str, check_in: CheckIn) -> None:
    """Make the widgets show exactly this check-in: every field is set, none left as it was
    (a key only deleted keeps its old text on screen while the server forgets it)."""
    chosen = {choice.word: choice.intensity for choice in check_in.feelings}
    for primary in PRIMARIES:
        st.session_state[f"{prefix}-feel-{primary.value}"] = [
            word for word in _words(primary) if word in chosen
        ]
    st.session_state[f"{prefix}-intensity"] = max(chosen.values(), default=2)
    st.session_state[f"{prefix}-tags"] = list(check_in.tags)
    st.session_state[f"{prefix}-note"] = check_in.note
    st.session_state[f"{prefix}-sleep"] = check_in.sleep_hours
    own = check_in.valence is not None
    st.session_state[f"{prefix}-own-scales"] = own
    st.session_state[f"{prefix}-valence"] = round(check_in.valence, 2) if own else 0.0
    st.session_state[f"{prefix}-energy"] = round(check_in.energy or 0.0, 2) if own else 0.0
    st.session_state[f"{prefix}-control"] = check_in.control or 0.0


def clear_state(prefix: str) -> None:
    for key in [k for k in st.session_state if str(k).startswith(f"{prefix}-")]:
        del st.session_state[key]


def _add_suggestions(prefix: str, words: list[str]) -> None:
    for word in words:
        primary = next(p for p in PRIMARIES if word in _words(p))
        key = f"{prefix}-feel-{primary.value}"
        current = list(st.session_state.get(key) or [])
        if word not in current:
            st.session_state[key] = [*current, word]


def feelings_picker(prefix: str) -> None:
    intensity = (
        st.segmented_control(
            "How strongly?",
            options=[1, 2, 3],
            format_func=INTENSITY_LABELS.get,
            default=2,
            key=f"{prefix}-intensity",
        )
        or 2
    )
    for primary in PRIMARIES:
        info = PRIMARY_INFO[primary]
        with st.container():
            st.pills(
                f"{primary.value.capitalize()}: {info.description}",
                options=_words(primary),
                selection_mode="multi",
                format_func=lambda w, i=intensity: feeling_label(w, i),
                key=f"{prefix}-feel-{primary.value}",
            )


def _suggestions(prefix: str) -> None:
    note = st.session_state.get(f"{prefix}-note") or ""
    if not note.strip():
        return
    reading = suggest(note)
    if reading.risk:
        widgets.support_box()
    if not reading.english:
        st.caption(
            "Suggestions read English only, so they may miss what you wrote. The button "
            '"I\'m not safe right now" at the top of this page always works.'
        )
    if reading.feelings:
        first, *others = reading.feelings
        words = [first.word, *(item.word for item in others if item.score >= LIKELY_SCORE)]
        st.caption("From what you wrote, these might fit. Nothing is chosen until you add them.")
        st.button(
            "Add " + ", ".join(words),
            key=f"{prefix}-add-suggested",
            icon=":material/add:",
            on_click=_add_suggestions,
            args=(prefix, words),
        )


def _circumplex(valence: float, energy: float) -> alt.LayerChart:
    quadrants = pd.DataFrame(
        {
            "x": [0.55, -0.55, -0.55, 0.55],
            "y": [0.85, 0.85, -0.85, -0.85],
            "label": [
                "energised, pleasant",
                "tense, unpleasant",
                "low, unpleasant",
                "calm, pleasant",
            ],
        }
    )
    point = pd.DataFrame({"x": [valence], "y": [energy]})
    scale = alt.Scale(domain=[-1, 1])
    base = (
        alt.Chart(quadrants)
        .mark_text(color="#7a8288", fontSize=11)
        .encode(
            x=alt.X("x:Q", scale=scale, title="pleasantness"),
            y=alt.Y("y:Q", scale=scale, title="energy"),
            text="label:N",
        )
    )
    rules = alt.Chart(pd.DataFrame({"v": [0]})).mark_rule(color="#c9c3b6")
    dot = alt.Chart(point).mark_circle(size=320, color="#436b7b").encode(x="x:Q", y="y:Q")
    return (base + rules.encode(x="v:Q") + rules.encode(y="v:Q") + dot).properties(height=260)


def details_form(
    prefix: str, tag_options: list[str], quick_mood: QuickMood | None, timezone: str
) -> CheckIn:
    """All optional details; returns the check-in they describe."""
    st.markdown("##### Feelings")
    feelings_picker(prefix)
    st.markdown("##### Note")
    st.text_area(
        "Write as much or as little as you like",
        # no max_chars: the browser would silently cut a long paste (and a paste over the
        # limit came through empty); the service refuses a note over the limit with a message
        help=f"Up to {MAX_NOTE_CHARS:,} characters.",
        key=f"{prefix}-note",
        height=150,
    )
    _suggestions(prefix)
    st.markdown("##### Scales")
    if st.toggle("Set pleasantness and energy myself", key=f"{prefix}-own-scales"):
        left, right = st.columns([3, 2])
        with left:
            valence = st.slider("Pleasantness", -1.0, 1.0, 0.0, 0.05, key=f"{prefix}-valence")
            energy = st.slider("Energy", -1.0, 1.0, 0.0, 0.05, key=f"{prefix}-energy")
        with right:
            st.altair_chart(_circumplex(valence, energy), width="stretch")
    st.slider(
        "Sense of control",
        -1.0,
        1.0,
        0.0,
        0.05,
        key=f"{prefix}-control",
        help="-1: things feel out of my hands · 1: I feel in charge",
    )
    st.multiselect(
        "Tags (activities, people, places)",
        options=tag_options,
        accept_new_options=True,
        key=f"{prefix}-tags",
        placeholder="Choose or type a new tag",
    )
    st.number_input(
        "Hours slept (optional)",
        min_value=0.0,
        max_value=24.0,
        value=None,
        step=0.5,
        key=f"{prefix}-sleep",
    )
    return from_state(prefix, quick_mood, timezone)


def from_state(prefix: str, quick_mood: QuickMood | None, timezone: str) -> CheckIn:
    """The check-in the form's widgets hold now. A callback reads it here, not from the
    page run before: that run may have been cut short by the click, before the last text
    typed was part of it."""
    value = st.session_state.get
    intensity = value(f"{prefix}-intensity") or 2
    own = bool(value(f"{prefix}-own-scales"))
    control = value(f"{prefix}-control") or 0.0
    return CheckIn(
        quick_mood=quick_mood,
        feelings=tuple(
            FeelingChoice(word, intensity)
            for primary in PRIMARIES
            for word in value(f"{prefix}-feel-{primary.value}") or []
        ),
        valence=value(f"{prefix}-valence", 0.0) if own else None,
        energy=value(f"{prefix}-energy", 0.0) if own else None,
        control=control if control != 0.0 else None,
        tags=tuple(value(f"{prefix}-tags") or ()),
        note=value(f"{prefix}-note") or "",
        sleep_hours=value(f"{prefix}-sleep"),
        timezone=timezone,
    )
