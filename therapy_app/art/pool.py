"""Painting in a bounded pool: an app process paints in one painting process of its own,
one batch at a time, with a fixed number of torch threads. A burst of "make art" clicks
waits its turn instead of taking every core from the pages served beside it, and painting
never waits for the GIL behind the threads that run those pages: in the same process,
beside two threads running Python, four candidates took 63 s instead of 0.06 s (each of
the network's thousands of operations gives the GIL up and must wait to take it back).

The painting process is a plain child (``python -m therapy_app.art.pool``) that reads
requests on its stdin and answers on its stdout, not a multiprocessing worker: those
re-run the parent's main module, which in a Streamlit process is the page script."""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING

from therapy_app.art.sampler import Painter

if TYPE_CHECKING:
    from PIL import Image

    from therapy_app.art.networks import Generator
    from therapy_app.art.sampler import ArtSpec

_LENGTH = struct.Struct(">Q")


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> object:
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError
    length = _LENGTH.unpack(header)[0]
    data = stream.read(length)
    if len(data) < length:  # the painting process died while it answered
        raise EOFError
    return pickle.loads(data)  # noqa: S301 (our own painting process, over its own pipe)


class PaintingProcess:
    """The painting process of one model, started at the first painting and again if it
    dies (killed, out of memory); one request at a time."""

    def __init__(self, weights: Path, threads: int) -> None:
        self.weights, self.threads = weights, threads
        self._process: subprocess.Popen[bytes] | None = None
        self._turn = threading.Lock()

    def call(self, method: str, *args: object) -> object:
        with self._turn:
            try:
                return self._ask(method, args)
            except (EOFError, BrokenPipeError):
                self._process = None
                return self._ask(method, args)

    @property
    def pid(self) -> int:
        with self._turn:
            return self._running().pid

    def close(self) -> None:
        with self._turn:
            if self._process is not None:
                self._process.stdin.close()  # type: ignore[union-attr]
                self._process.wait()
                self._process = None

    def _ask(self, method: str, args: tuple[object, ...]) -> object:
        process = self._running()
        _send(process.stdin, (method, args))  # type: ignore[arg-type]
        failed, value = _receive(process.stdout)  # type: ignore[arg-type, misc]
        if failed:
            raise value
        return value

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            command = [sys.executable, "-m", __name__, str(self.weights), str(self.threads)]
            self._process = subprocess.Popen(  # noqa: S603 (this interpreter, this module)
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        return self._process


class PooledPainter(Painter):
    """A painter whose pictures are painted in its painting process; callers wait for
    their turn."""

    def __init__(
        self, net: Generator, record: dict[str, object], painting: PaintingProcess
    ) -> None:
        super().__init__(net, record)
        self.painting = painting

    @classmethod
    def of(cls, painter: Painter, weights: Path, threads: int) -> PooledPainter:
        return cls(painter.net, painter.record, PaintingProcess(weights, threads))

    def paint(self, specs: list[ArtSpec]) -> list[Image.Image]:
        return self.painting.call("paint", specs)  # type: ignore[return-value]

    def morph(
        self, specs: list[ArtSpec], steps: int = 6, size: int = 256, frame_ms: int = 140
    ) -> bytes:
        return self.painting.call("morph", specs, steps, size, frame_ms)  # type: ignore[return-value]


def serve(weights: Path, threads: int, replies: IO[bytes]) -> None:
    """The painting process: requests on stdin, pictures (or the error) on ``replies``,
    until stdin closes."""
    import torch

    torch.set_num_threads(threads)
    painter = Painter.load(weights)
    requests = sys.stdin.buffer
    while True:
        try:
            method, args = _receive(requests)  # type: ignore[misc]
        except EOFError:
            return
        try:
            reply: tuple[bool, object] = (False, getattr(painter, method)(*args))
        except Exception as error:  # noqa: BLE001 (raised again in the app process)
            reply = (True, error)
        try:
            _send(replies, reply)
        except BrokenPipeError:  # the app process died while this one painted for it
            return
        except (pickle.PicklingError, TypeError, AttributeError) as error:  # an odd error
            _send(replies, (True, RuntimeError(f"painting failed: {reply[1]!r} ({error})")))


def _private_replies() -> IO[bytes]:
    """The replies' pipe, taken off standard output: whatever else writes there (a
    library's print, C code) goes to standard error instead of into a reply."""
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return replies


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]), _private_replies())
