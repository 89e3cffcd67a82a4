"""Serving the app with its settings on a free port, and driving Debian's chromium (browser
tests, bench app)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from therapy_app.errors import TherapyAppError

if TYPE_CHECKING:
    from collections.abc import Iterator

CHROMIUM = "/usr/bin/chromium"
CONFIG = Path(__file__).parents[1] / "ui" / "config.toml"  # the app's Streamlit settings
LOG_LINES_TOLD = 80  # of the app's output, shown beside a failed test
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def require_chromium(who: str) -> None:
    """Refuse, with what to install, where Playwright or Debian's chromium is missing."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        msg = f"{who} drives chromium with Playwright: pip install -e '.[test]'"
        raise TherapyAppError(msg) from None
    if not Path(CHROMIUM).exists():
        msg = f"{who} needs {CHROMIUM}: apt-get install -y chromium"
        raise TherapyAppError(msg)


def streamlit_flags() -> list[str]:
    """The app's Streamlit settings (CONFIG) as command-line flags."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    return [f"--{name}={value}" for name, value in _flattened(config)]


def _flattened(table: dict[str, object], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Dotted option names and their values; nested tables such as [theme.dark] included."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flattened(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", str(value).lower() if isinstance(value, bool) else str(value)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            msg = f"the app exited with {process.returncode}"
            raise RuntimeError(msg)
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    msg = "the app did not become healthy in time"
    raise RuntimeError(msg)


@contextmanager
def serving(
    arguments: list[str],
    env: dict[str, str],
    port_option: str = "--port",
    *,
    tell_log: bool = False,
) -> Iterator[str]:
    """Run ``python -m <arguments> --port P`` until the block ends; yields its URL. With
    ``tell_log``, the end of what the app printed goes to standard error when it stops (a
    test shows it when it fails)."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", *arguments, port_option, str(port)],
            env={**os.environ, **env},
            stdout=log if tell_log else subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)
            if tell_log:
                log.seek(0)
                tail = log.read().decode(errors="replace").splitlines()[-LOG_LINES_TOLD:]
                print("\n".join(["the app's output, last lines:", *tail]), file=sys.stderr)
