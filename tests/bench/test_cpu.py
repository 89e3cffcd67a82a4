"""The CPU meter counts what each kind of process used during its block, and only that."""

import subprocess
import sys
import time

from therapy_app.bench.cpu import CpuMeter, Process

BUSY = "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass"


def _by_role(roles: dict[int, str]):
    def kind_of(process: Process) -> str | None:
        return roles.get(process.pid)

    return kind_of


def test_the_meter_counts_a_busy_process_and_not_an_idle_one() -> None:
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.5)  # its start-up happens before the block: not counted
        roles = {idle.pid: "idle"}
        with CpuMeter(_by_role(roles), every=0.1) as meter:
            busy = subprocess.Popen([sys.executable, "-c", BUSY])
            roles[busy.pid] = "busy"
            busy.wait()
            time.sleep(0.05)
    finally:
        idle.kill()
        idle.wait()
    assert meter.seconds.get("busy", 0) >= 0.3
    assert meter.seconds.get("idle", 0) < 0.1
