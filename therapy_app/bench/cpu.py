"""CPU time used by each kind of process on this machine (Linux ``/proc``), for benchmarks
whose load generators (browsers, worker processes) share the machine with what they load.

A meter samples every process's CPU time each ``every`` seconds while it runs and sums what
each kind used; a process that ends between two samples loses at most that interval."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Process:
    pid: int
    parent: int
    name: str  # the kernel's short name (``comm``)
    program: str  # the first word of its command line
    cpu_seconds: float  # user and system time so far


def _read(pid: int) -> Process | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # it ended meanwhile
        return None
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2 :].split()
    # after the name: state, parent, ...; user and system time are the 12th and 13th
    ticks = int(fields[11]) + int(fields[12])
    program = command.split(b"\0", 1)[0].decode(errors="replace")
    return Process(pid, int(fields[1]), name, program, ticks / TICKS_PER_SECOND)


def processes() -> list[Process]:
    found = (_read(int(entry.name)) for entry in Path("/proc").iterdir() if entry.name.isdigit())
    return [process for process in found if process is not None]


class CpuMeter:
    """``with CpuMeter(kind_of) as meter:`` ... then ``meter.seconds``: CPU seconds by kind
    over the block (``kind_of`` names a process's kind, or None to leave it out)."""

    def __init__(self, kind_of: Callable[[Process], str | None], every: float = 1.0) -> None:
        self.kind_of, self.every = kind_of, every
        self.seconds: dict[str, float] = {}
        self._last: dict[tuple[int, str], float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> CpuMeter:
        for process in processes():  # what each had used before: not counted
            self._last[(process.pid, process.name)] = process.cpu_seconds
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self.seconds = {kind: round(used, 1) for kind, used in sorted(self.seconds.items())}

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def _sample(self) -> None:
        for process in processes():
            key = (process.pid, process.name)
            used = process.cpu_seconds - self._last.get(key, 0.0)  # new since: all of it
            self._last[key] = process.cpu_seconds
            kind = self.kind_of(process)
            if kind is not None:
                self.seconds[kind] = self.seconds.get(kind, 0.0) + used
