"""Kill writers with SIGKILL while they write, 100 times across 4 processes: every
acknowledged entry is there, complete (note and picture decrypt), and PRAGMA
integrity_check says ok."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import TEST_KEY, make_settings
from tests.helpers import make_user
from therapy_app.services import accounts, artworks, entries
from therapy_app.services.context import open_app

pytestmark = pytest.mark.slow
WRITERS = 4
KILLS = 100
ROOT = Path(__file__).parents[2]


def test_sigkill_during_writes_loses_no_acknowledged_entry(tmp_path) -> None:
    setup = open_app(make_settings(tmp_path))
    make_user(setup, "writer")
    setup.dispose()
    env = {**os.environ, "THERAPY_APP_HOME": str(tmp_path), "THERAPY_APP_KEY": TEST_KEY}
    env.pop("DATABASE_URL", None)
    acked: dict[str, tuple[str, int]] = {}
    writes_by_pid: dict[int, int] = {}
    lock = threading.Lock()

    def start(index: int) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.fault.writer", f"w{index}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

        def read() -> None:
            for line in process.stdout:
                _, entry_id, head, length = line.split()
                with lock:
                    acked[entry_id] = (head, int(length))
                    writes_by_pid[process.pid] = writes_by_pid.get(process.pid, 0) + 1

        threading.Thread(target=read, daemon=True).start()
        return process

    rng = random.Random(0)
    processes = [start(i) for i in range(WRITERS)]
    for _ in range(KILLS):
        index = rng.randrange(WRITERS)
        _wait_until_writing(processes[index].pid, writes_by_pid, lock)
        time.sleep(rng.uniform(0.1, 0.6))
        processes[index].send_signal(signal.SIGKILL)
        processes[index].wait()
        processes[index] = start(index)
    for process in processes:
        process.send_signal(signal.SIGKILL)
        process.wait()
    time.sleep(0.5)  # let the readers drain the last lines

    ctx = open_app(make_settings(tmp_path))
    actor = accounts.find_user(ctx, "writer")
    with lock:
        confirmed = dict(acked)
    assert len(confirmed) >= 40, "writers made too little progress to test anything"
    for entry_id, (head, length) in confirmed.items():
        view = entries.get_entry(ctx, actor, entry_id)
        assert view.note.startswith(head) and len(view.note) == length
        (artwork_id,) = view.artwork_ids
        assert artworks.get_artwork(ctx, actor, artwork_id).image.startswith(b"\x89PNG")
    with ctx.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        orphans = connection.execute(
            text(
                "SELECT count(*) FROM entries e LEFT JOIN artworks a ON a.entry_id = e.id "
                "WHERE a.id IS NULL"
            )
        ).scalar()
    assert orphans == 0  # no entry without its picture, acknowledged or not
    ctx.dispose()


def _wait_until_writing(pid: int, writes_by_pid: dict[int, int], lock: threading.Lock) -> None:
    """A writer is killed once it writes (on a loaded machine it may still be starting up,
    and a kill then tests nothing)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with lock:
            if writes_by_pid.get(pid):
                return
        time.sleep(0.05)
