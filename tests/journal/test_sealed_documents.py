"""Sealed check-ins are read back exactly as they were written, whatever they hold."""

import math

from hypothesis import given
from hypothesis import strategies as st

from therapy_app.journal.crypto import FieldCipher
from therapy_app.journal.sealed import SealedCheckIn

CIPHER = FieldCipher(b"k" * 32)
scores = st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(
    valence=scores,
    sleep=st.none() | scores,
    feelings=st.lists(st.tuples(st.text(max_size=20), st.integers(1, 3)), max_size=6),
    zone=st.text(max_size=40),
)
def test_a_check_in_opens_as_it_was_sealed(
    valence: float, sleep: float | None, feelings: list[tuple[str, int]], zone: str
) -> None:
    checkin = SealedCheckIn(zone, 3, valence, -0.5, None, sleep, True, tuple(feelings), False)
    opened = SealedCheckIn.open(CIPHER, checkin.seal(CIPHER, "e", "o"), "e", "o")
    assert opened == checkin


def test_a_check_in_sealed_with_a_missing_number_still_opens() -> None:
    # json writes NaN (not JSON strictly); the faster reader refuses it, the slower reads it
    checkin = SealedCheckIn("UTC", None, 0.1, 0.2, None, math.nan, False, (), None)
    opened = SealedCheckIn.open(CIPHER, checkin.seal(CIPHER, "e", "o"), "e", "o")
    assert math.isnan(opened.sleep_hours)
    assert opened.valence == checkin.valence
