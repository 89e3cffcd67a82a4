"""The README's clinic section on loopback, line by line (on free ports, in this test's own
PostgreSQL schema): nginx in front of three app processes, then https, the websocket,
stickiness, a killed process taken out of rotation, and a clean stop."""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import ssl
import subprocess
import sys
import time
from http.client import HTTPSConnection
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY
from therapy_app.deploy import clinic
from therapy_app.errors import TherapyAppError

README = Path(__file__).parents[2] / "README.md"
MARK = "<!-- clinic-loopback -->"
README_PORTS = {"8601": 0, "8643": 3, "8680": 4}  # README port -> offset in our free block
STARTED_SECONDS = 180


def _loopback_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(rf"{re.escape(MARK)}\n```bash\n(.*?)```", text, re.DOTALL)
    assert block, "the README's clinic section lost its loopback block"
    return block.group(1).strip().splitlines()


def _free_block(size: int) -> int:
    """The first of ``size`` consecutive free loopback ports."""
    for first in range(20000 + os.getpid() % 20000, 65000, size):
        try:
            sockets = []
            for port in range(first, first + size):
                sock = socket.socket()
                sockets.append(sock)
                sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    pytest.fail("no free block of ports")


def _on_our_ports(line: str, first: int) -> str:
    for port, offset in README_PORTS.items():
        line = line.replace(port, str(first + offset))
    return line


def _served_by(https: HTTPSConnection, route: str | None) -> tuple[int, int | None, str]:
    """(status, the app port that answered, the route cookie nginx set) for a health check."""
    headers = {"Cookie": f"therapy_route={route}"} if route else {}
    https.request("GET", clinic.HEALTH_PATH, headers=headers)
    response = https.getresponse()
    response.read()
    cookies = response.headers.get_all("Set-Cookie") or []
    ports = [int(m.group(1)) for c in cookies if (m := re.match(r"therapy_app_(\d+)_browser", c))]
    routes = [c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("therapy_route=")]
    return response.status, (ports or [None])[0], (routes or [""])[0]


def _websocket_upgrades(port: int, context: ssl.SSLContext) -> bool:
    request = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n"
        f"Origin: https://127.0.0.1:{port}\r\n\r\n"
    )
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        tls.sendall(request.encode())
        return tls.recv(200).startswith(b"HTTP/1.1 101")


def test_the_readme_clinic_section_runs_on_loopback(tmp_path, postgres_url) -> None:
    clinic.nginx_binary()  # a missing nginx fails here with the install command
    first = _free_block(5)
    lines = [_on_our_ports(line, first) for line in _loopback_lines()]
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "THERAPY_APP_HOME": str(tmp_path / "home"),
        "THERAPY_APP_KEY": TEST_KEY,
    }
    certificate, export, up, curl, stop = lines
    subprocess.run(certificate, shell=True, cwd=tmp_path, env=env, check=True, capture_output=True)  # noqa: S602
    name, _ = export.removeprefix("export ").split("=", 1)
    env[name] = postgres_url  # this test's own schema in the README's database
    arrangement = subprocess.Popen(  # noqa: S603
        shlex.split(up.removesuffix("&")), cwd=tmp_path, env=env, stdout=subprocess.PIPE
    )
    try:
        started = subprocess.run(  # noqa: S602
            curl, shell=True, cwd=tmp_path, env=env, capture_output=True, timeout=STARTED_SECONDS
        )
        assert started.returncode == 0 and started.stdout == b"ok", started.stderr
        ready = arrangement.stdout.readline()
        assert b'"processes"' in ready
        https_port, app_ports = first + 3, set(range(first, first + 3))
        context = ssl.create_default_context(cafile=str(tmp_path / "clinic.crt"))
        https = HTTPSConnection("127.0.0.1", https_port, context=context, timeout=10)
        status, port, route = _served_by(https, None)
        assert status == 200 and port in app_ports and route  # the proxy set a route
        assert _websocket_upgrades(https_port, context)
        routes = [f"browser-{n}" for n in range(30)]
        homes = {r: _served_by(https, r)[1] for r in routes}
        assert set(homes.values()) == app_ports  # thirty browsers spread over the three
        assert all(_served_by(https, r)[1] == homes[r] for r in routes for _ in range(3))
        victim = homes[routes[0]]
        os.kill(int(re.search(rf'"{victim}": (\d+)'.encode(), ready).group(1)), signal.SIGKILL)
        deadline = time.monotonic() + 20
        while _served_by(https, routes[0])[1] == victim and time.monotonic() < deadline:
            time.sleep(0.5)
        after = {r: _served_by(https, r) for r in routes}
        assert all(status == 200 and port != victim for status, port, _ in after.values())
        others = [r for r in routes if homes[r] != victim]
        assert all(after[r][1] == homes[r] for r in others)  # the others stayed where they were
        https.close()
        assert stop == "kill %1"
    finally:
        arrangement.send_signal(signal.SIGTERM)
        arrangement.wait(timeout=30)
    assert arrangement.returncode == 0
    for port in (https_port, *app_ports):
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_a_missing_nginx_is_named_with_its_install_command(monkeypatch) -> None:
    monkeypatch.setattr(clinic.shutil, "which", lambda *_args, **_kw: None)
    with pytest.raises(TherapyAppError, match="apt-get install -y nginx"):
        clinic.nginx_binary()


def test_the_site_command_refuses_a_missing_certificate_in_one_line(tmp_path) -> None:
    run = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "therapy_app",
            "clinic",
            "site",
            "--cert",
            str(tmp_path / "no.crt"),
            "--key",
            str(tmp_path / "no.key"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0 and "no.crt is not a file" in run.stderr
    assert "Traceback" not in run.stderr
