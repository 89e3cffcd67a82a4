"""The clinic arrangement on one machine: N `therapy-app run` processes on loopback ports and
nginx in front of them (the site of `site.py`), watched through the app's health endpoint:
a process that stops answering is marked down in nginx until it answers again."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from therapy_app.deploy.site import Site, main_config, site_config
from therapy_app.errors import TherapyAppError

if TYPE_CHECKING:
    from collections.abc import Callable

HEALTH_PATH = "/_stcore/health"
HEALTH_TIMEOUT = 2.0
# A process busy painting answers its health check late; taking it out of rotation would
# send its browsers' next requests (their pictures) to a process that does not hold their
# session. So only a process that refuses connections (dead) leaves at once; one that does
# not answer leaves after this long without an answer (hung).
SLOW_DOWN_SECONDS = 10.0
START_SECONDS = 120  # an app process imports pandas and opens the database before answering
STOP_SECONDS = 15
NGINX_MISSING = (
    "nginx is not installed (looked on PATH and in /usr/sbin). On Debian: "
    "sudo apt-get install -y nginx"
)


def nginx_binary() -> Path:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise TherapyAppError(NGINX_MISSING)
    return Path(found)


def healthy(port: int, timeout: float = HEALTH_TIMEOUT) -> bool:
    """Whether the app process on ``port`` answers its health endpoint."""
    return probe(port, timeout) == "up"


def probe(port: int, timeout: float = HEALTH_TIMEOUT) -> str:
    """'up' (it answered), 'dead' (nothing listens: the port refuses) or 'slow' (no answer
    in time: a busy process, or a hung one)."""
    try:
        url = f"http://127.0.0.1:{port}{HEALTH_PATH}"
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback)
            return "up" if response.status == 200 else "slow"  # noqa: PLR2004
    except urllib.error.URLError as error:
        return "dead" if isinstance(error.reason, ConnectionRefusedError) else "slow"
    except ConnectionRefusedError:
        return "dead"
    except OSError:
        return "slow"


@dataclass
class Clinic:
    """A running arrangement; ``stop`` ends every process it started."""

    site: Site
    run_dir: Path
    nginx: Path
    apps: dict[int, subprocess.Popen[bytes]] = field(default_factory=dict)
    proxy: subprocess.Popen[bytes] | None = None
    # port -> when it first failed to answer in time, while it has not answered since
    unanswered_since: dict[int, float] = field(default_factory=dict)

    @property
    def site_file(self) -> Path:
        return self.run_dir / "therapy-app-site.conf"

    @property
    def main_file(self) -> Path:
        return self.run_dir / "nginx.conf"

    def _nginx(self, *arguments: str) -> list[str]:
        return [str(self.nginx), "-p", str(self.run_dir), "-c", str(self.main_file), *arguments]

    def write_config(self, down: frozenset[int]) -> None:
        self.site = replace(self.site, down=down)
        self.site_file.write_text(site_config(self.site), encoding="utf-8")

    def watch_once(self) -> frozenset[int]:
        """Mark down the processes that are dead (or hung for SLOW_DOWN_SECONDS), up those
        that answer again, and have nginx reload its site when that changes; returns the ones
        down."""
        down = frozenset(port for port in self.site.app_ports if self._is_down(port))
        if down != self.site.down:
            self.write_config(down)
            subprocess.run(self._nginx("-s", "reload"), check=True, capture_output=True)
        return down

    def _is_down(self, port: int) -> bool:
        state = probe(port)
        if state != "slow":
            self.unanswered_since.pop(port, None)
            return state == "dead"
        since = self.unanswered_since.setdefault(port, time.monotonic())
        return time.monotonic() - since >= SLOW_DOWN_SECONDS

    def stop(self) -> None:
        running = [p for p in [self.proxy, *self.apps.values()] if p and p.poll() is None]
        for process in running:
            process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _app_process(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "therapy_app", "run", "--host", "127.0.0.1"]
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            [*command, "--port", str(port)], env=env, stdout=output, stderr=subprocess.STDOUT
        )


def _wait_until_healthy(clinic: Clinic) -> None:
    deadline = time.monotonic() + START_SECONDS
    waiting = set(clinic.apps)
    while waiting and time.monotonic() < deadline:
        for port in list(waiting):
            if clinic.apps[port].poll() is not None:
                msg = f"The app process on port {port} exited; see {clinic.run_dir}/app-{port}.log"
                raise TherapyAppError(msg)
            if healthy(port):
                waiting.discard(port)
        time.sleep(0.3)
    if waiting:
        msg = f"App processes on ports {sorted(waiting)} did not answer within {START_SECONDS} s."
        raise TherapyAppError(msg)


def start(site: Site, run_dir: Path, env: dict[str, str] | None = None) -> Clinic:
    """Start the app processes, wait until each answers, then nginx in front of them. On any
    failure everything started is stopped again before the error is raised."""
    clinic = Clinic(site, run_dir, nginx_binary())
    run_dir.mkdir(parents=True, exist_ok=True)
    app_env = {**os.environ, **(env or {})}
    try:
        for port in site.app_ports:
            clinic.apps[port] = _app_process(port, app_env, run_dir / f"app-{port}.log")
        _wait_until_healthy(clinic)
        clinic.write_config(frozenset())
        clinic.main_file.write_text(main_config(run_dir, clinic.site_file), encoding="utf-8")
        checked = subprocess.run(clinic._nginx("-t"), capture_output=True, text=True, check=False)
        if checked.returncode != 0:
            msg = f"nginx refused the site: {checked.stderr.strip().splitlines()[-1]}"
            raise TherapyAppError(msg)
        clinic.proxy = subprocess.Popen(  # noqa: S603 (the nginx binary found above)
            clinic._nginx("-g", "daemon off;"), stderr=subprocess.DEVNULL
        )
    except BaseException:
        clinic.stop()
        raise
    return clinic


def serve_until_stopped(clinic: Clinic, every: float, report: Callable[[str], None]) -> None:
    """Watch the processes' health until SIGTERM or SIGINT, then stop everything."""
    stopping: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda number, _: stopping.append(number))
        for sig in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        down = frozenset[int]()
        while not stopping:
            now_down = clinic.watch_once()
            if now_down != down:
                report(f"out of rotation: {sorted(now_down) or 'none'}")
                down = now_down
            if clinic.proxy is not None and clinic.proxy.poll() is not None:
                msg = f"nginx exited; see {clinic.run_dir}/error.log"
                raise TherapyAppError(msg)
            time.sleep(every)
    finally:
        clinic.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
