"""The timeline frames of the journals one browser session viewed last, so that coming back to
the timeline (or to another of its tabs) does not rebuild years of frames.

One KeptJournals belongs to one session (the UI keeps it in that session's state and it ends
with the session): no other session, and so no other person, ever reads from it. The timeline
looks in it only after the access check, by owner, dates and the journal's revision. It holds
moods, feelings and tags, never notes or pictures, for at most ``size`` journals.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from therapy_app.services.insights import Insights

Key = tuple[object, ...]


class KeptJournals:
    """The last ``size`` journals' frames, the least recently viewed dropped first."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._items: OrderedDict[Key, Insights] = OrderedDict()
        self._lock = threading.Lock()  # a rerun may start while the last one still reads

    def get(self, key: Key) -> Insights | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
            return self._items.get(key)

    def put(self, key: Key, insights: Insights) -> None:
        with self._lock:
            self._items[key] = insights
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __getstate__(self) -> dict[str, object]:
        """What the session state holds of it (the lock is not state: a copy gets its own)."""
        return {"size": self.size, "items": self._items}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["size"])  # type: ignore[misc, arg-type]
        self._items = state["items"]  # type: ignore[assignment]
