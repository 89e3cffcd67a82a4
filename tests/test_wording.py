"""Counts worded for people."""

import pytest

from therapy_app.wording import counted


@pytest.mark.parametrize(
    ("count", "worded"), [(0, "0 strokes"), (1, "1 stroke"), (2, "2 strokes"), (12, "12 strokes")]
)
def test_a_count_is_singular_only_for_one(count, worded) -> None:
    assert counted(count, "stroke") == worded
