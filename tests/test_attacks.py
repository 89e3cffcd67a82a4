"""The attack counter counts an attack that gets through as one that got through."""

from collections import Counter

import pytest

from tests import attacks


@pytest.fixture(autouse=True)
def own_counts(monkeypatch) -> None:
    monkeypatch.setattr(attacks, "MADE", Counter())
    monkeypatch.setattr(attacks, "THROUGH", Counter())


def test_a_refusal_counts_as_made_and_a_success_as_through() -> None:
    with attacks.refused("probe", ValueError):
        raise ValueError
    with pytest.raises(pytest.fail.Exception), attacks.refused("probe", ValueError):
        pass
    assert attacks.summary()[-1] == "attacks: 2 made, 1 got through"


def test_a_value_found_in_a_stolen_copy_got_through() -> None:
    with pytest.raises(AssertionError):
        attacks.none_readable("probe", {"file": b"xx SECRET xx", "backup": b""}, [b"SECRET"])
    assert attacks.summary() == ["probe: 2 made, 1 got through", "attacks: 2 made, 1 got through"]
