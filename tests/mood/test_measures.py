"""PHQ-9 and GAD-7 scoring: the sum of the items and the published severity bands."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from therapy_app.errors import InvalidInputError
from therapy_app.mood.measures import ITEMS, MAX_ITEM_SCORE, Measure, score, severity_band

PHQ9_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate")]
PHQ9_BANDS += [(15, 19, "moderately severe"), (20, 27, "severe")]
GAD7_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")]


@pytest.mark.parametrize(
    ("measure", "bands"), [(Measure.PHQ9, PHQ9_BANDS), (Measure.GAD7, GAD7_BANDS)]
)
def test_every_total_falls_in_its_published_band(measure: Measure, bands: list) -> None:
    for low, high, name in bands:
        for total in range(low, high + 1):
            assert severity_band(measure, total) == name
    assert bands[-1][1] == MAX_ITEM_SCORE * len(ITEMS[measure])


def _answers(measure: Measure) -> st.SearchStrategy[list[int]]:
    size = len(ITEMS[measure])
    return st.lists(st.integers(0, MAX_ITEM_SCORE), min_size=size, max_size=size)


@given(st.sampled_from(list(Measure)).flatmap(lambda m: st.tuples(st.just(m), _answers(m))))
def test_the_total_is_the_sum_and_the_band_follows_it(pair: tuple[Measure, list[int]]) -> None:
    measure, answers = pair
    result = score(measure, answers)
    assert result.total == sum(answers)
    assert result.band == severity_band(measure, sum(answers))


@given(_answers(Measure.PHQ9))
def test_only_phq9_item_9_above_zero_is_a_safety_signal(answers: list[int]) -> None:
    assert score(Measure.PHQ9, answers).safety_item_positive == (answers[8] > 0)


@given(_answers(Measure.GAD7))
def test_gad7_never_raises_the_safety_signal(answers: list[int]) -> None:
    assert not score(Measure.GAD7, answers).safety_item_positive


@pytest.mark.parametrize(
    "answers", [(), (0,) * 8, (0,) * 10, (0,) * 8 + (4,), (0,) * 8 + (-1,), (0,) * 8 + (1.5,)]
)
def test_answers_that_do_not_fit_are_refused(answers: tuple) -> None:
    with pytest.raises(InvalidInputError):
        score(Measure.PHQ9, answers)


def test_a_total_out_of_range_has_no_band() -> None:
    with pytest.raises(InvalidInputError):
        severity_band(Measure.GAD7, 22)
