"""Pages of rows whose filter can only be applied after decrypting them: read in bounded
batches, keep the matches, stop as soon as the page is full and one more match is known."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import func, select

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from sqlalchemy import Select
    from sqlalchemy.orm import Session

Row = TypeVar("Row")
View = TypeVar("View")

# Rows decrypted per round trip: a page of 10 matches in a journal of 7,300 entries costs at
# most one batch more than the matches needed, and memory stays bounded by one batch.
BATCH = 200


@dataclass(frozen=True)
class Found(Generic[View]):
    """A page of matches. ``total`` is exact when ``complete``; otherwise more than ``total - 1``
    rows match (the scan stopped at the first match after the page)."""

    items: tuple[View, ...]
    total: int
    complete: bool = True


def first_matches(
    batches: Iterable[Sequence[Row]],
    keep: Callable[[Row], View | None],
    offset: int,
    limit: int | None,
) -> Found[View]:
    """The matches from ``offset`` on (at most ``limit``); ``keep`` opens a row and returns
    its view when it matches, else None."""
    end = None if limit is None else offset + limit
    page: list[View] = []
    count = 0
    for batch in batches:
        for row in batch:
            view = keep(row)
            if view is None:
                continue
            if end is not None and count >= end:
                return Found(tuple(page), count + 1, complete=False)
            if count >= offset:
                page.append(view)
            count += 1
    return Found(tuple(page), count)


def count_rows(session: Session, statement: Select) -> int:
    """How many rows a select returns, counted by the database."""
    return session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))


def in_batches(session: Session, statement: Select) -> Iterator[Sequence[Any]]:
    """The rows of a select, streamed ``BATCH`` at a time (a server-side cursor on
    PostgreSQL); closed when the caller stops early."""
    result = session.execute(statement.execution_options(yield_per=BATCH))
    try:
        yield from result.partitions()
    finally:
        result.close()
