"""A throwaway PostgreSQL server for `therapy-app bench clinic`: made with Debian's own
binaries in a temporary folder, on a free loopback port, so that Fault C restarts it without
disturbing anyone else's database, and a fresh clone needs only the postgresql package."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from therapy_app.errors import TherapyAppError

BINARIES = Path("/usr/lib/postgresql")
MISSING = (
    "PostgreSQL's server binaries are not installed (looked in /usr/lib/postgresql/*/bin). "
    "On Debian: apt-get install -y postgresql; or pass --database-url to use a running server."
)
# initdb refuses to run as root; the server then runs as Debian's postgres account
SERVER_ACCOUNT = "postgres"
SUPERUSER = "bench"
START_SECONDS = 60


def _binaries() -> Path:
    found = sorted(
        (path for path in BINARIES.glob("*/bin") if (path / "pg_ctl").is_file()),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    if not found:
        raise TherapyAppError(MISSING)
    return found[-1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_account() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_ACCOUNT)
    except KeyError:
        msg = f"As root, the server runs as {SERVER_ACCOUNT}, an account that is missing. {MISSING}"
        raise TherapyAppError(msg) from None
    return ["runuser", "-u", SERVER_ACCOUNT, "--"]


@dataclass
class PrivateServer:
    """A PostgreSQL server of the benchmark's own; ``stop`` ends it and deletes its files."""

    folder: Path
    binaries: Path
    port: int
    prefix: list[str]

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, *arguments: str) -> None:
        command = [*self.prefix, str(self.binaries / "pg_ctl"), "-D", str(self.data), *arguments]
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines() or ["no output"]
            msg = f"pg_ctl {arguments[0]} failed: {lines[-1]} (log: {self.folder}/server.log)"
            raise TherapyAppError(msg)

    def start(self) -> None:
        # -l everywhere: a server left writing to our pipe would keep pg_ctl's run waiting
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder}"
        self._pg_ctl(
            "start", "-w", "-t", str(START_SECONDS), "-o", options, "-l", str(self.server_log)
        )

    @property
    def server_log(self) -> Path:
        return self.folder / "server.log"

    def restart(self) -> None:
        """A fast restart: sessions are cut, as when the database server restarts."""
        self._pg_ctl(
            "restart", "-m", "fast", "-w", "-t", str(START_SECONDS), "-l", str(self.server_log)
        )

    def stop(self) -> None:
        try:
            self._pg_ctl("stop", "-m", "fast", "-w")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_private_server() -> PrivateServer:
    """initdb in a temporary folder and start the server on a free loopback port."""
    binaries = _binaries()
    prefix = _as_server_account()
    folder = Path(tempfile.mkdtemp(prefix="therapy-bench-postgres-"))
    if prefix:
        shutil.chown(folder, SERVER_ACCOUNT, SERVER_ACCOUNT)
    server = PrivateServer(folder, binaries, _free_port(), prefix)
    made = subprocess.run(  # noqa: S603 (Debian's initdb, our arguments)
        [
            *prefix,
            str(binaries / "initdb"),
            "-D",
            str(server.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        lines = made.stderr.strip().splitlines() or ["no output"]
        msg = f"initdb failed: {lines[-1]}"
        raise TherapyAppError(msg)
    try:
        server.start()
    except TherapyAppError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server
