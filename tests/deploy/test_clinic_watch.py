"""The watcher takes a dead process out of rotation at once, and a busy one (a health check
answered late) only after it has stayed silent for SLOW_DOWN_SECONDS."""

import socket
from pathlib import Path

from therapy_app.deploy import clinic
from therapy_app.deploy.site import Site


def _clinic() -> clinic.Clinic:
    site = Site((8601, 8602), 8643, 8680, Path("clinic.crt"), Path("clinic.key"))
    return clinic.Clinic(site, Path("run"), Path("/usr/sbin/nginx"))


def test_a_dead_process_is_down_at_once_a_slow_one_only_when_silent_long(monkeypatch) -> None:
    states = {8601: "dead", 8602: "slow"}
    now = [1000.0]
    monkeypatch.setattr(clinic, "probe", lambda port: states[port])
    monkeypatch.setattr(clinic.time, "monotonic", lambda: now[0])
    watched = _clinic()
    assert watched._is_down(8601)
    assert not watched._is_down(8602)
    now[0] += clinic.SLOW_DOWN_SECONDS - 1
    assert not watched._is_down(8602)
    now[0] += 1
    assert watched._is_down(8602)  # hung
    states[8602] = "up"
    assert not watched._is_down(8602)
    states[8602] = "slow"
    assert not watched._is_down(8602)  # silence counts afresh after an answer


def test_probe_tells_a_refused_port_from_a_silent_one() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        free = closed.getsockname()[1]
    assert clinic.probe(free) == "dead"
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        assert clinic.probe(silent.getsockname()[1], timeout=0.3) == "slow"
