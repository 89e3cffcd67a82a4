"""A burst of paintings in one process waits its turn: one batch at a time, in the pool's
thread, each the same picture it would be painted alone."""

import threading
from concurrent.futures import ThreadPoolExecutor

import torch

from therapy_app.art.pool import PooledPainter, painting_pool
from therapy_app.art.sampler import ArtSpec, Painter
from therapy_app.config import torch_threads
from therapy_app.services import artworks

VECTOR = (1.0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.45, 0.4, 0.8)
THREADS_SET: list[int] = []


def _remember_threads(threads: int) -> None:
    """Stands in for torch.set_num_threads, which would slow every later test here."""
    THREADS_SET.append(threads)


def test_a_burst_paints_one_batch_at_a_time_in_the_pool(tiny_weights, monkeypatch) -> None:
    monkeypatch.setattr(torch, "set_num_threads", _remember_threads)
    plain = Painter.load(tiny_weights)
    pooled = PooledPainter.of(plain, painting_pool(threads=1))
    assert THREADS_SET == [1]
    painting, most, threads = [0], [0], set()
    lock = threading.Lock()
    real_raw = Painter.raw

    def watched_raw(self, specs):
        with lock:
            painting[0] += 1
            most[0] = max(most[0], painting[0])
            threads.add(threading.current_thread().name)
        try:
            return real_raw(self, specs)
        finally:
            with lock:
                painting[0] -= 1

    specs = [ArtSpec(VECTOR, ((seed, 1.0),), 0.2, 64) for seed in range(8)]
    monkeypatch.setattr(Painter, "raw", watched_raw)
    with ThreadPoolExecutor(max_workers=8) as clicks:
        pictures = list(clicks.map(lambda spec: pooled.paint([spec])[0], specs))
    assert most[0] == 1 and all(name.startswith("painter") for name in threads)
    alone = [plain.paint([spec])[0] for spec in specs]
    assert [p.tobytes() for p in pictures] == [p.tobytes() for p in alone]


def test_torch_threads_default_to_half_the_cores_and_follow_the_setting() -> None:
    assert torch_threads({"THERAPY_APP_TORCH_THREADS": "3"}) == 3
    assert torch_threads({"THERAPY_APP_TORCH_THREADS": "0"}) >= 1
    assert torch_threads({}) >= 1


def test_sessions_asking_at_once_share_one_painter_and_one_pool(tiny_weights, monkeypatch) -> None:
    monkeypatch.setattr(torch, "set_num_threads", _remember_threads)
    with ThreadPoolExecutor(4) as sessions:
        painters = list(sessions.map(lambda _: artworks.painter(tiny_weights), range(4)))
    assert all(painter is painters[0] for painter in painters)
    assert all(painter.pool is painters[0].pool for painter in painters)
