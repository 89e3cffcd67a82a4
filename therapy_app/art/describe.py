"""A picture's text alternative, said from what the renderer paints for its conditioning
vector (colour of the strongest emotion, brightness from pleasantness, line and form from
energy and control): what the picture shows, never a reading of the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from therapy_app.art.conditioning import AROUSAL, DOMINANCE, EMOTIONS, VALENCE

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

# Plutchik's wheel colours, as art/conditioning.py paints them (EMOTION_RGB), in words.
COLOUR_NAMES = dict(
    zip(
        EMOTIONS,
        ("yellow", "light green", "dark green", "light blue", "blue", "purple", "red", "orange"),
        strict=True,
    )
)


def forms(conditioning: Sequence[float]) -> str:
    """'soft blue field with long calm curves' for a conditioning vector."""
    weights = conditioning[: len(EMOTIONS)]
    colour = COLOUR_NAMES[EMOTIONS[max(range(len(weights)), key=weights.__getitem__)]]
    valence, arousal = conditioning[VALENCE], conditioning[AROUSAL]
    dominance = conditioning[DOMINANCE]
    tone = "bright" if valence > 0.3 else "deep" if valence < -0.3 else "soft"
    if valence < 0 and arousal > 0.3:
        lines = "sharp, jagged marks"
    elif arousal > 0.4:
        lines = "dense, lively strokes"
    elif valence < -0.3:
        lines = "lines drifting downward"
    elif arousal < -0.3:
        lines = "long, calm horizontal curves"
    else:
        lines = "gentle wavy lines"
    size = (
        ", large and bold" if dominance > 0.4 else ", small and faint" if dominance < -0.4 else ""
    )
    return f"{tone} {colour} field with {lines}{size}"


def alt_text(mood: str, day: date, conditioning: Sequence[float]) -> str:
    """ "Picture for 'okay', 2 March: soft blue field with gentle wavy lines"."""
    return f"Picture for '{mood}', {day.day} {day:%B}: {forms(conditioning)}"
