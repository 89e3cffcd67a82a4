import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from therapy_app.art import conditioning
from therapy_app.mood.checkin import (
    CONDITIONING_DIM,
    CheckIn,
    FeelingChoice,
    conditioning_vector,
)
from therapy_app.mood.feelings import (
    ALL_FEELINGS,
    FEELINGS,
    PRIMARIES,
    PRIMARY_INFO,
    feeling_label,
)
from therapy_app.mood.lexicon import CUES
from therapy_app.mood.scales import QuickMood

scale = st.floats(-1, 1, allow_nan=False)
feeling = st.builds(FeelingChoice, st.sampled_from(sorted(ALL_FEELINGS)), st.integers(1, 3))
check_ins = st.builds(
    CheckIn,
    quick_mood=st.none() | st.sampled_from(list(QuickMood)),
    feelings=st.lists(feeling, max_size=5, unique_by=lambda f: f.word).map(tuple),
    valence=st.none() | scale,
    energy=st.none() | scale,
    control=st.none() | scale,
)


def test_vocabulary_size_and_wording() -> None:
    assert len(FEELINGS) >= 60
    assert len(PRIMARIES) == 8
    for info in PRIMARY_INFO.values():
        assert len(set(info.intensity_names)) == 3
    for f in FEELINGS:
        assert f.description and all(-1 <= v <= 1 for v in (f.valence, f.arousal, f.dominance))
    assert set(CUES) <= set(ALL_FEELINGS)


def test_vector_layout_matches_the_art_engine() -> None:
    assert CONDITIONING_DIM == conditioning.DIM
    assert [p.value for p in PRIMARIES] == list(conditioning.EMOTIONS)


def test_the_art_engine_places_each_emotion_where_the_vocabulary_does() -> None:
    for index, primary in enumerate(PRIMARIES):
        info = PRIMARY_INFO[primary]
        placed = conditioning.EMOTION_VAD[index].tolist()
        assert placed == pytest.approx([info.valence, info.arousal, info.dominance])


def test_feelings_are_named_by_their_intensity() -> None:
    assert [feeling_label("joy", i) for i in (1, 2, 3)] == ["serenity", "joy", "ecstasy"]
    assert [feeling_label("content", i) for i in (1, 2, 3)] == [
        "a little content",
        "content",
        "very content",
    ]


@given(check_ins)
def test_vector_is_finite_in_range_and_deterministic(check_in) -> None:
    vector = conditioning_vector(check_in)
    assert len(vector) == CONDITIONING_DIM
    assert all(math.isfinite(v) for v in vector)
    assert math.isclose(sum(vector[:8]), 1.0, rel_tol=1e-9)
    assert all(0 <= w <= 1 for w in vector[:8])
    assert all(-1 <= v <= 1 for v in vector[8:11]) and 0 <= vector[11] <= 1
    assert conditioning_vector(check_in) == vector


@given(scale, scale, scale, st.floats(-0.01, 0.01), st.floats(-0.01, 0.01))
def test_small_changes_give_small_changes(valence, energy, control, dv, de) -> None:
    before = conditioning_vector(CheckIn(valence=valence, energy=energy, control=control))
    after = conditioning_vector(
        CheckIn(
            valence=max(-1, min(1, valence + dv)),
            energy=max(-1, min(1, energy + de)),
            control=control,
        )
    )
    assert max(abs(a - b) for a, b in zip(before, after, strict=True)) < 0.2


def test_every_feeling_word_gives_a_distinct_vector() -> None:
    vectors = {
        tuple(round(v, 9) for v in conditioning_vector(CheckIn(feelings=(FeelingChoice(word),))))
        for word in ALL_FEELINGS
    }
    assert len(vectors) == len(ALL_FEELINGS)


def test_quick_mood_alone_leans_toward_matching_emotions() -> None:
    great = conditioning_vector(CheckIn(quick_mood=QuickMood.GREAT))
    awful = conditioning_vector(CheckIn(quick_mood=QuickMood.AWFUL))
    joy, sadness = PRIMARIES.index("joy"), PRIMARIES.index("sadness")
    assert great[joy] > great[sadness] and awful[sadness] > awful[joy]
    assert great[8] > 0 > awful[8]
