"""The attacks the tests make, counted by kind: each test that plays an attacker records what
it tried and what got through, and the run ends with the totals (pytest's summary), the
figures issue 22's closing note gives. A test whose attack gets through also fails."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

MADE: Counter[str] = Counter()
THROUGH: Counter[str] = Counter()


def record(kind: str, made: int, through: int = 0) -> None:
    MADE[kind] += made
    THROUGH[kind] += through


@contextmanager
def refused(
    kind: str, error: type[BaseException], match: str | None = None
) -> Iterator[pytest.ExceptionInfo[BaseException]]:
    """``pytest.raises`` for one attack: counted, and counted as through if not refused."""
    record(kind, 1)
    try:
        with pytest.raises(error, match=match) as caught:
            yield caught
    except pytest.fail.Exception:
        record(kind, 0, 1)
        raise


def none_readable(kind: str, stolen: dict[str, bytes], plains: list[bytes]) -> None:
    """Each plain value looked for in each stolen copy is one attack; any found got through."""
    found = [(where, plain) for where, raw in stolen.items() for plain in plains if plain in raw]
    record(kind, len(stolen) * len(plains), len(found))
    assert found == []


def summary() -> list[str]:
    lines = [f"{kind}: {MADE[kind]} made, {THROUGH[kind]} got through" for kind in sorted(MADE)]
    if lines:
        total = f"attacks: {sum(MADE.values())} made, {sum(THROUGH.values())} got through"
        lines.append(total)
    return lines
