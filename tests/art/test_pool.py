"""A burst of paintings in one app process waits its turn: one batch at a time, in a
painting process of its own (started again if it dies), each the same picture it would
be painted alone, and a painting's error raised where it was asked for."""

import io
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from PIL import Image

from therapy_app.art.pool import PooledPainter, _receive, _send
from therapy_app.art.sampler import ArtSpec, Painter
from therapy_app.config import torch_threads
from therapy_app.services import artworks

VECTOR = (1.0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.45, 0.4, 0.8)


def _same_picture(one: Image.Image, other: Image.Image) -> bool:
    """The same picture, give or take a level where torch's sums, split over another number
    of threads, round a pixel the other way."""
    difference = np.abs(np.asarray(one, dtype=int) - np.asarray(other, dtype=int))
    return difference.max() <= 1 and (difference > 0).mean() < 0.01


@pytest.fixture
def pooled(tiny_weights):
    painter = PooledPainter.of(Painter.load(tiny_weights), tiny_weights, threads=1)
    yield painter
    painter.painting.close()


def test_a_burst_paints_one_batch_at_a_time_in_a_painting_process(pooled, tiny_weights) -> None:
    specs = [ArtSpec(VECTOR, ((seed, 1.0),), 0.2, 64) for seed in range(8)]
    with ThreadPoolExecutor(max_workers=8) as clicks:
        pictures = list(clicks.map(lambda spec: pooled.paint([spec])[0], specs))
        painters = set(clicks.map(lambda _: pooled.painting.pid, range(8)))
    assert len(painters) == 1 and os.getpid() not in painters
    alone = [Painter.load(tiny_weights).paint([spec])[0] for spec in specs]
    assert all(_same_picture(p, a) for p, a in zip(pictures, alone, strict=True))


def test_a_painting_process_that_died_is_started_again(pooled) -> None:
    spec = ArtSpec(VECTOR, ((3, 1.0),), 0.2, 64)
    before = pooled.paint([spec])[0]
    os.kill(pooled.painting.pid, signal.SIGKILL)
    assert pooled.paint([spec])[0].tobytes() == before.tobytes()


def test_torch_threads_default_to_half_the_cores_and_follow_the_setting() -> None:
    assert torch_threads({"THERAPY_APP_TORCH_THREADS": "3"}) == 3
    assert torch_threads({"THERAPY_APP_TORCH_THREADS": "0"}) >= 1
    assert torch_threads({}) >= 1


def test_sessions_asking_at_once_share_one_painter_and_one_pool(tiny_weights) -> None:
    with ThreadPoolExecutor(4) as sessions:
        painters = list(sessions.map(lambda _: artworks.painter(tiny_weights), range(4)))
    assert all(painter is painters[0] for painter in painters)
    assert all(painter.painting is painters[0].painting for painter in painters)


def test_a_paintings_error_is_raised_in_the_app_process(pooled) -> None:
    with pytest.raises(ValueError, match="at least two pictures"):
        pooled.morph([ArtSpec(VECTOR, ((1, 1.0),), 0.2, 64)])


def test_only_replies_reach_the_replies_pipe() -> None:
    """A print in the painting process (a library's, say) goes to its standard error, not
    into a reply the app process would misread."""
    child = (
        "from therapy_app.art.pool import _private_replies\n"
        "replies = _private_replies()\n"
        "print('a library speaks', flush=True)\n"
        "replies.write(b'reply')\n"
        "replies.flush()\n"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, check=True)
    assert done.stdout == b"reply"
    assert b"a library speaks" in done.stderr


def test_a_reply_cut_short_reads_as_a_painting_process_that_died() -> None:
    """Cut off mid-reply (killed while answering), a reply is not misread: the painting is
    asked again of a new painting process."""
    whole = io.BytesIO()
    _send(whole, (False, "a picture"))
    with pytest.raises(EOFError):
        _receive(io.BytesIO(whole.getvalue()[:-3]))
    assert _receive(io.BytesIO(whole.getvalue())) == (False, "a picture")


def test_a_painting_process_whose_app_process_died_ends_quietly(tiny_weights) -> None:
    """Its app process killed while it painted: the reply has nowhere to go, and it ends
    without a traceback in the app's log."""
    child = subprocess.Popen(
        [sys.executable, "-m", "therapy_app.art.pool", str(tiny_weights), "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # the app process is gone
    _send(child.stdin, ("no_such_method", ()))
    child.stdin.flush()
    assert child.wait(timeout=60) == 0
    child.stdin.close()
    assert b"Traceback" not in child.stderr.read()
