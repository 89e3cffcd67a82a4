"""A burst of paintings in one app process waits its turn: one batch at a time, in a
painting process of its own (started again if it dies), each the same picture it would
be painted alone, and a painting's error raised where it was asked for."""

import os
import signal
from concurrent.futures import ThreadPoolExecutor

import pytest

from therapy_app.art.pool import PooledPainter
from therapy_app.art.sampler import ArtSpec, Painter
from therapy_app.config import torch_threads
from therapy_app.services import artworks

VECTOR = (1.0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.45, 0.4, 0.8)


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
    assert [p.tobytes() for p in pictures] == [p.tobytes() for p in alone]


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
