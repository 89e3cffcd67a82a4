"""The sentence above each chart says what its numbers show."""

from datetime import date

import pandas as pd

from therapy_app.insights import summaries


def weeks(*means: float) -> pd.DataFrame:
    return pd.DataFrame({"valence_mean": means})


def test_the_trend_compares_the_last_weeks_with_the_weeks_before() -> None:
    assert summaries.trend(weeks(-0.5, -0.4, -0.5, -0.4, 0.1, 0.2, 0.1, 0.2)) == (
        "Pleasantness rose over the last four weeks."
    )
    assert summaries.trend(weeks(0.3, 0.1)) == "Pleasantness fell over the last week."
    assert summaries.trend(weeks(0.1, 0.1, 0.12, 0.08)) == (
        "Pleasantness stayed about the same over the last two weeks."
    )
    assert summaries.trend(weeks(0.1)).startswith("Too few weeks")


def test_highest_and_lowest_name_the_places_and_their_values() -> None:
    frame = pd.DataFrame({"weekday": ["Mon", "Sat", "Sun"], "valence": [-0.52, 0.19, 0.0]})
    assert summaries.highest_and_lowest(frame, "on") == (
        "Pleasantness was highest on Sat (+0.19) and lowest on Mon (-0.52)."
    )


def test_the_feeling_felt_most_often_is_summed_over_periods() -> None:
    frame = pd.DataFrame(
        {"period": [1, 1, 2], "primary": ["joy", "fear", "fear"], "count": [3, 2, 2]}
    )
    assert summaries.most_named(frame) == "Fear was felt most often (4 times)."


def test_the_circumplex_says_where_most_entries_lie() -> None:
    frame = pd.DataFrame({"valence": [0.5, 0.2, -0.3], "energy": [-0.4, -0.1, 0.6]})
    assert summaries.circumplex(frame) == "3 entries; most were pleasant and calm."


def test_scores_say_where_a_questionnaire_went_from_first_to_last() -> None:
    taken = [(date(2026, 3, 2), 14, "moderate"), (date(2026, 3, 16), 11, "moderate")]
    taken.append((date(2026, 3, 30), 9, "mild"))
    assert summaries.scores("PHQ-9", taken) == (
        "PHQ-9 went from 14 (moderate) on 02 Mar 2026 to 9 (mild) on 30 Mar 2026."
    )
    assert summaries.scores("GAD-7", taken[:1]) == (
        "One GAD-7 score so far: 14 (moderate) on 02 Mar 2026."
    )
    assert summaries.scores("GAD-7", []) == "No GAD-7 scores yet."
