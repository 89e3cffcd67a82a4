"""The rules read normalised text, where a contraction stays joined to its word ("i'm",
"it'll", "mum's"). A pattern that puts whitespace before an apostrophe ("i\\s+(?:am|'m)")
can never match that alternative; nine patterns once did, and missed "if I'm dead"."""

import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterator

import pytest

from therapy_app.mood import risk_patterns

Item = tuple[object, object]


def _all_patterns() -> Iterator[str]:
    for name, value in vars(risk_patterns).items():
        if name.startswith("__"):
            continue
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple):
            yield from value
        elif isinstance(value, dict):
            for patterns in value.values():
                yield from patterns


def _is_whitespace_run(item: Item) -> bool:
    op, av = item
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT) or av[0] < 1:
        return False
    body = list(av[2])
    spaces = (sre.CATEGORY, sre.CATEGORY_SPACE)
    return len(body) == 1 and body[0][0] == sre.IN and all(x == spaces for x in body[0][1])


def _may_start_with_apostrophe(items: list[Item]) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op == sre.LITERAL:
        return av == ord("'")
    if op == sre.SUBPATTERN:
        return _may_start_with_apostrophe(list(av[3]))
    if op == sre.BRANCH:
        return any(_may_start_with_apostrophe(list(branch)) for branch in av[1])
    return False


def _inner_sequences(item: Item) -> Iterator[list[Item]]:
    op, av = item
    if op == sre.SUBPATTERN:
        yield list(av[3])
    elif op == sre.BRANCH:
        yield from (list(branch) for branch in av[1])
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        yield list(av[2])
    elif op in (sre.ASSERT, sre.ASSERT_NOT):
        yield list(av[1])


def _apostrophe_after_whitespace(items: list[Item]) -> bool:
    for index, item in enumerate(items):
        if _is_whitespace_run(item) and _may_start_with_apostrophe(items[index + 1 :]):
            return True
        if any(_apostrophe_after_whitespace(inner) for inner in _inner_sequences(item)):
            return True
    return False


def _unreachable_contraction(pattern: str) -> bool:
    return _apostrophe_after_whitespace(list(sre_parse.parse(pattern)))


@pytest.mark.parametrize(
    ("pattern", "unreachable"),
    [
        (r"\bi\s+(?:am|'m)\b", True),
        (r"\bwhen\s+'tis\b", True),
        (r"\b(?:i\s+am|i'm)\b", False),
        (r"\bi(?:\s+am|'m)\b", False),
    ],
)
def test_the_shape_check_tells_a_dead_contraction_from_a_live_one(
    pattern: str, unreachable: bool
) -> None:
    assert _unreachable_contraction(pattern) is unreachable


def test_no_rule_puts_whitespace_before_an_apostrophe() -> None:
    patterns = list(_all_patterns())
    assert len(patterns) > 400
    assert [p for p in patterns if _unreachable_contraction(p)] == []
