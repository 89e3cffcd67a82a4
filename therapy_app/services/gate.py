"""How many units of work a process runs at once, served in the order they asked.

Streamlit runs every browser session's page in a thread of its own, and the services' work
is Python under one interpreter lock: a dozen threads taking turns at it every few
milliseconds spend a quarter more processor time per operation than two threads doing the
same work one after the other, and every page waits behind every other. A gate lets a few
units of work in at a time (first come, first served), and the rest wait their turn.
"""

from __future__ import annotations

import threading
from collections import deque
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


class Gate:
    """At most ``size`` threads inside at once, let in first come, first served; a thread
    already inside enters again freely (a unit of work within another)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._inside = 0
        self._waiting: deque[threading.Event] = deque()
        self._depth = threading.local()

    @contextmanager
    def held(self) -> Iterator[None]:
        first = getattr(self._depth, "value", 0) == 0
        if first:
            self._enter()
        try:
            with self.passed():
                yield
        finally:
            if first:
                self._leave()

    @contextmanager
    def passed(self) -> Iterator[None]:
        """Inside without taking a place, for work whose cost lies elsewhere, with slots of
        its own (a password hash runs outside the interpreter lock); a unit of work within
        it enters freely too. Such work never waits at the gate, so it cannot wait there
        while it holds a lock that the threads inside want."""
        depth = getattr(self._depth, "value", 0)
        self._depth.value = depth + 1
        try:
            yield
        finally:
            self._depth.value = depth

    def _enter(self) -> None:
        with self._lock:
            if self._inside < self.size and not self._waiting:
                self._inside += 1
                return
            turn = threading.Event()
            self._waiting.append(turn)
        turn.wait()  # the thread leaving hands its place over

    def _leave(self) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().set()
            else:
                self._inside -= 1
