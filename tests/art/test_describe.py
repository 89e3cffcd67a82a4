"""Text alternatives say what a picture shows, from its mood's conditioning vector."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from therapy_app.art.conditioning import DIM, EMOTIONS
from therapy_app.art.describe import alt_text, forms


def vector(emotion: str, valence: float, arousal: float, dominance: float) -> list[float]:
    c = [0.0] * DIM
    c[EMOTIONS.index(emotion)] = 1.0
    c[8:12] = [valence, arousal, dominance, 0.7]
    return c


def test_the_sentence_names_the_mood_the_day_and_the_forms() -> None:
    calm_sadness = vector("sadness", -0.1, -0.5, 0.0)
    assert alt_text("okay", date(2026, 3, 2), calm_sadness) == (
        "Picture for 'okay', 2 March: soft blue field with long, calm horizontal curves"
    )


def test_colour_tone_lines_and_size_follow_the_vector() -> None:
    assert forms(vector("joy", 0.8, 0.45, 0.5)) == (
        "bright yellow field with dense, lively strokes, large and bold"
    )
    assert forms(vector("anger", -0.6, 0.8, 0.0)) == "deep red field with sharp, jagged marks"
    assert forms(vector("fear", -0.65, 0.1, -0.6)) == (
        "deep dark green field with lines drifting downward, small and faint"
    )


@given(st.lists(st.floats(-1, 1), min_size=DIM, max_size=DIM))
def test_every_vector_gets_a_description_without_words_about_the_person(c) -> None:
    c[:8] = [abs(w) for w in c[:8]]
    said = forms(c)
    assert " field with " in said
    assert not {"you", "your", "feel", "feels", "depressed", "anxious"} & set(said.split())
